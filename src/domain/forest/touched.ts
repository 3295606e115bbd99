import { diffForests } from './diff';
import type { Forest } from './forest';
import type { IssueId, RowId } from './types';

/**
 * The rows that going from `from` to `to` removes, adds or moves (rows matched by rowId), each with its
 * issue: what a user must be allowed to see before they may make that change. A row that only shifts
 * because rows around it came or went is not touched; a row whose parent or sibling order changes is.
 */
export function rowsTouched(from: Forest, to: Forest): Array<{ rowId: RowId; issueId: IssueId }> {
  if (from === to) return [];
  const out: Array<{ rowId: RowId; issueId: IssueId }> = [];
  for (let i = 0; i < from.size; i++)
    if (!to.has(from.rowIdAt(i))) out.push({ rowId: from.rowIdAt(i), issueId: from.issueIdAt(i) });
  for (let j = 0; j < to.size; j++)
    if (!from.has(to.rowIdAt(j))) out.push({ rowId: to.rowIdAt(j), issueId: to.issueIdAt(j) });
  for (const action of diffForests(from, to))
    if (action.kind === 'move') out.push({ rowId: action.rowId, issueId: to.issueOf(action.rowId) });
  return out;
}
