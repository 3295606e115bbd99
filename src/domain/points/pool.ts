// What the app knows of Jira's hourly points pool (jira-rest.md §6.2): every call of the app, on behalf
// of anyone, draws on one pool that resets at the top of each UTC hour. Jira tells what is left only
// once under 20% (the `r` of its RateLimit header) and refuses everything once it is empty; in between
// the app counts what it spent itself. This is the pure part: merging what an invocation saw and spent
// into what is stored, and reading how much is left now.

export const HOUR_MS = 3_600_000;
/** Tier 1, the pool of an app Atlassian has not moved to Tier 2: what the app assumes until Jira says. */
export const DEFAULT_POOL_POINTS = 65_000;

/** What one invocation learnt from Jira's answers. */
export interface PoolSighting {
  /** `RateLimit-Policy` q: the pool's size. */
  limit?: number;
  /** `RateLimit` r: what was left (Jira sends it under 20%). */
  remaining?: number;
  /** A quota 429: nothing is answered before this moment (ms since epoch). */
  exhaustedUntil?: number;
}

/** The stored knowledge: small, written only when something worth knowing changed (see `worthWriting`). */
export interface PoolKnowledge {
  /** Start of the UTC hour it is about (ms since epoch): knowledge of another hour says nothing. */
  hour: number;
  limit: number;
  /** Best estimate of what is left this hour: Jira's last figure, minus what the app spent since. */
  remaining: number;
  /** Whether `remaining` comes from Jira's header (at some point this hour) or from the app's own count only. */
  fromJira: boolean;
  exhaustedUntil?: number;
}

export const hourOf = (now: number): number => Math.floor(now / HOUR_MS) * HOUR_MS;

/** What is known now: a new hour starts from a full pool (of the size last seen). */
export function currentKnowledge(stored: PoolKnowledge | undefined, now: number): PoolKnowledge {
  const hour = hourOf(now);
  if (stored && stored.hour === hour)
    return stored.exhaustedUntil !== undefined && stored.exhaustedUntil <= now
      ? { ...stored, exhaustedUntil: undefined, remaining: stored.limit, fromJira: false }
      : stored;
  return {
    hour,
    limit: stored?.limit ?? DEFAULT_POOL_POINTS,
    remaining: stored?.limit ?? DEFAULT_POOL_POINTS,
    fromJira: false,
  };
}

/** After an invocation spent `points` and saw `sighting`: Jira's own figure wins over the app's count. */
export function mergeSighting(
  stored: PoolKnowledge | undefined,
  sighting: PoolSighting,
  points: number,
  now: number,
): PoolKnowledge {
  const known = currentKnowledge(stored, now);
  const limit = sighting.limit ?? known.limit;
  if (sighting.exhaustedUntil !== undefined && sighting.exhaustedUntil > now)
    return { hour: known.hour, limit, remaining: 0, fromJira: true, exhaustedUntil: sighting.exhaustedUntil };
  if (sighting.remaining !== undefined)
    return { hour: known.hour, limit, remaining: Math.max(0, sighting.remaining), fromJira: true };
  return { ...known, limit, remaining: Math.max(0, Math.min(known.remaining, limit) - points) };
}

/**
 * Whether an invocation's news is worth a KVS write: Jira said something (the pool is low or gone), or
 * the app spent enough to move its own count by `flushPoints`. Small invocations are not counted, so
 * the own count is a lower bound of what was spent; Jira's figure corrects it once under 20%.
 */
export function worthWriting(sighting: PoolSighting, points: number, flushPoints: number): boolean {
  return sighting.remaining !== undefined || sighting.exhaustedUntil !== undefined || points >= flushPoints;
}

export type PoolStanding = 'plenty' | 'low' | 'reserve' | 'exhausted';

/**
 * How background work may spend: `plenty`; `low` (under twice the reserve: slow down); `reserve` (under
 * the reserve: leave the rest to people's own imports and exports); `exhausted` (nothing until the reset).
 */
export function poolStanding(known: PoolKnowledge, now: number, reserveFraction: number): PoolStanding {
  if (known.exhaustedUntil !== undefined && known.exhaustedUntil > now) return 'exhausted';
  const left = known.remaining / known.limit;
  if (left < reserveFraction) return 'reserve';
  if (left < 2 * reserveFraction) return 'low';
  return 'plenty';
}
