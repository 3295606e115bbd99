// What undoing an import would change, for the confirmation the UI shows before `undoImport`: the
// same checks as the undo (control, still undoable, no row of an issue the caller cannot see touched),
// so a preview that answers means the undo would run, and the counts are what it would do.
import type { UndoPreview } from '../../contract';
import { forestChangeCounts } from '../../domain/forest';
import { AppError } from '../errors';
import type { Invocation } from '../invocation';
import { displayNameOf } from '../names/display-name';
import { refuseTouchingHiddenRows } from './hidden-rows';
import { loadUndoTarget } from './undo-target';

export async function previewUndo(inv: Invocation, jobId: string): Promise<UndoPreview> {
  const { job, before, current } = await loadUndoTarget(inv, jobId);
  if (!before)
    throw new AppError('UNDO_NOT_POSSIBLE', 'The structure as it was before this import is no longer stored.');
  await refuseTouchingHiddenRows(inv, job, before, current);
  // What the import changed, counted forwards (rowIds only ever grow); the undo takes each back.
  const counts = forestChangeCounts(before, current);
  return {
    jobId: job.id,
    importedBy: job.startedBy === inv.accountId ? 'you' : await displayNameOf(inv, job.startedBy),
    ...(job.finishedAt !== undefined ? { finishedAt: new Date(job.finishedAt).toISOString() } : {}),
    removed: counts.added,
    restored: counts.removed,
    moved: counts.moved,
    rowsNow: current.size,
    rowsAfter: before.size,
  };
}
