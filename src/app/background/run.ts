// Starting one background run of an installed synchronizer, as its run-as user (offline impersonation,
// reference §2.3). A run-as user who lost access makes the synchronizer "not available" with the reason,
// instead of failing quietly again and again.
import type { InstalledSynchronizer } from '../../domain/installed';
import { InstalledSynchronizerRepository, KvsWriteMeter, StructureRepository } from '../../storage';
import { AppError } from '../errors';
import { createInvocation, WORKER_RETRY } from '../invocation';
import { unavailableReason } from '../installed/availability';
import { startResync } from '../installed/resync';
import { backgroundDirection, syncsInBackground } from './eligible';

export { syncsInBackground };

/** Whether the run started; `busy`: another job in its direction runs on the structure, so try again later. */
export type BackgroundStart = 'started' | 'busy' | 'not-started';

/** `reconcileIssueIds`: issues the triggers named, which Jira's search may not show changed yet. */
export async function startBackgroundRun(
  s: InstalledSynchronizer,
  trigger: 'event' | 'schedule',
  now: number,
  reconcileIssueIds: readonly number[] = [],
): Promise<BackgroundStart> {
  const meter = new KvsWriteMeter();
  const repo = new InstalledSynchronizerRepository(meter);
  const structure = await new StructureRepository(meter).get(s.structureId);
  const direction = backgroundDirection(s);
  if (!structure || direction === undefined) return 'not-started';
  const reason = await unavailableReason(structure, s.runAs);
  if (reason !== undefined) {
    await repo.put({ ...s, state: 'not-available', notAvailableReason: reason });
    return 'not-started';
  }
  const inv = createInvocation(s.runAs, { retry: WORKER_RETRY });
  try {
    await startResync(inv, s, direction, { installedId: s.id, trigger }, { reconcileIssueIds });
    return 'started';
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'JOB_RUNNING') return 'busy';
    const at = new Date(now).toISOString();
    await repo.put({
      ...s,
      lastRun: {
        direction,
        trigger,
        startedAt: at,
        finishedAt: at,
        result: 'failed',
        message: error.message,
      },
    });
    return 'not-started';
  }
}
