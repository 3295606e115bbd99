// Folders: named rows that are not issues. A folder takes the issue slot of its row as a negative
// number, -folderId, and its name lives beside the forest (per structure, in KVS), not in it. Why:
// - the forest's three typed columns, its encoding (signed deltas: a folder next to issue 10042 costs
//   two or three bytes), its updates, diff, history and undo all keep working on plain numbers;
// - Jira issue ids are positive, so a negative id can never be mistaken for an issue, and
//   `issueIdToJira` refuses it: a folder can never be sent to Jira by accident;
// - a folder's id is the row id of the row that made it, so ids are handed out by the forest's own
//   high-water mark, in the same conditioned write, and never reused. A copy of a folder row is a new
//   folder (with the copied name): renaming one row never renames another.
import type { IssueId, RowId } from './types';

export type FolderId = number;

/** Folder names are at most this long, after trimming (as Jira's summary, a reasonable row label). */
export const MAX_FOLDER_NAME = 255;

export const isFolder = (itemId: IssueId): boolean => itemId < 0;

/** The issue slot of a folder's rows. */
export const folderItemId = (folderId: FolderId): IssueId => -folderId;

/** The folder a row's issue slot names (only for folder slots). */
export const folderIdOf = (itemId: IssueId): FolderId => -itemId;

/** A new folder made in the row `rowId` takes that row's id. */
export const folderOfNewRow = (rowId: RowId): FolderId => rowId;

/** The name as stored (trimmed), or why it cannot be one. */
export function folderName(raw: string): { ok: true; name: string } | { ok: false; message: string } {
  const name = raw.trim();
  if (name.length === 0) return { ok: false, message: 'A folder needs a name.' };
  if (name.length > MAX_FOLDER_NAME)
    return {
      ok: false,
      message: `A folder name is at most ${MAX_FOLDER_NAME} characters; this one has ${name.length}.`,
    };
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    return { ok: false, message: 'A folder name cannot hold line breaks or control characters.' };
  return { ok: true, name };
}
