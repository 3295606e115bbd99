// Shapes shared by the local async-events queue, its HTTP face and the runtime.
import type { QueueStore } from './store';

/** What the consumer function receives as its first argument (@forge/events `AsyncEvent`). */
export interface DeliveredEvent {
  body: Record<string, unknown>;
  queueName: string;
  jobId: string;
  eventId: string;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
  retryContext?: RetryContext;
}

export interface RetryContext {
  retryCount: number;
  retryReason: string;
  retryData?: unknown;
  /** When the event was published and how much of its retention window is left (platform ms). */
  retentionWindow?: { startTime: string; remainingTimeMs: number };
}

/** The events one `Queue.push` publishes (body of POST /webhook/queue/publish/...). */
export interface PublishRequest {
  queueName: string;
  jobId: string;
  payload: Array<{
    body: Record<string, unknown>;
    delayInSeconds?: number;
    concurrency?: { key: string; limit: number };
  }>;
}

/** Switches that make delivery harsher than usual, so tests can prove handlers are idempotent. */
export interface QueueSwitches {
  /** Deliver every event twice (same eventId), as at-least-once delivery may. */
  duplicate: boolean;
  /**
   * Deliver the events that become due within `reorderWindowMs` of each other in reverse ('reverse')
   * or random ('shuffle', also `true`) order instead of publish order.
   */
  reorder: boolean | 'reverse' | 'shuffle';
  /** Added to every delivery's delay, in real milliseconds (not scaled). */
  extraDelayMs: number;
}

export interface QueueOptions {
  /**
   * Multiplies every platform delay (delayInSeconds, InvocationError retryAfter, error backoff).
   * 1 = real time; 0.001 turns `delayInSeconds: 30` into 30 ms. Default 1.
   */
  timeScale?: number;
  /** Without a retention window: how many InvocationError retries an event gets before it is dropped. Default 20. */
  maxRetries?: number;
  /**
   * How long after its push an event is retried, in platform milliseconds (scaled by timeScale): thrown
   * errors and timeouts are retried with backoff (1, 2, 4 … s, at most 15 min apart), InvocationErrors
   * after their retryAfter, until the next attempt would fall after it; every retryContext carries
   * `retentionWindow`. Forge keeps an async
   * event for 24 h; the runtime's app queue uses that. Unset: `maxErrorRetries` bounds the retries.
   */
  retentionWindowMs?: number;
  /** How many retries after a thrown error or a timeout when there is no retention window. Default 3. */
  maxErrorRetries?: number;
  /** Deliveries running at once. Default 8. 1 makes delivery order observable. */
  concurrency?: number;
  /** Collection window of the reorder switch, real milliseconds. Default 25. */
  reorderWindowMs?: number;
  /** Source of randomness for 'shuffle' (tests can make it deterministic). */
  random?: () => number;
  switches?: Partial<QueueSwitches>;
  /**
   * Use this switches object itself (not a copy), so that one set of switches governs several queues:
   * product-event triggers follow `rt.queue.switches`.
   */
  sharedSwitches?: QueueSwitches;
  /**
   * Where the queue keeps what it still has to deliver, so that a queue made later on the same store
   * (a restarted runtime) delivers it. Unset: in memory, gone with the queue.
   */
  store?: QueueStore;
}

export interface JobStats {
  success: number;
  inProgress: number;
  failed: number;
}

/** One attempt to deliver an event, for tests and the dev server to inspect. */
export interface DeliveryRecord {
  eventId: string;
  jobId: string;
  queueName: string;
  /** 0 for the first attempt of a copy, n for its n-th retry. */
  retryCount: number;
  /** True for the extra copy made by the duplicate switch. */
  duplicate: boolean;
  outcome: 'success' | 'retry' | 'error' | 'timeout';
  error?: string;
}

export interface FailedEvent {
  eventId: string;
  jobId: string;
  queueName: string;
  body: Record<string, unknown>;
  reason: string;
}
