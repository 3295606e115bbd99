// The Forge async-events queue, locally: published events are delivered to the consumer later (never
// inside push), after their delay, at least once and in no guaranteed order; InvocationError results
// and thrown errors are retried with the platform's retryContext — with a retention window, for as long
// as Forge keeps an event (24 h), backing off up to 15 minutes between attempts. Switches make delivery
// harsher (duplicates, reordering, extra delay) so that tests can prove consumers idempotent, and
// `advance` moves the queue's clock so that a test can live through a day of retries. Given a store, it
// keeps what it owes there, as Forge's queue does beyond any one host: a new queue on the same store
// delivers what the previous one had not (an attempt that was running counts as one that died).
import { randomUUID } from 'node:crypto';
import { QueueClock } from './clock';
import type { QueueStore, StoredDelivery } from './store';
import {
  DeliveredEvent,
  DeliveryRecord,
  FailedEvent,
  JobStats,
  PublishRequest,
  QueueOptions,
  QueueSwitches,
  RetryContext,
} from './types';

/** Runs the consumer of a queue for one event; resolves to what the handler returned. */
export type Deliver = (event: DeliveredEvent) => Promise<unknown>;

/** Errors named so (an invocation that ran out of time) are retried with reason FUNCTION_TIME_OUT. */
export const TIMEOUT_ERROR_NAME = 'FUNCTION_TIME_OUT';

const MAX_DELAY_SECONDS = 900;
const MAX_LOG = 10_000;

interface EventState {
  event: Omit<DeliveredEvent, 'retryContext'>;
  /** When it was published, on the queue clock, and as a date (retryContext.retentionWindow.startTime). */
  publishedAt: number;
  publishedOn: string;
  /** Deliveries scheduled or running (a duplicated event has two chains). */
  open: number;
  succeeded: boolean;
  failed: boolean;
  cancelled: boolean;
}

interface Job {
  jobId: string;
  queueName: string;
  events: EventState[];
}

interface Delivery {
  state: EventState;
  dueAt: number;
  seq: number;
  duplicate: boolean;
  retryContext?: RetryContext;
  errorRetries: number;
  /** Its row in the store, if the queue has one. */
  storeId?: number;
}

interface RetryRequest {
  _retry: true;
  retryOptions?: { retryAfter?: number; retryReason?: string; retryData?: unknown };
}

const isRetryRequest = (v: unknown): v is RetryRequest =>
  v !== null && typeof v === 'object' && (v as { _retry?: unknown })._retry === true;

export class DeliveryQueue {
  readonly switches: QueueSwitches;
  /** Every delivery attempt, oldest first (the last 10,000). */
  readonly deliveries: DeliveryRecord[] = [];
  /** Events dropped after their retries ran out. */
  readonly failures: FailedEvent[] = [];

  private readonly jobs = new Map<string, Job>();
  private scheduled: Delivery[] = [];
  private ready: Delivery[] = [];
  private running = 0;
  /** Running deliveries per `concurrency.key`, shared across queues as in Forge. */
  private readonly runningByKey = new Map<string, number>();
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerDueAt = Infinity;
  private idleWaiters: Array<() => void> = [];
  private settledWaiters: Array<() => void> = [];
  private closed = false;
  private readonly clock: QueueClock;
  private readonly store: QueueStore | undefined;
  private readonly opts: Required<Omit<QueueOptions, 'switches' | 'sharedSwitches' | 'retentionWindowMs' | 'store'>> &
    Pick<QueueOptions, 'retentionWindowMs'>;

