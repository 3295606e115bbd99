// A drop in the structure view said in the backend's coordinates (editStructure's `under`, and `after` or
// `before` a sibling), and the forest the view shows at once while the backend confirms it. Pure: from the
// rows the viewer sees, which are the rows the backend will find (placeholders included; a folder is a
// row like any other, not a placeholder).
import type { Instruction } from '@atlaskit/pragmatic-drag-and-drop-hitbox/tree-item';
import type { ForestIndex, ForestRows } from '../forestIndex';
import { isPlaceholder } from '../folders';

/** Where dropped rows go: among the children of row `under` (0: the top level), after or before a sibling. */
export interface DropPlace {
  under: number;
  /** 0 alone: the first child. */
  after?: number;
  before?: number;
}

/** How the drop is said to the viewer: the rows moved `relation` the row at forest index `target`. */
export type DropOutcome =
  { place: DropPlace; relation: 'under' | 'above' | 'below'; target: number } | { reason: string };

/**
 * The rows a drag carries, as forest indices in pre-order: the selection when the grabbed row is in it,
 * else the grabbed row alone; a row under another carried row comes along with it and is not listed.
 */
export function draggedRows(
  forest: ForestRows,
  index: ForestIndex,
  grabbed: number,
  selected: ReadonlySet<number>,
): number[] {
  const rowId = forest.rowIds[grabbed];
  if (rowId === undefined) return [];
  if (!selected.has(rowId) || selected.size < 2) return [grabbed];
  const tops: number[] = [];
  for (let i = 0; i < index.size; i++) {
    if (!selected.has(forest.rowIds[i]!)) continue;
    tops.push(i);
    i = index.subtreeEnd[i]! - 1;
  }
  return tops;
}

/** Why these rows cannot be carried at all (said when a drag starts), or undefined. */
export function dragRefusal(forest: ForestRows, dragged: readonly number[]): string | undefined {
  if (dragged.length === 0) return 'Choose a row first.';
  if (dragged.some((i) => isPlaceholder(forest, i))) return 'A row that holds an issue you cannot see cannot be moved.';
  return undefined;
}

/** Whether row `target` is one of the carried rows or under one: nothing may be dropped there. */
export function insideDragged(index: ForestIndex, dragged: readonly number[], target: number): boolean {
  return dragged.some((d) => target >= d && target < index.subtreeEnd[d]!);
}

const CYCLE = 'A row cannot move under itself or one of its own sub-rows.';
const HIDDEN_PARENT = 'You cannot place rows under an issue you cannot see.';

/** What a tree-item instruction over row `target` asks for the carried rows. */
export function placeFor(
  forest: ForestRows,
  index: ForestIndex,
  dragged: readonly number[],
  target: number,
  instruction: Instruction,
): DropOutcome {
  if (target < 0 || target >= index.size) return { reason: 'That row is no longer in the structure.' };
  if (insideDragged(index, dragged, target)) return { reason: CYCLE };
  const parentOf = (i: number) => index.parent[i]!;
  const underOf = (parent: number): number | undefined =>
    parent < 0 ? 0 : isPlaceholder(forest, parent) ? undefined : forest.rowIds[parent]!;
  switch (instruction.type) {
    case 'instruction-blocked':
      return { reason: 'The rows cannot be dropped there.' };
    case 'reorder-above':
    case 'reorder-below': {
      const under = underOf(parentOf(target));
      if (under === undefined) return { reason: HIDDEN_PARENT };
      const sibling = forest.rowIds[target]!;
      return instruction.type === 'reorder-above'
        ? { place: { under, before: sibling }, relation: 'above', target }
        : { place: { under, after: sibling }, relation: 'below', target };
    }
    case 'make-child': {
      if (isPlaceholder(forest, target)) return { reason: HIDDEN_PARENT };
      // First child: right below the row, where the indicator shows it, whether the row is open or not.
      return { place: { under: forest.rowIds[target]!, after: 0 }, relation: 'under', target };
    }
    case 'reparent': {
      // Dropped left of the last row of a group: after the ancestor at the level the pointer points to.
      let ancestor = target;
      while (forest.depths[ancestor]! > instruction.desiredLevel && parentOf(ancestor) >= 0)
        ancestor = parentOf(ancestor);
      if (insideDragged(index, dragged, ancestor)) return { reason: CYCLE };
      const under = underOf(parentOf(ancestor));
      if (under === undefined) return { reason: HIDDEN_PARENT };
      return { place: { under, after: forest.rowIds[ancestor]! }, relation: 'below', target: ancestor };
    }
  }
}

/**
 * The forest after moving the carried rows, each with its subtree, side by side at `place`, in their
 * order: what the backend's move makes of the same rows, shown before its answer arrives.
 */
export function moveRows(
  forest: ForestRows,
  index: ForestIndex,
  dragged: readonly number[],
  place: DropPlace,
): ForestRows {
  const carried = new Uint8Array(index.size);
  const moved: number[] = [];
  for (const d of [...dragged].sort((a, b) => a - b)) {
    if (carried[d]) continue;
    for (let i = d; i < index.subtreeEnd[d]!; i++) {
      carried[i] = 1;
      moved.push(i);
    }
  }
  // Where the rows go, in the forest's own positions: the carried rows are skipped when copying, so a
  // place inside or after them means the same as in the forest without them (one pass, no second index).
  const at = (rowId: number) => {
    const i = forest.rowIds.indexOf(rowId);
    if (i < 0 || carried[i]) throw new RangeError(`Row ${rowId} is not where the rows can go.`);
    return i;
  };
  const parent = place.under === 0 ? -1 : at(place.under);
  const childDepth = parent < 0 ? 0 : forest.depths[parent]! + 1;
  const position =
    place.before !== undefined && place.before > 0
      ? at(place.before)
      : place.after !== undefined && place.after > 0
        ? index.subtreeEnd[at(place.after)]!
        : place.after === 0
          ? parent + 1
          : parent < 0
            ? index.size
            : index.subtreeEnd[parent]!;
  const out: ForestRows = {
    rowIds: new Array(index.size),
    depths: new Array(index.size),
    issueIds: new Array(index.size),
    // Folders keep their names: they are named by row id, and rows keep their ids when they move.
    ...(forest.folderNames ? { folderNames: forest.folderNames } : {}),
  };
  let o = 0;
  const copy = (i: number, depth: number) => {
    out.rowIds[o] = forest.rowIds[i]!;
    out.depths[o] = depth;
    out.issueIds[o] = forest.issueIds[i]!;
    o++;
  };
  const emitMoved = () => {
    let shift = 0;
    for (const i of moved) {
      const p = index.parent[i]!;
      // A carried row whose parent stays is one of the dragged rows: its subtree keeps its shape under it.
      if (p < 0 || !carried[p]) shift = childDepth - forest.depths[i]!;
      copy(i, forest.depths[i]! + shift);
    }
  };
  for (let i = 0; i < index.size; i++) {
    if (i === position) emitMoved();
    if (!carried[i]) copy(i, forest.depths[i]!);
  }
  if (position >= index.size) emitMoved();
  return out;
}

/** Whether a move changed nothing (a row dropped where it already was): then nothing is sent. */
export function sameForest(a: ForestRows, b: ForestRows): boolean {
  if (a.rowIds.length !== b.rowIds.length) return false;
  for (let i = 0; i < a.rowIds.length; i++)
    if (a.rowIds[i] !== b.rowIds[i] || a.depths[i] !== b.depths[i]) return false;
  return true;
}
