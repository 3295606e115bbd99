// Incremental Filter resync on a generated 100k-issue dataset (issue 11 item 1): the full run's points,
// a repeat with nothing changed (target ≤ 10 points), and a repeat after 1% of the issues changed —
// edited, and some new (target ≤ 3% of the full run's points). A last run reading in full
// (SYNC_FULL_READ_HOURS=0) checks that the incremental run left exactly the full run's forest: it must
// change nothing. Targets are reported next to the figures, never enforced by hiding a figure.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDataset } from '../../local/dataset/generate';
import { createJiraEmulator } from '../../local/emulator';
import type { Figures } from './benchmark';
import { pick, ISSUES, CHANGED } from './import-sync';
import type { FilterChanges } from './import-filter-incremental-child';
import { measureInChild } from './measure';

export const name = 'import-filter-incremental-100k';

export async function run(): Promise<Figures> {
  const dataset = generateDataset({ issues: ISSUES, seed: 1 });
  const admin = dataset.users.find((u) => u.siteAdmin);
  if (!admin) throw new Error('The generated dataset has no site admin');
  const jira = createJiraEmulator({ dataset });
  const { url } = await jira.listen(0);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'filter-incremental-'));
  try {
    const jql = `project in (${dataset.projects.map((p) => p.key).join(', ')}) ORDER BY Rank ASC`;
    const created = Math.round(CHANGED / 20);
    const changes: FilterChanges = {
      edited: pick(
        dataset.issues.map((i) => i.key),
        CHANGED - created,
        11,
      ),
      created: Array.from({ length: created }, (_, i) => ({
        project: dataset.projects[i % dataset.projects.length].key,
        type: 'Task',
        summary: `New work ${i}`,
      })),
    };
    const file = path.join(dir, 'changes.json');
    writeFileSync(file, JSON.stringify(changes));
    const figures = await measureInChild(path.join(__dirname, 'import-filter-incremental-child.ts'), [
      url,
      admin.accountId,
      jql,
      file,
    ]);
    const full = Number(figures.jiraPoints);
    return {
      issues: ISSUES,
      changedIssues: CHANGED,
      ...figures,
      changedPointsShareOfFull: Math.round((Number(figures.changedJiraPoints) / full) * 10_000) / 10_000,
      changedPointsTarget: Math.floor(full * 0.03),
      unchangedPointsTarget: 10,
      meetsTargets:
        Number(figures.changedJiraPoints) <= full * 0.03 &&
        Number(figures.unchangedJiraPoints) <= 10 &&
        Number(figures.fullReadAfterActions) === 0
          ? 'yes'
          : 'no',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await jira.close();
  }
}
