import type { JobRecord } from '../../storage';
import { withinRevertWindow } from './retention';

/**
 * Whether revertJob may be called: an export that wrote something — finished, or cancelled or failed
 * while writing —, still within the revert window (its change log is kept that long), and has no revert
 * yet (`retry`: the revert it has failed or was cancelled, see canRevertGiven).
 */
export function canRevert(job: JobRecord, now: number, retry = false): boolean {
  if (job.kind !== 'export' || !withinRevertWindow(job, now)) return false;
  const s = job.checkpoint;
  const wrote =
    job.state === 'finished'
      ? (s.result?.applied ?? 0) > 0
      : (job.state === 'cancelled' || job.state === 'failed') &&
        s.pieces !== undefined &&
        s.rankIndex + s.otherIndex + s.replans > 0;
  return (job.revertedBy === undefined || retry) && wrote;
}

/** The revert that claimed this export, if any (`revertedBy`): whether it still holds the claim decides revertibility. */
export function claimingRevertId(job: JobRecord): string | undefined {
  return job.kind === 'export' ? job.revertedBy : undefined;
}

/**
 * Whether an export can be reverted now, given the revert that claimed it (read by `claimingRevertId`):
 * a revert that failed or was cancelled — or whose record is gone — lets go of its claim, so the
 * export may be reverted again. revertJob and the job's `revertible` both ask this, so they agree.
 */
export function canRevertGiven(job: JobRecord, claimingRevert: JobRecord | undefined, now: number): boolean {
  const released =
    claimingRevertId(job) !== undefined &&
    (claimingRevert === undefined || claimingRevert.state === 'failed' || claimingRevert.state === 'cancelled');
  return canRevert(job, now, released);
}
