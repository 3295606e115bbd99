// Cancelling a job between steps: the cancel moves the job's step on, so the engine's next checkpoint —
// including the one that would replace the forest — loses, and the structure stays as it was. If the
// forest replace won the race, the job is already finished and the structure fully imported.
import type { JobDto } from '../../contract';
import { StaleJobStep, type JobRecord } from '../../storage';
import { requireLevel } from '../access';
import { AppError } from '../errors';
import { forestsOf } from '../forest-store';
import type { Invocation } from '../invocation';
import { displayNameOf } from '../names/display-name';
import { findStructure } from '../structures';
import { jobEnded, kindOf } from './kinds';
import { findJob, isTerminal, jobsOf, logEntry, toJobDto } from './read';
import { jobsForReader } from './reader-view';

export async function cancelJob(inv: Invocation, jobId: string): Promise<JobDto> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const job = await findJob(inv, jobId);
    const structure = await findStructure(inv, job.structureId);
    if (job.startedBy !== inv.accountId) await requireLevel(inv, structure, 'control');
    if (isTerminal(job)) throw new AppError('JOB_NOT_CANCELLABLE', `The job is already ${job.state}.`);
    // Memoised: a retry of this loop asks Jira no more.
    const who = await displayNameOf(inv, inv.accountId);
    const cancelled: JobRecord = {
      ...job,
      state: 'cancelled',
      finishedAt: inv.now(),
      step: job.step + 1,
      progress: { ...job.progress, phase: 'cancelled' },
      log: [...job.log, logEntry(inv, 'info', `Cancelled by ${who}; ${kindOf(job).cancelled}.`)],
    };
    try {
      await jobsOf(inv).commit(cancelled, job.step);
      await jobEnded(inv, cancelled);
      const dto = toJobDto(cancelled, await forestsOf(inv).getHeader(job.structureId), { now: inv.now() });
      return (await jobsForReader(inv, structure, [dto]))[0] ?? dto;
    } catch (error) {
      if (!(error instanceof StaleJobStep)) throw error;
    }
  }
  throw new AppError('CONFLICT', 'The job kept changing while cancelling it; try again.');
}
