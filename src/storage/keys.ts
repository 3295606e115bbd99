// Every KVS key the app writes, in one place. Keys match /^[a-zA-Z0-9:._\s-#]+$/ and stay far below 500 chars.

export const keys = {
  structure: (structureId: string) => `structure:${structureId}`,
  structurePrefix: 'structure:',
  settings: 'settings:app',
  /** The structure view's columns of one structure (not under `structure:`, which lists structures). */
  columns: (structureId: string) => `columns:${structureId}`,
  /** Entity `forest`: the header of a structure's forest. */
  forestHeader: (structureId: string) => structureId,
  forestChunk: (structureId: string, version: number, index: number) => `forest:${structureId}:${version}:${index}`,
  forestEdit: (structureId: string, baseVersion: number, index: number) =>
    `forest:${structureId}:${baseVersion}:e${index}`,
  /** One entry of a structure's history: the change that made `version`. */
  historyEntry: (structureId: string, version: number) => `history:${structureId}:${version}`,
  /** The exports (and reverts) that ran on `version`, which change Jira and not the forest. */
  historyExports: (structureId: string, version: number) => `history:${structureId}:${version}:x`,
  /** Names of a structure's folders, FOLDERS_PER_VALUE consecutive folder ids a value. */
  folderNames: (structureId: string, chunk: number) => `folders:${structureId}:${chunk}`,
  folderNamesPrefix: (structureId: string) => `folders:${structureId}:`,
  /** Entity `job`. */
  job: (jobId: string) => jobId,
  /** Bulky job data, never inside the job record: one page of what an import's unit fetched. */
  jobPage: (jobId: string, page: number) => `jobdata:${jobId}:ids:${page}`,
  /** One piece of a named value of job data (an export's plan, change log, failures...). */
  jobValuePiece: (jobId: string, name: string, piece: number) => `jobdata:${jobId}:x:${name}:${piece}`,
  /** An installed synchronizer, listed by structure (or all of them) with `installedPrefix`. */
  installed: (structureId: string, id: string) => `installed:${structureId}:${id}`,
  installedPrefix: (structureId?: string) => (structureId === undefined ? 'installed:' : `installed:${structureId}:`),
  // Background sync state. The `syncstate:` prefix predates the name "background sync"; stored data keeps it.
  /** One synchronizer's pending (debounced) resync, a key each so concurrent triggers never overwrite each other. */
  pendingResync: (synchronizerId: string) => `syncstate:pending:${synchronizerId}`,
  pendingResyncPrefix: 'syncstate:pending:',
  /** One structure's cycle guard. */
  cycleGuard: (structureId: string) => `syncstate:guard:${structureId}`,
  /** When the next background sync tick is due: one record for the app. */
  backgroundTick: 'syncstate:tick',
  /** Whether a Jira account that changed issues is a person's or another app's, learnt once per account. */
  actorKind: (accountId: string) => `syncstate:actor:${accountId}`,
  /**
   * What the last successful import of a synchronizer with these parameters read (`paramsHash`), as the
   * next run's base: one small head record, and the members' id set in chunks named by the job that wrote them.
   */
  importBase: (structureId: string, synchronizer: string, paramsHash: string) =>
    `importbase:${structureId}:${synchronizer}:${paramsHash}`,
  importBaseChunk: (structureId: string, synchronizer: string, paramsHash: string, jobId: string, index: number) =>
    `importbase:${structureId}:${synchronizer}:${paramsHash}:${jobId}:${index}`,
  importBasePrefix: (structureId: string) => `importbase:${structureId}:`,
  /** An issue Jira said was deleted (`avi:jira:deleted:issue`), kept two days for incremental imports. */
  deletedIssue: (issueId: number) => `deletedissue:${issueId}`,
  deletedIssuePrefix: 'deletedissue:',
  /** What the app knows of Jira's hourly points pool: one small record for the app. */
  pointsPool: 'pool:app',
};

export const entities = { forest: 'forest', job: 'job' } as const;
