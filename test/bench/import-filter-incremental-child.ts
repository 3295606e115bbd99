// The worker side of the import-filter-incremental benchmark, in its own process (measureInChild): the
// local Forge runtime with this app against the emulator in the parent, over HTTP. Runs the Filter import
// four times on one structure: in full, again with nothing changed, again after the changes (through the
// emulator's controls), and once more reading in full, which must find nothing to change.
import { readFileSync } from 'node:fs';
import type { NewIssue } from '../../local/emulator/store';
import { startBenchApp } from './bench-app';

export interface FilterChanges {
  /** Keys of issues edited (their summary), which keep matching. */
  edited: string[];
  /** Issues created, which match. */
  created: NewIssue[];
}

async function control(jiraUrl: string, route: string, body: unknown): Promise<void> {
  const res = await fetch(`${jiraUrl}/__emulator${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${route}: ${res.status} ${await res.text()}`);
}

export async function main([jiraUrl, accountId, jql, changesFile]: string[]): Promise<Record<string, number>> {
  const changes = JSON.parse(readFileSync(changesFile, 'utf8')) as FilterChanges;
  const app = await startBenchApp(jiraUrl, accountId);
  try {
    const structure = await app.createStructure('Bench');
    const params = { source: { kind: 'jql', jql }, add: { at: 'top' }, remove: true };
    const full = await app.runImport(structure.id, 'filter', params);
    const unchanged = await app.runImport(structure.id, 'filter', params);
    for (const key of changes.edited)
      await control(jiraUrl, `/issues/${encodeURIComponent(key)}`, { summary: `${key} edited` });
    for (const issue of changes.created) await control(jiraUrl, '/issues', issue);
    const changed = await app.runImport(structure.id, 'filter', params);
    process.env.SYNC_FULL_READ_HOURS = '0';
    const check = await app.runImport(structure.id, 'filter', params);
    delete process.env.SYNC_FULL_READ_HOURS;
    const incremental = (job: typeof full.job) =>
      job.log.some((l) => l.message.startsWith('Read only what changed')) ? 1 : 0;
    const r = check.job.result;
    return {
      rows: full.job.result?.added ?? -1,
      jiraCalls: full.jiraCalls,
      jiraPoints: full.jiraPoints,
      wallMs: Math.round(full.wallMs),
      kvsWrites: full.kvsWriteUnits,
      unchangedIncremental: incremental(unchanged.job),
      unchangedJiraCalls: unchanged.jiraCalls,
      unchangedJiraPoints: unchanged.jiraPoints,
      unchangedWallMs: Math.round(unchanged.wallMs),
      unchangedKvsWrites: unchanged.kvsWriteUnits,
      changedIncremental: incremental(changed.job),
      changedJiraCalls: changed.jiraCalls,
      changedJiraPoints: changed.jiraPoints,
      changedWallMs: Math.round(changed.wallMs),
      changedKvsWrites: changed.kvsWriteUnits,
      changedAdded: changed.job.result?.added ?? -1,
      /** The full read after the incremental run: anything it would change is a difference between the two. */
      fullReadAfterJiraPoints: check.jiraPoints,
      fullReadAfterActions: r ? r.added + r.moved + r.removed : -1,
    };
  } finally {
    await app.close();
  }
}
