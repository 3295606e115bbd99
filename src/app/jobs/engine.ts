// The job engine: the one place that runs jobs of every kind (import, export, revert, undo; a resync
// or a background sync run is one of these with its origin recorded). A queue event names a job and the
// step it continues from; the engine leases the job, runs its stages one after another — checkpointing
// after each —, and stops when the job ends, waits (Jira's rate limit), or the invocation's budget is
// spent (time, units of work), handing over to the next event. Events for any other step are stale
// (duplicates, reordered) and do nothing. Cancel moves the step on, so the next checkpoint loses.
import {
  JiraAccessRefused,
  JiraError,
  JiraHttpError,
  JiraJqlInvalid,
  JiraNotFound,
  JiraRateLimited,
  type JiraWait,
} from '../../jira';
import { JobRepository, KvsWriteMeter, StaleJobStep, TransactionConditionFailed, type JobRecord } from '../../storage';
import { AppError } from '../errors';
import { appNotAuthorized } from '../jira-errors';
import { createInvocation, WORKER_RETRY, type Invocation } from '../invocation';
import { jobEnded, kindOf } from './kinds';
import { JobLease } from './lease';
import { MAX_EVENT_DELAY_SECONDS, type JobEvent, type PushJobEvent } from './queue';
import { isTerminal, jobsOf, logEntry } from './read';
import type { JobKindSpec, Stage, StageResult } from './stage';
import { backgroundPausedUntil, rememberPool } from '../points-pool';
import { waitLogLine } from './wait-log';

