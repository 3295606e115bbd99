// How long an export can be reverted, and so how long its change log (and the issue keys kept with it)
// is stored: a revert needs the log, and a log nobody can revert with is only read on the job page, so
// both end together. The window runs from the export's creation and the log's TTL from when it was
// written (planning, again when settled at the end), which is later — the log outlives the window.
import type { JobRecord } from '../../storage';

export const REVERT_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

/** The KVS TTL of the change log and its keys. */
export const CHANGE_LOG_TTL = { value: REVERT_WINDOW_DAYS, unit: 'DAYS' } as const;

export function withinRevertWindow(job: Pick<JobRecord, 'createdAt'>, now: number): boolean {
  return now < job.createdAt + REVERT_WINDOW_DAYS * DAY_MS;
}
