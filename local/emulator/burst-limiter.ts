// Jira's burst limits (jira-rest.md §6.3): a token bucket per site × endpoint × method, shared by every
// app and API token on the site. Buckets hold one second's worth of requests and refill at the steady
// rate. They run on the wall clock (monotonic), not the emulator's clock: a burst is about real request
// rates, and a test that freezes the emulator's clock must not freeze the refill.

/** Steady-state requests per second. */
const DEFAULT_RATES: Record<string, number> = { GET: 100, POST: 100, PUT: 50, DELETE: 50 };

/** Jira's documented overrides, by method and route template. */
const OVERRIDES: Record<string, number> = {
  'GET /rest/api/3/issue/{issueIdOrKey}': 150,
  'GET /rest/api/3/user': 150,
  'POST /rest/api/3/search/approximate-count': 150,
  'POST /rest/api/3/expression/evaluate': 150,
  'GET /rest/api/3/issue/{issueIdOrKey}/changelog': 200,
  'GET /rest/api/3/group/by-id': 400,
};

export function burstRate(method: string, routePath: string): number {
  return OVERRIDES[`${method} ${routePath}`] ?? DEFAULT_RATES[method] ?? 100;
}

interface Bucket {
  tokens: number;
  at: number;
}

export type BurstDecision = { ok: true } | { ok: false; limit: number; retryAfterSeconds: number };

export class BurstLimiter {
  enabled = true;
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly monotonicMs: () => number = () => performance.now()) {}

  /** Takes a token for this call, or says how long to wait for one. */
  take(method: string, routePath: string): BurstDecision {
    if (!this.enabled) return { ok: true };
    const rate = burstRate(method, routePath);
    const key = `${method} ${routePath}`;
    const now = this.monotonicMs();
    const bucket = this.buckets.get(key) ?? { tokens: rate, at: now };
    bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, limit: rate, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / rate)) };
  }

  clear(): void {
    this.buckets.clear();
  }
}
