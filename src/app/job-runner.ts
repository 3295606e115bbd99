// The worker's use case: continue a job from the step its event names, one unit of work after another,
// until it ends, pauses for Jira's rate limit, or the invocation nears its deadline — then push the event
// for the step it reached. Events for any other step are stale (duplicates, reordered) and do nothing.
import { JiraError, JiraRateLimited } from '../jira';
import { StaleJobStep, type JobRecord } from '../storage';
import { AppError } from './errors';
import { PHASE } from './import/filter-import';
import { runExportUnit } from './export/job';
import { importRunnerFor } from './import-runners';
import { dropJobData } from './import-apply';
import type { Invocation } from './invocation';
import { JobStep } from './job-step';
import { isTerminal, jobsOf } from './jobs';
import { MAX_EVENT_DELAY_SECONDS, type JobEvent, type PushJobEvent } from './queue';

export interface RunnerEnv {
  /** Milliseconds left in this invocation (the platform's clock). */
  remainingMs: () => number;
  push: PushJobEvent;
}

/** Stop this long before the deadline: one unit (a search page, a visibility batch, an apply) fits in it. */
export const DEADLINE_MARGIN_MS = 60_000;
/**
 * Forge allows about 100 outbound requests per invocation (Jira and storage alike, ECO-491); a unit makes
 * at most ~4, so 20 units keep well below it. A 100k-issue import still fits one invocation.
 */
export const MAX_UNITS_PER_INVOCATION = 20;

/**
 * How long a job may go without a checkpoint before a redelivered driving event may take it over. Longer
 * than any unit of work (a search page with all its in-place retries takes well under a minute).
 */
export const ADOPT_AFTER_MS = 120_000;

/** What the consumer should tell the platform: nothing, or "deliver this event again later". */
export type EventOutcome = { retryAfterSeconds: number } | undefined;

export async function runJobEvent(inv: Invocation, event: JobEvent, env: RunnerEnv): Promise<EventOutcome> {
  const job = await jobsOf(inv).get(event.jobId);
  if (!job) {
    console.warn(`Job ${event.jobId} does not exist; event ignored`);
    return undefined;
  }
  if (isTerminal(job)) return undefined;
  if (job.startedBy !== inv.accountId) throw new Error(`Job ${job.id} must run as the user who started it`);

  const step = new JobStep(inv, job);
  if (job.step !== event.step) {
    // Another step: a duplicate or a late event (nothing to do), or the redelivery of the event whose
    // invocation died mid-way. Only the latter may continue the job, once it has been quiet long enough.
    if (job.driver !== event.step) return undefined;
    const quietMs = inv.now() - (job.checkpointAt ?? 0);
    if (quietMs < ADOPT_AFTER_MS) return { retryAfterSeconds: Math.ceil((ADOPT_AFTER_MS - quietMs) / 1000) };
    step.job = {
      ...job,
      log: step.log('warn', 'The previous run of this job stopped unexpectedly; continuing from its last checkpoint.'),
    };
  }
  try {
    if (step.job.state === 'queued') {
      await step.commit({ state: 'running', startedAt: inv.now(), progress: { phase: PHASE.searching, done: 0 } });
    }
    const cache: Record<string, unknown> = {};
    for (let units = 0; ; units++) {
      // The first unit always runs, so a short clock cannot make events chase each other forever.
      // A unit may also ask for a fresh invocation before a heavy one (`cache.handOver`), so the heavy
      // unit has the whole request budget of an invocation to itself.
      if (
        units > 0 &&
        (units >= MAX_UNITS_PER_INVOCATION || env.remainingMs() < DEADLINE_MARGIN_MS || cache.handOver === true)
      ) {
        // Hand over to the next event: from now on only it (or its redelivery) may drive the job.
        const handed = await step.commit({ driver: step.job.step + 1 });
        await env.push({ jobId: handed.id, step: handed.step });
        return undefined;
      }
      const next = await runUnit(step, cache);
      if (isTerminal(next)) {
        await dropJobData(step);
        return undefined;
      }
    }
  } catch (error) {
    await handleFailure(step, error, env);
    return undefined;
  }
}

function runUnit(step: JobStep, cache: Record<string, unknown>): Promise<JobRecord> {
  if (step.job.kind === 'export' || step.job.kind === 'revert') return runExportUnit(step, cache);
  if (step.job.kind !== 'import')
    throw new AppError('UNKNOWN_SYNCHRONIZER', `The worker cannot run ${step.job.kind} jobs.`);
  return importRunnerFor(step.job.synchronizer).runUnit(step, cache);
}

async function handleFailure(step: JobStep, error: unknown, env: RunnerEnv): Promise<void> {
  if (error instanceof StaleJobStep) return; // another event or a cancel moved the job on
  try {
    if (error instanceof JiraRateLimited) {
      // Quota exhaustion is not a failure: keep the job running and come back when Jira allows.
      const delay = Math.min(error.retryAfterSeconds, MAX_EVENT_DELAY_SECONDS);
      const paused = await step.commit({
        driver: step.job.step + 1,
        progress: { ...step.job.progress, phase: PHASE.waiting },
        log: step.log(
          'warn',
          `Jira's rate limit was reached (${error.reason ?? 'no reason given'}); continuing in ${delay} s.`,
        ),
      });
      await env.push({ jobId: paused.id, step: paused.step }, delay);
      return;
    }
    // An export or revert writes Jira, not the structure: say what the user must know about either.
    const writesJira = step.job.kind === 'export' || step.job.kind === 'revert';
    const untouched = writesJira
      ? 'changes written to Jira before this stay (see the log)'
      : 'the structure was not changed';
    const known =
      error instanceof AppError
        ? error
        : error instanceof JiraError
          ? new AppError('JIRA_UNAVAILABLE', `Jira did not answer properly (${error.message}); ${untouched}.`)
          : undefined;
    if (!known) console.error(`Job ${step.job.id} failed unexpectedly`, error);
    const message = known?.message ?? `The ${step.job.kind} stopped because of an unexpected error; ${untouched}.`;
    await step.commit({
      state: 'failed',
      finishedAt: step.inv.now(),
      error: { code: known?.code ?? 'INTERNAL', message },
      log: step.log('error', message),
    });
    await dropJobData(step);
  } catch (inner) {
    if (inner instanceof StaleJobStep) return;
    throw inner;
  }
}
