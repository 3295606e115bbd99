// Running a synchronizer's import through the resolvers and the queue, and reading what it left.
import type { JobDto } from '../../../src/contract';
import type { Person } from './dataset';
import { data, useSite, type Site } from './site';
import { wid, workDataset } from './work-dataset';

/** Starts an import with `synchronizer` and lets the queue run until the job is done. */
export async function runSyncImport(
  site: Site,
  who: Person,
  structureId: string,
  synchronizer: string,
  params: Record<string, unknown>,
): Promise<JobDto> {
  const started = data(await site.invokeAs(who, 'startImport', { structureId, synchronizer, params }));
  await site.rt.queue.drain();
  return data(await site.invokeAs(who, 'getJob', { jobId: started.job.id }));
}

/** The job log's messages, for "the cycle is reported in the job log". */
export const logOf = (job: JobDto): string[] => job.log.map((entry) => entry.message);

/**
 * The work site for one test file: started before its tests, closed after, queue switches back to
 * plain delivery after each test. Read `.site` inside tests (it exists once beforeAll ran).
 */
export function useWorkSite(): { site: Site } {
  const ref = useSite(workDataset());
  afterEach(() => Object.assign(ref.site.rt.queue.switches, { duplicate: false, reorder: false, extraDelayMs: 0 }));
  return ref;
}

/** A row of `shape(...)` by issue key: "depth:issueId". */
export const row = (depth: number, key: string): string => `${depth}:${wid(key)}`;
