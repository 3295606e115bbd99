// Agile import end to end: resolvers → queue → worker (as the user) → Jira emulator → KVS. Never writes to Jira.
import { row, runSyncImport, useWorkSite } from './support/imports';
import { data, givenForest, givenStructure, shape } from './support/site';
import { wid } from './support/work-dataset';
import { rankBetween } from '../../local/emulator/rank';

const work = useWorkSite();
const board = (boardId: number, subtasks = false) => ({ source: { mode: 'board', boardId }, subtasks });

describe('Agile import', () => {
  it('a Scrum board: epics (and an epic with no issues) in rank order at the top, their issues below in rank order, then issues without an epic', async () => {
    // given
    const structure = await givenStructure(work.site);
    // when
    const job = await runSyncImport(work.site, 'olivia', structure.id, 'agile', board(1));
    // then
    expect(job.state).toBe('finished');
    expect(await shape(structure.id)).toEqual([
      row(0, 'APP-9'),
      row(0, 'APP-2'),
      row(1, 'APP-5'),
      row(1, 'APP-4'),
      row(0, 'APP-3'),
      row(1, 'APP-6'),
      row(0, 'APP-1'),
      row(0, 'APP-10'),
    ]);
    expect(job.log[0].message).toContain('board "App scrum"');
  });

  it('a Kanban board with a sub-query leaves out what the sub-query excludes, and places sub-tasks when asked', async () => {
    const structure = await givenStructure(work.site);
    await runSyncImport(work.site, 'olivia', structure.id, 'agile', board(2, true));
    expect(await shape(structure.id)).toEqual([
      row(0, 'APP-9'),
      row(0, 'APP-2'),
      row(1, 'APP-5'),
      row(2, 'OPS-2'),
      row(1, 'APP-4'),
      row(2, 'APP-7'),
      row(2, 'APP-8'),
      row(1, 'OPS-1'),
      row(0, 'APP-3'),
      row(1, 'APP-6'),
      row(0, 'APP-1'),
    ]);
  });

  it('places sub-tasks in Jira’s `subtasks` order, as the Sub-tasks synchronizer does, not in rank order', async () => {
    // given: APP-8 ranked before APP-7, while Jira lists APP-4's sub-tasks as APP-7, APP-8
    const store = work.site.jira.store;
    const rank7 = store.issuesByKey.get('APP-7')!.rank;
    const rank8 = store.issuesByKey.get('APP-8')!.rank;
    store.updateIssue('APP-8', { rank: rankBetween(undefined, rank7) });
    work.site.searchCatchesUp();
    try {
      const agile = await givenStructure(work.site);
      const subtasks = await givenStructure(work.site);
      await givenForest(subtasks.id, [[0, wid('APP-4')]]);
      // when
      await runSyncImport(work.site, 'olivia', agile.id, 'agile', board(2, true));
      await runSyncImport(work.site, 'olivia', subtasks.id, 'subtasks', { addMissing: true });
      // then: one order in both
      const agileRows = await shape(agile.id);
      const at = agileRows.indexOf(row(1, 'APP-4'));
      expect(agileRows.slice(at, at + 3)).toEqual([row(1, 'APP-4'), row(2, 'APP-7'), row(2, 'APP-8')]);
      expect(await shape(subtasks.id)).toEqual([row(0, 'APP-4'), row(1, 'APP-7'), row(1, 'APP-8')]);
    } finally {
      store.updateIssue('APP-8', { rank: rank8 });
      work.site.searchCatchesUp();
    }
  });

  it('moves an issue whose epic changed since the last import', async () => {
    // given
    const structure = await givenStructure(work.site);
    await runSyncImport(work.site, 'olivia', structure.id, 'agile', board(1));
    work.site.jira.store.updateIssue('APP-6', { parent: 'APP-2' });
    work.site.searchCatchesUp();
    try {
      // when
      const job = await runSyncImport(work.site, 'olivia', structure.id, 'agile', board(1));
      // then
      expect(job.result).toMatchObject({ moved: 1, added: 0 });
      expect((await shape(structure.id)).slice(0, 6)).toEqual([
        row(0, 'APP-9'),
        row(0, 'APP-2'),
        row(1, 'APP-6'),
        row(1, 'APP-5'),
        row(1, 'APP-4'),
        row(0, 'APP-3'),
      ]);
    } finally {
      work.site.jira.store.updateIssue('APP-6', { parent: 'APP-3' });
      work.site.searchCatchesUp();
    }
  });

  it('never moves a row a user cannot see, and tells a user whose view of the board’s filter is refused why', async () => {
    // given: pat's structure holds OPS-1 (hidden from pat) under APP-3
    const structure = await givenStructure(work.site, 'pat');
    await givenForest(structure.id, [
      [0, wid('APP-3')],
      [1, wid('OPS-1')],
    ]);
    // when
    const job = await runSyncImport(work.site, 'pat', structure.id, 'agile', board(1));
    const refused = await work.site.invokeAs('pat', 'startImport', {
      structureId: structure.id,
      synchronizer: 'agile',
      params: board(2),
    });
    // then
    expect(job.state).toBe('finished');
    const rows = await shape(structure.id);
    expect(rows.slice(rows.indexOf(row(0, 'APP-3')), rows.indexOf(row(0, 'APP-3')) + 3)).toEqual([
      row(0, 'APP-3'),
      row(1, 'OPS-1'),
      row(1, 'APP-6'),
    ]);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'JQL_INVALID', field: 'params.source.boardId', message: expect.stringContaining("'OPS'") },
    });
  });

  it('custom mode: projects in the rank field’s order, with the epics of their issues', async () => {
    const structure = await givenStructure(work.site);
    await runSyncImport(work.site, 'olivia', structure.id, 'agile', {
      source: { mode: 'custom', projectKeys: ['OPS'], rankFieldId: 'customfield_10019' },
    });
    // OPS-1's epic is in APP: fetched as the epic the search did not return.
    expect(await shape(structure.id)).toEqual([row(0, 'APP-2'), row(1, 'OPS-1')]);
  });

  it('refuses a board that does not exist or is not shared, unknown projects and unknown rank fields, naming the parameter', async () => {
    const structure = await givenStructure(work.site);
    const start = (params: Record<string, unknown>) =>
      work.site.invokeAs('olivia', 'startImport', { structureId: structure.id, synchronizer: 'agile', params });
    expect(await start(board(99))).toMatchObject({
      ok: false,
      error: { code: 'BOARD_NOT_FOUND', field: 'params.source.boardId' },
    });
    expect(await start(board(3))).toMatchObject({
      ok: false,
      error: { code: 'BOARD_NOT_FOUND', field: 'params.source.boardId' },
    });
    expect(
      await start({ source: { mode: 'custom', projectKeys: ['NOPE'], rankFieldId: 'customfield_10019' } }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'PROJECT_NOT_FOUND',
        field: 'params.source.projectKeys',
        message: expect.stringContaining('NOPE'),
      },
    });
    expect(
      await start({ source: { mode: 'custom', projectKeys: ['APP'], rankFieldId: 'customfield_99999' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FIELD_NOT_FOUND', field: 'params.source.rankFieldId' },
    });
  });

  it('gives the same structure under duplicated and reordered delivery; preview, repeat and undo', async () => {
    const structure = await givenStructure(work.site);
    Object.assign(work.site.rt.queue.switches, { duplicate: true, reorder: 'shuffle' });
    const preview = data(
      await work.site.invokeAs('olivia', 'previewImport', {
        structureId: structure.id,
        synchronizer: 'agile',
        params: board(1),
      }),
    );
    const job = await runSyncImport(work.site, 'olivia', structure.id, 'agile', board(1));
    const again = await runSyncImport(work.site, 'olivia', structure.id, 'agile', board(1));
    expect(preview).toMatchObject({ complete: true, counts: { added: 8 } });
    expect(preview.actions[0]).toMatchObject({ kind: 'add', issueKey: 'APP-9' });
    // An epic added with its issues in one action: each issue is described under its epic.
    expect(preview.actions).toContainEqual(
      expect.objectContaining({ kind: 'add', issueKey: 'APP-5', underIssueKey: 'APP-2' }),
    );
    expect(job.result).toMatchObject({ added: 8 });
    expect((await shape(structure.id)).length).toBe(8);
    expect(again.result).toMatchObject({ added: 0, moved: 0, unchanged: 8 });
    // The repeat wrote nothing, so the first import can still be undone.
    expect((await work.site.invokeAs('olivia', 'undoImport', { jobId: job.id })).ok).toBe(true);
    expect(await shape(structure.id)).toEqual([]);
  });
});
