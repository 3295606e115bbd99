// Fetch stages the staged imports are made of. Each unit makes at most CALLS_PER_UNIT Jira calls and
// returns one page; the cursor says where the next unit continues, so a deadline between units resumes.
//   forestIssuesStage: bulkfetch (≤100 a call) of the forest's distinct issues, in id order;
//   searchStage:       a JQL search, ids-only pages of 5000 or pages of 100 with fields;
//   expandStage:       level by level, bulkfetch of the issues a previous level points at;
//   childrenStage:     level by level, `parent in (…)` searches below the previous level.
import { isFolder, type IssueId } from '../../domain/forest';
import { BULKFETCH_MAX, JiraHttpError, JiraJqlInvalid } from '../../jira';
import { searchIdsReconciled, searchIssuesReconciled } from '../../jira/search-reconciled';
import type { ImportResolved } from '../../storage';
import { issuesOf, storedIssue, visibilityOf, type FactsPage, type StoredIssue } from './facts';
import { CALLS_PER_UNIT, type FetchStage, type FetchContext } from './staged-import';

/** Issues with fields a search page holds at most (Jira's limit when fields are asked for). */
export const FIELDS_PAGE_SIZE = 100;
/** Parent ids per `parent in (…)` query: about 6 KB of JQL. */
export const PARENT_CHUNK = 1000;

const PHASE_SEARCH = 'searching Jira';
const PHASE_READ = 'reading the structure’s issues from Jira';
const PHASE_LEVELS = 'following the hierarchy level by level';

/**
 * The forest's distinct issue ids by the depth of their shallowest row, each level in ascending id order
 * (memoised per invocation): parents come before the rows under them, so what a parent tells about
 * its children (e.g. its sub-tasks) is known before they come up.
 */
async function forestLevels<P>(ctx: FetchContext<P>): Promise<number[][]> {
  const cached = ctx.memo.get('forestLevels') as number[][] | undefined;
  if (cached) return cached;
  const forest = await ctx.forest();
  const shallowest = new Map<number, number>();
  for (let i = 0; i < forest.size; i++) {
    const id = forest.issueIdAt(i);
    // A folder is no issue: Jira has no facts of it.
    if (isFolder(id)) continue;
    const depth = forest.depthAt(i);
    const known = shallowest.get(id);
    if (known === undefined || depth < known) shallowest.set(id, depth);
  }
  const levels: number[][] = [];
  for (const [id, depth] of shallowest) (levels[depth] ??= []).push(id);
  for (let d = 0; d < levels.length; d++) levels[d] = (levels[d] ?? []).sort((a, b) => a - b);
  ctx.memo.set('forestLevels', levels);
  return levels;
}

/** First index in sorted `ids` of an id greater than `after`. */
function firstAfter(ids: readonly number[], after: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid] <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

async function bulkFetchStored<P>(ctx: FetchContext<P>, ids: readonly number[], fields: string[]) {
  const issues = [];
  for (let i = 0; i < ids.length; i += BULKFETCH_MAX) {
    for (const issue of await ctx.jira.bulkFetch(ids.slice(i, i + BULKFETCH_MAX), fields))
      issues.push(storedIssue(issue, ctx.resolved.rankFieldId));
  }
  return issues;
}

/**
 * The facts of every issue in the structure, 100 a call and CALLS_PER_UNIT calls a unit, level by level
 * (see forestLevels): ids bulkfetch does not return are issues the user cannot see, so this also
 * answers visibility for every row. `answersFor`: ids a fetched issue already answers for, which are
 * then not fetched (a parent's sub-tasks: Jira lists only those the user sees, and they have none).
 */
export function forestIssuesStage<P>(
  name: string,
  fields: string[],
  answersFor?: (issue: StoredIssue) => readonly number[],
): FetchStage<P> {
  return {
    name,
    phase: PHASE_READ,
    withoutPages: answersFor === undefined,
    async run(ctx, cursor) {
      const levels = await forestLevels(ctx);
      const answered = answersFor ? answeredIds(ctx, name, answersFor) : undefined;
      let depth = Number(cursor?.depth ?? 0);
      let at = firstAfter(levels[depth] ?? [], Number(cursor?.after ?? 0));
      let last = Number(cursor?.after ?? 0);
      const page: FactsPage = { stage: name, round: 0, issues: [], asked: [] };
      for (let call = 0; call < CALLS_PER_UNIT; call++) {
        const batch: number[] = [];
        while (batch.length < BULKFETCH_MAX && depth < levels.length) {
          const level = levels[depth] ?? [];
          if (at >= level.length) {
            depth++;
            at = 0;
            last = 0;
            continue;
          }
          const id = level[at++];
          last = id;
          if (!answered?.ids.has(id)) batch.push(id);
        }
        if (batch.length === 0) break;
        const found = await bulkFetchStored(ctx, batch, fields);
        page.asked?.push(...batch);
        page.issues?.push(...found);
        if (answered && answersFor) for (const issue of found) for (const id of answersFor(issue)) answered.ids.add(id);
      }
      const done = depth >= levels.length;
      if ((page.asked ?? []).length === 0) return { done: true };
      return {
        page,
        cursor: { depth, after: last },
        done,
        fetched: page.issues?.length ?? 0,
        progress: positionIn(levels, depth, at),
      };
    },
  };
}

