// Reading jobs. A job is visible to whoever can view its structure, as reader-view.ts shapes it for them.
import type { JobDto } from '../../contract';
import { JobRepository, type ForestHeader, type ImportJob, type JobRecord } from '../../storage';
import { requireLevel } from '../access';
import { jobNotFound, structureNotFound } from '../errors';
import { canRevertGiven, claimingRevertId } from '../export/revertible';
import { forestsOf } from '../forest-store';
import { decodeJobsCursor, encodeJobsCursor, refusedCursor } from './cursor';
import type { Invocation } from '../invocation';
import { findStructure, structureIfAny } from '../structures';
import { jobsForReader } from './reader-view';
import { findSynchronizer } from '../../synchronizers';

export const jobsOf = (inv: Invocation): JobRepository => new JobRepository(inv.kvsWrites);

import { isTerminal } from './lifecycle';

export { isTerminal, logEntry } from './lifecycle';

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());

/** Undo is possible while the forest is still the one this import wrote and the one before is kept. */
export function canUndo(job: JobRecord, header: ForestHeader | undefined): job is ImportJob {
  return (
    job.kind === 'import' &&
    job.state === 'finished' &&
    job.undo !== undefined &&
    job.undo.undoneByJobId === undefined &&
    header !== undefined &&
    header.version === job.undo.appliedVersion &&
    header.previousVersion === job.undo.replacedVersion
  );
}

/** What an export's `revertible` depends on besides the job, so it agrees with revertJob. */
export interface RevertFacts {
  /** The revert job named by the export's claim (see `revertsClaiming`). */
  claimingRevert?: JobRecord;
  /** The invocation's clock, for the revert window. */
  now: number;
}

export function toJobDto(
  job: JobRecord,
  header: ForestHeader | undefined,
  revert: RevertFacts = { now: Date.now() },
): JobDto {
  return {
    id: job.id,
    kind: job.kind,
    structureId: job.structureId,
    synchronizer: job.synchronizer,
    // The registry's label, so that every page names a synchronizer the same way ("Sub-tasks").
    synchronizerLabel: findSynchronizer(job.synchronizer)?.label ?? job.synchronizer,
    params: job.params,
    startedBy: job.startedBy,
    state: job.state,
    createdAt: new Date(job.createdAt).toISOString(),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    progress: job.progress,
    result: job.kind === 'import' ? job.result : undefined,
    log: job.log,
    cost: job.cost,
    error: job.error,
    ...(isRetryable(job) ? { retryable: true } : {}),
    cancellable: !isTerminal(job),
    undoable: job.kind === 'import' ? canUndo(job, header) : undefined,
    ...(job.kind === 'export' || job.kind === 'revert'
      ? { exportResult: job.checkpoint.result, revertible: canRevertGiven(job, revert.claimingRevert, revert.now) }
      : {}),
    ...(job.installedId !== undefined ? { installedSynchronizerId: job.installedId } : {}),
    ...(job.trigger !== undefined ? { trigger: job.trigger } : {}),
    ...(!isTerminal(job) && job.waitUntil !== undefined
      ? { waiting: { for: job.waitFor ?? 'rate-limit', until: new Date(job.waitUntil).toISOString() } }
      : {}),
  };
}

/** Jira's outage, not the parameters, ended it: the same start may succeed now (undo and revert are not started with parameters). */
export function isRetryable(job: JobRecord): boolean {
  return (
    job.state === 'failed' && job.error?.code === 'JIRA_UNAVAILABLE' && (job.kind === 'import' || job.kind === 'export')
  );
}

export async function findJob(inv: Invocation, jobId: string): Promise<JobRecord> {
  const job = await jobsOf(inv).get(jobId);
  if (!job) throw jobNotFound(jobId);
  return job;
}

/** The reverts that claimed these exports, by id: from `known` (e.g. the same page of jobs) or read. */
async function revertsClaiming(
  inv: Invocation,
  jobs: readonly JobRecord[],
  known: readonly JobRecord[] = [],
): Promise<Map<string, JobRecord>> {
  const byId = new Map(known.map((j) => [j.id, j]));
  const out = new Map<string, JobRecord>();
  for (const job of jobs) {
    const id = claimingRevertId(job);
    if (id === undefined) continue;
    const revert = byId.get(id) ?? (await jobsOf(inv).get(id));
    if (revert) out.set(id, revert);
  }
  return out;
}

const claimOf = (reverts: ReadonlyMap<string, JobRecord>, job: JobRecord): JobRecord | undefined => {
  const id = claimingRevertId(job);
  return id === undefined ? undefined : reverts.get(id);
};

export async function getJob(inv: Invocation, jobId: string): Promise<JobDto> {
  const job = await findJob(inv, jobId);
  const structure = await structureIfAny(inv, job.structureId);
  // A job whose structure was deleted while it ran stays readable by whoever started it (it says why it stopped).
  if (structure) await requireLevel(inv, structure, 'view');
  else if (job.startedBy !== inv.accountId) throw structureNotFound(job.structureId);
  const reverts = await revertsClaiming(inv, [job]);
  const dto = toJobDto(job, await forestsOf(inv).getHeader(job.structureId), {
    claimingRevert: claimOf(reverts, job),
    now: inv.now(),
  });
  // Without its structure only the starter reads it (see above): nothing to shape for others.
  if (!structure) return dto;
  const [shown] = await jobsForReader(inv, structure, [dto]);
  return shown ?? dto;
}

export async function listJobs(
  inv: Invocation,
  input: { structureId: string; cursor?: string; limit: number },
): Promise<{ jobs: JobDto[]; nextCursor?: string }> {
  const structure = await findStructure(inv, input.structureId);
  await requireLevel(inv, structure, 'view');
  const page = await jobsOf(inv)
    .listByStructure(input.structureId, input.limit, decodeJobsCursor(input.structureId, input.cursor))
    .catch((error: unknown) => {
      throw refusedCursor(error) ?? error;
    });
  const header = await forestsOf(inv).getHeader(input.structureId);
  const reverts = await revertsClaiming(inv, page.jobs, page.jobs);
  const dtos = page.jobs.map((j) => toJobDto(j, header, { claimingRevert: claimOf(reverts, j), now: inv.now() }));
  return {
    jobs: await jobsForReader(inv, structure, dtos),
    ...(page.nextCursor !== undefined ? { nextCursor: encodeJobsCursor(input.structureId, page.nextCursor) } : {}),
  };
}
