// A job as the engine and the watchdog tests find it: a running Filter import about to apply (its ids
// stored), last checkpointed `quietMs` before NOW by the invocation of event 1.
import { createInvocation } from '../../../src/app';
import { importJob } from '../../../src/app/jobs';
import { createStructure } from '../../../src/app/structures';
import { JobDataRepository, JobRepository, KvsWriteMeter, type ImportJob } from '../../../src/storage';

export const NOW = Date.parse('2026-06-01T12:00:00Z');

/** Olivia's invocation at `now`, with no Jira behind it. */
export const inv = (now = NOW) =>
  createInvocation('acc-olivia', {
    transport: async () => Promise.reject(new Error('no Jira in this test')),
    now: () => now,
  });

export const jobs = () => new JobRepository(new KvsWriteMeter());

export async function givenRunningJob(quietMs: number, fields: Partial<ImportJob> = {}): Promise<ImportJob> {
  const structure = await createStructure(inv(), { name: 'S', description: '' });
  const job: ImportJob = {
    ...importJob(inv(), {
      structureId: structure.id,
      synchronizer: 'filter',
      params: { source: { kind: 'jql', jql: 'x = 1' }, add: { at: 'top' } },
      intro: 'Import',
      resolved: { jql: 'x = 1' },
    }),
    state: 'running',
    stage: 'apply',
    createdAt: NOW - 3_600_000,
    progress: { phase: 'applying', done: 2 },
    cost: { jiraCalls: 1, jiraPoints: 3, kvsWrites: 1 },
    step: 3,
    driver: 1,
    checkpointAt: NOW - quietMs,
    checkpoint: { pages: 1, matched: 2 },
    ...fields,
  };
  await new JobDataRepository(new KvsWriteMeter()).putPage(job.id, 0, { stage: 'search', ids: [10, 11] });
  await jobs().create(job);
  return job;
}
