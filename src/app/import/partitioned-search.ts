// A JQL search read side by side: the query's issues cut into id ranges (`id >= a AND id < b`), one
// token-paginated search per range, each range in a lane of its own. Pages of one search must follow
// each other (the token), so one stream of 200 pages takes 200 of Jira's latencies; six ranges take
// about 34. The ranges come from the query's lowest and highest id (two searches of one issue, 4 points
// in all); the first range has no lower bound and the last none above, so an issue created meanwhile is
// not missed. Every issue is read once, so the points stay those of one stream plus the two probes and
// one part-filled page per range.
//
// The pages come back interleaved by range, not in the query's order: a stage is partitioned only when
// whoever reads its pages orders the issues itself (by rank, by key).
import { mapInLanes, type JiraClient, type JiraIssue } from '../../jira';
import { searchIssuesReconciled } from '../../jira/search-reconciled';
import { storedIssue, type FactsPage } from './facts';
import { unitPages, parallelSearchesPerUnit, type Cursor, type FetchContext, type FetchUnit } from './staged-import';

/** A JQL's text before its ORDER BY, and the ORDER BY clause ('' when none). A quoted "order by" inside a value would confuse it. */
export function splitOrderBy(jql: string): { where: string; orderBy: string } {
  const match = /\border\s+by\b[\s\S]*$/i.exec(jql);
  if (!match) return { where: jql.trim(), orderBy: '' };
  return { where: jql.slice(0, match.index).trim(), orderBy: match[0].trim() };
}

/** The JQL of one id range: [from, to), open-ended where a bound is undefined. */
export function rangeJql(jql: string, from: number | undefined, to: number | undefined): string {
  const { where, orderBy } = splitOrderBy(jql);
  const bounds = [from !== undefined ? `id >= ${from}` : '', to !== undefined ? `id < ${to}` : ''].filter(Boolean);
  const core = where === '' ? bounds.join(' AND ') : [`(${where})`, ...bounds].join(' AND ');
  return orderBy === '' ? core : `${core} ${orderBy}`;
}

/** `parts` id ranges over [lowest, highest]: the cut points between them (parts - 1 of them, ascending, distinct). */
export function cutPoints(lowest: number, highest: number, parts: number): number[] {
  const cuts: number[] = [];
  const span = highest - lowest + 1;
  for (let k = 1; k < parts; k++) {
    const cut = lowest + Math.round((k * span) / parts);
    if (cut > lowest && cut <= highest && cut !== cuts[cuts.length - 1]) cuts.push(cut);
  }
  return cuts;
}

interface OpenRange {
  range: number;
  token?: string;
}

async function edgeId(jira: JiraClient, jql: string, direction: 'ASC' | 'DESC', reconcile?: number[]) {
  const { where } = splitOrderBy(jql);
  const probe = `${where === '' ? '' : `(${where}) `}ORDER BY id ${direction}`;
  const page = await searchIssuesReconciled(jira, probe, ['id'], undefined, 1, reconcile);
  const first = page.issues[0];
  return { id: first === undefined ? undefined : Number(first.id), warnings: page.warnings };
}

/**
 * One unit of a partitioned search with `fields`: the first unit finds the ranges; each next one reads
 * up to CALLS_PER_UNIT pages of every open range, side by side. `matched` counts what was read.
 */
export async function runPartitionedSearch<P>(
  ctx: FetchContext<P>,
  stage: string,
  jql: string,
  fields: string[],
  pageSize: number,
  cursor: Cursor | undefined,
): Promise<FetchUnit & { matched: number }> {
  const reconcile = ctx.resolved.reconcileIssueIds;
  if (!Array.isArray(cursor?.cuts)) {
    const [low, high] = await Promise.all([
      edgeId(ctx.jira, jql, 'ASC', reconcile),
      edgeId(ctx.jira, jql, 'DESC', reconcile),
    ]);
    if (low.id === undefined || high.id === undefined)
      return { done: true, matched: 0, fetched: 0, warnings: low.warnings };
    const cuts = cutPoints(low.id, high.id, parallelSearchesPerUnit(ctx));
    const open: OpenRange[] = Array.from({ length: cuts.length + 1 }, (_, range) => ({ range }));
    return { done: false, cursor: { cuts, open, matched: 0 }, matched: 0, fetched: 0, warnings: low.warnings };
  }
  const cuts = cursor.cuts as number[];
  const open = cursor.open as OpenRange[];
  const read = await mapInLanes(open, async (lane) => {
    const from = lane.range === 0 ? undefined : cuts[lane.range - 1];
    const to = lane.range === cuts.length ? undefined : cuts[lane.range];
    const { pages, token } = await unitPages(lane.token, (at) =>
      searchIssuesReconciled(ctx.jira, rangeJql(jql, from, to), fields, at, pageSize, reconcile),
    );
    const found: JiraIssue[] = pages.flatMap((p) => p.issues);
    return { found, still: token === undefined ? undefined : { range: lane.range, token } };
  });
  const page: FactsPage = { stage, round: 0, issues: [] };
  for (const { found } of read) page.issues?.push(...found.map((i) => storedIssue(i, ctx.resolved.rankFieldId)));
  const fetched = page.issues?.length ?? 0;
  const matched = Number(cursor.matched ?? 0) + fetched;
  const stillOpen = read.flatMap((r) => (r.still ? [r.still] : []));
  return {
    page,
    cursor: { cuts, open: stillOpen, matched },
    done: stillOpen.length === 0,
    fetched,
    matched,
  };
}
