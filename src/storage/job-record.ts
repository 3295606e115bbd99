// A job as stored: the fields every kind shares (who, where, lifecycle, progress, cost, the lease), and
// each kind's own checkpoint. `JobRecord` is a union keyed by `kind`, so `job.kind === 'export'` is all
// it takes to read an export's checkpoint. While a job runs, the job engine (src/app/jobs) writes its
// lease and lifecycle fields and each kind's stages its checkpoint; outside a run, a few use cases move
// `step` on to claim a record (cancel, a revert claiming its export, an undo marking its import).
import type {
  ExportCountsDto,
  ExportJobResult,
  ImportCounts,
  JobCost,
  JobKind,
  JobLogEntry,
  JobState,
} from '../contract';

export interface JobProgress {
  phase: string;
  done: number;
  total?: number;
}

export type JobTrigger = 'manual' | 'event' | 'schedule';

interface JobCommon {
  id: string;
  structureId: string;
  synchronizer: string;
  params: Record<string, unknown>;
  startedBy: string;
  state: JobState;
  /** ms since epoch: the index range attribute. */
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  progress: JobProgress;
  log: JobLogEntry[];
  cost: JobCost;
  error?: { code: string; message: string };
  /** The stage the job is in (a name from its kind's ordered list of stages). */
  stage: string;
  /** Monotonic step counter: the queue event for step n is the only one allowed to write step n+1. */
  step: number;
  /**
   * The step of the queue event that drives the job now (set before that event is pushed). If the
   * invocation handling it dies (timeout, out of memory), the platform redelivers that event; seeing
   * `driver` unchanged and no checkpoint for a while, the redelivery adopts the job from `step`.
   */
  driver?: number;
  /** When the last checkpoint was written (ms since epoch); the `by-state` index's range. */
  checkpointAt?: number;
  /** How often the watchdog resumed the job after it stopped making progress (src/app/jobs/watchdog.ts). */
  rescues?: number;
  /** The step the watchdog's last resume wrote: a job whose step moved past it made progress since. */
  rescuedStep?: number;
  /** How often Jira made the job wait in place (429, 5xx) so far: the job log tells only the first ones (src/app/jobs/wait-log.ts). */
  waits?: number;
  /** A waiting job (Jira's rate limit) continues at about this time (ms since epoch), for the job page. */
  waitUntil?: number;
  /**
   * Seconds of the wait that no queue event's delay covers yet: a wait for Jira's hourly reset can be
   * longer than the queue's longest delay (900 s), so the engine chains delayed events until it is 0.
   */
  waitLeft?: number;
  /** What the job waits for: Jira's hourly points limit (until its reset) or a shorter rate limit. */
  waitFor?: JobWaitFor;
  /** The installed synchronizer this job runs for (resync by hand, background). */
  installedId?: string;
  /** What started the job; absent: a person. */
  trigger?: JobTrigger;
}

export type JobWaitFor = 'hourly-limit' | 'rate-limit';

/** Values an import resolved when it was started, so the worker never re-reads the request. */
export interface ImportResolved {
  jql: string;
  filterName?: string;
  /** "Under an issue": the issue's id and key. */
  underIssueId?: string;
  underIssueKey?: string;
  /** What the import reads, in words for the job log (e.g. `board "Team" (kanban)`), when not a filter or JQL. */
  source?: string;
  /** The Rank field's id (e.g. customfield_10019), for imports that order by rank. */
  rankFieldId?: string;
  /** Issues the starter just wrote (≤50): every search of the import asks Jira to reconcile them (`reconcileIssues`). */
  reconcileIssueIds?: number[];
  /**
   * An incremental import's plan, decided when it started (src/app/import/incremental.ts): read only
   * what changed since this base's read, or everything, for `fullRead`'s reason.
   */
  delta?: { since: number; fullReadAt: number };
  fullRead?: string;
}

/** Where an import is: the cursor within its stage and the job data pages it gathered. */
export interface ImportCheckpoint {
  /** Job data pages written so far (0..pages-1). */
  pages: number;
  /** Issues fetched so far, for the progress. */
  matched: number;
  /** Where the current stage continues. */
  cursor?: Record<string, unknown>;
  /** How an incremental import reads Jira this time (src/app/import/incremental.ts); absent: in full. */
  read?: ImportReadMark;
}

/**
 * A full read, or only what changed since the base: decided by the import's first stage, kept here so
 * every later stage knows without loading pages.
 */
export interface ImportReadMark {
  /** When the read the next run's base holds started (ms): the next run reads again what was updated since. */
  startedAt?: number;
  /** When the full read this one builds on started (its own start, for a full read). */
  fullReadAt?: number;
  /** Reading only what changed: when the base's read started. */
  since?: number;
  /** Why the run reads everything, in words for the job log; once set, the run reads in full. */
  fullRead?: string;
}

export interface ImportUndoInfo {
  /** Forest version the import replaced (kept as the previous version for undo). */
  replacedVersion: number;
  /** Forest version the import wrote. */
  appliedVersion: number;
  undoneByJobId?: string;
}

export interface ImportJob extends JobCommon {
  kind: 'import';
  resolved: ImportResolved;
  checkpoint: ImportCheckpoint;
  result?: ImportCounts;
  undo?: ImportUndoInfo;
}

/** Where an export's (or revert's) reading of Jira is: which of its gather steps, and where in it. */
export interface GatherCursor {
  /** Index into the synchronizer's gather steps; past the last one, reading is done. */
  step: number;
  startAt?: number;
  nextPageToken?: string;
  /** Facts step: position in the structure's sorted issue ids. */
  offset?: number;
}

/** The checkpoint of an export or revert job. Bulky data lives in job data under the names in `pieces`. */
/**
 * What an incremental export starts from: the pages earlier runs with the same parameters read (the
 * last full read and the runs since), and when the last of them started.
 */
export interface ExportBase {
  pages: Array<{ jobId: string; pagePieces: number[] }>;
  /** When the newest of those runs started: issues updated since are read again. */
  since: number;
  /** When the full read at the bottom of the chain started. */
  fullAt: number;
  /** Issues to read again whatever the search says (events named them; the search may lag). */
  alsoRead?: number[];
}

export interface ExportCheckpoint {
  cursor: GatherCursor;
  base?: ExportBase;
  /** An incremental run: how many issues it read itself. */
  gathered?: number;
  /** Gathered pages written (names page-0..page-n-1) and their piece counts. */
  pagePieces: number[];
  rankFieldId?: number;
  rankField: string;
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
  /** Issues whose status change found no allowed transition, with why: held where they are in every re-plan. */
  heldStatus?: Array<[number, string]>;
  replans: number;
  applied: number;
  failed: number;
  skipped: number;
  result?: ExportJobResult;
  /**
   * Issues a finished export wrote (the last 50): the resyncs it triggers reconcile them, since Jira's
   * search may not show the writes yet.
   */
  writtenIssueIds?: number[];
}

export interface ExportJob extends JobCommon {
  kind: 'export';
  checkpoint: ExportCheckpoint;
  /** The revert that claimed this export, once one started. */
  revertedBy?: string;
}

export interface RevertJob extends JobCommon {
  kind: 'revert';
  /** The export it reverts. */
  revertOf: string;
  checkpoint: ExportCheckpoint;
}

export interface UndoJob extends JobCommon {
  kind: 'undo';
  /** The import it undoes. */
  undoOf: string;
}

export type JobRecord = ImportJob | ExportJob | RevertJob | UndoJob;

/** The record of one kind. */
export type JobOf<K extends JobKind> = Extract<JobRecord, { kind: K }>;
