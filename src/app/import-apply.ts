// The last step of every import: plan against the current forest, apply, and write the new forest and the
// finished job in ONE transaction conditioned on both the forest version and the job step. A concurrent
// change of the structure makes the plan recompute from the new forest (bounded); a duplicate or cancelled
// step loses on the job condition and changes nothing.
import { applyUpdate, type Forest } from '../domain/forest';
import type { ImportPlan } from '../domain/synchronizers/types';
import { JobDataRepository, requestUnits, StaleJobStep, TransactionConditionFailed, type JobRecord } from '../storage';
import { AppError } from './errors';
import { forestChunks, forestsOf, loadForest } from './forest-store';
import type { JobStep } from './job-step';
import { jobsOf, logEntry } from './jobs';

export const MAX_APPLY_ATTEMPTS = 5;

export type PlanFor = (forest: Forest) => Promise<ImportPlan>;

export async function applyImport(step: JobStep, planFor: PlanFor): Promise<JobRecord> {
  const { inv } = step;
  for (let attempt = 1; attempt <= MAX_APPLY_ATTEMPTS; attempt++) {
    const { header, forest } = await loadForest(inv, step.job.structureId);
    const plan = await planFor(forest);
    const c = plan.counts;
    const summary = `Added ${c.added}, moved ${c.moved}, removed ${c.removed}, unchanged ${c.unchanged}, skipped (not visible to you) ${c.skippedNotVisible}.`;
    const log = (last: string) => [
      ...step.job.log,
      ...plan.notes.map((n) => logEntry(inv, 'info', n)),
      logEntry(inv, 'info', last),
    ];
    const finished: Partial<JobRecord> = {
      state: 'finished',
      finishedAt: inv.now(),
      progress: { phase: 'finished', done: step.job.checkpoint.matched, total: step.job.checkpoint.matched },
      result: { ...c },
    };

    const updated = plan.update.length === 0 ? forest : applyUpdate(forest, plan.update);
    if (updated === forest || updated.equals(forest)) {
      // Nothing to change: no forest write at all, and nothing to undo.
      return step.commit({ ...finished, log: log(`The structure already matches. ${summary}`) });
    }
    const chunks = forestChunks(updated);
    // The forest write is part of this job's cost; count it in the record the same transaction writes.
    const units = requestUnits(chunks.reduce((n, c) => n + c.length, 0) + 1024);
    const { record, op } = step.next(
      { ...finished, log: log(summary), undo: { replacedVersion: header.version, appliedVersion: header.version + 1 } },
      { kvsWrites: units, forestWrites: units },
    );
    try {
      await forestsOf(inv).replace(header, chunks, updated.size, step.job.id, inv.now(), [op]);
      return step.committed(record);
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      const current = await jobsOf(inv).get(step.job.id);
      if (!current || current.step !== step.job.step) throw new StaleJobStep(step.job.id, step.job.step);
      step.job = {
        ...step.job,
        log: step.log('info', 'The structure changed while importing; recomputing from the new structure.'),
      };
    }
  }
  throw new AppError(
    'CONFLICT',
    `The structure kept changing during the import (${MAX_APPLY_ATTEMPTS} attempts); run it again.`,
  );
}

/** Best effort after a job ends: the keys also expire on their own. */
export async function dropJobData(step: JobStep): Promise<void> {
  const cp = step.job.checkpoint;
  try {
    await new JobDataRepository(step.inv.kvsWrites).deleteAll(step.job.id, cp.pages, cp.visibilityPages ?? 0);
  } catch (error) {
    console.warn(`Could not delete the data of job ${step.job.id}`, error);
  }
}
