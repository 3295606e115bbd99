// The apply step under a concurrent edit: the plan is recomputed from the new forest, never forced.
import type { LocalForge } from '../../../local/runtime';
import { createInvocation } from '../../../src/app';
import { applyImport } from '../../../src/app/import-apply';
import { JobStep } from '../../../src/app/job-step';
import { createStructure } from '../../../src/app/structures';
import { Forest, forestFromChunks, forestToChunks } from '../../../src/domain/forest';
import { planFilterImport, FilterParams } from '../../../src/domain/synchronizers/filter';
import { ForestRepository, JobRepository, KvsWriteMeter, StaleJobStep, type JobRecord } from '../../../src/storage';
import { startKvs } from '../storage/local-kvs';

let rt: LocalForge;
beforeAll(async () => {
  rt = await startKvs();
});
afterAll(async () => rt?.close());

const noJira = () =>
  createInvocation('acc-olivia', { transport: async () => Promise.reject(new Error('no Jira in this test')) });
const params = FilterParams.parse({ source: { kind: 'jql', jql: 'x = 1' }, add: { at: 'top' } });

async function givenJob(structureId: string): Promise<JobRecord> {
  const job: JobRecord = {
    id: `job-${structureId}`,
    kind: 'import',
    structureId,
    synchronizer: 'filter',
    params: params as unknown as Record<string, unknown>,
    startedBy: 'acc-olivia',
    state: 'running',
    createdAt: 1,
    progress: { phase: 'applying', done: 2 },
    log: [],
    cost: { jiraCalls: 0, jiraPoints: 0, kvsWrites: 0 },
    step: 5,
    resolved: { jql: 'x = 1' },
    checkpoint: { pages: 1, matched: 2, searchDone: true },
  };
  await new JobRepository(new KvsWriteMeter()).create(job);
  return job;
}

async function someoneEdits(structureId: string, issueId: number): Promise<void> {
  const repo = new ForestRepository(new KvsWriteMeter());
  const stored = await repo.read(structureId);
  if (!stored) throw new Error('no forest');
  const forest = Forest.fromRows([{ rowId: 1, depth: 0, issueId }]);
  await repo.replace(stored.header, forestToChunks(forest), 1, 'edit', 2);
}

const issuesOf = async (structureId: string): Promise<number[]> => {
  const stored = await new ForestRepository(new KvsWriteMeter()).read(structureId);
  const forest = stored && stored.chunks.length > 0 ? forestFromChunks(stored.chunks) : Forest.EMPTY;
  return Array.from(forest.columns.issueIds);
};

it('recomputes from the new forest when the structure changed while planning', async () => {
  // given
  const inv = noJira();
  const structure = await createStructure(inv, { name: 'S', description: '' });
  const step = new JobStep(inv, await givenJob(structure.id));
  const seen: number[] = [];
  // when: the first planning sees an empty forest, and someone edits before the write
  const job = await applyImport(step, async (forest) => {
    seen.push(forest.size);
    if (seen.length === 1) await someoneEdits(structure.id, 99);
    return planFilterImport({ forest, params, matching: [10, 11], visible: () => true });
  });
  // then
  expect(seen).toEqual([0, 1]);
  expect(await issuesOf(structure.id)).toEqual([99, 10, 11]);
  expect(job).toMatchObject({ state: 'finished', result: { added: 2 }, step: 6 });
  expect(job.log.map((l) => l.message)).toContain(
    'The structure changed while importing; recomputing from the new structure.',
  );
});

it('changes nothing when the job moved on (a cancel, or a duplicate event) before the write', async () => {
  // given
  const inv = noJira();
  const structure = await createStructure(inv, { name: 'S', description: '' });
  const job = await givenJob(structure.id);
  const step = new JobStep(inv, job);
  // when: a cancel lands while planning
  const applying = applyImport(step, async (forest) => {
    await new JobRepository(new KvsWriteMeter()).commit({ ...job, state: 'cancelled', step: job.step + 1 }, job.step);
    return planFilterImport({ forest, params, matching: [10], visible: () => true });
  });
  // then
  await expect(applying).rejects.toThrow(StaleJobStep);
  expect(await issuesOf(structure.id)).toEqual([]);
});
