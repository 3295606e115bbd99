// Copy / cut and paste of rows through the pasteRows resolver: within a structure (a copy adds new rows,
// a cut is a move) and between structures (added in the target, then removed from the source on a cut),
// with the levels each side needs and nothing pasted that the person cannot see.
import type { PayloadIn } from '../../src/contract';
import { id } from './support/dataset';
import { data, givenForest, givenStructure, shape, useSite } from './support/site';

const local = useSite();
type Who = 'olivia' | 'ed' | 'pat';

async function givenStructureWith(name: string, level: 'view' | 'edit', ...rows: Array<[number, string]>) {
  const structure = await givenStructure(local.site, 'olivia', name);
  if (rows.length > 0)
    await givenForest(
      structure.id,
      rows.map(([depth, key]) => [depth, id(key)]),
    );
  data(
    await local.site.invokeAs('olivia', 'setPermissions', {
      structureId: structure.id,
      rules: [
        { subject: { type: 'group', groupName: 'editors' }, level },
        { subject: { type: 'group', groupName: 'partners' }, level },
      ],
    }),
  );
  return structure.id;
}

const page = async (structureId: string) => data(await local.site.invokeAs('olivia', 'getForest', { structureId }));

async function rowIdOf(structureId: string, key: string): Promise<number> {
  const p = await page(structureId);
  return p.rowIds[p.issueIds.indexOf(String(id(key)))]!;
}

async function edit(structureId: string, actions: PayloadIn<'editStructure'>['actions']) {
  const { version } = await page(structureId);
  return data(await local.site.invokeAs('olivia', 'editStructure', { structureId, version, actions }));
}

async function paste(who: Who, input: Omit<PayloadIn<'pasteRows'>, 'version'>) {
  const { version } = await page(input.structureId);
  return local.site.invokeAs(who, 'pasteRows', { ...input, version });
}

const rows = (...r: Array<[number, string | number]>) =>
  r.map(([depth, item]) => `${depth}:${typeof item === 'number' ? item : id(item)}`);

