// Undo of the last import, as an undo job run at once (a few KVS reads and one transaction). Only
// someone with control of the structure may undo, and only when every row the undo touches holds an
// issue they can see (hidden-rows.ts); the job says who undid what. The UI asks first, with what
// `previewUndo` says the undo will change: there is no redo.
import type { JobDto } from '../../contract';
import type { Invocation } from '../invocation';
import { runJobNow } from '../jobs/engine';
import { toJobDto, undoJob } from '../jobs';
import { forestsOf } from '../forest-store';
import { refuseTouchingHiddenRows } from './hidden-rows';
import { loadUndoTarget } from './undo-target';

export async function undoImport(inv: Invocation, jobId: string): Promise<{ job: JobDto }> {
  // Checked here too, so a refusal needs no job record at all.
  const { job, before, current } = await loadUndoTarget(inv, jobId);
  // Without the earlier forest the undo job itself refuses, with its own reason.
  if (before) await refuseTouchingHiddenRows(inv, job, before, current);
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
