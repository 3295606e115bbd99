// Taking back one edit on the forest as it is now, which may have changed since: the rows the edit
// moved go back to their parent and place, the rows it removed come back (as new rows: row ids are
// never reused), the rows it added go. Other changes made since stay. Each row goes back to where it
// was relative to its parent and siblings, so the undo rebases the way an edit does.
import {
  applyUpdate,
  diffForests,
  Forest,
  isFolder,
  type ForestAction,
  type IssueId,
  type Placement,
  type RowId,
} from '../forest';
import type { EditCounts } from './actions';

export interface UndoInput {
  /** The forest before the edit. */
  readonly before: Forest;
  /** The forest the edit made. */
  readonly after: Forest;
  /** The forest now. */
  readonly current: Forest;
  readonly visible: (issueId: IssueId) => boolean;
}

export type UndoResult =
  | { readonly ok: true; readonly forest: Forest; readonly update: ForestAction[]; readonly counts: EditCounts }
  | { readonly ok: false; readonly reason: string };

class Refused extends Error {}

/** The issues whose visibility decides `planUndo` (the rows it touches and the parents it places under). */
export function issuesOfUndo(before: Forest, after: Forest, current: Forest): IssueId[] {
  const ids = new Set<IssueId>();
  const { moved, removed, added } = rowsOfEdit(before, after);
  for (const rowId of [...moved, ...removed]) {
    ids.add(before.issueOf(rowId));
    const parent = before.parentOf(rowId);
    if (parent !== 0) ids.add(before.issueOf(parent));
  }
  for (const rowId of added)
    if (current.has(rowId)) for (const r of current.subtreeOf(rowId)) ids.add(current.issueOf(r));
  return [...ids];
}

export function planUndo(input: UndoInput): UndoResult {
  const { before, after } = input;
  // A folder is seen by everyone who sees the structure.
  const visible = (issueId: IssueId): boolean => isFolder(issueId) || input.visible(issueId);
  const { moved, removed, added } = rowsOfEdit(before, after);
  let forest = input.current;
  const update: ForestAction[] = [];
  // A removed row comes back under a new id; rows placed relative to it use that one.
  const renamed = new Map<RowId, RowId>();
  const now = (rowId: RowId): RowId => renamed.get(rowId) ?? rowId;
  const apply = (action: ForestAction): void => {
    forest = applyUpdate(forest, [action]);
    update.push(action);
  };
  const seen = (rowId: RowId, issueId: IssueId): void => {
    if (!visible(issueId))
      throw new Refused(`Row ${rowId} holds an issue you cannot see now, so the edit cannot be undone.`);
  };
  /** Where `rowId` was in `before`, said in the rows of `forest` now. */
  const placeOf = (rowId: RowId): Placement => {
    const parentBefore = before.parentOf(rowId);
    const under = now(parentBefore);
    if (under !== 0 && !forest.has(under))
      throw new Refused(`The row this edit took row ${rowId} from is not in the structure any more.`);
    if (under !== 0) seen(under, forest.issueOf(under));
    const siblings = before.childrenOf(parentBefore);
    const at = siblings.indexOf(rowId);
    // The nearest sibling it had that is still beside it now: after the one above, else before the one below.
    for (let i = at - 1; i >= 0; i--) {
      const s = now(siblings[i]!);
      if (forest.has(s) && forest.parentOf(s) === under && s !== rowId) return { under, after: s };
    }
    for (let i = at + 1; i < siblings.length; i++) {
      const s = now(siblings[i]!);
      if (forest.has(s) && forest.parentOf(s) === under && s !== rowId) return { under, before: s };
    }
    return { under };
  };
  try {
    for (const rowId of moved)
      if (!forest.has(rowId))
        throw new Refused(`Row ${rowId}, which this edit moved, is not in the structure any more.`);
    // In the old forest's order, so a row's parent and the sibling above it are back before it is.
    for (let i = 0; i < before.size; i++) {
      const rowId = before.rowIdAt(i);
      if (moved.has(rowId)) {
        seen(rowId, before.issueOf(rowId));
        const place = placeOf(rowId);
        if (forest.parentOf(rowId) === place.under && isRightPlace(forest, rowId, place)) continue;
        apply({ kind: 'move', rowId, ...place });
      } else if (removed.has(rowId)) {
        seen(rowId, before.issueOf(rowId));
        const fresh = forest.nextRowId;
        apply({ kind: 'add', ...placeOf(rowId), rows: [{ depth: 0, issueId: before.issueOf(rowId), rowId: fresh }] });
        renamed.set(rowId, fresh);
      }
    }
    let removedNow = 0;
    for (const rowId of added) {
      if (!forest.has(rowId) || (forest.parentOf(rowId) !== 0 && added.has(forest.parentOf(rowId)))) continue;
      for (const r of forest.subtreeOf(rowId)) {
        if (!added.has(r))
          throw new Refused(`Rows were placed under row ${rowId}, which this edit added, since: move them out first.`);
        seen(r, forest.issueOf(r));
      }
      removedNow += forest.subtreeOf(rowId).length;
      apply({ kind: 'remove', rowId, children: 'remove' });
    }
    return {
      ok: true,
      forest,
      update,
      counts: { added: renamed.size, moved: update.filter((a) => a.kind === 'move').length, removed: removedNow },
    };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, reason: e.message };
    if (e instanceof RangeError)
      return { ok: false, reason: `The structure changed too much around this edit to undo it: ${e.message}` };
    throw e;
  }
}

/** The rows an edit moved (parent or place among siblings), removed and added, by row id. */
function rowsOfEdit(before: Forest, after: Forest): { moved: Set<RowId>; removed: Set<RowId>; added: Set<RowId> } {
  const moved = new Set<RowId>();
  for (const action of diffForests(before, after)) if (action.kind === 'move') moved.add(action.rowId);
  const removed = new Set<RowId>();
  for (let i = 0; i < before.size; i++) if (!after.has(before.rowIdAt(i))) removed.add(before.rowIdAt(i));
  const added = new Set<RowId>();
  for (let i = 0; i < after.size; i++) if (!before.has(after.rowIdAt(i))) added.add(after.rowIdAt(i));
  return { moved, removed, added };
}

function isRightPlace(forest: Forest, rowId: RowId, place: Placement): boolean {
  const siblings = forest.childrenOf(place.under);
  const at = siblings.indexOf(rowId);
  if (place.after !== undefined) return siblings[at - 1] === place.after;
  if (place.before !== undefined) return siblings[at + 1] === place.before;
  return at === siblings.length - 1;
}
