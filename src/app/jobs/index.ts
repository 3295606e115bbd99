// Jobs: their records, reading them, and starting them. The engine (engine.ts) and cancel (cancel.ts)
// are imported directly by the app's barrel, so the kinds' stages can use this folder without a cycle.
export {
  enqueueJob,
  exportJob,
  importJob,
  initialExportCheckpoint,
  jobIdForRequest,
  newJobId,
  revertJobRecord,
  startedBefore,
  undoJob,
} from './records';
export type { JobOrigin } from './records';
export { canUndo, findJob, getJob, isTerminal, jobsOf, listJobs, logEntry, toJobDto } from './read';
export { JOB_QUEUE_KEY, pushJobEvent, MAX_EVENT_DELAY_SECONDS, type JobEvent, type PushJobEvent } from './queue';
