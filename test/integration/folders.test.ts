// Folders through the resolvers: named rows that are not issues — made, renamed, nested, undone, seen by
// everyone who sees the structure, kept by a Filter resync, and never written to Jira by an export.
import type { PayloadIn } from '../../src/contract';
import { id } from './support/dataset';
import { data, givenForest, givenStructure, runImport, shape, storedForest, useSite } from './support/site';

const local = useSite();

async function page(who: 'olivia' | 'ed' | 'pat', structureId: string) {
  return data(await local.site.invokeAs(who, 'getForest', { structureId }));
}

/** A structure of olivia's with these issues at depths; ed may edit, pat may only view. */
async function givenStructureWith(...rows: Array<[number, string]>): Promise<string> {
  const structure = await givenStructure(local.site, 'olivia', 'With folders');
  if (rows.length > 0)
    await givenForest(
      structure.id,
      rows.map(([depth, key]) => [depth, id(key)]),
    );
  data(
    await local.site.invokeAs('olivia', 'setPermissions', {
      structureId: structure.id,
      rules: [
        { subject: { type: 'group', groupName: 'editors' }, level: 'edit' },
        { subject: { type: 'group', groupName: 'partners' }, level: 'view' },
      ],
    }),
  );
  return structure.id;
}

async function rowIdOf(structureId: string, key: string): Promise<number> {
  const p = await page('olivia', structureId);
  const index = p.issueIds.indexOf(String(id(key)));
  if (index < 0) throw new Error(`${key} has no row`);
  return p.rowIds[index]!;
}

async function edit(who: 'olivia' | 'ed' | 'pat', structureId: string, actions: PayloadIn<'editStructure'>['actions']) {
  const version = (await page('olivia', structureId)).version;
  return local.site.invokeAs(who, 'editStructure', { structureId, version, actions });
}

/** The view as a reader sees it: "depth:KEY-or-[folder]". */
async function view(who: 'olivia' | 'ed' | 'pat', structureId: string): Promise<string[]> {
  const p = await page(who, structureId);
  const keyOf = new Map(local.site.jira.store.issuesInRankOrder().map((i) => [i.id, i.key]));
  return p.rowIds.map((rowId, i) => {
    const folder = p.folderNames?.[String(rowId)];
    const issueId = p.issueIds[i];
    const label = folder !== undefined ? `[${folder}]` : issueId === null ? '(hidden)' : keyOf.get(issueId!);
    return `${p.depths[i]}:${label}`;
  });
}

