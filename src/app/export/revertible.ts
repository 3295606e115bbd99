import type { ExportJobResult } from '../../contract';
import type { JobRecord } from '../../storage';
import { stateOf } from './state';

/**
 * Whether revertJob may be called: an export that wrote something — finished, or cancelled or failed
 * while writing — and has no revert yet (`retry`: the revert it has failed or was cancelled, which revertJob
 * checks).
 */
export function canRevert(job: JobRecord, retry = false): boolean {
  if (job.kind !== 'export' || !job.exportState) return false;
  const s = stateOf(job);
  const wrote =
    job.state === 'finished' ? (s.result?.applied ?? 0) > 0 : (job.state === 'cancelled' || job.state === 'failed') && s.pieces !== undefined && s.rankIndex + s.otherIndex + s.replans > 0;
  return (s.revertedBy === undefined || retry) && wrote;
}

export function exportResultOf(job: JobRecord): ExportJobResult | undefined {
  return job.exportState ? stateOf(job).result : undefined;
}
