// The job watchdog, run by a scheduled trigger every five minutes. A job is driven by its queue events
// alone; if the invocation running it dies and its event is never delivered again (a lost event, a
// queue that did not survive a restart), nothing else would ever move it: it would stay `running`. The
// watchdog finds jobs with no checkpoint for STALL_AFTER_MS and takes them over the way a redelivered
// event does — a commit conditioned on the step it read, so a worker that is in fact alive loses its next
// checkpoint and stops without side effects — then pushes the event that resumes the job from its last
// checkpoint. A job it has resumed MAX_RESCUES times and that stalls again is ended, with the reason.
import type { ErrorCode } from '../../contract';
import { JobRepository, KvsWriteMeter, StaleJobStep, type JobRecord } from '../../storage';
import { createInvocation, WORKER_RETRY } from '../invocation';
import { ADOPT_AFTER_MS } from './engine';
import { jobEnded, kindOf } from './kinds';
import { pushJobEvent, type PushJobEvent } from './queue';
import { JobLease } from './lease';
import { isTerminal, logEntry } from './read';

/**
 * No checkpoint for this long means nobody is running the job: every unit of work checkpoints, and a
 * redelivered event adopts a job after ADOPT_AFTER_MS. Five times that leaves the platform's own
 * redelivery room to act first.
 */
export const STALL_AFTER_MS = 5 * ADOPT_AFTER_MS;
/** Resumes of one job before a stall ends it: a job that dies at the same place every time would never finish. */
export const MAX_RESCUES = 3;
/** Jobs looked at per run: Forge allows about 100 requests an invocation, and each job takes two or three. */
export const MAX_JOBS_PER_RUN = 25;

export const STALLED_CODE: ErrorCode = 'JOB_STALLED';

export interface WatchdogReport {
  /** Jobs resumed from their last checkpoint. */
  resumed: string[];
  /** Jobs ended because they kept stalling. */
  ended: string[];
}

/** What the watchdog does at `now`; safe to run twice at once or again right after (each move is conditional). */
export async function superviseJobs(now: number, push: PushJobEvent = pushJobEvent): Promise<WatchdogReport> {
  const repo = new JobRepository(new KvsWriteMeter());
  const report: WatchdogReport = { resumed: [], ended: [] };
  let budget = MAX_JOBS_PER_RUN;
  for (const state of ['queued', 'running'] as const) {
    let cursor: string | undefined;
    if (budget <= 0) break;
    do {
      const page = await repo.listQuiet(state, now - STALL_AFTER_MS, Math.min(budget, 100), cursor);
      for (const job of page.jobs) {
        if (budget-- <= 0) return report;
        const outcome = await supervise(job, now, push);
        if (outcome) report[outcome].push(job.id);
      }
      cursor = page.nextCursor;
    } while (cursor && budget > 0);
  }
  return report;
}

/** When the job last showed a sign of life: its last checkpoint, or the end of the wait it announced. */
const lastMovedAt = (job: JobRecord): number => Math.max(job.checkpointAt ?? job.createdAt, job.waitUntil ?? 0);

const utc = (ms: number): string => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

async function supervise(job: JobRecord, now: number, push: PushJobEvent): Promise<'resumed' | 'ended' | undefined> {
  if (isTerminal(job) || now - lastMovedAt(job) < STALL_AFTER_MS) return undefined;
  // As the job's starter, like the engine: ending a job cleans up what that user's run wrote. Its commits
  // are the engine's own (a lease's, conditioned on the step read), so they lose to anyone who moved first.
  const lease = new JobLease(createInvocation(job.startedBy, { retry: WORKER_RETRY, now: () => now }), job);
  // Resumes count until the job moves on by itself: one that checkpointed since its last resume starts
  // over, so a long job that dies now and then is not ended for stalls it recovered from.
  const rescues = job.rescuedStep !== undefined && job.step > job.rescuedStep ? 0 : (job.rescues ?? 0);
  try {
    if (rescues >= MAX_RESCUES) {
      await end(lease, rescues);
      return 'ended';
    }
    await resume(lease, rescues + 1, push);
    return 'resumed';
  } catch (error) {
    // Someone moved the job first — its worker, a cancel, another watchdog run: nothing to do.
    if (error instanceof StaleJobStep) return undefined;
    throw error;
  }
}

async function resume(lease: JobLease, rescue: number, push: PushJobEvent): Promise<void> {
  const { job, inv } = lease;
  const note = `The job stopped making progress at ${utc(lastMovedAt(job))}; the watchdog resumed it from its last checkpoint (${rescue} of ${MAX_RESCUES}).`;
  // From now on only the event for the new step drives the job: the one of a dead invocation, should it
  // still come, finds another driver and does nothing.
  const taken = await lease.commit({
    driver: job.step + 1,
    // A job whose wait for Jira's reset is not over yet goes on waiting (the event chains the rest).
    waitUntil: (job.waitLeft ?? 0) > 0 ? job.waitUntil : undefined,
    rescues: rescue,
    rescuedStep: job.step + 1,
    log: [...job.log, logEntry(inv, 'warn', note)],
  });
  // Should this push fail, the job is quiet again and the next run after STALL_AFTER_MS tries once more.
  await push({ jobId: taken.id, step: taken.step });
}

async function end(lease: JobLease, rescues: number): Promise<void> {
  const { job, inv } = lease;
  const message = `The ${job.kind} stopped making progress at ${utc(lastMovedAt(job))} and was ended by the watchdog (resuming it ${rescues} times did not help); ${kindOf(job).untouched}. Start it again; the job log shows where it stopped.`;
  await lease.commit({
    state: 'failed',
    finishedAt: inv.now(),
    waitUntil: undefined,
    error: { code: STALLED_CODE, message },
    log: [...job.log, logEntry(inv, 'error', message)],
  });
  await jobEnded(inv, lease.job);
}
