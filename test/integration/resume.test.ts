// An import of 11,000 issues (three ids pages) under adverse delivery: stopped at the deadline after every
// unit of work, duplicated and reordered events, a concurrent edit, a cancel in the middle. Each must end
// in the same forest as an undisturbed run (or, for cancel, the untouched one).
import { JobRepository, KvsWriteMeter } from '../../src/storage';
import { id, siteDataset } from './support/dataset';
import {
  data,
  givenForest,
  givenStructure,
  givenSynchronizersEnabled,
  runImport,
  shape,
  startSite,
  type Site,
} from './support/site';

const BIG = 11_000;
let site: Site;
let undisturbed: { shape: string[]; jiraCalls: number };

const params = { source: { kind: 'jql', jql: 'project = BIG ORDER BY key ASC' }, add: { at: 'top' } };

beforeAll(async () => {
  site = await startSite(siteDataset(BIG));
  await givenSynchronizersEnabled(site);
  const structure = await givenStructure(site);
  const job = await runImport(site, 'olivia', structure.id, params);
  undisturbed = { shape: await shape(structure.id), jiraCalls: job.cost.jiraCalls };
}, 120_000);
afterEach(() => {
  site.rt.setInvocationTimeout('job-worker', undefined);
  Object.assign(site.rt.queue.switches, { duplicate: false, reorder: false, extraDelayMs: 0 });
});
afterAll(async () => site?.close());

/** Below the worker's safety margin: every invocation does one unit of work, then continues in a new event. */
const givenADeadlineAfterEveryStep = () => site.rt.setInvocationTimeout('job-worker', 30_000);

async function waitForJob(
  jobId: string,
  until: (job: NonNullable<Awaited<ReturnType<JobRepository['get']>>>) => boolean,
): Promise<void> {
  const jobs = new JobRepository(new KvsWriteMeter());
  for (;;) {
    const job = await jobs.get(jobId);
    if (job && until(job)) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

it('imports all of them when undisturbed', () => {
  expect(undisturbed.shape).toHaveLength(BIG);
});

it('resumes after hitting the deadline mid-import and ends in the same forest', async () => {
  // given
  givenADeadlineAfterEveryStep();
  const structure = await givenStructure(site);
  const before = site.rt.queue.deliveries.length;
  // when
  const job = await runImport(site, 'olivia', structure.id, params);
  // then
  // One invocation per unit: the search (3 pages), the visibility check, the apply.
  expect(site.rt.queue.deliveries.length - before).toBeGreaterThanOrEqual(3);
  expect(job).toMatchObject({ state: 'finished', result: { added: BIG } });
  expect(await shape(structure.id)).toEqual(undisturbed.shape);
  expect(job.cost.jiraCalls).toBe(undisturbed.jiraCalls);
});

it('neither duplicates rows nor double-counts under duplicated and reordered delivery', async () => {
  // given
  givenADeadlineAfterEveryStep();
  Object.assign(site.rt.queue.switches, { duplicate: true, reorder: 'shuffle' });
  const structure = await givenStructure(site);
  // when
  const job = await runImport(site, 'olivia', structure.id, params);
  // then
  expect(job).toMatchObject({ state: 'finished', result: { added: BIG, unchanged: 0 }, progress: { done: BIG } });
  expect(await shape(structure.id)).toEqual(undisturbed.shape);
  expect(site.rt.queue.deliveries.some((d) => d.duplicate)).toBe(true);
});

it('keeps a concurrent edit of the structure made during the import', async () => {
  // given
  givenADeadlineAfterEveryStep();
  site.rt.queue.switches.extraDelayMs = 20;
  const structure = await givenStructure(site);
  const started = data(
    await site.invokeAs('olivia', 'startImport', { structureId: structure.id, synchronizer: 'filter', params }),
  );
  // when: someone edits the structure while the import is between its units of work
  await waitForJob(started.job.id, (j) => j.kind === 'import' && j.checkpoint.pages >= 1 && j.stage !== 'apply');
  await givenForest(structure.id, [
    [0, id('APP-5')],
    [1, id('BIG-7')],
  ]);
  await site.rt.queue.drain();
  // then
  const job = data(await site.invokeAs('olivia', 'getJob', { jobId: started.job.id }));
  expect(job).toMatchObject({ state: 'finished', result: { added: BIG - 1, unchanged: 1 } });
  const rows = await shape(structure.id);
  expect(rows.slice(0, 2)).toEqual([`0:${id('APP-5')}`, `1:${id('BIG-7')}`]);
  expect(rows).toHaveLength(BIG + 1);
});

it('leaves the structure untouched when cancelled between steps', async () => {
  // given
  givenADeadlineAfterEveryStep();
  site.rt.queue.switches.extraDelayMs = 20;
  const structure = await givenStructure(site);
  const started = data(
    await site.invokeAs('olivia', 'startImport', { structureId: structure.id, synchronizer: 'filter', params }),
  );
  await waitForJob(started.job.id, (j) => j.kind === 'import' && j.checkpoint.pages >= 1);
  // when
  data(await site.invokeAs('olivia', 'cancelJob', { jobId: started.job.id }));
  await site.rt.queue.drain();
  // then
  expect(data(await site.invokeAs('olivia', 'getJob', { jobId: started.job.id })).state).toBe('cancelled');
  expect(await shape(structure.id)).toEqual([]);
});
