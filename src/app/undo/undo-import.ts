// Undo of the last import, as an undo job run at once (a few KVS reads and one transaction). Only
// someone with control of the structure may undo, and only when every row the undo touches holds an
// issue they can see (hidden-rows.ts); the job says who undid what.
import type { JobDto } from '../../contract';
import { requireLevel } from '../access';
import { forestOfVersion, forestsOf, loadForest } from '../forest-store';
import type { Invocation } from '../invocation';
import { runJobNow } from '../jobs/engine';
import { canUndo, findJob, toJobDto, undoJob } from '../jobs';
import { findStructure } from '../structures';
import { AppError } from '../errors';
import { refuseTouchingHiddenRows } from './hidden-rows';
import { whyNotUndoable } from './job-kind';

export async function undoImport(inv: Invocation, jobId: string): Promise<{ job: JobDto }> {
  const job = await findJob(inv, jobId);
  await requireLevel(inv, await findStructure(inv, job.structureId), 'control');
  // Checked here too, so a refusal needs no job record at all.
  const { header, forest: current } = await loadForest(inv, job.structureId);
  if (!canUndo(job, header) || !job.undo)
    throw new AppError('UNDO_NOT_POSSIBLE', whyNotUndoable(job.kind === 'import' ? job : undefined, false) ?? '');
  const chunks = await forestsOf(inv).readPrevious(header, job.undo.replacedVersion);
  // Without the earlier forest the undo job itself refuses, with its own reason.
  if (chunks) {
    const before = forestOfVersion(chunks);
    await refuseTouchingHiddenRows(inv, job, before, current);
  }
  const undo = await runJobNow(
    inv,
    undoJob(inv, {
      structureId: job.structureId,
      synchronizer: job.synchronizer,
      params: { undoOf: job.id },
      intro: `Undid import ${job.id}: the structure is back to how it was before it.`,
      undoOf: job.id,
    }),
  );
  return { job: toJobDto(undo, await forestsOf(inv).getHeader(job.structureId)) };
}
