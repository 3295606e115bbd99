// Recording a trigger for one synchronizer with the domain's debounce, in that synchronizer's own key,
// with the issues it names (the resync reconciles them).
import { addTrigger } from '../../domain/background/debounce';
import type { InstalledSynchronizerRepository } from '../../storage';

export async function recordTrigger(
  repo: InstalledSynchronizerRepository,
  target: { structureId: string; synchronizerId: string },
  now: number,
  issueIds: readonly number[] = [],
): Promise<void> {
  const old = await repo.getPendingOf(target.synchronizerId);
  const next = addTrigger(old ? { [target.synchronizerId]: old } : {}, target, now, issueIds)[target.synchronizerId];
  await repo.putPendingOf(next);
}
