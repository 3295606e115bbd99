// When a Jira call fails with 429 or 5xx: wait and retry, or give up and let the caller pause.
// Atlassian's guidance: honour Retry-After as the minimum, otherwise exponential backoff from ~1–2 s with
// jitter ×0.7–1.3 and a cap; on a quota reason (hourly points exhausted) stop all calls until the reset.

export interface RetryPolicy {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * The longest single wait the caller accepts in place. A resolver (25 s) waits little; the worker more.
   * Longer waits become `JiraRateLimited` so a job can pause with a delayed event instead of sleeping.
   */
  maxWaitInPlaceMs: number;
  /**
   * The longest a client may spend, from its creation, before it stops waiting in place: a resolver must
   * answer within Forge's 25 s, so its client gives up (or pauses) once the next wait would pass this.
   */
  budgetMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
}

export const defaultRetryPolicy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
  maxAttempts: 6,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxWaitInPlaceMs: 30_000,
  budgetMs: Infinity,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: Date.now,
  ...overrides,
});

/** Reasons that mean "the hourly quota is gone": no point retrying before the window resets. */
const QUOTA_REASONS = new Set(['jira-quota-global-based', 'jira-quota-tenant-based', 'jira-cost-based']);

export type RetryDecision =
  | { kind: 'wait'; ms: number }
  | {
      kind: 'pause';
      seconds: number;
      reason?: string;
      /** The hourly quota is gone: nothing Jira answers before `resetAt`, so one refused call, then wait. */
      quota?: boolean;
      /** When Jira says the quota resets (X-RateLimit-Reset, ms since epoch), when it says so. */
      resetAt?: number;
    }
  | { kind: 'fail' };

export interface FailedAnswer {
  status: number;
  headers: { get(name: string): string | null };
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599 && status !== 501);
}

/** Retry-After is seconds or an HTTP date; absent or unreadable → undefined. */
export function retryAfterMs(headers: FailedAnswer['headers'], now: number): number | undefined {
  const raw = headers.get('retry-after') ?? headers.get('Retry-After');
  if (raw === null || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** X-RateLimit-Reset: the moment (ISO 8601) the quota's window resets, as ms since epoch. */
export function resetAtOf(headers: FailedAnswer['headers']): number | undefined {
  const raw = headers.get('x-ratelimit-reset');
  if (!raw) return undefined;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : date;
}

function resetMs(headers: FailedAnswer['headers'], now: number): number | undefined {
  const at = resetAtOf(headers);
  return at === undefined ? undefined : Math.max(0, at - now);
}

/**
 * `attempt` is the 1-based number of the attempt that just failed; `elapsedMs` how long the caller has
 * spent so far (against `policy.budgetMs`).
 */
export function decideRetry(answer: FailedAnswer, attempt: number, policy: RetryPolicy, elapsedMs = 0): RetryDecision {
  const now = policy.now();
  const reason = answer.headers.get('ratelimit-reason') ?? answer.headers.get('x-ratelimit-reason') ?? undefined;
  const asked = retryAfterMs(answer.headers, now);

  if (answer.status === 429 && reason !== undefined && QUOTA_REASONS.has(reason)) {
    const ms = asked ?? resetMs(answer.headers, now) ?? 60_000;
    const resetAt = resetAtOf(answer.headers);
    return {
      kind: 'pause',
      seconds: Math.max(1, Math.ceil(ms / 1000)),
      reason,
      quota: true,
      ...(resetAt !== undefined ? { resetAt } : {}),
    };
  }

  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = backoff * (0.7 + 0.6 * policy.random());
  const wait = Math.max(asked ?? 0, jittered);

  if (wait > policy.maxWaitInPlaceMs || elapsedMs + wait > policy.budgetMs) {
    return answer.status === 429 ? { kind: 'pause', seconds: Math.ceil(wait / 1000), reason } : { kind: 'fail' };
  }
  if (attempt >= policy.maxAttempts) {
    // A burst limit that does not clear after every retry is treated like a quota: pause, do not fail.
    return answer.status === 429
      ? { kind: 'pause', seconds: Math.max(1, Math.ceil(wait / 1000)), reason }
      : { kind: 'fail' };
  }
  return { kind: 'wait', ms: Math.round(wait) };
}
