// startExport and revertJob: every check that can fail fast runs here, as the caller; then the job is
// recorded as queued and its first event pushed. The worker writes to Jira as the same user.
import type { JobDto } from '../../contract';
import { StaleJobStep } from '../../storage';
import { requireLevel } from '../access';
import { AppError } from '../errors';
import type { Invocation } from '../invocation';
import {
  enqueueJob,
  exportJob,
  findJob,
  initialExportCheckpoint,
  isTerminal,
  jobsOf,
  revertJobRecord,
  startedBefore,
  type JobOrigin,
} from '../jobs';
import { requireNoRunningJob } from '../jobs/one-at-a-time';
import { pushJobEvent, type PushJobEvent } from '../jobs/queue';
import { findStructure } from '../structures';
import { FIRST_CURSOR } from './gather';
import { exportSpecFor, prepareExport, type ExportRequest, type PreparedExport } from './prepare';
import { exportBaseFor } from './incremental';
import { displayNameOf } from '../names/display-name';
import { REVERT_WINDOW_DAYS, withinRevertWindow } from './retention';
import { canRevertGiven, claimingRevertId } from './revertible';

export async function startExport(
  inv: Invocation,
  request: ExportRequest & { requestId?: string },
  push: PushJobEvent = pushJobEvent,
): Promise<{ job: JobDto }> {
  await requireLevel(inv, await findStructure(inv, request.structureId), 'control');
  const repeated = await startedBefore(inv, request.requestId);
  if (repeated) return repeated;
  return startPrepared(inv, await prepareExport(inv, request), push, {}, request.requestId);
}

/** Starts an export already prepared; the caller checked who may (a person: control; the background: its run-as user). */
export async function startPrepared(
  inv: Invocation,
  prepared: PreparedExport,
  push: PushJobEvent,
  origin: JobOrigin,
  requestId?: string,
  /** Issues the background's events named: an incremental run reads them too, whatever Jira's search shows yet. */
  reconcileIssueIds: readonly number[] = [],
): Promise<{ job: JobDto }> {
  await requireNoRunningJob(inv, prepared.structureId, 'export');
  const runner = await displayNameOf(inv, inv.accountId);
  const base = exportSpecFor(prepared.key).incremental
    ? await exportBaseFor(inv, prepared.structureId, prepared.key, prepared.params)
    : undefined;
  const checkpoint = initialExportCheckpoint(FIRST_CURSOR, prepared.rankField, prepared.rankFieldId);
  const job = exportJob(inv, {
    structureId: prepared.structureId,
    synchronizer: prepared.key,
    params: prepared.params as Record<string, unknown>,
    intro: `Export with the ${prepared.label} synchronizer from structure "${prepared.structureName}" into Jira, as ${runner}.`,
    checkpoint: base
      ? { ...checkpoint, base: reconcileIssueIds.length > 0 ? { ...base, alsoRead: [...reconcileIssueIds] } : base }
      : checkpoint,
    origin,
    requestId,
  });
  return enqueueJob(inv, job, push, requestId);
}

export async function revertJob(
  inv: Invocation,
  jobId: string,
  push: PushJobEvent = pushJobEvent,
  requestId?: string,
): Promise<{ job: JobDto }> {
  const exportJob = await findJob(inv, jobId);
  const structure = await findStructure(inv, exportJob.structureId);
  await requireLevel(inv, structure, 'control');
  const repeated = await startedBefore(inv, requestId);
  if (repeated) return repeated;
  // A revert that failed or was cancelled leaves the export revertible again.
  const previous = claimingRevertId(exportJob);
  const previousJob = previous !== undefined ? await jobsOf(inv).get(previous) : undefined;
  if (!canRevertGiven(exportJob, previousJob, inv.now())) {
    const why =
      exportJob.kind !== 'export'
        ? 'Only an export can be reverted.'
        : !isTerminal(exportJob)
          ? `The export is ${exportJob.state}; wait until it ends.`
          : !withinRevertWindow(exportJob, inv.now())
            ? `This export is more than ${REVERT_WINDOW_DAYS} days old: its change log is no longer kept, so it cannot be reverted. Run an export with the values you want instead.`
            : previous !== undefined
              ? previousJob !== undefined && !isTerminal(previousJob)
                ? 'This export is being reverted now.'
                : 'This export was reverted already.'
              : 'This export changed nothing in Jira.';
    throw new AppError('REVERT_NOT_POSSIBLE', why);
  }
  if (exportJob.kind !== 'export') throw new AppError('REVERT_NOT_POSSIBLE', 'Only an export can be reverted.');
  const es = exportJob.checkpoint;
  const job = revertJobRecord(inv, {
    structureId: exportJob.structureId,
    synchronizer: exportJob.synchronizer,
    params: exportJob.params,
    intro: `Revert of export ${exportJob.id}: values Jira still holds from that export are set back; anything changed since is left alone.`,
    revertOf: exportJob.id,
    checkpoint: initialExportCheckpoint(FIRST_CURSOR, es.rankField, es.rankFieldId),
    requestId,
  });
  await requireNoRunningJob(inv, exportJob.structureId, 'export');
  // Claim the export first, so two reverts cannot both start: the commit is conditional on its step.
  try {
    await jobsOf(inv).commit({ ...exportJob, step: exportJob.step + 1, revertedBy: job.id }, exportJob.step);
  } catch (error) {
    if (error instanceof StaleJobStep)
      throw new AppError('CONFLICT', 'Someone else started a revert of this export just now.');
    throw error;
  }
  return enqueueJob(inv, job, push, requestId);
}
