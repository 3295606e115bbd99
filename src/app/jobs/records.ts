// The one constructor of each kind of job record, and queueing a new job. A new job is `queued` at step
// 0; the engine starts it at its first stage when the first event arrives.
import { createHash, randomBytes } from 'node:crypto';
import type { JobDto } from '../../contract';
import type {
  ExportCheckpoint,
  ExportJob,
  ImportJob,
  ImportResolved,
  JobRecord,
  JobTrigger,
  RevertJob,
  UndoJob,
} from '../../storage';
import { forestsOf } from '../forest-store';
import type { Invocation } from '../invocation';
import type { PushJobEvent } from './queue';
import { jobsOf, logEntry, toJobDto } from './read';

/** Time-ordered and unguessable; fits KVS keys. */
export function newJobId(now: number): string {
  return `${now.toString(36)}-${randomBytes(6).toString('hex')}`;
}

/**
 * The id of the job a start with this request id makes: the same for a repeat of that start, different
 * for another user. Unguessable as long as the request id is (the UI sends a random UUID).
 */
export function jobIdForRequest(accountId: string, requestId: string): string {
  return `req-${createHash('sha256').update(`${accountId}\n${requestId}`).digest('hex').slice(0, 24)}`;
}

/** What started a job other than a person's one-time run: an installed synchronizer's resync. */
export interface JobOrigin {
  installedId?: string;
  trigger?: JobTrigger;
}

interface NewJob {
  structureId: string;
  synchronizer: string;
  params: Record<string, unknown>;
  /** The job log's first line. */
  intro: string;
  origin?: JobOrigin;
  /** The client's id for this start (see jobIdForRequest). */
  requestId?: string;
}

/** The fields every kind starts with; the cost so far is what the starting call spent. */
function common(inv: Invocation, job: NewJob) {
  const now = inv.now();
  return {
    id: job.requestId !== undefined ? jobIdForRequest(inv.accountId, job.requestId) : newJobId(now),
    structureId: job.structureId,
    synchronizer: job.synchronizer,
    params: job.params,
    startedBy: inv.accountId,
    state: 'queued' as const,
    createdAt: now,
    stage: 'queued',
    progress: { phase: 'queued', done: 0 },
    log: [logEntry(inv, 'info', job.intro)],
    cost: { jiraCalls: inv.jira.cost.calls, jiraPoints: inv.jira.cost.points, kvsWrites: 0 },
    step: 0,
    driver: 0,
    checkpointAt: now,
    // A resync of an installed synchronizer (by hand or in the background) says which and why.
    ...(job.origin?.installedId !== undefined ? { installedId: job.origin.installedId } : {}),
    ...(job.origin?.trigger !== undefined ? { trigger: job.origin.trigger } : {}),
  };
}

export function importJob(inv: Invocation, job: NewJob & { resolved: ImportResolved }): ImportJob {
  return { ...common(inv, job), kind: 'import', resolved: job.resolved, checkpoint: { pages: 0, matched: 0 } };
}

export function initialExportCheckpoint(
  cursor: ExportCheckpoint['cursor'],
  rankField: string,
  rankFieldId?: number,
): ExportCheckpoint {
  return {
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

export function exportJob(inv: Invocation, job: NewJob & { checkpoint: ExportCheckpoint }): ExportJob {
  return { ...common(inv, job), kind: 'export', checkpoint: job.checkpoint };
}

export function revertJobRecord(
  inv: Invocation,
  job: NewJob & { revertOf: string; checkpoint: ExportCheckpoint },
): RevertJob {
  return { ...common(inv, job), kind: 'revert', revertOf: job.revertOf, checkpoint: job.checkpoint };
}

export function undoJob(inv: Invocation, job: NewJob & { undoOf: string }): UndoJob {
  return { ...common(inv, job), kind: 'undo', undoOf: job.undoOf };
}

/** The job an earlier start with this request id made, if any: a repeat answers with it. */
export async function startedBefore(
  inv: Invocation,
  requestId: string | undefined,
): Promise<{ job: JobDto } | undefined> {
  if (requestId === undefined) return undefined;
  const job = await jobsOf(inv).get(jobIdForRequest(inv.accountId, requestId));
  return job ? { job: toJobDto(job, await forestsOf(inv).getHeader(job.structureId), { now: inv.now() }) } : undefined;
}

/**
 * Records the job and pushes its first event; a job that cannot be queued is recorded as failed. A job
 * whose id comes from a request id is recorded only once: a start racing with its own repeat answers
 * with the job the other one recorded.
 */
export async function enqueueJob(
  inv: Invocation,
  job: JobRecord,
  push: PushJobEvent,
  requestId?: string,
): Promise<{ job: JobDto }> {
  if (requestId === undefined) await jobsOf(inv).create(job);
  else if (!(await jobsOf(inv).createOnce(job))) {
    const repeated = await startedBefore(inv, requestId);
    if (repeated) return repeated;
    throw new Error(`Job ${job.id} was recorded and is gone again`);
  }
  try {
    await push({ jobId: job.id, step: 0 });
  } catch (error) {
    const failed: JobRecord = {
      ...job,
      state: 'failed',
      step: 1,
      finishedAt: inv.now(),
      error: { code: 'INTERNAL', message: 'The job could not be queued.' },
    };
    await jobsOf(inv).commit(failed, 0);
    throw error;
  }
  return { job: toJobDto(job, await forestsOf(inv).getHeader(job.structureId), { now: inv.now() }) };
}
