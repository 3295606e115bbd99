// The rate-limit headers Jira Cloud sends (jira-rest.md §6.5). While the hourly quota is not
// enforced the policy headers carry the `Beta-` prefix, which is how Jira marks informational,
// not-enforced limits; with a quota set they drop the prefix and 429s follow on exhaustion.
import type { RateLimitFault } from './faults';
import type { PointsLedger } from './ledger';

/** Tier 1 global pool: 65,000 points per hour. */
export const NOMINAL_HOURLY_POINTS = 65_000;
const BURST_LIMIT = 100;

const isoSeconds = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function quotaHeaders(ledger: PointsLedger, accountId: string): Record<string, string> {
  const enforced = Number.isFinite(ledger.quota);
  const limit = enforced ? ledger.quota : NOMINAL_HOURLY_POINTS;
  const remaining = Math.max(0, limit - ledger.get(accountId).points);
  const t = ledger.resetInSeconds();
  // Jira omits `r` while the caller is well within the limit (more than 20% left).
  const near = remaining < limit * 0.2;
  const prefix = enforced ? '' : 'Beta-';
  const headers: Record<string, string> = {
    [`${prefix}RateLimit-Policy`]: `"global-app-quota";q=${limit};w=3600`,
    [`${prefix}RateLimit`]: `"global-app-quota";${near ? `r=${remaining};` : ''}t=${t}`,
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': String(remaining),
  };
  if (near && enforced) headers['X-RateLimit-NearLimit'] = 'true';
  return headers;
}

const REASONS: Record<RateLimitFault['kind'], { reason: string; policy: string }> = {
  burst: { reason: 'jira-burst-based', policy: 'jira-burst-based' },
  quota: { reason: 'jira-quota-global-based', policy: 'global-app-quota' },
  'tenant-quota': { reason: 'jira-quota-tenant-based', policy: 'tenant-app-quota' },
  'per-issue': { reason: 'jira-per-issue-on-write', policy: 'jira-per-issue-on-write' },
};

/** Headers of a 429: Retry-After, X-RateLimit-Reset, RateLimit-Reason and the policy that tripped. */
export function tooManyRequestsHeaders(
  kind: RateLimitFault['kind'],
  ledger: PointsLedger,
  now: Date,
  retryAfterSeconds?: number,
): Record<string, string> {
  const { reason, policy } = REASONS[kind];
  const isQuota = kind === 'quota' || kind === 'tenant-quota';
  const retryAfter = retryAfterSeconds ?? (isQuota ? ledger.resetInSeconds() : kind === 'per-issue' ? 2 : 1);
  const limit = isQuota ? (Number.isFinite(ledger.quota) ? ledger.quota : NOMINAL_HOURLY_POINTS) : BURST_LIMIT;
  const window = isQuota ? 3600 : kind === 'per-issue' ? 2 : 1;
  return {
    'Retry-After': String(retryAfter),
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': '0',
    'X-RateLimit-Reset': isoSeconds(new Date(now.getTime() + retryAfter * 1000)),
    'RateLimit-Reason': reason,
    'RateLimit-Policy': `"${policy}";q=${limit};w=${window}`,
    RateLimit: `"${policy}";r=0;t=${retryAfter}`,
  };
}
