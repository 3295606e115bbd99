import { IssueId, RowId } from './types';

/**
 * Where a row goes, in Structure's coordinates: among the children of `under` (0 = top level),
 * right after the sibling `after`, or right before the sibling `before`.
 *
 * - `after: X` (X > 0): right after X; if `before: Y` (Y > 0) is given too, Y must follow X.
 * - `before: Y` (Y > 0) without `after`: right before Y.
 * - `after: 0` alone: first child.
 * - `before: 0`, or no neighbour at all: last child. `after: 0, before: 0` also means last: Structure's
 *   own clients send it to say "no neighbour given", so it must not mean "first and last at once".
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
