// Incremental export reads: a run of a synchronizer whose planner needs only issue facts starts from the
// pages an earlier run with the same parameters read, and asks Jira only for the issues updated since
// (an `updated` search, 100 issues a call) and for the structure's issues no earlier run read. A full
// read comes back every FULL_READ_EVERY_MS, and after MAX_CHAIN runs, so what searches cannot see —
// deleted issues, lost permissions — does not outlive a day.
import { BULKFETCH_MAX, type JiraClient } from '../../jira';
import type { ExportBase, ExportJob, GatherCursor } from '../../storage';
import type { Invocation } from '../invocation';
import { jobsOf } from '../jobs/read';
import { compactFact, factFields } from './facts';
import type { GatherStep } from './spec';

export const FULL_READ_EVERY_MS = 24 * 60 * 60 * 1000;
const MAX_CHAIN = 24;
/** Jira's clocks and its search index lag a little: read back a few minutes before the last run started. */
export const CHANGED_SKEW_MS = 5 * 60 * 1000;
const JOBS_LOOKED_AT = 20;

/** The structure's ids as a set, built once per invocation (the gather stage keeps the same array). */
const sets = new WeakMap<readonly number[], ReadonlySet<number>>();
function structureSet(ids: readonly number[]): ReadonlySet<number> {
  let set = sets.get(ids);
  if (!set) sets.set(ids, (set = new Set(ids)));
  return set;
}

/** The base an export of these parameters can start from: the newest finished run within the day, if any. */
export async function exportBaseFor(
  inv: Invocation,
  structureId: string,
  synchronizer: string,
  params: unknown,
): Promise<ExportBase | undefined> {
  const { jobs } = await jobsOf(inv).listByStructure(structureId, JOBS_LOOKED_AT);
  const wanted = JSON.stringify(params);
  const now = inv.now();
  const previous = jobs.find(
    (j): j is ExportJob =>
      j.kind === 'export' &&
      j.synchronizer === synchronizer &&
      j.state === 'finished' &&
      JSON.stringify(j.params) === wanted &&
      // The same person: a run never starts from what someone else could see.
      j.startedBy === inv.accountId,
  );
  if (previous === undefined) return undefined;
  const started = previous.startedAt ?? previous.createdAt;
  const fullAt = previous.checkpoint.base?.fullAt ?? started;
  const chain = previous.checkpoint.base?.pages ?? [];
  if (now - fullAt > FULL_READ_EVERY_MS || chain.length + 1 > MAX_CHAIN) return undefined;
  return {
    pages: [...chain, { jobId: previous.id, pagePieces: previous.checkpoint.pagePieces }],
    since: started,
    fullAt,
  };
}

/**
 * The structure's issues updated since `since` (minus the skew), with an export's facts, 100 a call; only
 * in the projects the earlier runs saw, so changes elsewhere on the site cost nothing (an issue of another
 * project new in the structure is read by the facts step).
 */
export function changedFactsStep(since: number, now: () => number, projects: readonly string[]): GatherStep {
  return async (jira: JiraClient, ctx, at: Omit<GatherCursor, 'step'>) => {
    if (projects.length === 0) return { page: { facts: [] }, done: true };
    // Relative minutes, not a date: JQL reads dates in the user's time zone.
    const minutes = Math.ceil((now() - since + CHANGED_SKEW_MS) / 60_000);
    const inProjects = projects.map((p) => JSON.stringify(p)).join(', ');
    const page = await jira.searchIssues(
      `project in (${inProjects}) AND updated >= -${minutes}m ORDER BY id ASC`,
      factFields({ links: false, rankField: ctx.rankField }),
      at.nextPageToken,
      100,
    );
    const inStructure = structureSet(ctx.structureIds);
    const facts = page.issues.filter((i) => inStructure.has(Number(i.id))).map((i) => compactFact(i, ctx.rankField));
    return page.nextPageToken
      ? { page: { facts }, done: false, at: { nextPageToken: page.nextPageToken } }
      : { page: { facts }, done: true };
  };
}

/** The issues events named, read by id (one call, ≤ 50): Jira's search may not show their change yet. */
export function alsoReadStep(ids: readonly number[]): GatherStep {
  return async (jira, ctx) => {
    const inStructure = structureSet(ctx.structureIds);
    const wanted = [...new Set(ids)].filter((id) => inStructure.has(id)).slice(0, BULKFETCH_MAX);
    if (wanted.length === 0) return { page: { facts: [] }, done: true };
    const issues = await jira.bulkFetch(wanted, factFields({ links: false, rankField: ctx.rankField }));
    return { page: { facts: issues.map((i) => compactFact(i, ctx.rankField)) }, done: true };
  };
}
