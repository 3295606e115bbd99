import { IssueId, RowId } from './types';

/**
 * Where a row goes, in Structure's coordinates: among the children of `under` (0 = top level),
 * right after the sibling `after`, or right before the sibling `before`.
 *
 * - `after: X` (X > 0): right after X; if `before: Y` (Y > 0) is given too, Y must follow X.
 * - otherwise `before: Y` (Y > 0): right before Y.
 * - otherwise `after: 0` with no `before`: first child.
 * - otherwise (`before: 0`, no neighbour at all, or `after: 0, before: 0`): last child.
 *
 * A zero next to a nonzero neighbour is read as "not given", the way Structure's own clients send
 * `after: 0, before: 0` to mean "no neighbour"; only a lone `after: 0` asks for the first place.
 */
export interface Placement {
  readonly under: RowId;
  readonly after?: RowId;
  readonly before?: RowId;
}

/** A row of an added sub-forest; depth is relative to `under` (0 = a child of `under`). */
export interface AddedRow {
  readonly depth: number;
  readonly issueId: IssueId;
  /**
   * Usually left out: the row gets the forest's next fresh rowId. A diff names the rowId it needs so
   * that replaying it reproduces the target forest; such an id must still be fresh (≥ nextRowId).
   */
  readonly rowId?: RowId;
}

/** Adds a row, or a sub-forest given in pre-order; its top rows land side by side at the placement. */
export interface AddAction extends Placement {
  readonly kind: 'add';
  readonly rows: readonly AddedRow[];
}

/** Moves a row together with its subtree. */
export interface MoveAction extends Placement {
  readonly kind: 'move';
  readonly rowId: RowId;
}

/**
 * Removes a row. `children: 'remove'` removes its whole subtree; `children: 'lift'` puts its children
 * in its place, in order, under its parent.
 */
export interface RemoveAction {
  readonly kind: 'remove';
  readonly rowId: RowId;
  readonly children: 'remove' | 'lift';
}

export type ForestAction = AddAction | MoveAction | RemoveAction;

/** Actions applied in order; each sees the forest left by the previous ones. */
export type ForestUpdate = readonly ForestAction[];
