// Data shapes that cross the resolver boundary. Plain JSON only: resolver results are JSON round-tripped.

export const PERMISSION_LEVELS = ['none', 'view', 'edit', 'automate', 'control'] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

export type PermissionSubject =
  | { type: 'user'; accountId: string }
  | { type: 'group'; groupName: string }
  | { type: 'projectRole'; projectKey: string; roleName: string }
  | { type: 'anyone' };

export interface PermissionRule {
  subject: PermissionSubject;
  level: PermissionLevel;
}

export interface StructureSummary {
  id: string;
  name: string;
  description: string;
  ownerAccountId: string;
  /** The caller's effective level on this structure. */
  level: PermissionLevel;
  /** Every row of the forest, including rows of issues the caller cannot see (see ForestPage). */
  rowCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface StructureDetails extends StructureSummary {
  rules: PermissionRule[];
  forestVersion: number;
}

/**
 * A page of the forest in pre-order, column-wise to keep 100k-row responses small.
 *
 * Whether a row is shown never depends on its parent: a row whose issue the caller cannot see is a
 * **placeholder** (its `issueIds` entry is null: no key, no summary; "1 issue you cannot see") when a row
 * they can see sits under it, so that row keeps its place; otherwise it is left out and counted in
 * `hiddenRows`. Counts follow one rule: they count rows, whatever they hold (`totalRows`, `hiddenRows`,
 * `StructureSummary.rowCount`), so a reader learns how many rows they cannot see, never which issues.
 */
export interface ForestPage {
  structureId: string;
  version: number;
  rowIds: number[];
  depths: number[];
  /**
   * The row's issue, or null for a placeholder row of an issue the caller cannot see — and for a
   * folder row, whose name is in `folderNames`.
   */
  issueIds: Array<string | null>;
  /** Folder rows of this page (named rows that are no issue), by row id: their names. Absent: none. */
  folderNames?: Record<string, string>;
  /** Rows left out of this page: rows of issues the caller cannot see with no row they can see under them. */
  hiddenRows: number;
  totalRows: number;
  nextCursor?: string;
}

export type Direction = 'import' | 'export';

export interface SynchronizerInfo {
  key: string;
  label: string;
  description: string;
  directions: Direction[];
  /** JSON Schema of the parameters (generated from the server-side schema), for building the form. */
  paramsSchema: Record<string, unknown>;
  defaults: Record<string, unknown>;
}

export interface ImportCounts {
  added: number;
  moved: number;
  removed: number;
  unchanged: number;
  /** Rows or issues left alone because the importing user cannot see them. */
  skippedNotVisible: number;
}

export interface PreviewAction {
  kind: 'add' | 'move' | 'remove';
  issueId: string;
  issueKey?: string;
  /** Where the row goes (add/move): parent issue, or undefined for top level. */
  underIssueId?: string;
  underIssueKey?: string;
  /** For remove: whether children were removed with the row. */
  withSubtree?: boolean;
}

/** What a run will cost in Jira's hourly points, shown before it runs (see src/app/points-estimate.ts). */
export interface PointsEstimate {
  /** About this many points. */
  points: number;
  /** `last-run`: what the same run cost last time; `count`: from the issues its query matches now. */
  basis: 'last-run' | 'count';
  /** What the app knows is left of this hour's pool, when it knows (Jira says so under 20%). */
  poolLeft?: number;
  /** When the hour's pool resets (ISO 8601, the top of the next UTC hour). */
  resetsAt?: string;
  /** The estimate is above what is left: the run will wait for the reset part-way, then continue. */
  aboveLeft: boolean;
}

export interface ImportPreview {
  forestVersion: number;
  counts: ImportCounts;
  totalActions: number;
  /** The first 50 actions. */
  actions: PreviewAction[];
  warnings: string[];
  /**
   * False when the source was too big to preview in full within a resolver call: counts then cover a
   * sample and leave removals out (see `warnings`). The import itself always runs in full.
   */
  complete?: boolean;
  /** The points the import will cost; absent when the app cannot tell. */
  estimate?: PointsEstimate;
}

/** What undoing an import would change (rows matched by row): the confirmation's text. There is no redo. */
export interface UndoPreview {
  jobId: string;
  /** "you", or the display name of who ran the import. */
  importedBy: string;
  finishedAt?: string;
  /** Rows the import added, which the undo removes. */
  removed: number;
  /** Rows the import removed, which the undo puts back. */
  restored: number;
  /** Rows the import moved, which go back to where they were. */
  moved: number;
  /** Rows in the structure now, and after the undo. */
  rowsNow: number;
  rowsAfter: number;
}

export const JOB_STATES = ['queued', 'running', 'finished', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];
export type JobKind = 'import' | 'export' | 'undo' | 'revert';

export interface JobLogEntry {
  at: string;
  level: 'info' | 'warn' | 'error';
  message: string;
}

export interface JobCost {
  jiraCalls: number;
  jiraPoints: number;
  /** KVS writes in 10 KB request units. */
  kvsWrites: number;
  /** The part of kvsWrites that wrote the forest; 0 when an import changed nothing. */
  forestWrites?: number;
}

export interface JobDto {
  id: string;
  kind: JobKind;
  structureId: string;
  synchronizer: string;
  /** The synchronizer's label (as listSynchronizers gives it); its key when it is not installed any more. */
  synchronizerLabel?: string;
  params: Record<string, unknown>;
  startedBy: string;
  state: JobState;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  progress: { phase: string; done: number; total?: number };
  result?: ImportCounts;
  log: JobLogEntry[];
  cost: JobCost;
  error?: { code: string; message: string };
  /**
   * A failed import or export that Jira's outage ended (JIRA_UNAVAILABLE): running it again with the same
   * parameters may well succeed, so the job page offers Retry.
   */
  retryable?: boolean;
  /** True while the job may still be cancelled. */
  cancellable: boolean;
  /** For a finished import: whether it can still be undone (the structure has not changed since). */
  undoable?: boolean;
  /** Export and revert jobs: counts, per-issue failures. */
  exportResult?: ExportJobResult;
  /** For a finished export: whether revertJob may be called (not yet reverted). */
  revertible?: boolean;
  /** The installed synchronizer the job ran for, when it did (resync, background). */
  installedSynchronizerId?: string;
  /** What started the job: a person, a Jira event or the schedule. Absent: a person. */
  trigger?: 'manual' | 'event' | 'schedule';
  /**
   * A running job that waits for Jira: `hourly-limit` — the app's hourly points are used up, it continues
   * at `until` (Jira's reset, the top of an hour UTC); `rate-limit` — a shorter wait, until about `until`.
   */
  waiting?: { for: 'hourly-limit' | 'rate-limit'; until: string };
}

export interface AppSettings {
  synchronizersEnabled: boolean;
  /** Whether the caller may change settings (Jira admins only). */
  canChange: boolean;
}

// ——— Installed synchronizers, export and revert (issue 5) ———

export type InstalledSynchronizerState = 'disabled' | 'enabled' | 'not-available';

/** How an installed synchronizer's last run went, for the Synchronization settings page. */
export interface InstalledSynchronizerLastRun {
  jobId?: string;
  direction: Direction;
  /** What started it: a person (resync), a Jira event, or the hourly schedule. */
  trigger: 'manual' | 'event' | 'schedule';
  at: string;
  finishedAt?: string;
  /** The job's state when last seen. */
  state: JobState;
  result: 'running' | 'succeeded' | 'partial' | 'failed' | 'cancelled';
  /** One readable line, e.g. "3 added, 1 moved" or the error. */
  message?: string;
}

/** Why the cycle guard turned background sync off; stays until someone enables it again. */
export interface GuardStopDto {
  at: string;
  rounds: number;
  reason: string;
  /** Installed synchronizer ids that took part in the loop. */
  synchronizerIds: string[];
}

export interface InstalledSynchronizerDto {
  id: string;
  structureId: string;
  /** The synchronizer key (filter, links, agile...). */
  synchronizer: string;
  label: string;
  /** Directions a resync may take (only these are offered). */
  directions: Direction[];
  params: Record<string, unknown>;
  /** The parameters in one readable line, e.g. "Board 12, sub-tasks included". */
  paramsSummary: string;
  /** accountId of the user the synchronizer acts as: whoever installed it. */
  runAs: string;
  /** What the user chose (enable/disable); `state` is what actually happens. */
  enabled: boolean;
  state: InstalledSynchronizerState;
  /** Why it is not available (state not-available), e.g. "Priya no longer has control of this structure". */
  notAvailableReason?: string;
  stoppedByGuard?: GuardStopDto;
  lastRun?: InstalledSynchronizerLastRun;
  /** Jira points it spent: in its last run, and in all its runs of the last 24 hours. */
  points?: { lastRun?: number; lastDay: number };
}

export type ExportChangeKind = 'rank' | 'parent' | 'link-create' | 'link-delete' | 'status';

/** One Jira change an export makes (or made), with readable old and new values. */
export interface ExportChangeDto {
  kind: ExportChangeKind;
  issueId: string;
  issueKey?: string;
  /** rank: "3rd of 40"; parent: an issue key or "none"; links: "PLAT-1 blocks PLAT-2" or "none"; status: its name. */
  before: string;
  after: string;
  /** In a job's log only: what Jira answered. */
  outcome?: 'planned' | 'applied' | 'failed' | 'reverted' | 'skipped';
  error?: string;
}

export interface ExportCountsDto {
  rankCalls: number;
  issuesRanked: number;
  parentChanges: number;
  linksCreated: number;
  linksDeleted: number;
  /** Workflow transitions (Status Rollup). */
  statusChanges: number;
  /** Placements reported instead of written (Jira cannot represent them, or the rows conflict). */
  notRepresentable: number;
}

export interface MissingPermissionDto {
  /** SCHEDULE_ISSUES, EDIT_ISSUES or LINK_ISSUES. */
  permission: string;
  /** Project key, or "an unknown project". */
  project: string;
  changes: number;
}

export interface ExportPreflightDto {
  ok: boolean;
  missing: MissingPermissionDto[];
  /** e.g. "You need Schedule issues in PLAT (12 rank changes) to run this export." */
  message: string | null;
}

export interface ExportPreview {
  counts: ExportCountsDto;
  totalChanges: number;
  /** The first 50 changes. */
  changes: ExportChangeDto[];
  /** Shown in the confirmation, e.g. the links-deletion warning of scope "all". */
  warnings: string[];
  /** Placements Jira cannot represent, one sentence each (the first 50). */
  notRepresentable: string[];
  preflight: ExportPreflightDto;
  /** The points the export will cost, from its last run with the same parameters; absent when none. */
  estimate?: PointsEstimate;
}

/** What a finished export or revert did; on JobDto.exportResult. */
export interface ExportJobResult {
  counts: ExportCountsDto;
  applied: number;
  failed: number;
  /** Revert only: changes left alone because Jira changed since the export. */
  skipped: number;
  /** The first 50 per-issue failures (207 entries, refused writes) and skips. */
  problems: ExportChangeDto[];
}

export type ResyncPreview =
  { direction: 'import'; import: ImportPreview } | { direction: 'export'; export: ExportPreview };

/** What an edit did: the forest version it made, and the rows it added (in the order given). */
export interface EditStructureResult {
  version: number;
  counts: { added: number; moved: number; removed: number };
  addedRowIds: number[];
  /** Set when the edit was based on this older version and replayed on the current one. */
  rebasedFrom?: number;
}

/** What a paste did in the target; for a cut from another structure, whether the rows left the source. */
export interface PasteRowsResult extends EditStructureResult {
  /** A cut: true when the rows were taken out of the structure they were cut from. */
  sourceRemoved?: boolean;
  /** The source's new version, when the rows left it. */
  sourceVersion?: number;
  /** A cut whose rows could not leave the source: why, in the user's words (the paste stands). */
  sourceProblem?: string;
}

/** One change in a structure's history: the forest version it made, who, when, what (row counts only). */
export interface HistoryEntryDto {
  version: number;
  /** Folders the change renamed (a folder's name is seen by everyone who sees the structure). Absent: none. */
  renamed?: number;
  at: string;
  /**
   * `resync`: an import of an installed synchronizer, by hand or in the background (`trigger`).
   * `export` and `revert` change Jira, not the structure: `version` is the one they ran on, listed
   * after the change that made it, and `issuesChanged` says how many changes they wrote.
   */
  kind: 'edit' | 'import' | 'resync' | 'undo' | 'undo-edit' | 'restore' | 'export' | 'revert';
  /** An export or revert: the changes it wrote to Jira (a count, never which issues). */
  issuesChanged?: number;
  /** An export or revert: how it ended. */
  state?: 'finished' | 'failed' | 'cancelled';
  /** A background resync: what started it; absent: a person. */
  trigger?: 'event' | 'schedule';
  /** Who: for a background resync, the synchronizer's run-as user. */
  who: { accountId: string; displayName: string };
  /** Rows the change added, moved and removed (zeros for an export or revert). */
  counts: { added: number; moved: number; removed: number };
  /** The job that made it (an import, an undo of one, an export). */
  jobId?: string;
  /** A restore: the version brought back. An undo of an edit: the edit's version. */
  of?: number;
  /** Whether getForestAt and restoreVersion can still rebuild this version. */
  viewable: boolean;
  /** Whether this is an edit of the caller's that undoEdit would take back now. */
  undoable?: boolean;
}

export interface HistoryPage {
  structureId: string;
  /** The structure's current version. */
  version: number;
  entries: HistoryEntryDto[];
  nextCursor?: string;
}

/** What restoreVersion or undoEdit wrote: the new version, and what it changed. */
export interface VersionChangeResult {
  version: number;
  counts: { added: number; moved: number; removed: number };
}