describe('folders', () => {
  it('makes a folder at a place, nests rows under it, renames it; every viewer sees it with its name', async () => {
    // given
    const structureId = await givenStructureWith([0, 'APP-1'], [0, 'OPS-1'], [0, 'APP-4']);
    const app1 = await rowIdOf(structureId, 'APP-1');
    // when: ed makes a folder on top, moves APP-1 and OPS-1 into it, and renames it
    const made = data(await edit('ed', structureId, [{ kind: 'add-folder', name: '  Q3 themes ', before: app1 }]));
    const folder = made.addedRowIds[0]!;
    const ops1 = await rowIdOf(structureId, 'OPS-1');
    data(await edit('ed', structureId, [{ kind: 'move', rowIds: [app1, ops1], under: folder }]));
    const renamed = data(await edit('ed', structureId, [{ kind: 'rename', rowId: folder, name: 'Q4 themes' }]));
    // then
    expect(made.counts).toEqual({ added: 1, moved: 0, removed: 0 });
    expect(renamed.counts).toEqual({ added: 0, moved: 0, removed: 0 });
    expect(await view('ed', structureId)).toEqual(['0:[Q4 themes]', '1:APP-1', '1:OPS-1', '0:APP-4']);
    // pat cannot browse OPS: the folder is there all the same, OPS-1 is not
    expect(await view('pat', structureId)).toEqual(['0:[Q4 themes]', '1:APP-1', '0:APP-4']);
    // the forest holds the folder as minus its row id, never as an issue id
    expect((await storedForest(structureId)).issueOf(folder)).toBe(-folder);
  });

  it('refuses bad names, renaming an issue row, and folders by someone who may only view, changing nothing', async () => {
    const structureId = await givenStructureWith([0, 'APP-1']);
    const app1 = await rowIdOf(structureId, 'APP-1');
    const before = await shape(structureId);
    expect(await edit('ed', structureId, [{ kind: 'add-folder', name: '   ' }])).toEqual({
      ok: false,
      error: { code: 'INVALID_EDIT', message: 'A folder needs a name.', field: 'actions.0.name' },
    });
    expect(await edit('ed', structureId, [{ kind: 'add-folder', name: 'x'.repeat(300) }])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_EDIT', message: expect.stringContaining('at most 255 characters') },
    });
    expect(await edit('ed', structureId, [{ kind: 'rename', rowId: app1, name: 'Nope' }])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_EDIT', field: 'actions.0.rowId', message: expect.stringContaining('not a folder') },
    });
    expect(await edit('pat', structureId, [{ kind: 'add-folder', name: 'Mine' }])).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_LEVEL' },
    });
    expect(await shape(structureId)).toEqual(before);
  });

  it('records a rename in the history and undoes it back to the old name; undoing a new folder takes its row', async () => {
    const structureId = await givenStructureWith([0, 'APP-1']);
    const made = data(await edit('ed', structureId, [{ kind: 'add-folder', name: 'Before' }]));
    const folder = made.addedRowIds[0]!;
    const renamed = data(await edit('ed', structureId, [{ kind: 'rename', rowId: folder, name: 'After' }]));
    const history = data(await local.site.invokeAs('pat', 'listStructureHistory', { structureId }));
    expect(history.entries[0]).toMatchObject({ version: renamed.version, kind: 'edit', renamed: 1 });
    data(await local.site.invokeAs('ed', 'undoEdit', { structureId, version: renamed.version }));
    expect(await view('pat', structureId)).toEqual(['0:APP-1', '0:[Before]']);
    data(await local.site.invokeAs('ed', 'undoEdit', { structureId, version: made.version }));
    expect(await view('pat', structureId)).toEqual(['0:APP-1']);
  });

  it('shows an earlier version and restores it with its folders named', async () => {
    // given: a folder with APP-1 in it, then removed
    const structureId = await givenStructureWith([0, 'APP-1']);
    const made = data(await edit('ed', structureId, [{ kind: 'add-folder', name: 'Gone for now' }]));
    const folder = made.addedRowIds[0]!;
    const nested = data(
      await edit('ed', structureId, [{ kind: 'move', rowIds: [await rowIdOf(structureId, 'APP-1')], under: folder }]),
    );
    data(await edit('ed', structureId, [{ kind: 'remove', rowIds: [folder] }]));
    expect(await view('ed', structureId)).toEqual([]);
    // when: pat looks at the earlier version, and olivia restores it
    const earlier = data(await local.site.invokeAs('pat', 'getForestAt', { structureId, version: nested.version }));
    data(await local.site.invokeAs('olivia', 'restoreVersion', { structureId, version: nested.version }));
    // then
    expect(earlier.folderNames).toEqual({ [String(folder)]: 'Gone for now' });
    expect(await view('pat', structureId)).toEqual(['0:[Gone for now]', '1:APP-1']);
  });

  it('keeps a folder and what is under it through a Filter resync that removes issues only where it adds', async () => {
    // given: a folder at the top with APP-5 (which the query does not match) under it
    const structureId = await givenStructureWith([0, 'APP-5']);
    const folder = data(await edit('ed', structureId, [{ kind: 'add-folder', name: 'Kept' }])).addedRowIds[0]!;
    data(
      await edit('ed', structureId, [{ kind: 'move', rowIds: [await rowIdOf(structureId, 'APP-5')], under: folder }]),
    );
    // when
    const job = await runImport(local.site, 'olivia', structureId, {
      source: { kind: 'jql', jql: 'project = OPS ORDER BY key ASC' },
      add: { at: 'top' },
      remove: true,
      removeOnlyWhereAdded: true,
    });
    // then: the OPS issues come at the end of the top level; the folder and APP-5 stay where they were
    expect(job).toMatchObject({ state: 'finished', result: { added: 4, removed: 0 } });
    expect(await view('olivia', structureId)).toEqual([
      '0:[Kept]',
      '1:APP-5',
      '0:OPS-1',
      '0:OPS-2',
      '0:OPS-3',
      '0:OPS-4',
    ]);
    // and a second run with "remove" everywhere still keeps the folder (it is no issue to match)
    const again = await runImport(local.site, 'olivia', structureId, {
      source: { kind: 'jql', jql: 'project = OPS ORDER BY key ASC' },
      add: { at: 'top' },
      remove: true,
    });
    expect(again).toMatchObject({ state: 'finished' });
    expect((await view('olivia', structureId)).slice(0, 2)).toEqual(['0:[Kept]', '1:APP-5']);
  });

  it('copies rows with their subtrees within the structure: new rows, a copied folder a new folder', async () => {
    const structureId = await givenStructureWith([0, 'APP-1'], [0, 'APP-4']);
    const folder = data(await edit('ed', structureId, [{ kind: 'add-folder', name: 'Box' }])).addedRowIds[0]!;
    data(
      await edit('ed', structureId, [{ kind: 'move', rowIds: [await rowIdOf(structureId, 'APP-1')], under: folder }]),
    );
    const app4 = await rowIdOf(structureId, 'APP-4');
    const copied = data(await edit('ed', structureId, [{ kind: 'copy', rowIds: [folder], under: app4 }]));
    expect(copied.counts).toEqual({ added: 2, moved: 0, removed: 0 });
    expect(await view('ed', structureId)).toEqual(['0:APP-4', '1:[Box]', '2:APP-1', '0:[Box]', '1:APP-1']);
    // renaming the copy leaves the original alone
    data(await edit('ed', structureId, [{ kind: 'rename', rowId: copied.addedRowIds[0]!, name: 'Copy of Box' }]));
    expect(await view('ed', structureId)).toEqual(['0:APP-4', '1:[Copy of Box]', '2:APP-1', '0:[Box]', '1:APP-1']);
  });

  it('refuses to copy a row with rows under it the editor cannot see', async () => {
    const structureId = await givenStructureWith([0, 'APP-1'], [1, 'OPS-1'], [0, 'APP-4']);
    data(
      await local.site.invokeAs('olivia', 'setPermissions', {
        structureId,
        rules: [{ subject: { type: 'group', groupName: 'partners' }, level: 'edit' }],
      }),
    );
    const before = await shape(structureId);
    const answer = await edit('pat', structureId, [
      { kind: 'copy', rowIds: [await rowIdOf(structureId, 'APP-1')], under: await rowIdOf(structureId, 'APP-4') },
    ]);
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'INVALID_EDIT', field: 'actions.0.rowIds.0', message: expect.stringContaining('cannot see') },
    });
    expect(await shape(structureId)).toEqual(before);
  });
});
