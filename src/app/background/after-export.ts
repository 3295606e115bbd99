// An export's (or revert's) own writes reach the trigger as self-generated events, which the manifest
// filters out (ignoreSelf): a 10k-issue rank export would otherwise wake the trigger 10k times. Instead,
// a finished export that wrote something triggers one debounced resync of every synchronizer syncing in
// the background, so other structures following the same issues catch up — reconciling the issues it
// wrote, which Jira's search may not show changed yet.
import { runsInBackground } from '../../domain/installed';
import { InstalledSynchronizerRepository, type KvsWriteMeter } from '../../storage';
import { DEFAULT_QUIET_MS } from '../../domain/background/debounce';
import { debounceOptions } from './options';
import { recordTrigger } from './pending';
import { syncsInBackground } from './eligible';
import { scheduleTick, pushSyncTick, type PushSyncTick } from './tick-queue';

export async function afterExportWrote(
  meter: KvsWriteMeter,
  now: number,
  writtenIssueIds: readonly number[] = [],
  push: PushSyncTick = pushSyncTick,
): Promise<number> {
  const repo = new InstalledSynchronizerRepository(meter);
  const targets = (await repo.list()).filter((s) => runsInBackground(s) && syncsInBackground(s));
  if (targets.length === 0) return 0;
  for (const s of targets)
    await recordTrigger(repo, { structureId: s.structureId, synchronizerId: s.id }, now, writtenIssueIds);
  await scheduleTick(now + (debounceOptions().quietMs ?? DEFAULT_QUIET_MS), now, push);
  return targets.length;
}