describe('pasteRows', () => {
  it('copies rows with their subtrees and folders into another structure; the source keeps them', async () => {
    // given: source "Folder(APP-1(APP-2)) APP-4", target "APP-5"
    const source = await givenStructureWith('Source', 'view', [0, 'APP-1'], [1, 'APP-2'], [0, 'APP-4']);
    const folder = (await edit(source, [{ kind: 'add-folder', name: 'Theme', under: 0, before: 1 }])).addedRowIds[0]!;
    await edit(source, [{ kind: 'move', rowIds: [await rowIdOf(source, 'APP-1')], under: folder }]);
    const target = await givenStructureWith('Target', 'edit', [0, 'APP-5']);
    const sourceBefore = await shape(source);
    // when: ed, who may only view the source, copies the folder into the target under APP-5
    const answer = data(
      await paste('ed', {
        structureId: target,
        from: { structureId: source, rowIds: [folder] },
        under: await rowIdOf(target, 'APP-5'),
      }),
    );
    // then: the target has a new folder of the same name, with APP-1 > APP-2 under it
    expect(answer.counts).toEqual({ added: 3, moved: 0, removed: 0 });
    const newFolder = answer.addedRowIds[0]!;
    expect(await shape(target)).toEqual(rows([0, 'APP-5'], [1, -newFolder], [2, 'APP-1'], [3, 'APP-2']));
    expect((await page(target)).folderNames).toEqual({ [String(newFolder)]: 'Theme' });
    expect(await shape(source)).toEqual(sourceBefore);
  });

  it('cuts rows out of one structure into another: added in the target, then removed from the source', async () => {
    const source = await givenStructureWith('Cut source', 'edit', [0, 'APP-1'], [1, 'APP-2'], [0, 'APP-4']);
    const target = await givenStructureWith('Cut target', 'edit');
    const answer = data(
      await paste('ed', {
        structureId: target,
        from: { structureId: source, rowIds: [await rowIdOf(source, 'APP-1')] },
        cut: true,
      }),
    );
    expect(answer).toMatchObject({ sourceRemoved: true, counts: { added: 2 } });
    expect(await shape(target)).toEqual(rows([0, 'APP-1'], [1, 'APP-2']));
    expect(await shape(source)).toEqual(rows([0, 'APP-4']));
    // and each structure's history has its own change
    const history = data(await local.site.invokeAs('ed', 'listStructureHistory', { structureId: source }));
    expect(history.entries[0]).toMatchObject({ kind: 'edit', counts: { removed: 2 } });
  });

  it('moves on a cut within one structure, and adds new rows on a copy', async () => {
    const structureId = await givenStructureWith('Same', 'edit', [0, 'APP-1'], [0, 'APP-4']);
    const [app1, app4] = [await rowIdOf(structureId, 'APP-1'), await rowIdOf(structureId, 'APP-4')];
    const moved = data(
      await paste('ed', { structureId, from: { structureId, rowIds: [app1] }, cut: true, under: app4 }),
    );
    expect(moved.counts).toEqual({ added: 0, moved: 1, removed: 0 });
    expect(await shape(structureId)).toEqual(rows([0, 'APP-4'], [1, 'APP-1']));
    const copied = data(await paste('ed', { structureId, from: { structureId, rowIds: [app4] } }));
    expect(copied.counts.added).toBe(2);
    expect(await shape(structureId)).toEqual(rows([0, 'APP-4'], [1, 'APP-1'], [0, 'APP-4'], [1, 'APP-1']));
  });

  it('keeps the paste and says so when the cut rows cannot leave the source, which changed meanwhile', async () => {
    // given: Jira answers searches slowly, so the source can change while the paste is under way
    const source = await givenStructureWith('Changing source', 'edit', [0, 'APP-1'], [0, 'APP-4']);
    const target = await givenStructureWith('Steady target', 'edit');
    const app1 = await rowIdOf(source, 'APP-1');
    local.site.jira.faults.setLatency({ ms: 600, match: 'search/jql' });
    try {
      // when: ed cuts APP-1; while the paste waits on Jira, the source is rebuilt with new rows
      const answer = paste('ed', { structureId: target, from: { structureId: source, rowIds: [app1] }, cut: true });
      await new Promise((r) => setTimeout(r, 300));
      await givenForest(source, [[0, id('APP-4')]]);
      // then: the target has APP-1; the answer says the rows could not be taken out of the source
      expect(data(await answer)).toMatchObject({
        sourceRemoved: false,
        sourceProblem: expect.stringMatching(
          new RegExp(
            `^The rows were pasted, but could not be taken out of the structure you cut them from: Row ${app1} is not in the structure any more\\. Look at that structure`,
          ),
        ),
      });
      expect(await shape(target)).toEqual(rows([0, 'APP-1']));
      expect(await shape(source)).toEqual(rows([0, 'APP-4']));
    } finally {
      local.site.jira.faults.clear();
    }
  });

  it('refuses a cut from a structure the person may only view, and a copy of rows they cannot see, pasting nothing', async () => {
    const viewOnly = await givenStructureWith('View only', 'view', [0, 'APP-1']);
    const withHidden = await givenStructureWith('Hidden inside', 'view', [0, 'APP-1'], [1, 'OPS-1']);
    const target = await givenStructureWith('Target of refusals', 'edit', [0, 'APP-5']);
    const before = await shape(target);
    expect(
      await paste('ed', {
        structureId: target,
        from: { structureId: viewOnly, rowIds: [await rowIdOf(viewOnly, 'APP-1')] },
        cut: true,
      }),
    ).toMatchObject({ ok: false, error: { code: 'PERMISSION_LEVEL' } });
    // pat cannot browse OPS: the row under APP-1 holds an issue pat cannot see
    expect(
      await paste('pat', {
        structureId: target,
        from: { structureId: withHidden, rowIds: [await rowIdOf(withHidden, 'APP-1')] },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_EDIT', field: 'from.rowIds.0', message: expect.stringContaining('cannot see') },
    });
    expect(await shape(target)).toEqual(before);
  });
});