  constructor(
    private readonly deliver: Deliver,
    options: QueueOptions = {},
  ) {
    this.opts = {
      timeScale: options.timeScale ?? 1,
      maxRetries: options.maxRetries ?? 20,
      maxErrorRetries: options.maxErrorRetries ?? 3,
      concurrency: options.concurrency ?? 8,
      reorderWindowMs: options.reorderWindowMs ?? 25,
      random: options.random ?? Math.random,
      retentionWindowMs: options.retentionWindowMs,
    };
    const given = options.switches ?? {};
    this.switches = options.sharedSwitches ?? {
      duplicate: given.duplicate ?? false,
      reorder: given.reorder ?? false,
      extraDelayMs: given.extraDelayMs ?? 0,
    };
    this.store = options.store;
    this.clock = new QueueClock(this.store?.skippedMs() ?? 0);
    if (this.store) this.restore(this.store.load());
  }

  get timeScale(): number {
    return this.opts.timeScale;
  }

  set timeScale(value: number) {
    this.opts.timeScale = value;
  }

  /** Accepts a push; delivery happens later, on a timer. */
  publish(request: PublishRequest): void {
    const job: Job = this.jobs.get(request.jobId) ?? { jobId: request.jobId, queueName: request.queueName, events: [] };
    this.jobs.set(job.jobId, job);
    for (const pushed of request.payload) {
      const state: EventState = {
        event: {
          body: pushed.body,
          queueName: request.queueName,
          jobId: request.jobId,
          eventId: randomUUID(),
          ...(pushed.delayInSeconds !== undefined ? { delayInSeconds: pushed.delayInSeconds } : {}),
          ...(pushed.concurrency !== undefined ? { concurrency: pushed.concurrency } : {}),
        },
        publishedAt: this.clock.now(),
        publishedOn: new Date().toISOString(),
        open: 0,
        succeeded: false,
        failed: false,
        cancelled: false,
      };
      job.events.push(state);
      const delayMs = this.platformDelayMs(pushed.delayInSeconds ?? 0);
      this.schedule(state, delayMs, false, undefined, 0);
      if (this.switches.duplicate) this.schedule(state, delayMs, true, undefined, 0);
    }
    this.arm();
  }

  stats(jobId: string): JobStats | undefined {
    const job = this.jobs.get(jobId);
    if (!job) return undefined;
    const stats: JobStats = { success: 0, inProgress: 0, failed: 0 };
    for (const e of job.events) {
      if (e.open > 0) stats.inProgress += 1;
      else if (e.succeeded) stats.success += 1;
      else if (e.failed) stats.failed += 1;
    }
    return stats;
  }

