// Hierarchy import end to end: resolvers → queue → worker (as the user) → Jira emulator → KVS.
import { row, runSyncImport, useWorkSite } from './support/imports';
import { data, givenStructure, shape } from './support/site';
import { wid } from './support/work-dataset';

const work = useWorkSite();
const highest = (projectKeys: string[], extra: Record<string, unknown> = {}) => ({
  roots: { kind: 'highestLevel', projectKeys },
  ...extra,
});

describe('Hierarchy import', () => {
  it('from the highest level in the project down every level, siblings by rank', async () => {
    // given
    const structure = await givenStructure(work.site);
    // when
    const job = await runSyncImport(work.site, 'olivia', structure.id, 'hierarchy', highest(['APP']));
    // then
    expect(job.state).toBe('finished');
    expect(await shape(structure.id)).toEqual([
      row(0, 'APP-1'),
      row(1, 'APP-2'),
      row(2, 'APP-5'),
      row(3, 'OPS-2'),
      row(2, 'APP-4'),
      row(3, 'APP-7'),
      row(3, 'APP-8'),
      row(2, 'OPS-1'),
      row(1, 'APP-3'),
      row(2, 'APP-6'),
    ]);
    expect(job.log[0].message).toContain('the highest level in APP (Initiative)');
  });

  it('down to a chosen depth, siblings by key; roots from a JQL', async () => {
    const structure = await givenStructure(work.site);
    await runSyncImport(work.site, 'olivia', structure.id, 'hierarchy', {
      roots: { kind: 'jql', jql: 'issuetype = Epic' },
      levels: 1,
      order: 'key',
    });
    expect(await shape(structure.id)).toEqual([
      row(0, 'APP-2'),
      row(1, 'APP-4'),
      row(1, 'APP-5'),
      row(1, 'OPS-1'),
      row(0, 'APP-3'),
      row(1, 'APP-6'),
      row(0, 'APP-9'),
    ]);
  });

  it('moves an issue whose parent changed since the last import', async () => {
    // given
    const structure = await givenStructure(work.site);
    await runSyncImport(work.site, 'olivia', structure.id, 'hierarchy', highest(['APP'], { levels: 2 }));
    work.site.jira.store.updateIssue('APP-6', { parent: 'APP-2' });
    work.site.searchCatchesUp();
    try {
      // when
      const job = await runSyncImport(work.site, 'olivia', structure.id, 'hierarchy', highest(['APP'], { levels: 2 }));
      // then
      expect(job.result).toMatchObject({ moved: 1, added: 0 });
      expect(await shape(structure.id)).toEqual([
        row(0, 'APP-1'),
        row(1, 'APP-2'),
        row(2, 'APP-6'),
        row(2, 'APP-5'),
        row(2, 'APP-4'),
        row(2, 'OPS-1'),
        row(1, 'APP-3'),
      ]);
    } finally {
      work.site.jira.store.updateIssue('APP-6', { parent: 'APP-3' });
      work.site.searchCatchesUp();
    }
  });

  it('a user who cannot see OPS gets the hierarchy without OPS issues', async () => {
    const structure = await givenStructure(work.site, 'pat');
    await runSyncImport(work.site, 'pat', structure.id, 'hierarchy', highest(['APP']));
    const rows = await shape(structure.id);
    expect(rows).toHaveLength(8);
    expect(rows.some((r) => r.endsWith(`:${wid('OPS-1')}`) || r.endsWith(`:${wid('OPS-2')}`))).toBe(false);
  });

  it('resumes from its checkpoint when every invocation reaches the deadline after one unit of work', async () => {
    // given: each worker invocation does one unit (a search page, a level, the visibility check, the apply)
    const calm = await givenStructure(work.site);
    await runSyncImport(work.site, 'olivia', calm.id, 'hierarchy', highest(['APP']));
    const structure = await givenStructure(work.site);
    work.site.rt.setInvocationTimeout('job-worker', 30_000);
    const before = work.site.rt.queue.deliveries.length;
    try {
      // when
      const job = await runSyncImport(work.site, 'olivia', structure.id, 'hierarchy', highest(['APP']));
      // then
      expect(job.state).toBe('finished');
      expect(await shape(structure.id)).toEqual(await shape(calm.id));
      expect(work.site.rt.queue.deliveries.length - before).toBeGreaterThan(3);
    } finally {
      work.site.rt.setInvocationTimeout('job-worker', undefined);
    }
  });

  it('refuses unknown projects and bad JQL, naming the parameter with Jira’s reason', async () => {
    const structure = await givenStructure(work.site);
    const start = (params: Record<string, unknown>) =>
      work.site.invokeAs('olivia', 'startImport', { structureId: structure.id, synchronizer: 'hierarchy', params });
    expect(await start(highest(['NOPE']))).toMatchObject({
      ok: false,
      error: {
        code: 'PROJECT_NOT_FOUND',
        field: 'params.roots.projectKeys',
        message: expect.stringContaining("'NOPE'"),
      },
    });
    expect(await start({ roots: { kind: 'jql', jql: 'sprnt = 3' } })).toMatchObject({
      ok: false,
      error: { code: 'JQL_INVALID', field: 'params.roots.jql', message: expect.stringContaining("'sprnt'") },
    });
  });

  it('gives the same structure under duplicated and reordered delivery; preview, repeat and undo', async () => {
    const structure = await givenStructure(work.site);
    Object.assign(work.site.rt.queue.switches, { duplicate: true, reorder: 'shuffle' });
    const preview = data(
      await work.site.invokeAs('olivia', 'previewImport', {
        structureId: structure.id,
        synchronizer: 'hierarchy',
        params: highest(['APP']),
      }),
    );
    const job = await runSyncImport(work.site, 'olivia', structure.id, 'hierarchy', highest(['APP']));
    const again = await runSyncImport(work.site, 'olivia', structure.id, 'hierarchy', highest(['APP']));
    expect(preview).toMatchObject({ complete: true, counts: { added: 10 } });
    expect(preview.actions[0]).toMatchObject({ kind: 'add', issueKey: 'APP-1' });
    expect(job.result).toMatchObject({ added: 10 });
    expect(again.result).toMatchObject({ added: 0, moved: 0, unchanged: 10 });
    expect((await work.site.invokeAs('olivia', 'undoImport', { jobId: job.id })).ok).toBe(true);
    expect(await shape(structure.id)).toEqual([]);
  });
});
