// What a copy takes: the selected rows with their subtrees, in pre-order, as rows a paste can add
// anywhere (here or in another structure). A row inside another selected row comes along with it once.
// A copy never carries a row the person cannot see: a selection with such a row under it is refused,
// as removing it is, since pasting it elsewhere would show what they may not know is there.
import { isFolder, folderIdOf, type Forest, type FolderId, type IssueId, type RowId } from '../forest';
import type { EditRefusal, PastedRow } from './actions';

export interface CopyInput {
  readonly forest: Forest;
  readonly rowIds: readonly RowId[];
  readonly visible: (issueId: IssueId) => boolean;
  readonly nameOf: (folderId: FolderId) => string | undefined;
  /** The payload field the row ids are at ("actions.0.rowIds", "rowIds"). */
  readonly field: string;
}

export type CopyResult =
  { readonly ok: true; readonly rows: PastedRow[] } | { readonly ok: false; readonly refusal: EditRefusal };

export function copiedRows(input: CopyInput): CopyResult {
  const { forest, field } = input;
  const selected = new Set(input.rowIds);
  const rows: PastedRow[] = [];
  for (const [i, rowId] of input.rowIds.entries()) {
    const index = forest.tryIndexOf(rowId);
    if (index < 0)
      return refuse(
        `${field}.${i}`,
        `Row ${rowId} is not in the structure any more: reload the structure and try again.`,
      );
    let inside = false;
    for (let p = forest.parentOf(rowId); p !== 0; p = forest.parentOf(p)) if (selected.has(p)) inside = true;
    if (inside) continue;
    const base = forest.depthAt(index);
    for (let j = index; j < forest.subtreeEndAt(index); j++) {
      const itemId = forest.issueIdAt(j);
      const depth = forest.depthAt(j) - base;
      if (isFolder(itemId)) {
        rows.push({ depth, folderName: input.nameOf(folderIdOf(itemId)) ?? 'Folder' });
      } else if (!input.visible(itemId)) {
        return refuse(
          `${field}.${i}`,
          j === index
            ? `Row ${rowId} holds an issue you cannot see: you cannot copy it.`
            : `Row ${rowId} has rows under it that hold issues you cannot see: copy the rows you can see, or ask someone who can see them.`,
        );
      } else rows.push({ depth, issueId: itemId });
    }
  }
  return { ok: true, rows };
}

const refuse = (field: string, message: string): CopyResult => ({ ok: false, refusal: { field, message } });
