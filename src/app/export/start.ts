// startExport and revertJob: every check that can fail fast runs here, as the caller; then the job is
// recorded as queued and its first event pushed. The worker writes to Jira as the same user.
import type { JobDto } from '../../contract';
import { StaleJobStep, type JobRecord } from '../../storage';
import { requireLevel } from '../access';
import { AppError } from '../errors';
import type { Invocation } from '../invocation';
import { findJob, isTerminal, jobsOf, logEntry, toJobDto } from '../jobs';
import { pushJobEvent, type PushJobEvent } from '../queue';
import { newJobId } from '../start-import';
import { findStructure } from '../structures';
import { forestsOf } from '../forest-store';
import { firstCursor } from './gather';
import { prepareExport, type ExportRequest, type PreparedExport } from './prepare';
import { displayNameOf } from '../names/display-name';
import { REVERT_WINDOW_DAYS, withinRevertWindow } from './retention';
import { canRevertGiven, claimingRevertId } from './revertible';
import { initialExportState, stateOf } from './state';

export interface JobOrigin {
  installedId?: string;
  trigger?: 'manual' | 'event' | 'schedule';
}

export async function startExport(
  inv: Invocation,
  request: ExportRequest,
  push: PushJobEvent = pushJobEvent,
  origin: JobOrigin = {},
): Promise<{ job: JobDto }> {
  const prepared = await prepareExport(inv, request, {
    checkLevel: origin.trigger === undefined || origin.trigger === 'manual',
  });
  return startPrepared(inv, prepared, push, origin);
}

export async function startPrepared(
  inv: Invocation,
  prepared: PreparedExport,
  push: PushJobEvent,
  origin: JobOrigin,
): Promise<{ job: JobDto }> {
  const runner = await displayNameOf(inv, inv.accountId);
  const now = inv.now();
  const job: JobRecord = {
    id: newJobId(now),
    kind: 'export',
    structureId: prepared.structureId,
    synchronizer: prepared.key,
    params: prepared.params as Record<string, unknown>,
    startedBy: inv.accountId,
    state: 'queued',
    createdAt: now,
    progress: { phase: 'queued', done: 0 },
    log: [
      logEntry(
        inv,
        'info',
        `Export with the ${prepared.label} synchronizer from structure "${prepared.structureName}" into Jira, as ${runner}.`,
      ),
    ],
    cost: { jiraCalls: inv.jira.cost.calls, jiraPoints: inv.jira.cost.points, kvsWrites: 0 },
    step: 0,
    driver: 0,
    checkpointAt: now,
    resolved: { jql: '' },
    checkpoint: { pages: 0, matched: 0, searchDone: true },
    exportState: initialExportState(
      'export',
      firstCursor(prepared.key),
      prepared.rankField,
      prepared.rankFieldId,
    ) as unknown as Record<string, unknown>,
    ...(origin.installedId !== undefined ? { installedId: origin.installedId } : {}),
    ...(origin.trigger !== undefined ? { trigger: origin.trigger } : {}),
  };
  return enqueue(inv, job, push);
}

async function enqueue(inv: Invocation, job: JobRecord, push: PushJobEvent): Promise<{ job: JobDto }> {
  await jobsOf(inv).create(job);
  try {
    await push({ jobId: job.id, step: 0 });
  } catch (error) {
    await jobsOf(inv).commit(
      {
        ...job,
        state: 'failed',
        step: 1,
        finishedAt: inv.now(),
        error: { code: 'INTERNAL', message: 'The job could not be queued.' },
      },
      0,
    );
    throw error;
  }
  return { job: toJobDto(job, await forestsOf(inv).getHeader(job.structureId), { now: inv.now() }) };
}

export async function revertJob(
  inv: Invocation,
  jobId: string,
  push: PushJobEvent = pushJobEvent,
): Promise<{ job: JobDto }> {
  const exportJob = await findJob(inv, jobId);
  const structure = await findStructure(inv, exportJob.structureId);
  await requireLevel(inv, structure, 'control');
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
  const es = stateOf(exportJob);
  const now = inv.now();
  const job: JobRecord = {
    id: newJobId(now),
    kind: 'revert',
    structureId: exportJob.structureId,
    synchronizer: exportJob.synchronizer,
    params: exportJob.params,
    startedBy: inv.accountId,
    state: 'queued',
    createdAt: now,
    progress: { phase: 'queued', done: 0 },
    log: [
      logEntry(
        inv,
        'info',
        `Revert of export ${exportJob.id}: values Jira still holds from that export are set back; anything changed since is left alone.`,
      ),
    ],
    cost: { jiraCalls: 0, jiraPoints: 0, kvsWrites: 0 },
    step: 0,
    driver: 0,
    checkpointAt: now,
    resolved: { jql: '', undoOfJobId: exportJob.id },
    checkpoint: { pages: 0, matched: 0, searchDone: true },
    exportState: {
      ...initialExportState('revert', { stage: 'facts', offset: 0 }, es.rankField, es.rankFieldId),
      revertOf: exportJob.id,
    } as unknown as Record<string, unknown>,
  };
  // Claim the export first, so two reverts cannot both start: the commit is conditional on its step.
  try {
    await jobsOf(inv).commit(
      {
        ...exportJob,
        step: exportJob.step + 1,
        exportState: { ...es, revertedBy: job.id } as unknown as Record<string, unknown>,
      },
      exportJob.step,
    );
  } catch (error) {
    if (error instanceof StaleJobStep)
      throw new AppError('CONFLICT', 'Someone else started a revert of this export just now.');
    throw error;
  }
  return enqueue(inv, job, push);
}
