// Issue 11's concurrent-reads figures: every synchronizer's full import of a generated 20k-issue dataset
// with 300 ms of latency on every Jira call (the emulator's `--latency 300`). For each: wall time against
// the sequential floor (calls × 300 ms; target ≤ 0.3×) and points against the single-stream run
// (JIRA_LANES=1; target ≤ 1.01×), and the forests' row counts, which must agree.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDataset } from '../../local/dataset/generate';
import { createJiraEmulator } from '../../local/emulator';
import type { Figures } from './benchmark';
import type { LatencyScenario } from './import-latency-child';
import { measureInChild } from './measure';

export const name = 'import-latency-20k';

const ISSUES = 20_000;
const LATENCY_MS = 300;

export async function run(): Promise<Figures> {
  const dataset = generateDataset({ issues: ISSUES, seed: 1 });
  const admin = dataset.users.find((u) => u.siteAdmin);
  if (!admin) throw new Error('The generated dataset has no site admin');
  const projects = dataset.projects.map((p) => p.key).join(', ');
  const subtaskTypes = new Set(dataset.issueTypes.filter((t) => t.subtask).map((t) => t.name));
  const blocks = dataset.linkTypes.find((t) => t.name === 'Blocks');
  if (!blocks) throw new Error('no Blocks link type');
  const scenarios: LatencyScenario[] = [
    {
      synchronizer: 'filter',
      params: { source: { kind: 'jql', jql: `project in (${projects}) ORDER BY Rank ASC` }, add: { at: 'top' } },
      startIssueIds: [],
    },
    {
      synchronizer: 'subtasks',
      params: { addMissing: true },
      startIssueIds: dataset.issues.filter((i) => !subtaskTypes.has(i.type)).map((i) => Number(i.id)),
    },
    {
      synchronizer: 'links',
      params: {
        linkTypeId: blocks.id,
        parentEnd: 'inward',
        scope: 'all',
        parentJql: `project in (${projects}) ORDER BY Rank ASC`,
        levels: 10,
      },
      startIssueIds: [],
    },
    {
      synchronizer: 'agile',
      params: {
        source: { mode: 'custom', projectKeys: dataset.projects.map((p) => p.key), rankFieldId: 'customfield_10019' },
        subtasks: true,
      },
      startIssueIds: [],
    },
    {
      synchronizer: 'hierarchy',
      params: {
        roots: { kind: 'jql', jql: `project in (${projects}) AND parent is EMPTY` },
        levels: 10,
        order: 'rank',
      },
      startIssueIds: [],
    },
  ];
  const jira = createJiraEmulator({ dataset });
  const { url } = await jira.listen(0);
  jira.faults.configure({ latencyMs: LATENCY_MS });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'latency-bench-'));
  try {
    const file = path.join(dir, 'scenarios.json');
    writeFileSync(file, JSON.stringify(scenarios));
    const measured = await measureInChild(path.join(__dirname, 'import-latency-child.ts'), [
      url,
      admin.accountId,
      file,
    ]);
    const figures: Figures = { issues: ISSUES, latencyMs: LATENCY_MS };
    for (const { synchronizer: s } of scenarios) {
      const calls = Number(measured[`${s}Calls`]);
      const floor = calls * LATENCY_MS;
      const wallRatio = Number(measured[`${s}WallMs`]) / floor;
      const pointsRatio = Number(measured[`${s}Points`]) / Number(measured[`${s}SingleStreamPoints`]);
      Object.assign(figures, {
        [`${s}Calls`]: calls,
        [`${s}Points`]: measured[`${s}Points`],
        [`${s}WallMs`]: measured[`${s}WallMs`],
        [`${s}SequentialFloorMs`]: floor,
        [`${s}WallOfFloor`]: Math.round(wallRatio * 100) / 100,
        [`${s}SingleStreamCalls`]: measured[`${s}SingleStreamCalls`],
        [`${s}SingleStreamPoints`]: measured[`${s}SingleStreamPoints`],
        [`${s}SingleStreamWallMs`]: measured[`${s}SingleStreamWallMs`],
        [`${s}PointsOfSingleStream`]: Math.round(pointsRatio * 1000) / 1000,
        [`${s}RowsAgree`]: measured[`${s}Rows`] === measured[`${s}SingleStreamRows`] ? 'yes' : 'no',
        [`${s}MeetsTargets`]: wallRatio <= 0.3 && pointsRatio <= 1.01 ? 'yes' : 'no',
      });
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await jira.close();
  }
}
