// Links import end to end: resolvers → queue → worker (as the user) → Jira emulator → KVS.
import { logOf, row, runSyncImport, useWorkSite } from './support/imports';
import { data, givenForest, givenStructure, shape } from './support/site';
import { wid } from './support/work-dataset';

const work = useWorkSite();
const blocks = { linkTypeId: '1', parentEnd: 'inward' } as const;

describe('Links import', () => {
  it('expands below the structure level by level, and reports a link cycle in the job log', async () => {
    // given: APP-4 blocks APP-5 blocks APP-6 blocks APP-4
    const structure = await givenStructure(work.site);
    await givenForest(structure.id, [[0, wid('APP-4')]]);
    // when
    const job = await runSyncImport(work.site, 'olivia', structure.id, 'links', { ...blocks, scope: 'expand' });
    // then
    expect(job.state).toBe('finished');
    expect(await shape(structure.id)).toEqual([row(0, 'APP-4'), row(1, 'APP-5'), row(2, 'APP-6')]);
    expect(logOf(job)).toContain('Cycle APP-4 → APP-5 → APP-6 → APP-4: APP-4 not placed under APP-6');
  });

  it('with the outward end as parent, builds the hierarchy the other way round', async () => {
    const structure = await givenStructure(work.site);
    await givenForest(structure.id, [[0, wid('APP-6')]]);
    await runSyncImport(work.site, 'olivia', structure.id, 'links', {
      linkTypeId: '1',
      parentEnd: 'outward',
      scope: 'expand',
      levels: 1,
    });
    expect(await shape(structure.id)).toEqual([row(0, 'APP-6'), row(1, 'APP-5')]);
  });

  it('scope all: the parent filter’s issues that are nobody’s child at the top, children below; a child filter drops links', async () => {
    // given
    const structure = await givenStructure(work.site);
    // when
    const job = await runSyncImport(work.site, 'olivia', structure.id, 'links', {
      ...blocks,
      scope: 'all',
      parentJql: 'key in (APP-10, APP-9) ORDER BY key ASC',
    });
    const filtered = await givenStructure(work.site);
    await runSyncImport(work.site, 'olivia', filtered.id, 'links', {
      ...blocks,
      scope: 'all',
      parentJql: 'key in (APP-10, APP-9) ORDER BY key ASC',
      childJql: 'project = APP',
    });
    // then
    expect(job.result).toMatchObject({ added: 3 });
    expect(await shape(structure.id)).toEqual([row(0, 'APP-9'), row(0, 'APP-10'), row(1, 'OPS-1')]);
    expect(await shape(filtered.id)).toEqual([row(0, 'APP-9'), row(0, 'APP-10')]);
  });

  it('a user who cannot see OPS never gets OPS issues, and their rows stay where they are', async () => {
    // given: pat's structure holds APP-10 and, at the top, an OPS issue pat cannot see
    const structure = await givenStructure(work.site, 'pat');
    await givenForest(structure.id, [
      [0, wid('APP-10')],
      [0, wid('OPS-1')],
      [0, wid('APP-4')],
    ]);
    // when
    const job = await runSyncImport(work.site, 'pat', structure.id, 'links', {
      ...blocks,
      scope: 'expand',
      levels: 1,
      removeUnlinked: true,
    });
    // then
    expect(job.state).toBe('finished');
    expect(await shape(structure.id)).toEqual([row(0, 'APP-10'), row(0, 'OPS-1'), row(0, 'APP-4'), row(1, 'APP-5')]);
  });

  it('removes children whose link is gone, as an option', async () => {
    // given: APP-8 under APP-4 without a link
    const structure = await givenStructure(work.site);
    await givenForest(structure.id, [
      [0, wid('APP-4')],
      [1, wid('APP-8')],
      [1, wid('APP-5')],
    ]);
    // when
    const job = await runSyncImport(work.site, 'olivia', structure.id, 'links', {
      ...blocks,
      scope: 'structure',
      levels: 1,
      removeUnlinked: true,
    });
    // then
    expect(job.result).toMatchObject({ removed: 1 });
    expect(await shape(structure.id)).toEqual([row(0, 'APP-4'), row(1, 'APP-5')]);
  });

  it('refuses an unknown link type and a bad filter, naming the parameter and Jira’s reason', async () => {
    const structure = await givenStructure(work.site);
    const unknownType = await work.site.invokeAs('olivia', 'startImport', {
      structureId: structure.id,
      synchronizer: 'links',
      params: { linkTypeId: '99' },
    });
    const badJql = await work.site.invokeAs('olivia', 'previewImport', {
      structureId: structure.id,
      synchronizer: 'links',
      params: { ...blocks, parentJql: 'sprnt = 1' },
    });
    const badChild = await work.site.invokeAs('olivia', 'startImport', {
      structureId: structure.id,
      synchronizer: 'links',
      params: { ...blocks, childJql: 'project = NOPE' },
    });
    expect(unknownType).toMatchObject({
      ok: false,
      error: { code: 'LINK_TYPE_NOT_FOUND', field: 'params.linkTypeId' },
    });
    expect(badJql).toMatchObject({
      ok: false,
      error: { code: 'JQL_INVALID', field: 'params.parentJql', message: expect.stringContaining("'sprnt'") },
    });
    expect(badChild).toMatchObject({ ok: false, error: { code: 'JQL_INVALID', field: 'params.childJql' } });
  });

  it('gives the same structure under duplicated and reordered delivery; preview first, undo after', async () => {
    // given
    const structure = await givenStructure(work.site);
    await givenForest(structure.id, [[0, wid('APP-4')]]);
    const params = { ...blocks, scope: 'expand' };
    Object.assign(work.site.rt.queue.switches, { duplicate: true, reorder: 'shuffle' });
    // when
    const preview = data(
      await work.site.invokeAs('olivia', 'previewImport', { structureId: structure.id, synchronizer: 'links', params }),
    );
    const job = await runSyncImport(work.site, 'olivia', structure.id, 'links', params);
    const again = await runSyncImport(work.site, 'olivia', structure.id, 'links', params);
    const undo = await work.site.invokeAs('olivia', 'undoImport', { jobId: job.id });
    // then
    expect(preview).toMatchObject({ complete: true, counts: { added: 2 } });
    expect(preview.warnings).toContain('Cycle APP-4 → APP-5 → APP-6 → APP-4: APP-4 not placed under APP-6');
    expect(preview.actions.map((a) => a.issueKey)).toEqual(['APP-5', 'APP-6']);
    expect(job.result).toMatchObject({ added: 2 });
    expect(again.result).toMatchObject({ added: 0, moved: 0 });
    expect(undo.ok).toBe(true);
    expect(await shape(structure.id)).toEqual([row(0, 'APP-4')]);
  });

  it('resumes level by level from its checkpoint when every invocation reaches the deadline after one unit', async () => {
    // given: each worker invocation does one unit, and events come twice and out of order
    const structure = await givenStructure(work.site);
    await givenForest(structure.id, [
      [0, wid('APP-4')],
      [0, wid('APP-10')],
    ]);
    work.site.rt.setInvocationTimeout('job-worker', 30_000);
    Object.assign(work.site.rt.queue.switches, { duplicate: true, reorder: 'shuffle' });
    try {
      // when
      const job = await runSyncImport(work.site, 'olivia', structure.id, 'links', { ...blocks, scope: 'expand' });
      // then
      expect(job.state).toBe('finished');
      expect(await shape(structure.id)).toEqual([
        row(0, 'APP-4'),
        row(1, 'APP-5'),
        row(2, 'APP-6'),
        row(0, 'APP-10'),
        row(1, 'OPS-1'),
      ]);
    } finally {
      work.site.rt.setInvocationTimeout('job-worker', undefined);
    }
  });
});
