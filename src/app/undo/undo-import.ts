// Undo of the last import, as an undo job run at once (a few KVS reads and one transaction). Only
// someone with control of the structure may undo; the job says who undid what.
import type { JobDto } from '../../contract';
import { requireLevel } from '../access';
import { forestsOf, loadForest } from '../forest-store';
import type { Invocation } from '../invocation';
import { runJobNow } from '../jobs/engine';
import { canUndo, findJob, toJobDto, undoJob } from '../jobs';
import { findStructure } from '../structures';
import { AppError } from '../errors';
import { whyNotUndoable } from './job-kind';

export async function undoImport(inv: Invocation, jobId: string): Promise<{ job: JobDto }> {
  const job = await findJob(inv, jobId);
  await requireLevel(inv, await findStructure(inv, job.structureId), 'control');
  // Checked here too, so a refusal needs no job record at all.
  const { header } = await loadForest(inv, job.structureId);
  const why = whyNotUndoable(job.kind === 'import' ? job : undefined, canUndo(job, header));
  if (why !== undefined) throw new AppError('UNDO_NOT_POSSIBLE', why);
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
