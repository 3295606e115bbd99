// Starting jobs: a repeated start is the same job, a second start while one runs is refused with a
// reason, and deleting a structure during its import ends the job as cancelled where its starter sees it.
import { data, givenStructure, useSite } from './support/site';

const local = useSite();
const params = { source: { kind: 'jql', jql: 'project = APP' }, add: { at: 'top' } };

it('answers a start repeated with the same request id with the same job', async () => {
  // given
  const structure = await givenStructure(local.site);
  const start = { structureId: structure.id, synchronizer: 'filter', params, requestId: 'click-1' };
  // when: five sends of one click, at once
  const answers = await Promise.all(
    Array.from({ length: 5 }, () => local.site.invokeAs('olivia', 'startImport', start)),
  );
  await local.site.rt.queue.drain();
  // then
  const ids = new Set(answers.map((a) => data(a).job.id));
  expect(ids.size).toBe(1);
  const { jobs } = data(await local.site.invokeAs('olivia', 'listJobs', { structureId: structure.id }));
  expect(jobs.filter((j) => j.kind === 'import')).toHaveLength(1);
});

it('refuses a second import into a structure while one runs, saying whose and what to do', async () => {
  // given: an import queued and not yet run
  const structure = await givenStructure(local.site);
  data(
    await local.site.invokeAs('olivia', 'startImport', { structureId: structure.id, synchronizer: 'filter', params }),
  );
  // when
  const second = await local.site.invokeAs('olivia', 'startImport', {
    structureId: structure.id,
    synchronizer: 'filter',
    params,
  });
  await local.site.rt.queue.drain();
  // then
  expect(second).toMatchObject({ ok: false, error: { code: 'JOB_RUNNING' } });
  if (!second.ok)
    expect(second.error.message).toMatch(/Olivia Owner .* still running .* wait for it to finish, or cancel it/);
});

it('ends an import as cancelled when its structure is deleted, and its starter still reads why', async () => {
  // given
  const structure = await givenStructure(local.site);
  const started = data(
    await local.site.invokeAs('olivia', 'startImport', { structureId: structure.id, synchronizer: 'filter', params }),
  );
  // when
  data(await local.site.invokeAs('olivia', 'deleteStructure', { structureId: structure.id }));
  await local.site.rt.queue.drain();
  // then
  const job = data(await local.site.invokeAs('olivia', 'getJob', { jobId: started.job.id }));
  expect(job).toMatchObject({ state: 'cancelled', error: { code: 'STRUCTURE_NOT_FOUND' } });
  expect(job.log.at(-1)?.message).toBe('Cancelled: Olivia Owner deleted the structure while this import ran.');
  expect(await local.site.invokeAs('ed', 'getJob', { jobId: started.job.id })).toMatchObject({
    ok: false,
    error: { code: 'STRUCTURE_NOT_FOUND' },
  });
});
