// The structure view's edits in the backend's coordinates (editStructure): moving the active row among
// its siblings, indenting and outdenting it, removing it, adding issues after it. Pure: from the rows the
// viewer sees, which are the rows the backend will find (placeholders included).
import type { PayloadIn } from '../../../../../src/contract';
import type { ForestIndex, ForestRows } from './forestIndex';
import { isPlaceholder } from './folders';

export type EditAction = PayloadIn<'editStructure'>['actions'][number];
export type EditKey = 'up' | 'down' | 'indent' | 'outdent' | 'remove';

/** The edit a key asks of row `i`, or why there is none (said to the user, nothing is sent). */
export function editFor(
  forest: ForestRows,
  index: ForestIndex,
  i: number,
  key: EditKey,
): { action: EditAction; said: string } | { reason: string } {
  if (i < 0 || i >= index.size) return { reason: 'Choose a row first.' };
  if (isPlaceholder(forest, i))
    return { reason: 'That row holds an issue you cannot see: you cannot move or remove it.' };
  const rowId = forest.rowIds[i]!;
  const parent = index.parent[i]!;
  const under = parent < 0 ? 0 : forest.rowIds[parent]!;
  const previous = previousSibling(forest, i);
  const next =
    index.subtreeEnd[i]! < index.size && forest.depths[index.subtreeEnd[i]!] === forest.depths[i]
      ? index.subtreeEnd[i]!
      : -1;
  switch (key) {
    case 'up':
      if (previous < 0) return { reason: 'The row is first at its level already.' };
      return { action: { kind: 'move', rowIds: [rowId], under, before: forest.rowIds[previous]! }, said: 'Moved up.' };
    case 'down':
      if (next < 0) return { reason: 'The row is last at its level already.' };
      return { action: { kind: 'move', rowIds: [rowId], under, after: forest.rowIds[next]! }, said: 'Moved down.' };
    case 'indent':
      if (previous < 0) return { reason: 'There is no row above it at its level to go under.' };
      return { action: { kind: 'indent', rowIds: [rowId] }, said: 'Indented.' };
    case 'outdent':
      if (parent < 0) return { reason: 'The row is at the top level already.' };
      return { action: { kind: 'outdent', rowIds: [rowId] }, said: 'Outdented.' };
    case 'remove':
      return {
        action: { kind: 'remove', rowIds: [rowId] },
        said: 'Removed the row and the rows under it from the structure; the issues stay in Jira.',
      };
  }
}

/** Issues added right after row `i`, at its level; at the end of the top level when no row is chosen. */
export function addAfter(forest: ForestRows, index: ForestIndex, i: number, issueKeys: string[]): EditAction {
  if (i < 0 || i >= index.size) return { kind: 'add', issueKeys };
  const parent = index.parent[i]!;
  return { kind: 'add', issueKeys, under: parent < 0 ? 0 : forest.rowIds[parent]!, after: forest.rowIds[i]! };
}

function previousSibling(forest: ForestRows, i: number): number {
  const depth = forest.depths[i]!;
  for (let j = i - 1; j >= 0; j--) {
    const d = forest.depths[j]!;
    if (d < depth) return -1;
    if (d === depth) return j;
  }
  return -1;
}
