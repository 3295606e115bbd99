// How much background work Jira's hourly points pool allows now (src/app/points-pool.ts): plenty — no
// limit; low (under twice the reserve) — one resync started per tick, looked at again a minute later;
// at the reserve or exhausted — none until the top of the hour, so people's own imports and exports
// still have points.
import { HOUR_MS, hourOf } from '../../domain/points/pool';
import { knownPool } from '../points-pool';

/** How long a tick waits before starting the next resync while the pool is low. */
export const LOW_POOL_SPACING_MS = 60_000;

export interface BackgroundAllowance {
  /** Resyncs this tick may start. */
  starts: number;
  /** When to look again at the resyncs it kept pending. */
  lookAgainAt: number;
}

export async function backgroundAllowance(now: number): Promise<BackgroundAllowance> {
  const { known, standing } = await knownPool(now);
  if (standing === 'plenty') return { starts: Infinity, lookAgainAt: now };
  if (standing === 'low') return { starts: 1, lookAgainAt: now + LOW_POOL_SPACING_MS };
  return { starts: 0, lookAgainAt: known.exhaustedUntil ?? hourOf(now) + HOUR_MS };
}
