// listJobChanges: an export's change log for the job page, a page at a time. Issue keys come from the
// keys recorded when the export finished, so the log stays readable after its other job data expired —
// for as long as a revert is offered (retention.ts), like the log itself.
import type { ExportChangeDto, Payload } from '../../contract';
import type { ChangeLogEntry } from '../../domain/export';
import type { IssueId } from '../../domain/forest';
import { JobDataRepository } from '../../storage';
import { requireLevel } from '../access';
import { AppError } from '../errors';
import type { Invocation } from '../invocation';
import { findJob } from '../jobs';
import { findStructure } from '../structures';
import { changeDto, isChange } from './plan';
import { REVERT_WINDOW_DAYS, withinRevertWindow } from './retention';

export async function listJobChanges(
  inv: Invocation,
  p: Payload<'listJobChanges'>,
): Promise<{ changes: ExportChangeDto[]; total: number; nextCursor?: string }> {
  const job = await findJob(inv, p.jobId);
  await requireLevel(inv, await findStructure(inv, job.structureId), 'view');
  if (job.kind !== 'export')
    throw new AppError('JOB_NOT_FOUND', `Job ${job.id} is not an export; only exports keep a change log.`);
  if (!job.checkpoint.pieces || job.checkpoint.pieces.log === 0) return { changes: [], total: 0 };
  // The log expires with the revert window (its TTL is at least as long): say so rather than fail reading it.
  if (!withinRevertWindow(job, inv.now())) {
    throw new AppError(
      'CHANGE_LOG_EXPIRED',
      `The change log of an export is kept for ${REVERT_WINDOW_DAYS} days; this export's has expired. Its summary stays on the job.`,
    );
  }
  const data = new JobDataRepository(inv.kvsWrites);
  const s = job.checkpoint;
  const log = await data.getValue<ChangeLogEntry[]>(job.id, 'log', s.pieces?.log ?? 0);
  const keys = s.pieces?.keys ? await data.getValue<Record<string, string>>(job.id, 'keys', s.pieces.keys) : {};
  const keyOf = (id: IssueId): string => keys[String(id)] ?? String(id);
  const changes = log.filter(isChange);
  const rankTotal = log.filter((e) => e.kind === 'rank').length;
  const start = p.cursor !== undefined && /^[0-9]+$/.test(p.cursor) ? Number(p.cursor) : 0;
  const end = Math.min(changes.length, start + p.limit);
  return {
    changes: changes.slice(start, end).map((e) => changeDto(e, keyOf, rankTotal)),
    total: changes.length,
    ...(end < changes.length ? { nextCursor: String(end) } : {}),
  };
}
