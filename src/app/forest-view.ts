// getForest: one page of the forest in pre-order, with the rows the caller may see. Visibility is Jira's
// call, asked as the caller for the page's issues (and the first row's ancestors, whose visibility hides
// a subtree that began on an earlier page). A row of an invisible issue is left out with its subtree.
import type { ForestPage } from '../contract';
import { requireLevel } from './access';
import { AppError } from './errors';
import { loadForest } from './forest-store';
import type { Invocation } from './invocation';
import { findStructure } from './structures';
import { visibleIssueIds } from './visibility';

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
  const start = Math.min(parseCursor(input.cursor), forest.size);
  const end = Math.min(forest.size, start + input.limit);

  const ancestors: number[] = [];
  if (start < end)
    for (let p = forest.parentIndexAt(start); p !== -1; p = forest.parentIndexAt(p)) ancestors.unshift(p);
  const wanted = new Set<number>();
  for (const i of ancestors) wanted.add(forest.issueIdAt(i));
  for (let i = start; i < end; i++) wanted.add(forest.issueIdAt(i));
  const visible = await visibleIssueIds(inv.jira, wanted);

  // Hide everything deeper than `hideBelow` until the walk comes back up to it.
  let hideBelow = Infinity;
  for (const i of ancestors) {
    if (!visible.has(forest.issueIdAt(i))) {
      hideBelow = forest.depthAt(i);
      break;
    }
  }
  const page: ForestPage = {
    structureId: input.structureId,
    version: header.version,
    rowIds: [],
    depths: [],
    issueIds: [],
    hiddenRows: 0,
    totalRows: forest.size,
  };
  for (let i = start; i < end; i++) {
    const depth = forest.depthAt(i);
    if (depth <= hideBelow) hideBelow = Infinity;
    if (hideBelow !== Infinity || !visible.has(forest.issueIdAt(i))) {
      if (hideBelow === Infinity) hideBelow = depth;
      page.hiddenRows++;
      continue;
    }
    page.rowIds.push(forest.rowIdAt(i));
    page.depths.push(depth);
    page.issueIds.push(String(forest.issueIdAt(i)));
  }
  if (end < forest.size) page.nextCursor = `${header.version}:${end}`;
  return page;
}
