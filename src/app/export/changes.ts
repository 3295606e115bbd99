// listJobChanges: an export's change log for the job page, a page at a time. Issue keys come from the
// keys recorded when the export finished, so the log stays readable after its other job data expired —
// for as long as a revert is offered (retention.ts), like the log itself.
import type { Payload, ResolverResults } from '../../contract';
import type { ChangeLogEntry } from '../../domain/export';
import type { IssueId } from '../../domain/forest';
import { JobDataRepository } from '../../storage';
import { requireLevel } from '../access';
import { AppError } from '../errors';
import type { Invocation } from '../invocation';
import { findJob } from '../jobs';
import { HIDDEN_ISSUE } from '../jobs/reader-view';
import { visibleIssueIds } from '../visibility';
import { findStructure } from '../structures';
import { changeDto, isChange } from './plan';
import { REVERT_WINDOW_DAYS, withinRevertWindow } from './retention';

export async function listJobChanges(
  inv: Invocation,
  p: Payload<'listJobChanges'>,
): Promise<ResolverResults['listJobChanges']> {
  const job = await findJob(inv, p.jobId);
  await requireLevel(inv, await findStructure(inv, job.structureId), 'view');
  if (job.kind !== 'export')
    throw new AppError('JOB_NOT_FOUND', `Job ${job.id} is not an export; only exports keep a change log.`);
  if (!job.checkpoint.pieces || job.checkpoint.pieces.log === 0) return { changes: [], total: 0, hidden: 0 };
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
  const changes = log.filter(isChange);
  const rankTotal = log.filter((e) => e.kind === 'rank').length;
  const start = p.cursor !== undefined && /^[0-9]+$/.test(p.cursor) ? Number(p.cursor) : 0;
  const end = Math.min(changes.length, start + p.limit);
  // The export ran as its starter; the reader sees only changes of issues they can see now, and no key
  // of an issue they cannot (jobs/reader-view.ts). `total` counts every change, as counts do.
  const page = changes.slice(start, end);
  const visible = await visibleIssueIds(inv.jira, page.flatMap(issuesNamedBy));
  const keyOf = (id: IssueId): string => (visible.has(id) ? (keys[String(id)] ?? String(id)) : HIDDEN_ISSUE);
  const shown = page.filter((e) => visible.has(e.issueId));
  return {
    changes: shown.map((e) => changeDto(e, keyOf, rankTotal)),
    total: changes.length,
    hidden: page.length - shown.length,
    ...(end < changes.length ? { nextCursor: String(end) } : {}),
  };
}

/** The issue a change is about, and the issues its values name (parents, link ends). */
function issuesNamedBy(e: ChangeLogEntry): IssueId[] {
  switch (e.kind) {
    case 'rank':
      return [e.issueId];
    case 'parent':
      return [e.issueId, ...[e.before, e.after].filter((x): x is IssueId => x !== null)];
    case 'link-create':
      return [e.issueId, e.after.inwardId, e.after.outwardId];
    case 'link-delete':
      return [e.issueId, e.before.inwardId, e.before.outwardId];
    case 'status':
      return [e.issueId];
  }
}
