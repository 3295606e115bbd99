// The scheduled re-run of enabled imports: time-based JQL ("updated > -1d") changes its answer without
// any event, so every synchronizer syncing in the background is resynced periodically.
import { runsInBackground } from '../../domain/installed';
import { InstalledSynchronizerRepository, KvsWriteMeter } from '../../storage';
import { pollMs } from './options';
import { syncsInBackground } from './eligible';
import { startBackgroundRun } from './run';
import { scheduleTick, type PushSyncTick, pushSyncTick } from './tick-queue';

export async function runScheduledResync(now: number, push: PushSyncTick = pushSyncTick): Promise<number> {
  const repo = new InstalledSynchronizerRepository(new KvsWriteMeter());
  let started = 0;
  for (const s of await repo.list()) {
    if (!runsInBackground(s) || !syncsInBackground(s) || s.lastRun?.result === 'running') continue;
    if (await startBackgroundRun(s, 'schedule', now)) started++;
  }
  if (started > 0) await scheduleTick(now + pollMs(), now, push);
  return started;
}
