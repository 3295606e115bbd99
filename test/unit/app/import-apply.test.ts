// The import's apply stage under a concurrent change, run by the job engine: the plan is recomputed from
// the new forest, never forced; a job that moved on (a cancel) changes nothing.
import type { LocalForge } from '../../../local/runtime';
import { createInvocation, runJobEvent, type EngineEnv } from '../../../src/app';
import { importJob } from '../../../src/app/jobs';
import { createStructure } from '../../../src/app/structures';
import { Forest, forestToChunks } from '../../../src/domain/forest';
import { forestOfVersion } from '../../../src/app/forest-store';
import {
  ForestRepository,
  JobDataRepository,
  JobRepository,
  KvsWriteMeter,
  type ImportJob,
} from '../../../src/storage';
import { startKvs } from '../storage/local-kvs';

let rt: LocalForge;
beforeAll(async () => {
  rt = await startKvs();
});
afterAll(async () => rt?.close());
afterEach(() => jest.restoreAllMocks());

const noJira = () =>
  createInvocation('acc-olivia', { transport: async () => Promise.reject(new Error('no Jira in this test')) });
const env = (): EngineEnv => ({ remainingMs: () => 600_000, push: async () => undefined });
const jobs = () => new JobRepository(new KvsWriteMeter());

/** A Filter import of issues 10 and 11 whose search is done: the next stage is the apply. */
async function givenJob(structureId: string): Promise<ImportJob> {
  const job: ImportJob = {
    ...importJob(noJira(), {
      structureId,
      synchronizer: 'filter',
      params: { source: { kind: 'jql', jql: 'x = 1' }, add: { at: 'top' } },
      intro: 'Import',
      resolved: { jql: 'x = 1' },
    }),
    state: 'running',
    stage: 'apply',
    step: 5,
    checkpoint: { pages: 1, matched: 2 },
  };
  await new JobDataRepository(new KvsWriteMeter()).putPage(job.id, 0, { stage: 'search', ids: [10, 11] });
  await jobs().create(job);
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
  const forest = stored ? forestOfVersion(stored) : Forest.EMPTY;
  return Array.from(forest.columns.issueIds);
};

/** Runs `meanwhile` right after the apply stage first read the forest, before its write. */
function afterFirstForestRead(meanwhile: (structureId: string) => Promise<void>): jest.SpyInstance {
  const read = ForestRepository.prototype.read;
  let first = true;
  return jest.spyOn(ForestRepository.prototype, 'read').mockImplementation(async function (this: ForestRepository, id) {
    const stored = await read.call(this, id);
    if (first) {
      first = false;
      await meanwhile(id);
    }
    return stored;
  });
}

it('recomputes from the new forest when the structure changed while planning', async () => {
  // given
  const structure = await createStructure(noJira(), { name: 'S', description: '' });
  const job = await givenJob(structure.id);
  afterFirstForestRead((id) => someoneEdits(id, 99));
  // when
  await runJobEvent(noJira(), { jobId: job.id, step: job.step }, env());
  // then
  expect(await issuesOf(structure.id)).toEqual([99, 10, 11]);
  const after = await jobs().get(job.id);
  expect(after).toMatchObject({ state: 'finished', result: { added: 2 }, step: 6 });
  expect(after?.log.map((l) => l.message)).toContain(
    'The structure changed while importing; recomputing from the new structure.',
  );
});

it('changes nothing when the job moved on (a cancel, or a duplicate event) before the write', async () => {
  // given
  const structure = await createStructure(noJira(), { name: 'S', description: '' });
  const job = await givenJob(structure.id);
  // when: a cancel lands while planning
  afterFirstForestRead(async () => {
    await jobs().commit({ ...job, state: 'cancelled', step: job.step + 1 }, job.step);
  });
  await runJobEvent(noJira(), { jobId: job.id, step: job.step }, env());
  // then
  expect(await issuesOf(structure.id)).toEqual([]);
  expect(await jobs().get(job.id)).toMatchObject({ state: 'cancelled', step: job.step + 1 });
});
