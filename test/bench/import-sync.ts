// Shared by the import-{subtasks,links,agile,hierarchy} benchmarks: a generated 100k-issue dataset
// (seed 1) in the emulator, in this process; the import run twice in a child process (the first import,
// then a repeat after the scenario's changes to about 1% of the issues). Figures as issue 4 names them:
// jiraCalls (target ≤ ceil(N/100) + 50), jiraPoints, computeMs (the planner, < 2 s), workerPeakRssMb
// (< 512; peakRssMb also counts the benchmark's own checks after the runs), repeatChangedIssues,
// repeatForestActions and the issues the repeat touched outside the changed issues' subtrees (0 expected). Targets are reported next to the figures, never enforced
// by hiding a figure.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDataset } from '../../local/dataset/generate';
import type { Dataset } from '../../local/dataset/types';
import { createJiraEmulator, type JiraEmulator } from '../../local/emulator';
import { random } from '../unit/domain/builders';
import type { Figures } from './benchmark';
import type { Scenario } from './import-sync-child';
import { measureInChild } from './measure';

export const ISSUES = 100_000;
export const CHANGED = Math.round(ISSUES * 0.01);

export type ScenarioOf = (dataset: Dataset, jira: JiraEmulator) => Scenario;

/** Picks `count` distinct items, seeded. */
export function pick<T>(items: readonly T[], count: number, seed: number): T[] {
  const rnd = random(seed);
  const out = new Set<T>();
  while (out.size < Math.min(count, items.length)) out.add(items[rnd.int(items.length)]);
  return [...out];
}

export const rnd = random;

export async function runSyncImportBench(scenarioOf: ScenarioOf): Promise<Figures> {
  const dataset = generateDataset({ issues: ISSUES, seed: 1 });
  const admin = dataset.users.find((u) => u.siteAdmin);
  if (!admin) throw new Error('The generated dataset has no site admin');
  const jira = createJiraEmulator({ dataset });
  const { url } = await jira.listen(0);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'import-bench-'));
  try {
    const scenario = scenarioOf(dataset, jira);
    const file = path.join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify(scenario));
    const figures = await measureInChild(path.join(__dirname, 'import-sync-child.ts'), [url, admin.accountId, file]);
    const target = Math.ceil(ISSUES / 100) + 50;
    return {
      issues: ISSUES,
      ...figures,
      jiraCallsTarget: target,
      meetsTargets:
        Number(figures.jiraCalls) <= target && Number(figures.computeMs) < 2000 && Number(figures.workerPeakRssMb) < 512
          ? 'yes'
          : 'no',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await jira.close();
  }
}
