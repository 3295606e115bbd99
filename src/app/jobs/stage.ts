// What the job engine runs: a kind of job is an ordered list of named stages. A stage does one bounded
// piece of work (a few Jira calls) with the job's typed record and answers what changed in its kind's
// own fields and what comes next. The engine alone leases the job, checkpoints the answer, budgets the
// invocation, waits, fails, honours cancel and counts cost — the same way for every kind.
import type { JobLogEntry } from '../../contract';
import type { JobProgress, JobRecord, TxOp } from '../../storage';
import type { AppError } from '../errors';
import type { Invocation } from '../invocation';

/** Fields only the engine writes. */
type EngineField =
  | 'id'
  | 'kind'
  | 'state'
  | 'stage'
  | 'step'
  | 'driver'
  | 'checkpointAt'
  | 'waitUntil'
  | 'waitLeft'
  | 'waitFor'
  | 'cost'
  | 'log'
  | 'progress'
  | 'error'
  | 'createdAt'
  | 'startedAt'
  | 'finishedAt'
  | 'startedBy'
  | 'structureId';

/** What a stage may change: its kind's own fields (checkpoint, result...). */
export type KindChanges<J extends JobRecord> = Partial<Omit<J, EngineField>>;

export type StageNext =
  /** More of the same stage (its cursor is in the checkpoint). */
  | 'again'
  /** The stage is complete: on to the next one in the list. */
  | 'next'
  /** The job is complete. */
  | 'done'
  /** Continue no earlier than `seconds` from now; the engine frees the invocation meanwhile. */
  | { wait: { seconds: number; why: string } }
  /** The job cannot go on; `message` says why, to the user. */
  | { failed: { code: string; message: string } };

/**
 * Writes that must land together with the checkpoint, in one transaction (the new forest of an import,
 * a restored forest). `write` runs that transaction with the engine's record operation in it, and throws
 * TransactionConditionFailed when something else moved first; the engine then runs the stage again.
 */
export interface AtomicWrite {
  write(recordOp: TxOp): Promise<void>;
  /** Writes the transaction makes beyond the record, counted in the record's cost. */
  pending: { kvsWrites: number; forestWrites: number };
  /** Logged before the stage runs again after losing. */
  retryNote: string;
  /** How often the stage may lose before the job fails with `conflict`. */
  maxAttempts: number;
  conflict: AppError;
}

export interface StageResult<J extends JobRecord> {
  next: StageNext;
  changes?: KindChanges<J>;
  /** Defaults to the next stage's phase (or the current progress when the stage stays). */
  progress?: JobProgress;
  /** Lines added to the job log. */
  log?: Array<Pick<JobLogEntry, 'level' | 'message'>>;
  /** The next stage is heavy: give it an invocation of its own (its whole request budget). */
  handOver?: boolean;
  atomic?: AtomicWrite;
}

export interface StageContext<J extends JobRecord> {
  inv: Invocation;
  job: J;
  /**
   * What one invocation keeps in memory between stages of this job (pages read from job data, the
   * forest), so each is read from KVS once per invocation.
   */
  cache: Map<string, unknown>;
}

export interface Stage<J extends JobRecord> {
  readonly name: string;
  /** Progress phase shown while it runs, e.g. "searching Jira". */
  readonly phase: string;
  run(ctx: StageContext<J>): Promise<StageResult<J>>;
}

export interface JobKindSpec<J extends JobRecord> {
  readonly kind: J['kind'];
  /** The job's stages in order (an import's depend on its synchronizer and parameters). */
  stages(job: J): ReadonlyArray<Stage<J>>;
  /** What a failure leaves as it was, in words: "the structure was not changed". */
  readonly untouched: string;
  /** What a cancel leaves, in words: "the structure was left as it was". */
  readonly cancelled: string;
  /** After the job ended, best effort: drop its working data, tell others what it changed. */
  ended?(inv: Invocation, job: J): Promise<void>;
}
