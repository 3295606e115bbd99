// Small facts about any job, shared by the engine, the use cases and the structures that delete jobs.
import type { JobLogEntry } from '../../contract';
import type { JobRecord } from '../../storage';
import type { Invocation } from '../invocation';

export const isTerminal = (job: Pick<JobRecord, 'state'>): boolean =>
  job.state === 'finished' || job.state === 'failed' || job.state === 'cancelled';

export function logEntry(inv: Invocation, level: JobLogEntry['level'], message: string): JobLogEntry {
  return { at: new Date(inv.now()).toISOString(), level, message };
}
