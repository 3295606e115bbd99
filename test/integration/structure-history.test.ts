// A structure's history through the resolvers: every forest write (an edit, an import, the undo of an
// import, a restore, an undo of an edit) leaves an entry saying who, when, what kind and how many rows;
// earlier versions can be viewed and restored as one new change; a person's own edits can be undone.
import { id } from './support/dataset';
import { HistoryRepository, KvsWriteMeter } from '../../src/storage';
import { data, givenStructure, runImport, shape, useSite } from './support/site';

const local = useSite();
const row = (depth: number, key: string): string => `${depth}:${id(key)}`;

/** A structure of olivia's where ed (editors) may edit and pat (partners, who cannot see OPS) has control. */
async function givenShared(): Promise<string> {
  const structure = await givenStructure(local.site, 'olivia', 'History plan');
  data(
    await local.site.invokeAs('olivia', 'setPermissions', {
      structureId: structure.id,
      rules: [
        { subject: { type: 'group', groupName: 'editors' }, level: 'edit' },
        { subject: { type: 'group', groupName: 'partners' }, level: 'control' },
      ],
    }),
  );
  return structure.id;
}

async function add(who: 'olivia' | 'ed' | 'pat', structureId: string, keys: string[], under?: number) {
  const { version } = data(await local.site.invokeAs(who, 'getForest', { structureId }));
  return data(
    await local.site.invokeAs(who, 'editStructure', {
      structureId,
      version,
      actions: [{ kind: 'add', issueKeys: keys, ...(under !== undefined ? { under } : {}) }],
    }),
  );
}