/** How many of the levels' ids lie before `at` of level `depth`, of all of them: the structure's issues gone through. */
function positionIn(levels: readonly number[][], depth: number, at: number): { done: number; total: number } {
  let done = 0;
  let total = 0;
  for (let d = 0; d < levels.length; d++) {
    const size = levels[d]?.length ?? 0;
    total += size;
    if (d < depth) done += size;
    else if (d === depth) done += Math.min(at, size);
  }
  return { done, total };
}

/** Ids the pages so far (and this invocation's fetches) answer for, extended page by page. */
function answeredIds<P>(
  ctx: FetchContext<P>,
  name: string,
  answersFor: (issue: StoredIssue) => readonly number[],
): { ids: Set<number> } {
  const key = `answered:${name}`;
  const known = (ctx.memo.get(key) as { pages: number; ids: Set<number> } | undefined) ?? {
    pages: 0,
    ids: new Set<number>(),
  };
  for (let p = known.pages; p < ctx.pages.length; p++)
    for (const issue of ctx.pages[p].issues ?? []) for (const id of answersFor(issue)) known.ids.add(id);
  known.pages = ctx.pages.length;
  ctx.memo.set(key, known);
  return known;
}

/** How the job log and the preview show one of Jira's search warnings. */
export const jiraWarningLine = (message: string): string => `Jira accepted the query with a warning: ${message}`;

/**
 * All results of a JQL search, CALLS_PER_UNIT pages a unit: `fields: 'ids'` reads ids-only pages of 5000
 * (membership and order), otherwise pages of 100 issues with those fields.
 */
export function searchStage<P>(
  name: string,
  jqlOf: (params: P, resolved: ImportResolved) => string,
  fields: string[] | 'ids',
  note?: (matched: number) => string,
  options: { count?: boolean } = {},
): FetchStage<P> {
  return {
    name,
    phase: PHASE_SEARCH,
    withoutPages: true,
    async run(ctx, cursor) {
      const jql = jqlOf(ctx.params, ctx.resolved);
      let token = cursor?.token as string | undefined;
      const page: FactsPage = { stage: name, round: 0 };
      let fetched = 0;
      // Jira repeats a query's warnings on every page: the job log says them once, from the first.
      let warnings: string[] | undefined;
      const firstPage = cursor?.token === undefined;
      for (let call = 0; call < CALLS_PER_UNIT; call++) {
        if (fields === 'ids') {
          const ids = await searchIdsReconciled(ctx.jira, jql, token, ctx.resolved.reconcileIssueIds);
          if (call === 0 && firstPage) warnings = ids.warnings;
          (page.ids ??= []).push(...ids.ids);
          fetched += ids.ids.length;
          token = ids.nextPageToken;
        } else {
          const found = await searchIssuesReconciled(
            ctx.jira,
            jql,
            fields,
            token,
            FIELDS_PAGE_SIZE,
            ctx.resolved.reconcileIssueIds,
          );
          if (call === 0 && firstPage) warnings = found.warnings;
          (page.issues ??= []).push(...found.issues.map((i) => storedIssue(i, ctx.resolved.rankFieldId)));
          fetched += found.issues.length;
          token = found.nextPageToken;
        }
        if (!token) break;
      }
      const done = !token;
      const matched = Number(cursor?.matched ?? 0) + fetched;
      // Counted only when the search takes more than one unit: a search done at once has no bar to fill.
      const total = options.count && !done ? (firstPage ? await countOf(ctx.jira, jql) : cursor?.total) : undefined;
      return {
        page,
        cursor: { token, matched, ...(typeof total === 'number' ? { total } : {}) },
        ...(typeof total === 'number' ? { progress: { done: matched, total } } : {}),
        done,
        fetched,
        note: done && note ? note(matched) : undefined,
        warnings: warnings?.map(jiraWarningLine),
      };
    },
  };
}

/**
 * Jira's estimate of what a search finds, for the progress bar only (1 point, once per search): when Jira
 * will not count (a refusal of the count alone), the bar stays indeterminate. Rate limits and outages are
 * not swallowed: they pause or fail the job as any call's would.
 */
