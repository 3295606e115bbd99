// The scheduled re-run of enabled imports: time-based JQL ("updated > -1d") changes its answer without
// any event, so every synchronizer syncing in the background is resynced periodically.
import { runsInBackground } from '../../domain/installed';
import { InstalledSynchronizerRepository, KvsWriteMeter } from '../../storage';
import { pollMs } from './options';
import { syncsInBackground } from './eligible';
import { backgroundAllowance, type BackgroundAllowance } from './pool-allowance';
import { recordTrigger } from './pending';
import { startBackgroundRun } from './run';
import { scheduleTick, type PushSyncTick, pushSyncTick } from './tick-queue';

export async function runScheduledResync(now: number, push: PushSyncTick = pushSyncTick): Promise<number> {
  const repo = new InstalledSynchronizerRepository(new KvsWriteMeter());
  let started = 0;
  let busy = 0;
  let kept = 0;
  let allowance: BackgroundAllowance | undefined;
  for (const s of await repo.list()) {
    if (!runsInBackground(s) || !syncsInBackground(s) || s.lastRun?.result === 'running') continue;
    // Jira's hourly points: leave the reserve to people; the tick starts what is kept once it may.
    allowance ??= await backgroundAllowance(now);
    if (started >= allowance.starts) {
      await recordTrigger(repo, { structureId: s.structureId, synchronizerId: s.id }, now);
      kept++;
      continue;
    }
    const start = await startBackgroundRun(s, 'schedule', now);
    if (start === 'started') started++;
    // Another job runs on the structure: a pending trigger runs it once that one is done.
    if (start === 'busy') {
      await recordTrigger(repo, { structureId: s.structureId, synchronizerId: s.id }, now);
      busy++;
    }
  }
  if (started + busy > 0) await scheduleTick(now + pollMs(), now, push);
  else if (kept > 0 && allowance) await scheduleTick(allowance.lookAgainAt, now, push);
  return started;
}
