// The undo job on the job engine: one stage that writes back the forest the import replaced (kept as the
// previous version) in one transaction with the undo's record and the import's "undone" mark — only
// while the structure is still exactly what the import left. It runs at once, in the resolver.
import { Forest } from '../../domain/forest';
import type { ChangeNote, ImportJob, UndoJob } from '../../storage';
import { AppError } from '../errors';
import { countsBack, forestOfVersion, forestsOf, loadForest, replaceForest } from '../forest-store';
import type { JobKindSpec } from '../jobs/stage';
import { canUndo, findJob, jobsOf, logEntry } from '../jobs/read';
import { displayNameOf } from '../names/display-name';

const notPossible = (reason: string): AppError => new AppError('UNDO_NOT_POSSIBLE', reason);

/** Why an import cannot be undone now, in words; undefined when it can. */
export function whyNotUndoable(job: ImportJob | undefined, canBeUndone: boolean): string | undefined {
  if (canBeUndone) return undefined;
  if (!job || job.state !== 'finished' || !job.undo)
    return 'Only a finished import that changed the structure can be undone.';
  if (job.undo.undoneByJobId) return 'This import was already undone.';
  return 'The structure changed since this import, so undoing it would lose those changes.';
}

export const undoJobKind: JobKindSpec<UndoJob> = {
  kind: 'undo',
  untouched: 'the structure was not changed',
  cancelled: 'the structure was left as it was',
  stages: () => [
    {
      name: 'restore',
      phase: 'restoring the structure',
      async run({ inv, job: undo }) {
        const job = await findJob(inv, undo.undoOf);
        const { header, forest: current } = await loadForest(inv, undo.structureId);
        const importJob = job.kind === 'import' ? job : undefined;
        const why = whyNotUndoable(importJob, canUndo(job, header));
        if (why !== undefined || !importJob?.undo) throw notPossible(why ?? 'This import cannot be undone.');
        const chunks = await forestsOf(inv).readPrevious(header, importJob.undo.replacedVersion);
        if (!chunks) throw notPossible('The structure as it was before this import is no longer stored.');
        const before = forestOfVersion(chunks);
        // Rows the import added must never be handed out again: keep the newer high-water mark.
        const restored = Forest.fromColumns(before.columns, Math.max(before.nextRowId, current.nextRowId));
        const who = await displayNameOf(inv, inv.accountId);
        const note: ChangeNote = {
          kind: 'undo',
          who: inv.accountId,
          counts: countsBack(current, before),
          jobId: undo.id,
          of: importJob.undo.appliedVersion,
        };
        const undone: ImportJob = {
          ...importJob,
          step: importJob.step + 1,
          undo: { ...importJob.undo, undoneByJobId: undo.id },
          log: [...importJob.log, logEntry(inv, 'info', `Undone by ${who} (job ${undo.id}).`)],
        };
        return {
          next: 'done',
          progress: { phase: 'finished', done: 1, total: 1 },
          atomic: {
            write: async (recordOp) => {
              await replaceForest(inv, header, restored, undo.id, note, [
                recordOp,
                jobsOf(inv).commitOp(undone, importJob.step),
              ]);
            },
            pending: { kvsWrites: 0, forestWrites: 0 },
            retryNote: 'The structure changed while undoing.',
            maxAttempts: 1,
            conflict: notPossible('The structure changed while undoing, so nothing was undone.'),
          },
        };
      },
    },
  ],
};
