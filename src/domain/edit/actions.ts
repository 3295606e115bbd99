// Edits a person makes to a structure by hand, in Structure's vocabulary: add issues or folders, move
// rows, indent and outdent them, remove them, rename a folder, paste copied rows. Coordinates are rows of
// the forest the editor was shown (`under`, and `after` or `before` a sibling), so an edit means the same
// thing whatever else the view holds.
import type { FolderId, IssueId, RowId } from '../forest';

/** Where rows go: among the children of `under` (absent or 0: the top level), after or before a sibling. */
export interface EditPlace {
  readonly under?: RowId;
  readonly after?: RowId;
  readonly before?: RowId;
}

/** One row of a copied selection, in pre-order: an issue, or a folder by its name (a paste makes a new folder). */
export type PastedRow =
  { readonly depth: number; readonly issueId: IssueId } | { readonly depth: number; readonly folderName: string };

export type EditAction =
  /** New rows for these issues, side by side at the place, in this order. */
  | ({ readonly kind: 'add'; readonly issueIds: readonly IssueId[] } & EditPlace)
  /** A new folder row with this name at the place. */
  | ({ readonly kind: 'add-folder'; readonly name: string } & EditPlace)
  /** A new name for the folder of this row. */
  | { readonly kind: 'rename'; readonly rowId: RowId; readonly name: string }
  /** New rows copying these rows with their subtrees (folders as new folders of the same name), at the place. */
  | ({ readonly kind: 'copy'; readonly rowIds: readonly RowId[] } & EditPlace)
  /** New rows for rows copied elsewhere (another structure), at the place. */
  | ({ readonly kind: 'paste'; readonly rows: readonly PastedRow[] } & EditPlace)
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

/** A folder's name set by an edit: a new folder's (`from` absent) or a rename's (`from` its old name, '' if none). */
export interface FolderNaming {
  readonly folderId: FolderId;
  readonly from?: string;
  readonly to: string;
}

/** Why an edit cannot be made, with the payload field it is about ("actions.2.rowIds.0"). */
export interface EditRefusal {
  readonly field: string;
  readonly message: string;
}
