import { Forest } from './forest';
import { AddedRow, ForestAction, ForestUpdate } from './actions';
import { longestIncreasingSubsequence } from './lis';

/**
 * The update that turns `from` into `to`, rows matched by rowId, such that
 * `applyUpdate(from, diffForests(from, to))` has exactly the rows of `to`.
 *
 * - Rows only in `to` are added with their own rowIds (which must be fresh for `from`: at least its
 *   nextRowId, since rowIds are never reused). A new subtree made only of new rows, and runs of such
 *   subtrees side by side, go into one `add`.
 * - Rows only in `from` are removed with their subtrees, last, once every surviving descendant has
 *   moved out; only the topmost removed row of each branch gets an action.
 * - A row moves when its parent changed, or when it falls outside the longest run of siblings that
 *   kept their relative order (longest increasing subsequence), so unchanged order yields no moves.
 *
 * Actions are emitted in the target's pre-order, so each parent and preceding sibling is already in
 * its final place when a row is placed relative to it, and no move can create a cycle.
 * O(n log n) overall (the LIS per sibling list), O(n) when sibling order is unchanged.
 */
export function diffForests(from: Forest, to: Forest): ForestUpdate {
  if (from === to) return [];
  const n = to.size;
  const { rowIds, depths, issueIds } = to.columns;
  const oldIndex = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const i = from.tryIndexOf(rowIds[j]);
    oldIndex[j] = i;
    if (i >= 0) {
      if (from.issueIdAt(i) !== issueIds[j]) {
        throw new RangeError(
          `Row ${rowIds[j]} holds issue ${from.issueIdAt(i)} in the old forest but issue ${issueIds[j]} in the new one`,
        );
      }
    } else if (rowIds[j] < from.nextRowId) {
      throw new RangeError(
        `Row ${rowIds[j]} is new but below the old forest's nextRowId ${from.nextRowId}: rowIds are never reused`,
      );
    }
  }

  // Which rows stay put: same parent, and inside the longest run of siblings in their old order.
  const stays = new Uint8Array(n);
  const prevSibling = new Int32Array(n).fill(-1);
  const markSiblings = (parentIndexInTo: number): void => {
    const start = parentIndexInTo < 0 ? 0 : parentIndexInTo + 1;
    const end = parentIndexInTo < 0 ? n : to.subtreeEndAt(parentIndexInTo);
    const parentRowId = parentIndexInTo < 0 ? 0 : rowIds[parentIndexInTo];
    const candidates: number[] = [];
    let prev = -1;
    for (let j = start; j < end; j = to.subtreeEndAt(j)) {
      prevSibling[j] = prev;
      prev = j;
      const i = oldIndex[j];
      if (i < 0) continue;
      const oldParent = from.parentIndexAt(i);
      if ((oldParent < 0 ? 0 : from.rowIdAt(oldParent)) === parentRowId) candidates.push(j);
    }
    const kept = longestIncreasingSubsequence(candidates.map((j) => oldIndex[j]));
    for (const k of kept) stays[candidates[k]] = 1;
  };
  markSiblings(-1);
  for (let j = 0; j < n; j++) if (to.subtreeEndAt(j) > j + 1) markSiblings(j);

  // Subtrees made only of new rows can be added in one action.
  const allNew = new Uint8Array(n);
  for (let j = 0; j < n; j++) allNew[j] = oldIndex[j] < 0 ? 1 : 0;
  for (let j = n - 1; j >= 0; j--) {
    const p = to.parentIndexAt(j);
    if (allNew[j] === 0 && p >= 0) allNew[p] = 0;
  }

  const actions: ForestAction[] = [];
  const placement = (j: number) => {
    const p = to.parentIndexAt(j);
    return { under: p < 0 ? 0 : rowIds[p], after: prevSibling[j] < 0 ? 0 : rowIds[prevSibling[j]] };
  };
  for (let j = 0; j < n;) {
    if (oldIndex[j] >= 0) {
      if (!stays[j]) actions.push({ kind: 'move', rowId: rowIds[j], ...placement(j) });
      j++;
      continue;
    }
    if (!allNew[j]) {
      actions.push({ kind: 'add', ...placement(j), rows: [{ depth: 0, issueId: issueIds[j], rowId: rowIds[j] }] });
      j++;
      continue;
    }
    // A run of whole new subtrees that are siblings: one add.
    const base = depths[j];
    const rows: AddedRow[] = [];
    const where = placement(j);
    const parent = to.parentIndexAt(j);
    let k = j;
    do {
      const end = to.subtreeEndAt(k);
      for (let x = k; x < end; x++) rows.push({ depth: depths[x] - base, issueId: issueIds[x], rowId: rowIds[x] });
      k = end;
    } while (k < n && allNew[k] && to.parentIndexAt(k) === parent);
    actions.push({ kind: 'add', ...where, rows });
    j = k;
  }

  for (let i = 0; i < from.size; i++) {
    if (to.tryIndexOf(from.rowIdAt(i)) >= 0) continue;
    const p = from.parentIndexAt(i);
    if (p < 0 || to.tryIndexOf(from.rowIdAt(p)) >= 0) {
      actions.push({ kind: 'remove', rowId: from.rowIdAt(i), children: 'remove' });
    }
  }
  return actions;
}
