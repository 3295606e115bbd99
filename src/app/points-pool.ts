// The app's hourly points pool across invocations: what each job invocation learnt (Jira's headers, a
// quota 429, its own spending) is merged into one KVS record, rarely; background work and previews read
// it. Jira's pool is shared by every user of the app, so background resyncs leave a reserve for people.
import {
  currentKnowledge,
  HOUR_MS,
  hourOf,
  mergeSighting,
  poolStanding,
  worthWriting,
  type PoolKnowledge,
  type PoolStanding,
} from '../domain/points/pool';
import { KvsWriteMeter, PointsPoolRepository } from '../storage';
import type { Invocation } from './invocation';

/** Part of the pool (0–1) background work leaves to people: app variable POINTS_RESERVE_PERCENT, default 20. */
export function reserveFraction(): number {
  const raw = Number(process.env.POINTS_RESERVE_PERCENT);
  return process.env.POINTS_RESERVE_PERCENT !== undefined && Number.isFinite(raw) && raw >= 0 && raw <= 100
    ? raw / 100
    : 0.2;
}

/** An invocation that spent less than this and heard nothing from Jira writes nothing (≈ 1% of Tier 1). */
export const POOL_FLUSH_POINTS = 650;

/** After a job's invocation: store what it learnt, when worth a write. Best effort: never fails the job. */
export async function rememberPool(inv: Invocation): Promise<void> {
  const { pool, cost } = inv.jira;
  if (!worthWriting(pool, cost.points, POOL_FLUSH_POINTS)) return;
  try {
    const repo = new PointsPoolRepository(inv.kvsWrites);
    await repo.put(mergeSighting(await repo.get(), pool, cost.points, inv.now()));
  } catch (error) {
    console.warn('Could not store what the app knows of Jira’s points pool', error);
  }
}

export interface KnownPool {
  known: PoolKnowledge;
  standing: PoolStanding;
}

/** What is known now of this hour's pool, and how background work may spend it. */
export async function knownPool(now: number): Promise<KnownPool> {
  const repo = new PointsPoolRepository(new KvsWriteMeter());
  const known = currentKnowledge(await repo.get(), now);
  return { known, standing: poolStanding(known, now, reserveFraction()) };
}

/**
 * Whether a background job (a resync started by a Jira event or the schedule) should stop spending now,
 * and until when: the pool is down to the reserve left for people, or gone. A person's job never stops here.
 */
export async function backgroundPausedUntil(now: number): Promise<number | undefined> {
  const { known, standing } = await knownPool(now);
  if (standing !== 'reserve' && standing !== 'exhausted') return undefined;
  return known.exhaustedUntil ?? hourOf(now) + HOUR_MS;
}
