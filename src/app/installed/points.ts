// The Jira points each installed synchronizer of a structure spent: in its last run (the job records its
// cost) and in the last 24 hours, summed over the structure's jobs run for it. The app's hourly pool is
// shared by all its users, so the settings page shows which synchronizer spends it.
import type { JobRecord } from '../../storage';
import type { Invocation } from '../invocation';
import { jobsOf } from '../jobs';

export const DAY_MS = 24 * 3_600_000;
/** Jobs read for the sum, newest first (two pages): a synchronizer busier than that shows at least this. */
export const MAX_JOBS_SUMMED = 200;

/** Points of the last 24 h by installed synchronizer id, from the structure's newest jobs. */
export async function pointsLastDay(inv: Invocation, structureId: string): Promise<Map<string, number>> {
  const since = inv.now() - DAY_MS;
  const sums = new Map<string, number>();
  let cursor: string | undefined;
  let read = 0;
  do {
    const page = await jobsOf(inv).listByStructure(structureId, 100, cursor);
    for (const job of page.jobs) {
      if (job.createdAt < since) return sums;
      add(sums, job);
    }
    read += page.jobs.length;
    cursor = page.nextCursor;
  } while (cursor && read < MAX_JOBS_SUMMED);
  return sums;
}

function add(sums: Map<string, number>, job: JobRecord): void {
  if (job.installedId === undefined) return;
  sums.set(job.installedId, (sums.get(job.installedId) ?? 0) + job.cost.jiraPoints);
}
