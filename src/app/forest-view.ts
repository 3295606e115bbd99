// getForest: one page of the forest in pre-order, with the rows the caller may see. Visibility is Jira's
// call, asked as the caller for the page's issues. Whether a row is shown never depends on whether its
// parent is: a row of an issue the caller cannot see becomes a placeholder (issue id null: no key, no
// summary) when a row they can see sits under it, and is left out otherwise.
import type { ForestPage } from '../contract';
import { folderIdOf, isFolder, type Forest } from '../domain/forest';
import type { JiraClient } from '../jira';
import { requireLevel } from './access';
import { AppError } from './errors';
import { folderNamesOf, loadForest } from './forest-store';
import type { Invocation } from './invocation';
import { findStructure } from './structures';
import { VISIBILITY_BATCH, visibleIssueIds } from './visibility';

/**
 * How far past a page's end getForest looks for a visible row under a hidden row whose subtree runs on.
 * Past that it shows the placeholder anyway: a stray placeholder reveals only that a row exists (which
 * the counts say already), whereas leaving it out would cut visible rows off from their place.
 */
export const PLACEHOLDER_LOOKAHEAD = 2 * VISIBILITY_BATCH;

/** Cursor: "<version>:<index>". A cursor of an older version restarts nothing: the UI sees the new version. */
function parseCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const match = /^\d+:(\d+)$/.exec(cursor);
  if (!match) throw new AppError('INVALID_PAYLOAD', 'The cursor is not one this app handed out.', { field: 'cursor' });
  return Number(match[1]);
}

export async function getForest(
  inv: Invocation,
  input: { structureId: string; cursor?: string; limit: number },
): Promise<ForestPage> {
  await requireLevel(inv, await findStructure(inv, input.structureId), 'view');
  const { header, forest } = await loadForest(inv, input.structureId);
  return pageOf(inv, input, header.version, forest);
}

/** One page of `forest`, which is `version` of the structure, as the caller may see it. */
export async function pageOf(
  inv: Invocation,
  input: { structureId: string; cursor?: string; limit: number },
  version: number,
  forest: Forest,
): Promise<ForestPage> {
  const start = Math.min(parseCursor(input.cursor), forest.size);
  const end = Math.min(forest.size, start + input.limit);

  const wanted: number[] = [];
  for (let i = start; i < end; i++) wanted.push(forest.issueIdAt(i));
  const visible = await visibleIssueIds(inv.jira, wanted);

  const page: ForestPage = {
    structureId: input.structureId,
    version,
    rowIds: [],
    depths: [],
    issueIds: [],
    hiddenRows: 0,
    totalRows: forest.size,
  };
  // Folders are seen by everyone who sees the structure (visibleIssueIds says so), with their names.
  const folders: number[] = [];
  for (let i = start; i < end; i++) if (isFolder(forest.issueIdAt(i))) folders.push(folderIdOf(forest.issueIdAt(i)));
  const names = folders.length > 0 ? await folderNamesOf(inv).names(input.structureId, folders) : new Map();
  const emit = (i: number, issueId: string | null): void => {
    page.rowIds.push(forest.rowIdAt(i));
    page.depths.push(forest.depthAt(i));
    const itemId = forest.issueIdAt(i);
    if (issueId !== null && isFolder(itemId)) {
      page.issueIds.push(null);
      (page.folderNames ??= {})[String(forest.rowIdAt(i))] = names.get(folderIdOf(itemId)) ?? 'Folder';
    } else page.issueIds.push(issueId);
  };
  // Hidden rows not yet decided, outermost first: always a chain of ancestors of the current row, since a
  // row that is not an ancestor of the current one has had its whole subtree walked.
  const pending: number[] = [];
  for (let i = start; i < end; i++) {
    const depth = forest.depthAt(i);
    while (pending.length > 0 && forest.depthAt(pending[pending.length - 1]!) >= depth) {
      pending.pop();
      page.hiddenRows++;
    }
    if (visible.has(forest.issueIdAt(i))) {
      for (const p of pending) emit(p, null);
      pending.length = 0;
      emit(i, String(forest.issueIdAt(i)));
    } else pending.push(i);
  }
  if (pending.length > 0) {
    const seen = await firstVisibleFrom(inv.jira, forest, end, forest.subtreeEndAt(pending[0]!));
    for (const p of pending) {
      if (forest.subtreeEndAt(p) > seen) emit(p, null);
      else page.hiddenRows++;
    }
  }
  if (end < forest.size) page.nextCursor = `${version}:${end}`;
  return page;
}

/**
 * The index of the first visible row in [from, until), looking at most PLACEHOLDER_LOOKAHEAD rows;
 * where it stopped looking when it found none (`until` when it looked at all of them).
 */
async function firstVisibleFrom(jira: JiraClient, forest: Forest, from: number, until: number): Promise<number> {
  const stop = Math.min(until, from + PLACEHOLDER_LOOKAHEAD);
  for (let i = from; i < stop; i += VISIBILITY_BATCH) {
    const batchEnd = Math.min(stop, i + VISIBILITY_BATCH);
    const ids: number[] = [];
    for (let j = i; j < batchEnd; j++) ids.push(forest.issueIdAt(j));
    const visible = await visibleIssueIds(jira, ids);
    for (let j = i; j < batchEnd; j++) if (visible.has(forest.issueIdAt(j))) return j;
  }
  return stop;
}