export interface EngineEnv {
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
/** The same budget counted in Jira calls: a unit that makes more calls than usual ends the invocation sooner. */
export const MAX_JIRA_CALLS_PER_INVOCATION = 60;

/**
 * How long a job may go without a checkpoint before a redelivered driving event may take it over. Longer
 * than any unit of work (a search page with all its in-place retries takes well under a minute).
 */
export const ADOPT_AFTER_MS = 120_000;

export const WAITING_PHASE = 'waiting for Jira rate limit';

/** What the consumer should tell the platform: nothing, or "deliver this event again later". */
export type EventOutcome = { retryAfterSeconds: number } | undefined;

type Ran = 'continue' | 'ended' | 'paused';

/** The worker's entry: the job says who runs it (its starter, impersonated); the event is only a pointer. */
export async function runQueuedJobEvent(event: JobEvent, env: EngineEnv): Promise<EventOutcome> {
  const job = await new JobRepository(new KvsWriteMeter()).get(event.jobId);
  if (!job) return undefined;
  return runJobEvent(createInvocation(job.startedBy, { retry: WORKER_RETRY }), event, env);
}

export async function runJobEvent(inv: Invocation, event: JobEvent, env: EngineEnv): Promise<EventOutcome> {
  const job = await jobsOf(inv).get(event.jobId);
  if (!job) {
    console.warn(`Job ${event.jobId} does not exist; event ignored`);
    return undefined;
  }
  if (isTerminal(job)) return undefined;
  if (job.startedBy !== inv.accountId) throw new Error(`Job ${job.id} must run as the user who started it`);

  const lease = new JobLease(inv, job);
  if (job.step !== event.step) {
    // Another step: a duplicate or a late event (nothing to do), or the redelivery of the event whose
    // invocation died mid-way. Only the latter may continue the job, once it has been quiet long enough.
    if (job.driver !== event.step) return undefined;
    const quietMs = inv.now() - (job.checkpointAt ?? 0);
    if (quietMs < ADOPT_AFTER_MS) return { retryAfterSeconds: Math.ceil((ADOPT_AFTER_MS - quietMs) / 1000) };
    lease.job = {
      ...job,
      log: [
        ...job.log,
        logEntry(
          inv,
          'warn',
          'The previous run of this job stopped unexpectedly; continuing from its last checkpoint.',
        ),
      ],
    };
  }
  if (waitLeftSeconds(lease.job, inv.now()) > 0) return chainWait(lease, env);
  const spec = kindOf(lease.job);
  inv.jira.onWait = (wait) => logWait(lease, wait);
  try {
    if (lease.job.state === 'queued') await start(lease, spec);
    if (await pausedForPeople(lease, env)) return undefined;
    const cache = new Map<string, unknown>();
    const callsBefore = inv.jira.cost.calls;
    for (let units = 0; ; units++) {
      // The first unit always runs, so a short clock cannot make events chase each other forever.
      const spent =
        units >= MAX_UNITS_PER_INVOCATION ||
        inv.jira.cost.calls - callsBefore >= MAX_JIRA_CALLS_PER_INVOCATION ||
        env.remainingMs() < DEADLINE_MARGIN_MS;
      if (units > 0 && (spent || cache.get(HAND_OVER) === true)) {
        // Hand over to the next event: from now on only it (or its redelivery) may drive the job.
        const handed = await lease.commit({ driver: lease.job.step + 1 } as Partial<JobRecord>);
        await env.push({ jobId: handed.id, step: handed.step });
        return undefined;
      }
      cache.delete(HAND_OVER);
      const ran = await runStage(lease, spec, cache, env);
      if (ran === 'paused') return undefined;
      if (ran === 'ended') {
        await jobEnded(lease.inv, lease.job);
        return undefined;
      }
    }
  } catch (error) {
    await handleFailure(lease, spec, error, env);
    return undefined;
  } finally {
    inv.jira.onWait = undefined;
    await rememberPool(inv);
  }
}

/**
 * A background job (started by a Jira event or the schedule) stops spending at the pool's reserve, so
 * that people's own imports and exports still have points this hour: it waits for the top of the hour.
 * One KVS read per invocation of a background job; a person's job never reads it.
 */
async function pausedForPeople(lease: JobLease, env: EngineEnv): Promise<boolean> {
  const trigger = lease.job.trigger;
  if (trigger !== 'event' && trigger !== 'schedule') return false;
  const until = await backgroundPausedUntil(lease.inv.now());
  if (until === undefined) return false;
  const seconds = Math.max(1, Math.ceil((until - lease.inv.now()) / 1000));
  const { changes, delay } = waitChanges(
    lease,
    seconds,
    "The app's points for this hour are down to the reserve kept for people's own imports and exports",
    { resetAt: until, reserve: true },
  );
  const paused = await lease.commit(changes);
  await env.push({ jobId: paused.id, step: paused.step }, delay);
  return true;
}

/**
 * Before the Jira client waits in place: a wait the log tells is committed at once, so the job page says
 * why nothing moves while it waits (a commit that loses ends the unit like any other). An unlogged wait
 * is only counted, in the record the next checkpoint writes.
 */
async function logWait(lease: JobLease, wait: JiraWait): Promise<void> {
  const waits = (lease.job.waits ?? 0) + 1;
  const line = waitLogLine(wait, waits);
  if (line === undefined) {
    lease.job = { ...lease.job, waits };
    return;
  }
  await lease.commit({ waits, log: [...lease.job.log, logEntry(lease.inv, 'info', line)] });
}

/**
 * Runs a job to its end within this call, without the queue: for jobs of a few KVS operations (undo).
 * The record is first written by its first checkpoint, so a stage that throws — an AppError saying
 * why it cannot be done — leaves no record behind, and the error reaches the caller.
 */
export async function runJobNow<J extends JobRecord>(inv: Invocation, job: J): Promise<J> {
  const lease = new JobLease<JobRecord>(inv, job, true);
  const spec = kindOf(job);
  await start(lease, spec, false);
  const cache = new Map<string, unknown>();
  const noQueue: EngineEnv = {
    remainingMs: () => Infinity,
    push: () => Promise.reject(new Error(`Job ${job.id} runs at once and cannot wait`)),
  };
  while (!isTerminal(lease.job)) {
    const ran = await runStage(lease, spec, cache, noQueue, true);
    if (ran === 'paused') throw new Error(`Job ${job.id} runs at once and cannot wait`);
  }
  return lease.job as J;
}

const HAND_OVER = 'engine:handOver';

async function start(lease: JobLease, spec: JobKindSpec<JobRecord>, commit = true): Promise<void> {
  const [first] = spec.stages(lease.job);
  const changes = {
    state: 'running',
    startedAt: lease.inv.now(),
    stage: first.name,
    progress: { phase: first.phase, done: 0 },
  } as const;
  if (commit) await lease.commit(changes);
  else lease.job = { ...lease.job, ...changes };
}

function stageOf(spec: JobKindSpec<JobRecord>, job: JobRecord): { stage: Stage<JobRecord>; after?: Stage<JobRecord> } {
  const stages = spec.stages(job);
  const index = stages.findIndex((s) => s.name === job.stage);
  if (index < 0) throw new Error(`Job ${job.id} is in stage "${job.stage}", which a ${job.kind} job does not have`);
  return { stage: stages[index], after: stages[index + 1] };
}

async function runStage(
  lease: JobLease,
  spec: JobKindSpec<JobRecord>,
  cache: Map<string, unknown>,
  env: EngineEnv,
  atOnce = false,
): Promise<Ran> {
  const { inv } = lease;
  for (let attempt = 1; ; attempt++) {
    const { stage, after } = stageOf(spec, lease.job);
    const result = await stage.run({ inv, job: lease.job, cache });
    const changes = changesOf(lease, stage, after, result);
    if (result.handOver) cache.set(HAND_OVER, true);
    const waitFor = typeof result.next === 'object' && 'wait' in result.next ? result.next.wait : undefined;
    const waited = waitFor ? waitChanges(lease, waitFor.seconds, waitFor.why) : undefined;
    if (waited) Object.assign(changes, waited.changes);
    if (!result.atomic) {
      await lease.commit(changes);
    } else {
      const { record, op } = lease.next(changes, result.atomic.pending);
      try {
        await result.atomic.write(op);
        lease.committed(record);
      } catch (error) {
        if (!(error instanceof TransactionConditionFailed)) throw error;
        if (!atOnce) {
          const current = await jobsOf(inv).get(lease.job.id);
          if (!current || current.step !== lease.job.step) throw new StaleJobStep(lease.job.id, lease.job.step);
        }
        if (attempt >= result.atomic.maxAttempts) throw result.atomic.conflict;
        lease.job = { ...lease.job, log: [...lease.job.log, logEntry(inv, 'info', result.atomic.retryNote)] };
        continue;
      }
    }
    if (waited) {
      await env.push({ jobId: lease.job.id, step: lease.job.step }, waited.delay);
      return 'paused';
    }
    return isTerminal(lease.job) ? 'ended' : 'continue';
  }
}

/** The engine's fields after a stage answered: lifecycle, stage, progress and log. */
function changesOf(
  lease: JobLease,
  stage: Stage<JobRecord>,
  after: Stage<JobRecord> | undefined,
  result: StageResult<JobRecord>,
): Partial<JobRecord> {
  const { inv, job } = lease;
  const log = [...job.log, ...(result.log ?? []).map((l) => logEntry(inv, l.level, l.message))];
  const base = {
    ...result.changes,
    log,
    waitUntil: undefined,
    waitLeft: undefined,
    waitFor: undefined,
  } as Partial<JobRecord>;
  const next = result.next;
  if (next === 'again' || typeof next === 'object') {
    if (typeof next === 'object' && 'failed' in next) {
      return {
        ...base,
        state: 'failed',
        finishedAt: inv.now(),
        error: next.failed,
        log: [...log, logEntry(inv, 'error', next.failed.message)],
        progress: result.progress ?? job.progress,
      };
    }
    return { ...base, progress: result.progress ?? job.progress };
  }
  if (next === 'done')
    return { ...base, state: 'finished', finishedAt: inv.now(), progress: result.progress ?? job.progress };
  if (!after) throw new Error(`Stage "${stage.name}" of a ${job.kind} job is the last one; it must end the job`);
  return { ...base, stage: after.name, progress: { ...(result.progress ?? job.progress), phase: after.phase } };
}

/**
 * A waiting job: a later event (delayed by at most the queue's longest delay) drives it; the checkpoint
 * says until when and why, and how much of the wait is left for further events to cover (`waitLeft`).
 * Returns the changes and the delay of the first event.
 */
function waitChanges(
  lease: JobLease,
  seconds: number,
  why: string,
  hourly?: { resetAt?: number; reserve?: boolean },
): { changes: Partial<JobRecord>; delay: number } {
  const total = Math.max(0, Math.ceil(seconds));
  const delay = Math.min(total, MAX_EVENT_DELAY_SECONDS);
  const until = hourly?.resetAt ?? lease.inv.now() + total * 1000;
  const line = hourly?.reserve
    ? `${why}: this background run waits for Jira's hourly reset and continues at ${utcTime(until)}, in ${total} s.`
    : hourly
      ? `${why}: the app's points for this hour are used up. The job waits for Jira's hourly reset and continues at ${utcTime(until)}, in ${total} s.`
      : `${why}; continuing in ${total} s.`;
  return {
    delay,
    changes: {
      driver: lease.job.step + 1,
      waitUntil: until,
      waitLeft: total - delay > 0 ? total - delay : undefined,
      waitFor: hourly ? 'hourly-limit' : 'rate-limit',
      progress: { ...lease.job.progress, phase: WAITING_PHASE },
      log: [...lease.job.log, logEntry(lease.inv, 'warn', line)],
    },
  };
}

/**
 * A delayed event of a wait longer than the queue's longest delay: no Jira call (Jira would only refuse
 * it until the reset), just the next link of the chain — a checkpoint, so the watchdog sees the job
 * alive, and the next delayed event.
 */
async function chainWait(lease: JobLease, env: EngineEnv): Promise<EventOutcome> {
  const left = waitLeftSeconds(lease.job, lease.inv.now());
  const delay = Math.min(left, MAX_EVENT_DELAY_SECONDS);
  try {
    const chained = await lease.commit({
      driver: lease.job.step + 1,
      waitLeft: left - delay > 0 ? left - delay : undefined,
    });
    await env.push({ jobId: chained.id, step: chained.step }, delay);
  } catch (error) {
    if (error instanceof StaleJobStep) return undefined; // a cancel or a duplicate moved the job on
    throw error;
  }
  return undefined;
}

/**
 * What is left of a chained wait: what the events' delays have not covered yet, and never past the end
 * of the wait by this clock (an event delivered late, or a job the watchdog resumed, does not wait again).
 */
function waitLeftSeconds(job: JobRecord, now: number): number {
  const left = job.waitLeft ?? 0;
  if (left <= 0) return 0;
  const untilEnd = job.waitUntil === undefined ? left : Math.ceil((job.waitUntil - now) / 1000);
  return Math.max(0, Math.min(left, untilEnd));
}

/** "15:00 UTC": Jira resets its hourly pool at the top of a UTC hour, so the hour is what the log needs. */
function utcTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 16)} UTC`;
}

async function handleFailure(
  lease: JobLease,
  spec: JobKindSpec<JobRecord>,
  error: unknown,
  env: EngineEnv,
): Promise<void> {
  if (error instanceof StaleJobStep) return; // another event or a cancel moved the job on
  try {
    if (error instanceof JiraRateLimited) {
      // Quota exhaustion is not a failure: keep the job running and come back when Jira allows — for the
      // hourly quota, not before its reset (chained events), so the job makes one refused call an hour.
      const { changes, delay } = waitChanges(
        lease,
        error.retryAfterSeconds,
        `Jira's rate limit was reached (${error.reason ?? 'no reason given'})`,
        error.quota ? { resetAt: error.resetAt } : undefined,
      );
      const paused = await lease.commit(changes);
      await env.push({ jobId: paused.id, step: paused.step }, delay);
      return;
    }
    const known =
      error instanceof AppError
        ? error
        : error instanceof JiraAccessRefused
          ? withUntouched(appNotAuthorized(error), `The ${lease.job.kind} stopped; ${spec.untouched}.`)
          : error instanceof JiraError
            ? jiraFailure(lease.job.kind, error, spec.untouched)
            : undefined;
    if (!known) console.error(`Job ${lease.job.id} failed unexpectedly`, error);
    const message =
      known?.message ?? `The ${lease.job.kind} stopped because of an unexpected error; ${spec.untouched}.`;
    await lease.commit({
      state: 'failed',
      finishedAt: lease.inv.now(),
      error: { code: known?.code ?? 'INTERNAL', message },
      log: [...lease.job.log, logEntry(lease.inv, 'error', message)],
    });
    await jobEnded(lease.inv, lease.job);
  } catch (inner) {
    if (inner instanceof StaleJobStep) return;
    throw inner;
  }
}

