// Undo follows the import rule: rows of issues the undoing user cannot see are left alone. Undo restores
// a whole earlier forest, so an undo that would remove, restore or move such rows is refused, saying why.
import { id } from './support/dataset';
import { data, givenForest, givenStructure, runImport, shape, useSite } from './support/site';

const local = useSite();

const jql = (q: string) => ({ source: { kind: 'jql', jql: q }, add: { at: 'top' } });

/** olivia's structure, with pat (who cannot browse OPS) at control, holding these [depth, key] rows. */
async function givenStructureWithPatInControl(...rows: Array<[number, string]>): Promise<string> {
  const structure = await givenStructure(local.site, 'olivia', 'Shared backlog');
  await givenForest(
    structure.id,
    rows.map(([depth, key]) => [depth, id(key)]),
  );
  data(
    await local.site.invokeAs('olivia', 'setPermissions', {
      structureId: structure.id,
      rules: [{ subject: { type: 'user', accountId: 'acc-pat' }, level: 'control' }],
    }),
  );
  return structure.id;
}

const rowsOf = (...r: Array<[number, string]>) => r.map(([d, k]) => `${d}:${id(k)}`);

describe('undo as a user who cannot see every issue', () => {
  it('is refused, with the reason, when it would remove a row pat cannot see', async () => {
    // given: olivia's import added OPS-1 (hidden from pat) and APP-1
    const structureId = await givenStructureWithPatInControl([0, 'APP-4']);
    const imported = await runImport(local.site, 'olivia', structureId, jql('key in (OPS-1, APP-1) ORDER BY key'));
    const after = await shape(structureId);
    // when
    const answer = await local.site.invokeAs('pat', 'undoImport', { jobId: imported.id });
    // then
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNDO_NOT_POSSIBLE' } });
    expect(!answer.ok && answer.error.message).toMatch(
      /would remove, restore or move 1 row of issues you cannot see.*run by Olivia Owner/,
    );
    expect(await shape(structureId)).toEqual(after);
    expect(data(await local.site.invokeAs('pat', 'getJob', { jobId: imported.id })).undoable).toBe(true);
  });

  it('lets someone who can see every row it touches undo the same import', async () => {
    // given
    const structureId = await givenStructureWithPatInControl([0, 'APP-4']);
    const imported = await runImport(local.site, 'olivia', structureId, jql('key in (OPS-1, APP-1) ORDER BY key'));
    // when
    const answer = await local.site.invokeAs('olivia', 'undoImport', { jobId: imported.id });
    // then
    expect(answer).toMatchObject({ ok: true, data: { job: { kind: 'undo', state: 'finished' } } });
    expect(await shape(structureId)).toEqual(rowsOf([0, 'APP-4']));
  });

  it('goes ahead when the rows pat cannot see stay as they are', async () => {
    // given: OPS-2's row, hidden from pat, was there before olivia's import and stays put
    const structureId = await givenStructureWithPatInControl([0, 'OPS-2'], [0, 'APP-4']);
    const imported = await runImport(local.site, 'olivia', structureId, jql('key = APP-1'));
    // when
    const answer = await local.site.invokeAs('pat', 'undoImport', { jobId: imported.id });
    // then
    expect(answer).toMatchObject({ ok: true, data: { job: { kind: 'undo', state: 'finished' } } });
    expect(await shape(structureId)).toEqual(rowsOf([0, 'OPS-2'], [0, 'APP-4']));
  });
});

describe('resync as a user who cannot see every issue', () => {
  it('leaves rows pat cannot see alone, as his own import would', async () => {
    // given: olivia's Filter synchronizer that removes what no longer matches
    const structureId = await givenStructureWithPatInControl([0, 'OPS-3'], [0, 'APP-5']);
    const { synchronizer } = data(
      await local.site.invokeAs('olivia', 'installSynchronizer', {
        structureId,
        synchronizer: 'filter',
        params: { ...jql('key = APP-6'), remove: true },
      }),
    );
    // when: pat resyncs it by hand, as himself
    const started = data(
      await local.site.invokeAs('pat', 'resync', { structureId, synchronizerId: synchronizer.id, direction: 'import' }),
    );
    await local.site.rt.queue.drain();
    // then
    const job = data(await local.site.invokeAs('pat', 'getJob', { jobId: started.job.id }));
    expect(job).toMatchObject({ state: 'finished', startedBy: 'acc-pat', result: { skippedNotVisible: 1 } });
    expect(await shape(structureId)).toEqual(rowsOf([0, 'OPS-3'], [0, 'APP-6']));
  });
});
