// The checkpoint of an export or revert job (JobRecord.exportState). Bulky data — gathered pages, the
// plan's operations, the change log, Jira's simulated order — lives in job data under these names.
import type { ExportCountsDto, ExportJobResult } from '../../contract';
import type { GatherCursor } from './gather';

export interface ExportState {
  mode: 'export' | 'revert';
  phase: 'gather' | 'plan' | 'write' | 'finish';
  cursor: GatherCursor;
  /** Gathered pages written (names page-0..page-n-1) and their piece counts. */
  pagePieces: number[];
  rankFieldId?: number;
  rankField: string;
  /** Revert: the export it reverts. Export: the revert that reverted it. */
  revertOf?: string;
  revertedBy?: string;
  counts?: ExportCountsDto;
  pieces?: { rankOps: number; otherOps: number; log: number; order?: number; structureOrder?: number; keys?: number };
  rankIndex: number;
  rankOpsCount: number;
  otherIndex: number;
  otherOpsCount: number;
  /** Failure pages written (names fail-0..), each a list of [entryKey, message]. */
  failPieces: number[];
  /** Issues whose rank Jira refused: left out of every re-plan. */
  failedRank: number[];
  replans: number;
  applied: number;
  failed: number;
  skipped: number;
  result?: ExportJobResult;
}

export const PAGE = (n: number): string => `page-${n}`;
export const FAIL = (n: number): string => `fail-${n}`;

export function initialExportState(
  mode: ExportState['mode'],
  cursor: GatherCursor,
  rankField: string,
  rankFieldId?: number,
): ExportState {
  return {
    mode,
    phase: 'gather',
    cursor,
    pagePieces: [],
    rankField,
    ...(rankFieldId !== undefined ? { rankFieldId } : {}),
    rankIndex: 0,
    rankOpsCount: 0,
    otherIndex: 0,
    otherOpsCount: 0,
    failPieces: [],
    failedRank: [],
    replans: 0,
    applied: 0,
    failed: 0,
    skipped: 0,
  };
}

export const stateOf = (job: { exportState?: Record<string, unknown> }): ExportState =>
  job.exportState as unknown as ExportState;