async function countOf(jira: FetchContext<unknown>['jira'], jql: string): Promise<number | undefined> {
  try {
    return await jira.approximateCount(jql);
  } catch (error) {
    if (error instanceof JiraJqlInvalid || error instanceof JiraHttpError) return undefined;
    throw error;
  }
}

/**
 * Level by level (round 1..rounds): the issues `frontier` names from the pages of the previous round
 * (round 0: the first stages' pages) that no page holds yet, bulk-fetched in id order. A round with
 * nothing to fetch ends the stage.
 */
export function expandStage<P>(
  name: string,
  fields: string[],
  rounds: (params: P) => number,
  frontier: (previousRound: readonly FactsPage[], params: P) => Iterable<IssueId>,
): FetchStage<P> {
  return {
    name,
    phase: PHASE_LEVELS,
    async run(ctx, cursor) {
      const round = Number(cursor?.round ?? 1);
      if (round > rounds(ctx.params)) return { done: true };
      const ids = roundIds(ctx, name, round, () => {
        const known = visibilityOf(ctx.pages).asked;
        for (const id of issuesOf(ctx.pages).keys()) known.add(id);
        const previous = ctx.pages.filter((p) => (p.round ?? 0) === round - 1);
        return [...new Set(frontier(previous, ctx.params))].filter((id) => !known.has(id));
      });
      const from = firstAfter(ids, Number(cursor?.after ?? 0));
      const asked = ids.slice(from, from + BULKFETCH_MAX * CALLS_PER_UNIT);
      if (asked.length === 0) return { done: true };
      const issues = await bulkFetchStored(ctx, asked, fields);
      const roundDone = from + asked.length >= ids.length;
      return {
        page: { stage: name, round, issues, asked },
        cursor: roundDone ? { round: round + 1 } : { round, after: asked[asked.length - 1] },
        done: false,
        fetched: issues.length,
        progress: { done: from + asked.length, total: ids.length },
      };
    },
  };
}

/**
 * Level by level (round 1..rounds): the children (`parent in (…)`, PARENT_CHUNK parents a query) of the
 * issues the previous round found (round 0: the roots), with `fields`. Issues already found are not
 * kept twice, so a roots JQL that also matches children costs pages but never duplicates facts.
 */
export function childrenStage<P>(
  name: string,
  fields: (resolved: ImportResolved) => string[],
  rounds: (params: P) => number,
): FetchStage<P> {
  return {
    name,
    phase: PHASE_LEVELS,
    async run(ctx, cursor) {
      const round = Number(cursor?.round ?? 1);
      if (round > rounds(ctx.params)) return { done: true };
      // Sub-tasks (level -1) are the bottom of every Jira hierarchy: asking for their children costs a page each chunk for nothing.
      const parents = roundIds(ctx, name, round, () =>
        [...issuesOf(ctx.pages, (p) => (p.round ?? 0) === round - 1).values()]
          .filter((i) => i.level === undefined || i.level >= 0)
          .map((i) => i.id),
      );
      let chunk = Number(cursor?.chunk ?? 0);
      let token = cursor?.token as string | undefined;
      if (chunk * PARENT_CHUNK >= parents.length) return { done: true };
      const known = issuesOf(ctx.pages);
      const issues = [];
      let fetched = 0;
      for (let call = 0; call < CALLS_PER_UNIT && chunk * PARENT_CHUNK < parents.length; call++) {
        const ids = parents.slice(chunk * PARENT_CHUNK, (chunk + 1) * PARENT_CHUNK);
        const found = await searchIssuesReconciled(
          ctx.jira,
          `parent in (${ids.join(',')})`,
          fields(ctx.resolved),
          token,
          FIELDS_PAGE_SIZE,
          ctx.resolved.reconcileIssueIds,
        );
        fetched += found.issues.length;
        for (const issue of found.issues) {
          const stored = storedIssue(issue, ctx.resolved.rankFieldId);
          if (!known.has(stored.id)) issues.push(stored);
        }
        token = found.nextPageToken;
        if (!token) chunk++;
      }
      const roundDone = chunk * PARENT_CHUNK >= parents.length;
      return {
        page: { stage: name, round, issues },
        cursor: roundDone ? { round: round + 1 } : { round, chunk, token },
        done: false,
        fetched,
        // Parents whose children were read, of this level's parents.
        progress: { done: Math.min(chunk * PARENT_CHUNK, parents.length), total: parents.length },
      };
    },
  };
}

/** A round's ids, computed once per invocation from pages that no longer change (earlier rounds). */
function roundIds<P>(ctx: FetchContext<P>, name: string, round: number, compute: () => number[]): number[] {
  const key = `round:${name}:${round}`;
  let ids = ctx.memo.get(key) as number[] | undefined;
  if (!ids) {
    ids = compute().sort((a, b) => a - b);
    ctx.memo.set(key, ids);
  }
  return ids;
}
