// The kinds of job the engine runs, each an ordered list of stages defined beside its use case. Adding a
// kind of job: its stages, a record type in storage/job-record.ts, one line here.
import type { JobRecord } from '../../storage';
import { exportJobKind, revertJobKind } from '../export/job-kind';
import { importJobKind } from '../import/job-kind';
import { undoJobKind } from '../undo/job-kind';
import type { Invocation } from '../invocation';
import type { JobKindSpec } from './stage';

/** The spec of a job's kind, typed for the engine (which treats every kind alike). */
export function kindOf(job: JobRecord): JobKindSpec<JobRecord> {
  switch (job.kind) {
    case 'import':
      return importJobKind as unknown as JobKindSpec<JobRecord>;
    case 'export':
      return exportJobKind as unknown as JobKindSpec<JobRecord>;
    case 'revert':
      return revertJobKind as unknown as JobKindSpec<JobRecord>;
    case 'undo':
      return undoJobKind as unknown as JobKindSpec<JobRecord>;
  }
}

/** What happens when a job ends, however it ended (drop its working data, tell others what it wrote); best effort. */
export async function jobEnded(inv: Invocation, job: JobRecord): Promise<void> {
  try {
    await kindOf(job).ended?.(inv, job);
  } catch (error) {
    console.warn(`Job ${job.id} ended (${job.state}), but cleaning up after it failed`, error);
  }
}
