// Jobs: one record per run in the custom entity `job` (indexed by structure, newest first). Every change
// by the worker is a conditional write on `step`, so duplicated or reordered queue events cannot both win.
import { kvs, Sort } from '@forge/kvs';
import type { ImportCounts, JobCost, JobKind, JobLogEntry, JobState } from '../contract';
import { entities, keys } from './keys';
import { runTransaction, type TxOp } from './transaction';
import { jsonBytes, type KvsWriteMeter } from './write-meter';

/** What the worker needs to resume: where the search is, and how much it has gathered. */
export interface JobCheckpoint {
  /** Search pages of matching ids written so far (jobdata keys 0..pages-1). */
  pages: number;
  matched: number;
  nextPageToken?: string;
  /** True once the last search page is stored. */
  searchDone: boolean;
  /** Visibility batches stored (jobdata vis keys 0..visibilityPages-1), and whether all are checked. */
  visibilityPages?: number;
  visibilityDone?: boolean;
  /** Sub-tasks, links, agile and hierarchy imports: the fetch stage reached and its cursor (src/app/import/stages.ts). */
  stage?: { index: number; cursor?: Record<string, unknown> };
}

/** Values resolved when the job was started, so the worker never re-reads the request. */
export interface JobResolved {
  jql: string;
  filterName?: string;
  /** "Under an issue": the issue's id and key. */
  underIssueId?: string;
  underIssueKey?: string;
  /** For undo jobs: the import being undone. */
  undoOfJobId?: string;
  /** What the import reads, in words for the job log (e.g. `board "Team" (kanban)`), when not a filter or JQL. */
  source?: string;
  /** The Rank field's id (e.g. customfield_10019), for imports that order by rank. */
  rankFieldId?: string;
  /** Issues the starter just wrote (≤50): every search of the import asks Jira to reconcile them (`reconcileIssues`). */
  reconcileIssueIds?: number[];
}

export interface JobUndoInfo {
  /** Forest version the import replaced (kept as the previous version for undo). */
  replacedVersion: number;
  /** Forest version the import wrote. */
  appliedVersion: number;
  undoneByJobId?: string;
}

export interface JobRecord {
  id: string;
  kind: JobKind;
  structureId: string;
  synchronizer: string;
  params: Record<string, unknown>;
  startedBy: string;
  state: JobState;
  /** ms since epoch: the index range attribute. */
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  progress: { phase: string; done: number; total?: number };
  result?: ImportCounts;
  log: JobLogEntry[];
  cost: JobCost;
  error?: { code: string; message: string };
  /** Monotonic step counter: the queue event for step n is the only one allowed to write step n+1. */
  step: number;
  /**
   * The step of the queue event that drives the job now (set before that event is pushed). If the
   * invocation handling it dies (timeout, out of memory), the platform redelivers that event; seeing
   * `driver` unchanged and no checkpoint for a while, the redelivery adopts the job from `step`.
   */
  driver?: number;
  /** When the last checkpoint was written (ms since epoch). */
  checkpointAt?: number;
  resolved: JobResolved;
  checkpoint: JobCheckpoint;
  undo?: JobUndoInfo;
  /** Export and revert jobs: where the job is (see src/app/export); bulky data lives in job data. */
  exportState?: Record<string, unknown>;
  /** The installed synchronizer this job runs for (resync by hand, background). */
  installedId?: string;
  /** What started the job; absent: a person. */
  trigger?: 'manual' | 'event' | 'schedule';
}

export class StaleJobStep extends Error {
  constructor(jobId: string, step: number) {
    super(`Job ${jobId} is no longer at step ${step}`);
    this.name = 'StaleJobStep';
  }
}

export const MAX_LOG_ENTRIES = 200;

export class JobRepository {
  constructor(private readonly meter: KvsWriteMeter) {}

  get(jobId: string): Promise<JobRecord | undefined> {
    return kvs.entity<JobRecord>(entities.job).get(keys.job(jobId));
  }

  async create(job: JobRecord): Promise<void> {
    await kvs.entity<JobRecord>(entities.job).set(keys.job(job.id), job);
    this.meter.add(jsonBytes(job));
  }

  /** The operation that moves `job` from `fromStep` to `job.step`, only if nobody else did first. */
  commitOp(job: JobRecord, fromStep: number): TxOp {
    if (job.step <= fromStep) throw new RangeError(`A commit must advance the step past ${fromStep}, got ${job.step}`);
    const trimmed =
      job.log.length > MAX_LOG_ENTRIES
        ? { ...job, log: [...job.log.slice(0, 20), ...job.log.slice(-(MAX_LOG_ENTRIES - 20))] }
        : job;
    return {
      kind: 'set',
      key: keys.job(job.id),
      value: trimmed,
      entityName: entities.job,
      ifEquals: { attribute: 'step', value: fromStep },
    };
  }

  /** Writes `job` if it is still at `fromStep`; otherwise StaleJobStep (another event got there first). */
  async commit(job: JobRecord, fromStep: number): Promise<JobRecord> {
    try {
      await runTransaction([this.commitOp(job, fromStep)], this.meter);
    } catch (error) {
      if (error instanceof Error && error.name === 'TransactionConditionFailed')
        throw new StaleJobStep(job.id, fromStep);
      throw error;
    }
    return job;
  }

  /** Newest first. */
  async listByStructure(
    structureId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ jobs: JobRecord[]; nextCursor?: string }> {
    let query = kvs
      .entity<JobRecord>(entities.job)
      .query()
      .index('by-structure', { partition: [structureId] })
      .sort(Sort.DESC)
      .limit(limit);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    return { jobs: page.results.map((r) => r.value), nextCursor: page.nextCursor };
  }

  async delete(jobId: string): Promise<void> {
    await kvs.entity<JobRecord>(entities.job).delete(keys.job(jobId));
    this.meter.add(0);
  }
}
