// Reading what an export needs from Jira, one call at a time, so the job can checkpoint between calls
// and the preview can stop at a budget. Each synchronizer reads differently:
//   agile     — the board's issues in rank order (or the projects' by `ORDER BY Rank`) with their facts,
//               then the facts of the structure's other issues (epics a scrum board leaves out);
//   hierarchy — the facts of every issue in the structure;
//   links     — the same with their links, and the issues matching the parent / sub-issue filters.
import type { AgileParams } from '../../domain/synchronizers/agile';
import type { LinksParams } from '../../domain/synchronizers/links';
import { boardIssuesPage, BULKFETCH_MAX, type JiraClient } from '../../jira';
import { compactFact, factFields, type CompactFact } from './facts';

export type ExportSynchronizerKey = 'agile' | 'links' | 'hierarchy';

export interface GatherCursor {
  stage: 'order' | 'facts' | 'parentMatch' | 'childMatch' | 'done';
  startAt?: number;
  nextPageToken?: string;
  /** Facts stage: position in the structure's sorted issue ids. */
  offset?: number;
}

export interface GatherPage {
  facts: CompactFact[];
  /** Order stage: ids in Jira's rank order. */
  order?: number[];
  match?: { which: 'parent' | 'child'; ids: number[] };
}

export interface GatherContext {
  key: ExportSynchronizerKey;
  params: unknown;
  /** The structure's issue ids, sorted, each once. */
  structureIds: readonly number[];
  /** Ids the order stage already gave facts for (skipped by the facts stage). */
  orderKnown: ReadonlySet<number>;
  rankField: string;
}

export function firstCursor(key: ExportSynchronizerKey): GatherCursor {
  return { stage: key === 'agile' ? 'order' : 'facts', startAt: 0, offset: 0 };
}

/** One Jira call; returns what it read and where to go on. */
export async function gatherStep(
  jira: JiraClient,
  ctx: GatherContext,
  cursor: GatherCursor,
): Promise<{ page: GatherPage; cursor: GatherCursor }> {
  switch (cursor.stage) {
    case 'order':
      return orderStep(jira, ctx, cursor);
    case 'facts':
      return factsStep(jira, ctx, cursor);
    case 'parentMatch':
    case 'childMatch':
      return matchStep(jira, ctx, cursor);
    case 'done':
      return { page: { facts: [] }, cursor };
  }
}

async function orderStep(
  jira: JiraClient,
  ctx: GatherContext,
  cursor: GatherCursor,
): Promise<{ page: GatherPage; cursor: GatherCursor }> {
  const params = ctx.params as AgileParams;
  const fields = factFields({ rankField: ctx.rankField });
  if (params.source.mode === 'board') {
    const page = await boardIssuesPage(jira, params.source.boardId, cursor.startAt ?? 0, fields);
    const facts = page.issues.map((i) => compactFact(i, ctx.rankField));
    const next: GatherCursor =
      page.nextStartAt === undefined ? { stage: 'facts', offset: 0 } : { stage: 'order', startAt: page.nextStartAt };
    return { page: { facts, order: facts.map((f) => f.i) }, cursor: next };
  }
  const jql = `project in (${params.source.projectKeys.join(', ')}) ORDER BY Rank ASC`;
  const page = await jira.searchIssues(jql, fields, cursor.nextPageToken, 100);
  const facts = page.issues.map((i) => compactFact(i, ctx.rankField));
  const next: GatherCursor =
    page.nextPageToken === undefined
      ? { stage: 'facts', offset: 0 }
      : { stage: 'order', nextPageToken: page.nextPageToken };
  return { page: { facts, order: facts.map((f) => f.i) }, cursor: next };
}

async function factsStep(
  jira: JiraClient,
  ctx: GatherContext,
  cursor: GatherCursor,
): Promise<{ page: GatherPage; cursor: GatherCursor }> {
  const batch: number[] = [];
  let offset = cursor.offset ?? 0;
  while (offset < ctx.structureIds.length && batch.length < BULKFETCH_MAX) {
    const id = ctx.structureIds[offset++];
    if (!ctx.orderKnown.has(id)) batch.push(id);
  }
  const done = offset >= ctx.structureIds.length;
  const after: GatherCursor = done ? afterFacts(ctx) : { stage: 'facts', offset };
  if (batch.length === 0) return { page: { facts: [] }, cursor: after };
  const issues = await jira.bulkFetch(batch, factFields({ links: ctx.key === 'links', rankField: ctx.rankField }));
  return { page: { facts: issues.map((i) => compactFact(i, ctx.rankField)) }, cursor: after };
}

function afterFacts(ctx: GatherContext): GatherCursor {
  if (ctx.key !== 'links') return { stage: 'done' };
  const p = ctx.params as LinksParams;
  if (p.parentJql !== undefined) return { stage: 'parentMatch' };
  if (p.childJql !== undefined) return { stage: 'childMatch' };
  return { stage: 'done' };
}

async function matchStep(
  jira: JiraClient,
  ctx: GatherContext,
  cursor: GatherCursor,
): Promise<{ page: GatherPage; cursor: GatherCursor }> {
  const p = ctx.params as LinksParams;
  const which = cursor.stage === 'parentMatch' ? 'parent' : 'child';
  const jql = (which === 'parent' ? p.parentJql : p.childJql) as string;
  const page = await jira.searchIds(jql, cursor.nextPageToken);
  let next: GatherCursor;
  if (page.nextPageToken !== undefined) next = { stage: cursor.stage, nextPageToken: page.nextPageToken };
  else if (which === 'parent' && p.childJql !== undefined) next = { stage: 'childMatch' };
  else next = { stage: 'done' };
  return { page: { facts: [], match: { which, ids: page.ids } }, cursor: next };
}
