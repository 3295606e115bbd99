// The worker side of the import-{subtasks,links,agile,hierarchy} benchmarks, in its own process
// (measureInChild) so its peak RSS is the app's: local Forge runtime + this app's resolvers and worker
// + the KVS. Jira (the emulator with 100k issues) runs in the parent and is reached over HTTP.
// Reads a scenario file: the synchronizer and parameters, the issues the structure starts with, and
// the changes (about 1% of the issues) made through the emulator's controls before the repeat.
import { readFileSync } from 'node:fs';
import { applyUpdate, Forest } from '../../src/domain/forest';
import { getSynchronizer } from '../../src/synchronizers/registry';
import type { ImportInput, ImportPlan } from '../../src/domain/synchronizers/types';
import { ForestRepository, KvsWriteMeter } from '../../src/storage';
import { startBenchApp } from './bench-app';

export type Change =
  | { kind: 'parent'; key: string; parent: string }
  | { kind: 'relink'; removeLinkId: string; source: string; type: string; destination: string };

export interface Scenario {
  synchronizer: string;
  params: Record<string, unknown>;
  /** Top-level rows the structure starts with (empty: an empty structure). */
  startIssueIds: number[];
  changes: Change[];
  /** Issues the changes are about (ids), to check the repeat touches only them. */
  changedIssueIds: number[];
}

interface PlannerCall {
  ms: number;
  actions: number;
  /** Issues whose rows the plan moves, removes or adds (an added subtree counts every issue in it). */
  touched: Set<number>;
  /** The plan's input and update, to check after the run (so the check adds nothing to the worker's peak RSS). */
  forest: Forest;
  update: ImportPlan['update'];
}

/** Times every call of the synchronizer's planner in this process (the worker's forest compute). */
function timePlanner(key: string): { last: () => PlannerCall } {
  const sync = getSynchronizer(key) as { planImport?: (input: ImportInput<unknown, unknown>) => ImportPlan };
  const original = sync.planImport;
  if (!original) throw new Error(`${key} has no planner`);
  let last: PlannerCall = { ms: 0, actions: 0, touched: new Set(), forest: Forest.EMPTY, update: [] };
  sync.planImport = (input) => {
    const t0 = performance.now();
    const plan = original(input);
    const ms = performance.now() - t0;
    const touched = new Set<number>();
    for (const a of plan.update) {
      if (a.kind === 'add') for (const r of a.rows) touched.add(r.issueId);
      else touched.add(input.forest.issueOf(a.rowId));
    }
    last = { ms, actions: plan.update.length, touched, forest: input.forest, update: plan.update };
    return plan;
  };
  return { last: () => last };
}

function outsideChangedSubtrees(forest: Forest, touched: ReadonlySet<number>, changed: ReadonlySet<number>): number {
  let outside = 0;
  for (const id of touched) {
    if (changed.has(id)) continue;
    const within = forest.rowsOfIssue(id).some((rowId) => {
      for (let r = forest.parentOf(rowId); r !== 0; r = forest.parentOf(r))
        if (changed.has(forest.issueOf(r))) return true;
      return false;
    });
    if (!within) outside++;
  }
  return outside;
}

async function control(jiraUrl: string, method: string, route: string, body?: unknown): Promise<void> {
  const res = await fetch(`${jiraUrl}/__emulator${route}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
}

export async function main([jiraUrl, accountId, scenarioFile]: string[]): Promise<Record<string, number>> {
  const scenario = JSON.parse(readFileSync(scenarioFile, 'utf8')) as Scenario;
  const planner = timePlanner(scenario.synchronizer);
  const app = await startBenchApp(jiraUrl, accountId);
  try {
    // Setup that is not part of the import: the structure and the rows it starts with.
    const structure = await app.createStructure('Bench');
    if (scenario.startIssueIds.length > 0) await app.givenTopLevelRows(structure.id, scenario.startIssueIds);
    const runImport = async () => ({
      ...(await app.runImport(structure.id, scenario.synchronizer, scenario.params)),
      plan: planner.last(),
    });

    const first = await runImport();
    for (const change of scenario.changes) {
      if (change.kind === 'parent')
        await control(jiraUrl, 'POST', `/issues/${encodeURIComponent(change.key)}`, { parent: change.parent });
      else {
        await control(jiraUrl, 'DELETE', `/links/${change.removeLinkId}`);
        await control(jiraUrl, 'POST', '/links', {
          source: change.source,
          type: change.type,
          destination: change.destination,
        });
      }
    }
    const repeat = await runImport();
    // The worker's peak: measured before the checks below, which are the benchmark's, not the app's.
    const workerPeakRssMb = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
    const outside = outsideChangedSubtrees(
      applyUpdate(repeat.plan.forest, repeat.plan.update),
      repeat.plan.touched,
      new Set(scenario.changedIssueIds),
    );
    const rows = (await new ForestRepository(new KvsWriteMeter()).getHeader(structure.id))?.rowCount ?? -1;
    const r = first.job.result;
    const rr = repeat.job.result;
    return {
      rowsBefore: scenario.startIssueIds.length,
      rows,
      added: r?.added ?? -1,
      jiraCalls: first.jiraCalls,
      jiraPoints: first.jiraPoints,
      computeMs: Math.round(first.plan.ms),
      forestActions: first.plan.actions,
      wallMs: Math.round(first.wallMs),
      workerPeakRssMb,
      workerEvents: app.rt.queue.deliveries.length,
      repeatChangedIssues: new Set(scenario.changedIssueIds).size,
      repeatForestActions: repeat.plan.actions,
      repeatIssuesTouched: repeat.plan.touched.size,
      repeatIssuesTouchedNotChanged: [...repeat.plan.touched].filter((id) => !scenario.changedIssueIds.includes(id))
        .length,
      /** Of those, issues outside every changed issue's subtree: the repeat's changes should be limited to the changed issues (and what hangs under them). */
      repeatIssuesTouchedOutsideChangedSubtrees: outside,
      repeatMoved: rr?.moved ?? -1,
      repeatAdded: rr?.added ?? -1,
      repeatRemoved: rr?.removed ?? -1,
      repeatJiraCalls: repeat.jiraCalls,
      repeatJiraPoints: repeat.jiraPoints,
      repeatComputeMs: Math.round(repeat.plan.ms),
      repeatWallMs: Math.round(repeat.wallMs),
    };
  } finally {
    await app.close();
  }
}
