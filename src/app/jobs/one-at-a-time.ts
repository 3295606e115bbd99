// One running job per structure and direction: two imports into one structure would fight over its rows,
// two exports from it over Jira's. A second start is refused with whose job runs and since when, so the
// user can wait or cancel it; background sync keeps its trigger and tries again later.
import type { JobRecord } from '../../storage';
import { AppError } from '../errors';
import type { Invocation } from '../invocation';
import { displayNameOf } from '../names/display-name';
import { isTerminal, jobsOf } from './read';

export type Direction = 'import' | 'export';

/** A job that has not checkpointed for this long is stalled (its invocation died): it blocks nobody. */
export const STALLED_AFTER_MS = 30 * 60_000;

const directionOf = (job: JobRecord): Direction => (job.kind === 'import' || job.kind === 'undo' ? 'import' : 'export');

export async function requireNoRunningJob(inv: Invocation, structureId: string, direction: Direction): Promise<void> {
  // Newest first: a running job is among the latest.
  const { jobs } = await jobsOf(inv).listByStructure(structureId, 20);
  const running = jobs.find(
    (j) =>
      !isTerminal(j) && directionOf(j) === direction && inv.now() - (j.checkpointAt ?? j.createdAt) < STALLED_AFTER_MS,
  );
  if (!running) return;
  const who = await displayNameOf(inv, running.startedBy);
  const since = new Date(running.createdAt).toISOString().slice(11, 16);
  throw new AppError(
    'JOB_RUNNING',
    `${/^[aeiou]/.test(running.kind) ? 'An' : 'A'} ${running.kind} started by ${who} at ${since} UTC is still running on this structure; wait for it to finish, or cancel it.`,
  );
}
