// Jira's word on the app's hourly points pool, from the headers of any answer (jira-rest.md §6.5):
// `RateLimit-Policy: "global-app-quota";q=65000;w=3600` (its size) and `RateLimit: "global-app-quota";
// r=1200;t=900` (what is left — sent only under 20% — and seconds to the reset). While Jira only
// announces a limit without enforcing it, the headers carry a `Beta-` prefix: nothing will be refused,
// so the app does not hold background work back for them and reads only the unprefixed ones.
import type { PoolSighting } from '../domain/points/pool';
import { resetAtOf, retryAfterMs, type FailedAnswer } from './retry-policy';

const QUOTA_POLICY = /"(?:global|tenant)-app-quota"\s*;([^,]*)/;

function param(header: string | null, name: string): number | undefined {
  if (!header) return undefined;
  const policy = QUOTA_POLICY.exec(header);
  if (!policy) return undefined;
  const match = new RegExp(`(?:^|;)\\s*${name}=(\\d+)`).exec(policy[1]);
  return match ? Number(match[1]) : undefined;
}

/** What one answer says of the pool; `quota`: it was a 429 for the hourly quota. */
export function poolSightingOf(headers: FailedAnswer['headers'], now: number, quota = false): PoolSighting {
  const limit = param(headers.get('ratelimit-policy'), 'q');
  const remaining = param(headers.get('ratelimit'), 'r');
  const sighting: PoolSighting = {
    ...(limit !== undefined ? { limit } : {}),
    ...(remaining !== undefined ? { remaining } : {}),
  };
  if (quota) {
    const until = resetAtOf(headers) ?? now + (retryAfterMs(headers, now) ?? 60_000);
    sighting.exhaustedUntil = until;
  }
  return sighting;
}

/** The later answer wins; an exhaustion stays until an answer says otherwise. */
export function laterSighting(earlier: PoolSighting, later: PoolSighting): PoolSighting {
  return {
    limit: later.limit ?? earlier.limit,
    remaining: later.remaining ?? earlier.remaining,
    exhaustedUntil: later.exhaustedUntil ?? (later.remaining !== undefined ? undefined : earlier.exhaustedUntil),
  };
}
