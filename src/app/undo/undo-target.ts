// What an undo of an import would go back to, read the same way for the undo and for its preview, so
// that the confirmation says exactly what the undo then does.
import type { Forest } from '../../domain/forest';
import type { ImportJob } from '../../storage';
import { requireLevel } from '../access';
import { forestOfVersion, forestsOf, loadForest } from '../forest-store';
import type { Invocation } from '../invocation';
import { canUndo, findJob } from '../jobs';
import { findStructure } from '../structures';
import { AppError } from '../errors';
import { whyNotUndoable } from './job-kind';

export interface UndoTarget {
  readonly job: ImportJob;
  /** The structure now. */
  readonly current: Forest;
  /** The structure before the import, when it is still stored (the undo job refuses without it). */
  readonly before: Forest | undefined;
}

/** Control needed; refuses an import that cannot be undone now, with the reason. */
export async function loadUndoTarget(inv: Invocation, jobId: string): Promise<UndoTarget> {
  const job = await findJob(inv, jobId);
  await requireLevel(inv, await findStructure(inv, job.structureId), 'control');
  const { header, forest: current } = await loadForest(inv, job.structureId);
  if (job.kind !== 'import' || !canUndo(job, header) || !job.undo)
    throw new AppError('UNDO_NOT_POSSIBLE', whyNotUndoable(job.kind === 'import' ? job : undefined, false) ?? '');
  const chunks = await forestsOf(inv).readPrevious(header, job.undo.replacedVersion);
  const before = chunks === undefined ? undefined : forestOfVersion(chunks);
  return { job, current, before };
}
