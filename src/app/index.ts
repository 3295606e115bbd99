// The use cases, one file each; resolvers and the worker call these and nothing below them.
export { AppError } from './errors';
export { createInvocation, RESOLVER_RETRY, WORKER_RETRY, type Invocation, type InvocationOptions } from './invocation';
export {
  listStructures,
  getStructure,
  createStructure,
  updateStructure,
  deleteStructure,
  setPermissions,
} from './structures';
export { getStructureColumns, setStructureColumns } from './columns';
export { getForest } from './forest-view';
export { editStructure } from './edit/edit-structure';
export { pasteRows } from './edit/paste-rows';
export { listStructureHistory } from './history/list-history';
export { getForestAt } from './history/forest-at';
export { restoreVersion } from './history/restore-version';
export { undoEdit } from './history/undo-edit';
export { listSynchronizers } from './synchronizers';
export { previewImport } from './preview-import';
export { startImport } from './start-import';
export { getJob, listJobs } from './jobs';
export { cancelJob } from './jobs/cancel';
export { undoImport } from './undo/undo-import';
export { previewUndo } from './undo/preview-undo';
export { getSettings, setSettings } from './settings';
export { runJobEvent, runQueuedJobEvent, DEADLINE_MARGIN_MS, type EngineEnv } from './jobs/engine';
export { superviseJobs, type WatchdogReport } from './jobs/watchdog';
export { expectedError, jiraUnavailable } from './jira-errors';
export { pushJobEvent, JOB_QUEUE_KEY, type JobEvent } from './jobs/queue';
export {
  installSynchronizer,
  listInstalledSynchronizers,
  updateSynchronizer,
  removeSynchronizer,
  setSynchronizerEnabled,
} from './installed/manage';
export { previewResync, resync } from './installed/resync';
export { previewExport } from './export/preview';
export { startExport, revertJob } from './export/start';
export { listJobChanges } from './export/changes';
export { onProductEvent, runScheduledResync, runSyncTick, isSyncTick, SYNC_QUEUE_KEY } from './background';
