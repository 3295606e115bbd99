// Where the structure view puts a new folder and pasted rows: right after the active row, at its level
// (as "Add issues" does); at the end of the top level when no row is chosen.
import type { ForestIndex, ForestRows } from './forestIndex';

export interface Place {
  under?: number;
  after?: number;
}

export function placeAfter(forest: ForestRows, index: ForestIndex, i: number): Place {
  if (i < 0 || i >= index.size) return {};
  const parent = index.parent[i]!;
  return { under: parent < 0 ? 0 : forest.rowIds[parent]!, after: forest.rowIds[i]! };
}

/** The rows a copy takes from `rowIds` (each with the rows under it), counted once. */
export function rowsWithSubtrees(forest: ForestRows, index: ForestIndex, rowIds: ReadonlySet<number>): number {
  let count = 0;
  for (let i = 0; i < index.size;) {
    if (rowIds.has(forest.rowIds[i]!)) {
      count += index.subtreeEnd[i]! - i;
      i = index.subtreeEnd[i]!;
    } else i++;
  }
  return count;
}
