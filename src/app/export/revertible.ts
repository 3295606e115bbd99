import type { ExportJobResult } from '../../contract';
import type { JobRecord } from '../../storage';
import { stateOf } from './state';

/**
 * Whether revertJob may be called: a finished export that wrote something and has no revert yet
 * (`retry`: the revert it has failed or was cancelled, which revertJob checks).
 */
export function canRevert(job: JobRecord, retry = false): boolean {
  if (job.kind !== 'export' || job.state !== 'finished' || !job.exportState) return false;
  const s = stateOf(job);
  return (s.revertedBy === undefined || retry) && (s.result?.applied ?? 0) > 0;
}

export function exportResultOf(job: JobRecord): ExportJobResult | undefined {
  return job.exportState ? stateOf(job).result : undefined;
}
