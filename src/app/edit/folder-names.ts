// Folder names an edit sets, as the edit's history note and its transaction's writes. A new folder's
// name goes with its row; a rename is noted with the name before, which is what an undo sets back.
import type { FolderNaming } from '../../domain/edit';
import type { ChangeNote, TxOp } from '../../storage';
import { AppError } from '../errors';
import { folderNamesOf } from '../forest-store';
import type { Invocation } from '../invocation';

/** The history note's renames (what an undo sets back); new folders' names go with their rows. */
export function renamesOf(names: readonly FolderNaming[]): Pick<ChangeNote, 'renames'> {
  const renames = names.flatMap((n) =>
    n.from === undefined ? [] : [{ folderId: n.folderId, from: n.from, to: n.to }],
  );
  return renames.length > 0 ? { renames } : {};
}

/** The writes of an edit's folder names, for its transaction; too many folders at once is the editor's to split. */
export async function namingOps(inv: Invocation, structureId: string, names: readonly FolderNaming[]): Promise<TxOp[]> {
  try {
    return await folderNamesOf(inv).namingOps(structureId, names);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new AppError(
      'INVALID_EDIT',
      'This edit names too many folders at once: paste or rename them in smaller groups.',
      {
        field: 'actions',
      },
    );
  }
}
