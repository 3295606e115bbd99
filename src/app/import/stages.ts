// Fetch stages the staged imports are made of. Each unit makes at most CALLS_PER_UNIT Jira calls one
// after another — in each of the client's lanes where the calls do not depend on each other — and
// returns one page; the cursor says where the next unit continues, so a deadline between units resumes.
//   forestIssuesStage: bulkfetch (≤100 a call) of the forest's distinct issues, in id order, side by side;
//   searchStage:       a JQL search, ids-only pages of 5000 or pages of 100 with fields (side by side
//                      in id ranges when its reader orders the issues itself: partitioned-search.ts);
//   expandStage:       level by level, bulkfetch of the issues a previous level points at, side by side;
//   childrenStage:     level by level, `parent in (…)` searches below the previous level, side by side.
import { isFolder, type IssueId } from '../../domain/forest';
import type { JiraIssue } from '../../jira';
import { BULKFETCH_MAX, JiraHttpError, JiraJqlInvalid, mapInLanes } from '../../jira';
import { searchIdsReconciled, searchIssuesReconciled } from '../../jira/search-reconciled';
import type { ImportResolved } from '../../storage';
import { issuesOf, storedIssue, visibilityOf, type FactsPage, type StoredIssue } from './facts';
import { runPartitionedSearch } from './partitioned-search';
import {
  unitPages,
  parallelCallsPerUnit,
  parallelSearchesPerUnit,
  type FetchStage,
  type FetchContext,
} from './staged-import';

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

