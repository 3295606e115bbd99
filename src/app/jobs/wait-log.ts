// How a job's log tells about Jira's waits in place (429 Retry-After, 5xx backoff), so a page that shows
// "searching Jira · 0 done" for half a minute also says why. A storm must not flood the log (it keeps
// 200 lines): the first MAX_WAIT_LINES waits are logged one by one, then only a count, each time the
// count doubles (20, 40, 80, …), so a job logs a few dozen wait lines at most however long the storm.
import type { JiraWait } from '../../jira';

/** Wait lines per job before the log stops telling each one. */
export const MAX_WAIT_LINES = 10;

/** The line for one wait, in whole seconds (at least 1). */
export function waitLine(wait: JiraWait): string {
  if (wait.status === 429) return `Jira asked us to wait ${seconds(wait)} s (${rateLimitWords(wait.reason)}).`;
  return `Jira did not answer (${wait.status}); trying again in ${seconds(wait)} s.`;
}

const seconds = (wait: JiraWait): number => Math.max(1, Math.round(wait.ms / 1000));

/**
 * The log line for the job's `count`-th wait (1-based), or undefined when this one goes unlogged: past
 * the cap, only a count when it doubles.
 */
export function waitLogLine(wait: JiraWait, count: number): string | undefined {
  if (count <= MAX_WAIT_LINES) return waitLine(wait);
  const doubled = count % MAX_WAIT_LINES === 0 && Number.isInteger(Math.log2(count / MAX_WAIT_LINES));
  if (!doubled) return undefined;
  return `Jira has made this job wait ${count} times so far; only some waits are logged (this one: ${seconds(wait)} s).`;
}

function rateLimitWords(reason: string | undefined): string {
  if (reason === undefined || reason.includes('burst')) return 'rate limit';
  if (reason.includes('quota') || reason.includes('cost')) return 'hourly quota';
  if (reason.includes('issue')) return 'too many changes to one issue';
  return `rate limit: ${reason}`;
}
