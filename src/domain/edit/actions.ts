// Edits a person makes to a structure by hand, in Structure's vocabulary: add issues, move rows, indent
// and outdent them, remove them. Coordinates are rows of the forest the editor was shown (`under`, and
// `after` or `before` a sibling), so an edit means the same thing whatever else the view holds.
import type { IssueId, RowId } from '../forest';

/** Where rows go: among the children of `under` (absent or 0: the top level), after or before a sibling. */
export interface EditPlace {
  readonly under?: RowId;
  readonly after?: RowId;
  readonly before?: RowId;
}

export type EditAction =
  /** New rows for these issues, side by side at the place, in this order. */
  | ({ readonly kind: 'add'; readonly issueIds: readonly IssueId[] } & EditPlace)
  /** These rows, each with its subtree, side by side at the place, in this order. */
  | ({ readonly kind: 'move'; readonly rowIds: readonly RowId[] } & EditPlace)
  /** Each row becomes the last child of the sibling above it. */
  | { readonly kind: 'indent'; readonly rowIds: readonly RowId[] }
  /** Each row moves out of its parent, right after it. */
  | { readonly kind: 'outdent'; readonly rowIds: readonly RowId[] }
  /** These rows leave the structure with their subtrees; Jira's issues are not touched. */
  | { readonly kind: 'remove'; readonly rowIds: readonly RowId[] };

export interface EditCounts {
  readonly added: number;
  readonly moved: number;
  readonly removed: number;
}

/** Why an edit cannot be made, with the payload field it is about ("actions.2.rowIds.0"). */
export interface EditRefusal {
  readonly field: string;
  readonly message: string;
}