/**
 * A Jira failure that ends a job, in words that say whose it is: a refusal (4xx) is Jira's answer to
 * what the job asked, an outage (5xx, rate limits past every retry, unreadable answers) is passing.
 */
function jiraFailure(kind: JobRecord['kind'], error: JiraError, untouched: string): AppError {
  // A query Jira accepted at the start but no longer does (a field or value removed since): the parameters.
  if (error instanceof JiraJqlInvalid)
    return new AppError(
      'JQL_INVALID',
      `Jira no longer accepts the query: ${error.jiraMessage} ${sentence(untouched)}.`,
    );
  if (error instanceof JiraNotFound || (error instanceof JiraHttpError && error.status >= 400 && error.status < 500))
    return new AppError('JIRA_REFUSED', `Jira refused a request of the ${kind} (${error.message}); ${untouched}.`);
  const what = error.message.replace(/^Jira /, 'it ');
  return new AppError(
    'JIRA_UNAVAILABLE',
    `Jira was unavailable: ${what}. ${sentence(untouched)}; retry once Jira answers again.`,
  );
}

const sentence = (words: string): string => words.charAt(0).toUpperCase() + words.slice(1);

/** What to do first, then what the stopped job left as it was. */
const withUntouched = (error: AppError, untouched: string): AppError =>
  new AppError(error.code, `${error.message} ${untouched}`, error.details);
