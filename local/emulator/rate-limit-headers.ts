// The rate-limit headers Jira Cloud sends (jira-rest.md §6.5). While the points pool is not enforced
// the policy headers carry the `Beta-` prefix, which is how Jira marks informational, not-enforced
// limits; enforced, they drop the prefix and 429s follow on exhaustion.
//
// Seconds in headers (`t`, Retry-After) are wall-clock seconds: the caller waits on its own clock, so
// an emulator clock running at --clock-speed 60 announces an hour's reset as a minute's wait.
// `X-RateLimit-Reset` is a moment, on the emulator's clock.
import type { RateLimitKind } from './faults';
import type { PointsPool } from './points-pool';

const BURST_LIMIT = 100;

const isoSeconds = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

const realSeconds = (emulatedSeconds: number, speed: number): number => Math.max(1, Math.ceil(emulatedSeconds / speed));

/** Headers of an app's answered call: the pool's policy, what is left (below 20%), and when it resets. */
export function quotaHeaders(pool: PointsPool, speed = 1): Record<string, string> {
  const limit = pool.points;
  const remaining = pool.remaining();
  const t = realSeconds(pool.resetInSeconds(), speed);
  // Jira omits `r` while the caller is well within the limit (more than 20% left).
  const near = remaining < limit * 0.2;
  const prefix = pool.enforced ? '' : 'Beta-';
  const headers: Record<string, string> = {
    [`${prefix}RateLimit-Policy`]: `"${pool.policy}";q=${limit};w=3600`,
    [`${prefix}RateLimit`]: `"${pool.policy}";${near ? `r=${remaining};` : ''}t=${t}`,
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': String(remaining),
  };
  if (near && pool.enforced) headers['X-RateLimit-NearLimit'] = 'true';
  return headers;
}

const REASONS: Record<RateLimitKind, { reason: string; policy: string }> = {
  burst: { reason: 'jira-burst-based', policy: 'jira-burst-based' },
  quota: { reason: 'jira-quota-global-based', policy: 'global-app-quota' },
  'tenant-quota': { reason: 'jira-quota-tenant-based', policy: 'tenant-app-quota' },
  'per-issue': { reason: 'jira-per-issue-on-write', policy: 'jira-per-issue-on-write' },
};

export interface TooManyRequests {
  pool: PointsPool;
  now: Date;
  speed?: number;
  /** Wall-clock seconds; defaults: burst 1, per-issue 2, quota until the pool's reset. */
  retryAfterSeconds?: number;
  /** The limit that tripped (burst: the endpoint's rate; per-issue: the window's writes). */
  limit?: number;
  /** Its window in seconds. */
  windowSeconds?: number;
}

/** Headers of a 429: Retry-After, X-RateLimit-Reset, RateLimit-Reason and the policy that tripped. */
export function tooManyRequestsHeaders(kind: RateLimitKind, o: TooManyRequests): Record<string, string> {
  const { reason, policy } = REASONS[kind];
  const speed = o.speed ?? 1;
  const isQuota = kind === 'quota' || kind === 'tenant-quota';
  const retryAfter =
    o.retryAfterSeconds ?? (isQuota ? realSeconds(o.pool.resetInSeconds(), speed) : kind === 'per-issue' ? 2 : 1);
  const limit = o.limit ?? (isQuota ? o.pool.points : kind === 'per-issue' ? 20 : BURST_LIMIT);
  const window = o.windowSeconds ?? (isQuota ? 3600 : kind === 'per-issue' ? 2 : 1);
  const reset = isQuota ? o.pool.resetAt() : new Date(o.now.getTime() + retryAfter * 1000 * speed);
  return {
    'Retry-After': String(retryAfter),
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': '0',
    'X-RateLimit-Reset': isoSeconds(reset),
    'RateLimit-Reason': reason,
    'RateLimit-Policy': `"${policy}";q=${limit};w=${window}`,
    RateLimit: `"${policy}";r=0;t=${retryAfter}`,
  };
}
