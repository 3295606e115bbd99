// The background sync's own queue: a "tick" looks at what is pending or running and acts. Ticks run one
// at a time (queue concurrency 1), so two ticks never start the same synchronizer twice.
import { Queue } from '@forge/events';
import { BackgroundTickRepository, KvsWriteMeter } from '../../storage';
import { MAX_EVENT_DELAY_SECONDS } from '../jobs/queue';

export const SYNC_QUEUE_KEY = 'structure-sync';

export interface SyncTick extends Record<string, unknown> {
  kind: 'sync-tick';
}

export type PushSyncTick = (delaySeconds: number) => Promise<void>;

export const pushSyncTick: PushSyncTick = async (delaySeconds) => {
  const delay = Math.min(MAX_EVENT_DELAY_SECONDS, Math.max(0, Math.ceil(delaySeconds)));
  const body: SyncTick = { kind: 'sync-tick' };
  await new Queue<SyncTick>({ key: SYNC_QUEUE_KEY }).push({
    body,
    ...(delay > 0 ? { delayInSeconds: delay } : {}),
    concurrency: { key: 'sync-tick', limit: 1 },
  });
};

// The tick record is the app's own bookkeeping, not any job's work: its writes go on no job's cost.
const tickRecord = (): BackgroundTickRepository => new BackgroundTickRepository(new KvsWriteMeter());

/**
 * Pushes a tick for `at` unless one is already due no later (events come in bursts: one tick is enough).
 * A tick recorded long ago is presumed lost and replaced.
 */
export async function scheduleTick(at: number, now: number, push: PushSyncTick = pushSyncTick): Promise<void> {
  const ticks = tickRecord();
  const scheduled = await ticks.get();
  if (scheduled && scheduled.at <= at && scheduled.at > now - 120_000) return;
  await ticks.put({ at });
  await push(Math.max(0, (at - now) / 1000));
}

/** A tick starts: the next one must be pushed again by whoever needs it. */
export async function tickStarted(): Promise<void> {
  await tickRecord().delete();
}

export function isSyncTick(body: unknown): body is SyncTick {
  return (body as Partial<SyncTick> | undefined)?.kind === 'sync-tick';
}
