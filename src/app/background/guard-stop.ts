// A cycle guard's stop, applied: the looping synchronizers are stopped with the reason and lose their
// pending resyncs. Decided after a background run (tick) or after another app's change (event).
import type { GuardStopDecision } from '../../domain/background/cycle-guard';
import { stopByCycleGuard, type InstalledSynchronizer } from '../../domain/installed';
import { findSynchronizer } from '../../synchronizers';
import type { InstalledSynchronizerRepository } from '../../storage';
import { paramsSummary } from '../installed/summary';

/** How a stop reason names a synchronizer: "Agile (board SCRUM)". */
export const guardLabelOf =
  (all: readonly InstalledSynchronizer[]) =>
  (id: string): string => {
    const s = all.find((x) => x.id === id);
    if (!s) return id;
    return `${findSynchronizer(s.synchronizerKey)?.label ?? s.synchronizerKey} (${paramsSummary(s.synchronizerKey, s.params)})`;
  };

/** Stops the decision's synchronizers; returns the list with them stopped. */
export async function applyGuardStop(
  repo: InstalledSynchronizerRepository,
  all: readonly InstalledSynchronizer[],
  decision: GuardStopDecision,
  now: number,
): Promise<InstalledSynchronizer[]> {
  const stop = {
    at: new Date(now).toISOString(),
    rounds: decision.rounds,
    synchronizerIds: [...decision.synchronizerIds],
    reason: decision.reason,
  };
  let next = [...all];
  for (const id of decision.synchronizerIds) {
    const target = next.find((x) => x.id === id);
    if (!target) continue;
    const stopped = stopByCycleGuard(target, stop);
    await repo.put(stopped);
    next = next.map((x) => (x.id === id ? stopped : x));
    await repo.deletePendingOf(id);
  }
  return next;
}