/** The facts of `ids`, BULKFETCH_MAX a call, the calls in the client's lanes. */
async function bulkFetchStored<P>(ctx: FetchContext<P>, ids: readonly number[], fields: string[]) {
  const batches: number[][] = [];
  for (let i = 0; i < ids.length; i += BULKFETCH_MAX) batches.push(ids.slice(i, i + BULKFETCH_MAX));
  const found = await mapInLanes(batches, (batch) => ctx.jira.bulkFetch(batch, fields));
  return found.flat().map((issue) => storedIssue(issue, ctx.resolved.rankFieldId));
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
      // A parent's answer (its sub-tasks) must be known before its level's children are batched: with
      // `answersFor`, a unit stays within one level.
      const batch: number[] = [];
      const calls = parallelCallsPerUnit(ctx);
      while (batch.length < BULKFETCH_MAX * calls && depth < levels.length) {
        const level = levels[depth] ?? [];
        if (at >= level.length) {
          depth++;
          at = 0;
          last = 0;
          if (answersFor && batch.length > 0) break;
          continue;
        }
        const id = level[at++];
        last = id;
        if (!answered?.ids.has(id)) batch.push(id);
      }
      if (batch.length > 0) {
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
  options: { count?: boolean; partitioned?: boolean } = {},
): FetchStage<P> {
  return {
    name,
    phase: PHASE_SEARCH,
    withoutPages: true,
    async run(ctx, cursor) {
      const jql = jqlOf(ctx.params, ctx.resolved);
      // Read side by side when the stage's reader orders the issues itself (partitioned-search.ts), and
      // there are lanes to read in; a search that started one way goes on that way.
      const partitioned =
        fields !== 'ids' &&
        options.partitioned === true &&
        (cursor === undefined ? parallelSearchesPerUnit(ctx) > 1 : Array.isArray(cursor.cuts));
      if (partitioned) {
        const unit = await runPartitionedSearch(ctx, name, jql, fields, FIELDS_PAGE_SIZE, cursor);
        return {
          ...unit,
          warnings: unit.warnings?.map(jiraWarningLine),
          note: unit.done && note ? note(unit.matched) : undefined,
        };
      }
      const page: FactsPage = { stage: name, round: 0 };
      const firstPage = cursor?.token === undefined;
      const reconcile = ctx.resolved.reconcileIssueIds;
      const at = cursor?.token as string | undefined;
      let read: { pages: Array<{ warnings?: string[] }>; token: string | undefined };
      if (fields === 'ids') {
        const ids = await unitPages(at, (t) => searchIdsReconciled(ctx.jira, jql, t, reconcile));
        page.ids = ids.pages.flatMap((p) => p.ids);
        read = ids;
      } else {
        const found = await unitPages(at, (t) =>
          searchIssuesReconciled(ctx.jira, jql, fields, t, FIELDS_PAGE_SIZE, reconcile),
        );
        page.issues = found.pages.flatMap((p) => p.issues.map((i) => storedIssue(i, ctx.resolved.rankFieldId)));
        read = found;
      }
      const token = read.token;
      const fetched = (page.ids ?? page.issues ?? []).length;
      // Jira repeats a query's warnings on every page: the job log says them once, from the first.
      const warnings = firstPage ? read.pages[0]?.warnings : undefined;
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
      const asked = ids.slice(from, from + BULKFETCH_MAX * parallelCallsPerUnit(ctx));
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

/** Parents per `parent in (…)` query at least, however many lanes there are: fewer cost pages for nothing. */
export const PARENT_CHUNK_MIN = 100;

/** One `parent in (…)` query being read: its chunk of the round's parents and the next page's token. */
interface OpenChunk {
  chunk: number;
  token?: string;
}

/**
 * Level by level (round 1..rounds): the children (`parent in (…)`) of the issues the previous round found
 * (round 0: the roots), with `fields`. A round's parents are cut into at least as many chunks as the
 * client has lanes (PARENT_CHUNK_MIN..PARENT_CHUNK parents each), and the chunks are read side by side,
 * each a token-paginated search of its own — pages of one search must follow each other. Issues already
 * found are not kept twice, so a roots JQL that also matches children costs pages but never duplicates facts.
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
      const lanes = parallelSearchesPerUnit(ctx);
      const size = Number(
        cursor?.size ?? Math.min(PARENT_CHUNK, Math.max(PARENT_CHUNK_MIN, Math.ceil(parents.length / lanes))),
      );
      const chunks = Math.ceil(parents.length / size);
      // A cursor of one chunk at a time (`chunk`, `token`: jobs that started before lanes) reads on as one open chunk.
      const open: OpenChunk[] = Array.isArray(cursor?.open)
        ? (cursor.open as OpenChunk[])
        : cursor?.token !== undefined
          ? [{ chunk: Number(cursor.chunk ?? 0), token: cursor.token as string }]
          : [];
      let next = Number(
        cursor?.next ?? (cursor?.token !== undefined ? Number(cursor.chunk ?? 0) + 1 : (cursor?.chunk ?? 0)),
      );
      while (open.length < lanes && next < chunks) open.push({ chunk: next++ });
      if (open.length === 0) return { done: true };
      const known = issuesOf(ctx.pages);
      const read = await mapInLanes(open, async (lane) => {
        const ids = parents.slice(lane.chunk * size, (lane.chunk + 1) * size);
        const { pages, token } = await unitPages(lane.token, (at) =>
          searchIssuesReconciled(
            ctx.jira,
            `parent in (${ids.join(',')})`,
            fields(ctx.resolved),
            at,
            FIELDS_PAGE_SIZE,
            ctx.resolved.reconcileIssueIds,
          ),
        );
        const found: JiraIssue[] = pages.flatMap((p) => p.issues);
        return { found, still: token === undefined ? undefined : { chunk: lane.chunk, token } };
      });
      const issues: StoredIssue[] = [];
      const seen = new Set<number>();
      let fetched = 0;
      for (const { found } of read) {
        fetched += found.length;
        for (const issue of found) {
          const stored = storedIssue(issue, ctx.resolved.rankFieldId);
          if (known.has(stored.id) || seen.has(stored.id)) continue;
          seen.add(stored.id);
          issues.push(stored);
        }
      }
      const stillOpen = read.flatMap((r) => (r.still ? [r.still] : []));
      const roundDone = stillOpen.length === 0 && next >= chunks;
      const chunksDone = next - stillOpen.length;
      return {
        page: { stage: name, round, issues },
        cursor: roundDone ? { round: round + 1 } : { round, size, next, open: stillOpen },
        done: false,
        fetched,
        // Parents whose children were read, of this level's parents.
        progress: { done: Math.min(chunksDone * size, parents.length), total: parents.length },
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
