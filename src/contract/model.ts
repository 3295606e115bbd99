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
 * Rows whose issue the caller cannot see are left out together with their subtrees.
 */
export interface ForestPage {
  structureId: string;
  version: number;
  rowIds: number[];
  depths: number[];
  issueIds: string[];
  /** Rows left out of this page because their issue (or an ancestor's) is not visible to the caller. */
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
  /** True while the job may still be cancelled. */
  cancellable: boolean;
  /** For a finished import: whether it can still be undone (the structure has not changed since). */
  undoable?: boolean;
}

export interface AppSettings {
  synchronizersEnabled: boolean;
  /** Whether the caller may change settings (Jira admins only). */
  canChange: boolean;
}