describe('structure history', () => {
  it('lists edits, an import and its undo, newest first, with who, kind and counts only', async () => {
    // given
    const structureId = await givenShared();
    const edited = await add('ed', structureId, ['APP-4', 'APP-5']);
    const imported = await runImport(local.site, 'olivia', structureId, {
      source: { kind: 'jql', jql: 'key = OPS-1' },
      add: { at: 'top' },
    });
    data(await local.site.invokeAs('olivia', 'undoImport', { jobId: imported.id }));
    // when: pat, who cannot see OPS-1, reads the history
    const page = data(await local.site.invokeAs('pat', 'listStructureHistory', { structureId }));
    // then
    expect(page.entries.map((e) => [e.version, e.kind, e.who.displayName, e.counts])).toEqual([
      [edited.version + 2, 'undo', 'Olivia Owner', { added: 0, moved: 0, removed: 1 }],
      [edited.version + 1, 'import', 'Olivia Owner', { added: 1, moved: 0, removed: 0 }],
      [edited.version, 'edit', 'Ed Editor', { added: 2, moved: 0, removed: 0 }],
    ]);
    expect(page.entries[1]).toMatchObject({ jobId: imported.id, viewable: true });
    expect(JSON.stringify(page)).not.toContain('OPS');
    expect(JSON.stringify(page)).not.toContain(String(id('OPS-1')));
    expect(page.nextCursor).toBeUndefined();
  });

  it('names a resync of an installed synchronizer as such, by the person who ran it', async () => {
    // given
    const structureId = await givenShared();
    const { synchronizer } = data(
      await local.site.invokeAs('olivia', 'installSynchronizer', {
        structureId,
        synchronizer: 'filter',
        params: { source: { kind: 'jql', jql: 'key = APP-6' }, add: { at: 'top' } },
      }),
    );
    // when: ed cannot resync (edit only); pat, with control, does
    const started = data(
      await local.site.invokeAs('pat', 'resync', { structureId, synchronizerId: synchronizer.id, direction: 'import' }),
    );
    await local.site.rt.queue.drain();
    // then
    const page = data(await local.site.invokeAs('ed', 'listStructureHistory', { structureId }));
    expect(page.entries).toEqual([
      expect.objectContaining({
        kind: 'resync',
        jobId: started.job.id,
        who: { accountId: 'acc-pat', displayName: 'Pat Partner' },
        counts: { added: 1, moved: 0, removed: 0 },
      }),
    ]);
    expect(page.entries[0]?.trigger).toBeUndefined();
  });

  it('pages by version, and needs view', async () => {
    // given
    const structureId = await givenShared();
    for (const key of ['APP-1', 'APP-4', 'APP-5']) await add('ed', structureId, [key]);
    // when
    const first = data(await local.site.invokeAs('ed', 'listStructureHistory', { structureId, limit: 2 }));
    const second = data(
      await local.site.invokeAs('ed', 'listStructureHistory', { structureId, limit: 2, cursor: first.nextCursor }),
    );
    const stranger = await givenStructure(local.site, 'olivia', 'Private');
    const refused = await local.site.invokeAs('ed', 'listStructureHistory', { structureId: stranger.id });
    // then
    expect(first.entries.map((e) => e.version)).toEqual([3, 2]);
    expect(second.entries.map((e) => e.version)).toEqual([1]);
    expect(second.nextCursor).toBeUndefined();
    expect(refused).toMatchObject({ ok: false, error: { code: 'PERMISSION_LEVEL', needed: 'view' } });
  });

  it('shows an earlier version filtered as getForest is, and restores it as one new change', async () => {
    // given: v1 APP-1 and OPS-1; v2 adds APP-4; v3 removes APP-1
    const structureId = await givenShared();
    const v1 = await add('olivia', structureId, ['APP-1', 'OPS-1']);
    await add('olivia', structureId, ['APP-4']);
    const app1 = v1.addedRowIds[0]!;
    const removed = data(
      await local.site.invokeAs('ed', 'editStructure', {
        structureId,
        version: v1.version + 1,
        actions: [{ kind: 'remove', rowIds: [app1] }],
      }),
    );
    // when: pat views v1
    const old = data(await local.site.invokeAs('pat', 'getForestAt', { structureId, version: v1.version }));
    // then: OPS-1 is left out for pat, as getForest would
    expect(old).toMatchObject({ version: v1.version, issueIds: [String(id('APP-1'))], hiddenRows: 1, totalRows: 2 });

    // when: olivia restores version 2
    const restored = data(
      await local.site.invokeAs('olivia', 'restoreVersion', { structureId, version: v1.version + 1 }),
    );
    // then: APP-1 is back under its old row id, a new version, recorded
    expect(restored).toEqual({ version: removed.version + 1, counts: { added: 1, moved: 0, removed: 0 } });
    expect(await shape(structureId)).toEqual([row(0, 'APP-1'), row(0, 'OPS-1'), row(0, 'APP-4')]);
    const now = data(await local.site.invokeAs('olivia', 'getForest', { structureId }));
    expect(now.rowIds[0]).toBe(app1);
    const history = data(await local.site.invokeAs('olivia', 'listStructureHistory', { structureId }));
    expect(history.entries[0]).toMatchObject({ kind: 'restore', of: v1.version + 1, who: { accountId: 'acc-olivia' } });
  });

  it('refuses a restore that touches rows the caller cannot see, one by a non-controller, and a version no longer stored', async () => {
    // given: v1 has OPS-1, which pat cannot see; v2 removed it
    const structureId = await givenShared();
    const v1 = await add('olivia', structureId, ['OPS-1']);
    data(
      await local.site.invokeAs('olivia', 'editStructure', {
        structureId,
        version: v1.version,
        actions: [{ kind: 'remove', rowIds: v1.addedRowIds }],
      }),
    );
    // when
    const byPat = await local.site.invokeAs('pat', 'restoreVersion', { structureId, version: v1.version });
    const byEd = await local.site.invokeAs('ed', 'restoreVersion', { structureId, version: v1.version });
    // then
    expect(byPat).toMatchObject({ ok: false, error: { code: 'RESTORE_NOT_POSSIBLE' } });
    expect(!byPat.ok && byPat.error.message).toContain('1 row of issues you cannot see');
    expect(byEd).toMatchObject({ ok: false, error: { code: 'PERMISSION_LEVEL', needed: 'control' } });
    expect(await shape(structureId)).toEqual([]);

    // given: two imports replace the forest twice, so v1's base is dropped
    for (const key of ['APP-4', 'APP-5'])
      await runImport(local.site, 'olivia', structureId, {
        source: { kind: 'jql', jql: `key = ${key}` },
        add: { at: 'top' },
      });
    // when
    const gone = await local.site.invokeAs('olivia', 'getForestAt', { structureId, version: v1.version });
    // then
    expect(gone).toMatchObject({ ok: false, error: { code: 'VERSION_NOT_STORED', field: 'version' } });
    expect(!gone.ok && gone.error.message).toMatch(
      /Version 1 of the structure is no longer stored.*Versions that can: /,
    );
  });

  it('undoes one of my edits on the structure as it is now, keeping what others did since', async () => {
    // given: ed adds APP-4 and APP-5 and moves APP-5 under APP-1; olivia adds OPS-1 after
    const structureId = await givenShared();
    const base = await add('olivia', structureId, ['APP-1']);
    const app1 = base.addedRowIds[0]!;
    const mine = await add('ed', structureId, ['APP-4', 'APP-5']);
    const moved = data(
      await local.site.invokeAs('ed', 'editStructure', {
        structureId,
        version: mine.version,
        actions: [{ kind: 'move', rowIds: [mine.addedRowIds[1]!], under: app1 }],
      }),
    );
    await add('olivia', structureId, ['OPS-1']);
    // when: ed undoes the move, then the add
    const undoMove = data(await local.site.invokeAs('ed', 'undoEdit', { structureId, version: moved.version }));
    expect(await shape(structureId)).toEqual([row(0, 'APP-1'), row(0, 'APP-4'), row(0, 'APP-5'), row(0, 'OPS-1')]);
    const undoAdd = data(await local.site.invokeAs('ed', 'undoEdit', { structureId, version: mine.version }));
    // then
    expect(undoMove.counts).toEqual({ added: 0, moved: 1, removed: 0 });
    expect(undoAdd.counts).toEqual({ added: 0, moved: 0, removed: 2 });
    expect(await shape(structureId)).toEqual([row(0, 'APP-1'), row(0, 'OPS-1')]);
    const history = data(await local.site.invokeAs('ed', 'listStructureHistory', { structureId }));
    expect(history.entries.slice(0, 2).map((e) => [e.kind, e.of])).toEqual([
      ['undo-edit', mine.version],
      ['undo-edit', moved.version],
    ]);
    expect(history.entries.find((e) => e.version === mine.version)?.undoable).toBe(false);
    // when: again, or someone else's edit
    const again = await local.site.invokeAs('ed', 'undoEdit', { structureId, version: mine.version });
    const others = await local.site.invokeAs('ed', 'undoEdit', { structureId, version: base.version });
    // then
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'UNDO_NOT_POSSIBLE', message: 'This edit was already undone.' },
    });
    expect(others).toMatchObject({
      ok: false,
      error: { code: 'UNDO_NOT_POSSIBLE', message: 'You can undo only your own edits.' },
    });
  });

  it('brings removed rows back on undo, and refuses when a row the edit moved is gone', async () => {
    // given: ed removes APP-1 (with APP-2 under it); separately ed moves APP-4 under APP-5, which olivia then removes
    const structureId = await givenShared();
    const base = await add('olivia', structureId, ['APP-1', 'APP-4', 'APP-5']);
    const [app1, app4, app5] = base.addedRowIds;
    await add('olivia', structureId, ['APP-2'], app1);
    const removed = data(
      await local.site.invokeAs('ed', 'editStructure', {
        structureId,
        version: base.version + 1,
        actions: [{ kind: 'remove', rowIds: [app1!] }],
      }),
    );
    // when
    const undone = data(await local.site.invokeAs('ed', 'undoEdit', { structureId, version: removed.version }));
    // then: as new rows, in their old place
    expect(undone.counts).toEqual({ added: 2, moved: 0, removed: 0 });
    expect(await shape(structureId)).toEqual([row(0, 'APP-1'), row(1, 'APP-2'), row(0, 'APP-4'), row(0, 'APP-5')]);

    // given
    const move = data(
      await local.site.invokeAs('ed', 'editStructure', {
        structureId,
        version: undone.version,
        actions: [{ kind: 'move', rowIds: [app4!], under: app5 }],
      }),
    );
    data(
      await local.site.invokeAs('olivia', 'editStructure', {
        structureId,
        version: move.version,
        actions: [{ kind: 'remove', rowIds: [app5!] }],
      }),
    );
    const before = await shape(structureId);
    // when
    const refused = await local.site.invokeAs('ed', 'undoEdit', { structureId, version: move.version });
    // then
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNDO_NOT_POSSIBLE' } });
    expect(!refused.ok && refused.error.message).toContain('is not in the structure any more');
    expect(await shape(structureId)).toEqual(before);
  });

  it('needs edit to undo an edit', async () => {
    // given: ed's edit, then olivia leaves ed only view
    const structureId = await givenShared();
    const mine = await add('ed', structureId, ['APP-4']);
    data(
      await local.site.invokeAs('olivia', 'setPermissions', {
        structureId,
        rules: [{ subject: { type: 'group', groupName: 'editors' }, level: 'view' }],
      }),
    );
    // when
    const answer = await local.site.invokeAs('ed', 'undoEdit', { structureId, version: mine.version });
    // then
    expect(answer).toMatchObject({ ok: false, error: { code: 'PERMISSION_LEVEL', needed: 'edit' } });
  });

  it('goes with the structure when it is deleted', async () => {
    // given
    const structureId = await givenShared();
    const edited = await add('olivia', structureId, ['APP-4']);
    const history = new HistoryRepository(new KvsWriteMeter());
    expect(await history.get(structureId, edited.version)).toBeDefined();
    // when
    data(await local.site.invokeAs('olivia', 'deleteStructure', { structureId }));
    // then
    expect(await history.get(structureId, edited.version)).toBeUndefined();
  });
});
