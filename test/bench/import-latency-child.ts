// The app side of import-latency-20k, in its own process: each synchronizer's full import into an empty
// structure (Sub-tasks: into the dataset's standard issues), once reading one Jira call at a time
// (JIRA_LANES=1, the single-stream run) and once with the default lanes. Jira answers every call after
// the latency the parent set.
import { readFileSync } from 'node:fs';
import { ForestRepository, KvsWriteMeter } from '../../src/storage';
import { startBenchApp } from './bench-app';

export interface LatencyScenario {
  synchronizer: string;
  params: Record<string, unknown>;
  startIssueIds: number[];
}

export async function main([jiraUrl, accountId, file]: string[]): Promise<Record<string, number | string>> {
  const scenarios = JSON.parse(readFileSync(file, 'utf8')) as LatencyScenario[];
  const app = await startBenchApp(jiraUrl, accountId);
  const figures: Record<string, number | string> = {};
  try {
    for (const scenario of scenarios) {
      for (const lanes of ['1', '']) {
        if (lanes === '') delete process.env.JIRA_LANES;
        else process.env.JIRA_LANES = lanes;
        const structure = await app.createStructure(`${scenario.synchronizer} lanes ${lanes || 'default'}`);
        if (scenario.startIssueIds.length > 0) await app.givenTopLevelRows(structure.id, scenario.startIssueIds);
        const run = await app.runImport(structure.id, scenario.synchronizer, scenario.params);
        const prefix = `${scenario.synchronizer}${lanes === '1' ? 'SingleStream' : ''}`;
        figures[`${prefix}Calls`] = run.jiraCalls;
        figures[`${prefix}Points`] = run.jiraPoints;
        figures[`${prefix}WallMs`] = Math.round(run.wallMs);
        figures[`${prefix}Rows`] =
          (await new ForestRepository(new KvsWriteMeter()).getHeader(structure.id))?.rowCount ?? -1;
      }
    }
  } finally {
    delete process.env.JIRA_LANES;
    await app.close();
  }
  return figures;
}
