// previewUndo says what undoing an import will change — rows removed, put back and moved back — for the
// confirmation the UI shows before undoImport (there is no redo). It changes nothing, and refuses
// exactly when the undo would.
import { id } from './support/dataset';
import { data, givenForest, givenStructure, runImport, shape, useSite } from './support/site';

const local = useSite();

const jql = (q: string) => ({ kind: 'jql', jql: q });

/** APP-1, APP-2, APP-5 at the top; an import under APP-1 moves APP-5 there, adds OPS-1 and removes APP-2. */
async function givenImported(owner: 'olivia' | 'pat' = 'olivia') {
  const structure = await givenStructure(local.site, owner, 'Undo preview');
  await givenForest(structure.id, [
    [0, id('APP-1')],
    [0, id('APP-2')],
    [0, id('APP-5')],
  ]);
  const before = await shape(structure.id);
  const imported = await runImport(local.site, owner, structure.id, {
    source: jql('key in (APP-5, OPS-1) ORDER BY key ASC'),
    add: { at: 'under', issueKey: 'APP-1' },
    allowMove: true,
    remove: true,
  });
  expect(imported.result).toMatchObject({ added: 1, moved: 1, removed: 1 });
  return { structureId: structure.id, before, imported };
}

describe('previewUndo', () => {
  it('counts the rows the undo removes, puts back and moves back, and changes nothing', async () => {
    // given
    const { structureId, before, imported } = await givenImported();
    const after = await shape(structureId);
    // when
    const preview = data(await local.site.invokeAs('olivia', 'previewUndo', { jobId: imported.id }));
    // then
    expect(preview).toEqual({
      jobId: imported.id,
      importedBy: 'you',
      finishedAt: imported.finishedAt,
      removed: 1,
      restored: 1,
      moved: 1,
      rowsNow: 3,
      rowsAfter: 3,
    });
    expect(await shape(structureId)).toEqual(after);
    expect(data(await local.site.invokeAs('olivia', 'getJob', { jobId: imported.id })).undoable).toBe(true);
    // and the undo then does what it said
    data(await local.site.invokeAs('olivia', 'undoImport', { jobId: imported.id }));
    expect(await shape(structureId)).toEqual(before);
  });

  it('refuses where the undo would: already undone, too low a level, rows the caller cannot see', async () => {
    // given
    const { imported } = await givenImported();
    const shared = await givenImported();
    data(
      await local.site.invokeAs('olivia', 'setPermissions', {
        structureId: shared.structureId,
        rules: [{ subject: { type: 'user', accountId: 'acc-pat' }, level: 'control' }],
      }),
    );
    data(await local.site.invokeAs('olivia', 'undoImport', { jobId: imported.id }));
    // when
    const undone = await local.site.invokeAs('olivia', 'previewUndo', { jobId: imported.id });
    const stranger = await local.site.invokeAs('pat', 'previewUndo', { jobId: imported.id });
    const hidden = await local.site.invokeAs('pat', 'previewUndo', { jobId: shared.imported.id });
    const hiddenUndo = await local.site.invokeAs('pat', 'undoImport', { jobId: shared.imported.id });
    // then
    expect(undone).toEqual({
      ok: false,
      error: { code: 'UNDO_NOT_POSSIBLE', message: 'This import was already undone.' },
    });
    expect(stranger).toMatchObject({
      ok: false,
      error: { code: expect.stringMatching(/PERMISSION_LEVEL|STRUCTURE_NOT_FOUND/) },
    });
    // OPS-1, which the undo would remove, is hidden from pat: the same refusal as the undo's.
    expect(hidden).toEqual(hiddenUndo);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'UNDO_NOT_POSSIBLE' } });
    expect(!hidden.ok && hidden.error.message).toMatch(/1 row of issues you cannot see.*run by Olivia Owner/);
  });
});