  /**
   * Drops the job's deliveries that have not started; running ones finish, and a retry one of them asks
   * for (an error, a timeout, an InvocationError) is not delivered: it would be a pending event of a
   * cancelled job. False when the job is unknown.
   */
  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job) return false;
    for (const state of job.events) state.cancelled = true;
    this.drop((d) => d.state.event.jobId === jobId);
    return true;
  }

  /**
   * Loses every delivery that has not started, as a platform that lost its events would (running ones
   * finish): for tests of what an app does about a job whose next event never comes. How many it dropped.
   */
  losePending(): number {
    return this.drop(() => true);
  }

  private drop(dropped: (d: Delivery) => boolean): number {
    const gone = [...this.scheduled, ...this.ready].filter(dropped);
    for (const d of gone) {
      d.state.open -= 1;
      d.state.cancelled = true;
      this.store?.remove(d.storeId);
    }
    this.scheduled = this.scheduled.filter((d) => !dropped(d));
    this.ready = this.ready.filter((d) => !dropped(d));
    this.arm();
    this.checkIdle();
    return gone.length;
  }

  /** Whether nothing is scheduled, waiting or running. */
  get idle(): boolean {
    return this.scheduled.length === 0 && this.ready.length === 0 && this.running === 0;
  }

  /**
   * Resolves once the queue is idle: every event published so far, and every event those deliveries
   * published, has been delivered (or dropped). Rejects after `timeoutMs` if given.
   */
  drain(options: { timeoutMs?: number } = {}): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      let timeout: NodeJS.Timeout | undefined;
      const done = (): void => {
        if (timeout) clearTimeout(timeout);
        resolve();
      };
      this.idleWaiters.push(done);
      if (options.timeoutMs !== undefined) {
        timeout = setTimeout(() => {
          this.idleWaiters = this.idleWaiters.filter((w) => w !== done);
          reject(
            new Error(
              `Queue not idle after ${options.timeoutMs} ms: ${this.scheduled.length} scheduled, ${this.ready.length} waiting, ${this.running} running`,
            ),
          );
        }, options.timeoutMs);
      }
    });
  }

  /**
   * Lets `ms` of platform time pass at once (scaled by timeScale like every platform delay): every
   * delivery that falls due meanwhile runs, in order, each after the ones before it have finished, so
   * retries, backoff and the retention window play out as they would over that time. Resolves when
   * the queue's clock has reached the end and nothing runs.
   */
  async advance(ms: number): Promise<void> {
    const end = this.clock.now() + ms * this.opts.timeScale;
    for (;;) {
      await this.settled();
      const next = this.scheduled.reduce((min, d) => Math.min(min, d.dueAt), Infinity);
      if (this.closed || next > end) break;
      this.clock.moveTo(next);
      this.release();
    }
    this.clock.moveTo(end);
    this.store?.setSkippedMs(this.clock.skipped);
    this.arm();
    await this.settled();
  }

  /**
   * Stops delivering. Without a store, scheduled events are forgotten; with one they stay in it — and so
   * do the attempts still running, whatever they do next — for the next queue on that store to deliver.
   */
  close(): void {
    this.closed = true;
    this.store?.close();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.scheduled = [];
    this.ready = [];
    this.checkIdle();
    this.checkSettled();
  }

  /**
   * Takes over what a previous queue on the store owed: deliveries still to come keep their due time; one
   * that had started died with its runtime and is retried at once, as the platform retries an invocation
   * that failed (retryCount + 1, within the event's retention window).
   */
  private restore(stored: Array<{ id: number; delivery: StoredDelivery }>): void {
    const states = new Map<string, EventState>();
    for (const { id, delivery } of stored) {
      const { event } = delivery;
      let state = states.get(event.eventId);
      if (!state) {
        state = {
          event,
          publishedAt: delivery.publishedAt,
          publishedOn: delivery.publishedOn,
          open: 0,
          succeeded: false,
          failed: false,
          cancelled: false,
        };
        states.set(event.eventId, state);
        const job = this.jobs.get(event.jobId) ?? { jobId: event.jobId, queueName: event.queueName, events: [] };
        job.events.push(state);
        this.jobs.set(job.jobId, job);
      }
      state.open += 1;
      const d: Delivery = {
        state,
        dueAt: delivery.dueAt,
        seq: this.seq++,
        duplicate: delivery.duplicate,
        retryContext: delivery.retryContext,
        errorRetries: delivery.errorRetries,
        storeId: id,
      };
      if (!delivery.started) {
        this.scheduled.push(d);
        continue;
      }
      const retryCount = (delivery.retryContext?.retryCount ?? 0) + 1;
      const lost = 'the runtime stopped while the consumer ran';
      this.retry(d, 0, retryCount, 'FUNCTION_PLATFORM_UNKNOWN_ERROR', undefined, lost, {
        errorRetries: delivery.errorRetries + 1,
      });
    }
    this.arm();
  }

  private platformDelayMs(seconds: number): number {
    return Math.min(seconds, MAX_DELAY_SECONDS) * 1000 * this.opts.timeScale;
  }

  private schedule(
    state: EventState,
    delayMs: number,
    duplicate: boolean,
    retryContext: RetryContext | undefined,
    errorRetries: number,
  ): void {
    const reorderWindow = this.switches.reorder ? this.opts.reorderWindowMs : 0;
    state.open += 1;
    const dueAt = this.clock.now() + delayMs + this.switches.extraDelayMs + reorderWindow;
    const storeId = this.store?.insert({
      event: state.event,
      publishedAt: state.publishedAt,
      publishedOn: state.publishedOn,
      dueAt,
      duplicate,
      ...(retryContext ? { retryContext } : {}),
      errorRetries,
    });
    this.scheduled.push({ state, dueAt, seq: this.seq++, duplicate, retryContext, errorRetries, storeId });
  }

  /** Keeps one timer, set for the earliest scheduled delivery. */
  private arm(): void {
    if (this.closed) return;
    const next = this.scheduled.reduce((min, d) => Math.min(min, d.dueAt), Infinity);
    if (next === this.timerDueAt && this.timer) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDueAt = next;
    if (next === Infinity) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerDueAt = Infinity;
        this.release();
      },
      Math.max(0, next - this.clock.now()),
    );
  }

  /** Moves due deliveries to the ready list — permuted when the reorder switch is on — and starts them. */
  private release(): void {
    const now = this.clock.now();
    const horizon = this.switches.reorder ? now + this.opts.reorderWindowMs : now;
    const due = this.scheduled.filter((d) => d.dueAt <= horizon).sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq);
    this.scheduled = this.scheduled.filter((d) => d.dueAt > horizon);
    this.ready.push(...this.permute(due));
    this.startReady();
    this.arm();
  }

  private permute(due: Delivery[]): Delivery[] {
    const mode = this.switches.reorder;
    if (!mode || due.length < 2) return due;
    if (mode === 'reverse') return [...due].reverse();
    const shuffled = [...due];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(this.opts.random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    return shuffled;
  }

  /** Starts waiting deliveries up to the queue's concurrency and each event's `concurrency: {key, limit}`. */
  private startReady(): void {
    let i = 0;
    while (!this.closed && this.running < this.opts.concurrency && i < this.ready.length) {
      const delivery = this.ready[i];
      const limit = delivery.state.event.concurrency;
      if (limit && (this.runningByKey.get(limit.key) ?? 0) >= limit.limit) {
        i += 1;
        continue;
      }
      this.ready.splice(i, 1);
      this.running += 1;
      if (limit) this.runningByKey.set(limit.key, (this.runningByKey.get(limit.key) ?? 0) + 1);
      void this.run(delivery).finally(() => {
        this.running -= 1;
        if (limit) this.runningByKey.set(limit.key, (this.runningByKey.get(limit.key) ?? 1) - 1);
        this.startReady();
        this.checkIdle();
        this.checkSettled();
      });
    }
  }

  private async run(d: Delivery): Promise<void> {
    const { state } = d;
    const event: DeliveredEvent = { ...state.event, ...(d.retryContext ? { retryContext: d.retryContext } : {}) };
    const retryCount = d.retryContext?.retryCount ?? 0;
    this.store?.markStarted(d.storeId);
    const record = (outcome: DeliveryRecord['outcome'], error?: string): void => {
      this.deliveries.push({
        eventId: event.eventId,
        jobId: event.jobId,
        queueName: event.queueName,
        retryCount,
        duplicate: d.duplicate,
        outcome,
        ...(error ? { error } : {}),
      });
      if (this.deliveries.length > MAX_LOG) this.deliveries.splice(0, this.deliveries.length - MAX_LOG);
    };
    let result: unknown;
    try {
      result = await this.deliver(event);
    } catch (e) {
      const timedOut = e instanceof Error && e.name === TIMEOUT_ERROR_NAME;
      const message = e instanceof Error ? e.message : String(e);
      record(timedOut ? 'timeout' : 'error', message);
      const windowed = this.opts.retentionWindowMs !== undefined;
      if (!windowed && d.errorRetries >= this.opts.maxErrorRetries) return this.giveUp(d, message);
      // Exponential backoff as the platform does for app errors (capped at its 15-minute maximum).
      const backoffSeconds = Math.min(MAX_DELAY_SECONDS, 2 ** d.errorRetries);
      const retryReason = timedOut ? 'FUNCTION_TIME_OUT' : 'FUNCTION_PLATFORM_UNKNOWN_ERROR';
      return this.retry(d, this.platformDelayMs(backoffSeconds), retryCount + 1, retryReason, undefined, message, {
        errorRetries: d.errorRetries + 1,
      });
    }
    if (isRetryRequest(result)) {
      record('retry');
      const windowed = this.opts.retentionWindowMs !== undefined;
      if (!windowed && retryCount >= this.opts.maxRetries) return this.giveUp(d, `retried ${retryCount} times`);
      const options = result.retryOptions ?? {};
      const after = options.retryAfter !== undefined && options.retryAfter > 0 ? options.retryAfter : 1;
      return this.retry(
        d,
        this.platformDelayMs(after),
        retryCount + 1,
        options.retryReason ?? 'FUNCTION_RETRY_REQUEST',
        options.retryData,
        `asked to retry ${retryCount + 1} times`,
        { errorRetries: d.errorRetries },
      );
    }
    record('success');
    this.store?.remove(d.storeId);
    state.open -= 1;
    state.succeeded = true;
  }

  /**
   * Schedules the next attempt — unless it would fall after the event's retention window, where the
   * platform drops the event instead (`lastError` says why it kept failing).
   */
  private retry(
    d: Delivery,
    delayMs: number,
    retryCount: number,
    retryReason: string,
    retryData: unknown,
    lastError: string,
    counters: { errorRetries: number },
  ): void {
    const windowMs = this.opts.retentionWindowMs;
    let retentionWindow: RetryContext['retentionWindow'];
    if (windowMs !== undefined) {
      const closesAt = d.state.publishedAt + windowMs * this.opts.timeScale;
      const dueAt = this.clock.now() + delayMs;
      if (dueAt > closesAt) {
        const hours = Math.round((windowMs / 3_600_000) * 100) / 100;
        return this.giveUp(d, `${lastError} (dropped: its ${hours} h retention window ended)`);
      }
      const remainingTimeMs = Math.max(0, Math.round((closesAt - dueAt) / this.opts.timeScale));
      retentionWindow = { startTime: d.state.publishedOn, remainingTimeMs };
    }
    const retryContext: RetryContext = {
      retryCount,
      retryReason,
      ...(retryData !== undefined ? { retryData } : {}),
      ...(retentionWindow ? { retentionWindow } : {}),
    };
    d.state.open -= 1;
    if (this.closed) return;
    // The retry is a delivery of its own; the attempt that asked for it is done.
    this.store?.remove(d.storeId);
    if (d.state.cancelled) return;
    this.schedule(d.state, delayMs, d.duplicate, retryContext, counters.errorRetries);
    this.arm();
  }

  private giveUp(d: Delivery, reason: string): void {
    this.store?.remove(d.storeId);
    d.state.open -= 1;
    if (d.state.succeeded) return;
    d.state.failed = true;
    const { event } = d.state;
    this.failures.push({
      eventId: event.eventId,
      jobId: event.jobId,
      queueName: event.queueName,
      body: event.body,
      reason,
    });
  }

  /** Resolves once nothing runs (scheduled deliveries may remain). */
  private settled(): Promise<void> {
    if (this.running === 0) return new Promise((resolve) => setImmediate(resolve));
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  private checkSettled(): void {
    if (this.running > 0 || this.settledWaiters.length === 0) return;
    const waiters = this.settledWaiters;
    this.settledWaiters = [];
    // After the current microtasks, so that what the last delivery published is scheduled first.
    setImmediate(() => waiters.forEach((w) => w()));
  }

  private checkIdle(): void {
    if (!this.idle || this.idleWaiters.length === 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    // After the current microtasks, so a handler's last push is seen before drain() resolves.
    setImmediate(() => {
      if (this.idle) waiters.forEach((w) => w());
      else this.idleWaiters.push(...waiters);
    });
  }
}
