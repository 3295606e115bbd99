// Jobs: one record per run (typed per kind, see job-record.ts) in the custom entity `job`, indexed by
// structure, newest first, and by state and last checkpoint (what the watchdog reads). Every change by
// the job engine is a conditional write on `step`, so duplicated or reordered queue events cannot both win.
import { kvs, Sort, WhereConditions, type ListResult } from '@forge/kvs';
import type { JobRecord } from './job-record';
import { entities, keys } from './keys';
import { TransactionConditionFailed } from './errors';
import { runTransaction, type TxOp } from './transaction';
import { jsonBytes, type KvsWriteMeter } from './write-meter';

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

  /**
   * Writes a new record unless one with its id exists (a repeated start with the same request id);
   * false when it existed.
   */
  async createOnce(job: JobRecord): Promise<boolean> {
    try {
      const op: TxOp = { kind: 'set', key: keys.job(job.id), value: job, entityName: entities.job, ifAbsent: 'id' };
      await runTransaction([op], this.meter);
      return true;
    } catch (error) {
      if (error instanceof TransactionConditionFailed) return false;
      throw error;
    }
  }

  /** The operation that writes a new record (ids are unique, so nothing else can have written it). */
  createOp(job: JobRecord): TxOp {
    return { kind: 'set', key: keys.job(job.id), value: job, entityName: entities.job };
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
    const query = kvs
      .entity<JobRecord>(entities.job)
      .query()
      .index('by-structure', { partition: [structureId] })
      .sort(Sort.DESC)
      .limit(limit);
    return jobPage(query, cursor);
  }

  /**
   * Jobs in `state` whose last checkpoint is at or before `before`, oldest first: only the jobs of that state
   * are read, never those of every structure.
   */
  async listQuiet(
    state: JobRecord['state'],
    before: number,
    limit: number,
    cursor?: string,
  ): Promise<{ jobs: JobRecord[]; nextCursor?: string }> {
    const query = kvs
      .entity<JobRecord>(entities.job)
      .query()
      .index('by-state', { partition: [state] })
      .where(WhereConditions.lessThanEqualTo(before))
      .sort(Sort.ASC)
      .limit(limit);
    return jobPage(query, cursor);
  }

  async delete(jobId: string): Promise<void> {
    await kvs.entity<JobRecord>(entities.job).delete(keys.job(jobId));
    this.meter.add(0);
  }
}

/** What both job index queries are by the time they are run (@forge/kvs does not export its builder type). */
interface JobQuery {
  cursor(cursor: string): JobQuery;
  getMany(): Promise<ListResult<JobRecord>>;
}

/** One page of a job index query, from `cursor` when given. */
async function jobPage(query: JobQuery, cursor?: string): Promise<{ jobs: JobRecord[]; nextCursor?: string }> {
  const page = await (cursor ? query.cursor(cursor) : query).getMany();
  return { jobs: page.results.map((r) => r.value), nextCursor: page.nextCursor };
}
