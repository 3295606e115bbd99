// Whether a user sees a row never depends on whether they can see its parent: a hidden ancestor of a
// visible row is a placeholder (no key, no summary), and counts count rows, whatever they hold.
import { id } from './support/dataset';
import { data, givenForest, givenStructure, useSite } from './support/site';

const local = useSite();

/** A structure of olivia's, shared as anyone: view, holding these [depth, key] rows. */
async function givenSharedStructure(...rows: Array<[number, string]>): Promise<string> {
  const structure = await givenStructure(local.site, 'olivia', 'Shared plan');
  await givenForest(
    structure.id,
    rows.map(([depth, key]) => [depth, id(key)]),
  );
  data(
    await local.site.invokeAs('olivia', 'setPermissions', {
      structureId: structure.id,
      rules: [{ subject: { type: 'anyone' }, level: 'view' }],
    }),
  );
  return structure.id;
}

const ids = (...keys: Array<string | null>) => keys.map((k) => (k === null ? null : String(id(k))));

describe('getForest for a user who cannot see every issue', () => {
  it('shows a placeholder for each hidden ancestor of a visible row, at its own depth', async () => {
    // given: pat cannot browse OPS; APP-1 sits two hidden levels down
    const structureId = await givenSharedStructure([0, 'OPS-1'], [1, 'OPS-2'], [2, 'APP-1'], [0, 'APP-2']);
    // when
    const page = data(await local.site.invokeAs('pat', 'getForest', { structureId }));
    // then
    expect(page.issueIds).toEqual(ids(null, null, 'APP-1', 'APP-2'));
    expect(page.depths).toEqual([0, 1, 2, 0]);
    expect(page).toMatchObject({ hiddenRows: 0, totalRows: 4 });
  });

  it('leaves out a hidden row with nothing visible under it, even when its subtree runs onto the next page', async () => {
    // given
    const structureId = await givenSharedStructure([0, 'OPS-1'], [1, 'OPS-2'], [0, 'APP-4']);
    // when: pages of one row
    const first = data(await local.site.invokeAs('pat', 'getForest', { structureId, limit: 1 }));
    const second = data(
      await local.site.invokeAs('pat', 'getForest', { structureId, limit: 1, cursor: first.nextCursor }),
    );
    // then
    expect(first).toMatchObject({ issueIds: [], hiddenRows: 1 });
    expect(second).toMatchObject({ issueIds: [], hiddenRows: 1 });
  });

  it('shows the same rows whatever the page size', async () => {
    // given
    const structureId = await givenSharedStructure(
      [0, 'OPS-1'],
      [1, 'OPS-2'],
      [1, 'APP-1'],
      [2, 'OPS-3'],
      [0, 'OPS-4'],
      [1, 'APP-2'],
    );
    // when
    const whole = data(await local.site.invokeAs('pat', 'getForest', { structureId }));
    const paged: Array<string | null> = [];
    let cursor: string | undefined;
    do {
      const page = data(await local.site.invokeAs('pat', 'getForest', { structureId, limit: 2, cursor }));
      paged.push(...page.issueIds);
      cursor = page.nextCursor;
    } while (cursor);
    // then
    expect(whole.issueIds).toEqual(ids(null, 'APP-1', null, 'APP-2'));
    expect(paged).toEqual(whole.issueIds);
  });

  it('counts every row in listStructures, as totalRows does, and tells nobody which issues they are', async () => {
    // given
    const structureId = await givenSharedStructure([0, 'OPS-1'], [1, 'APP-1'], [0, 'OPS-2']);
    // when
    const { structures } = data(await local.site.invokeAs('pat', 'listStructures', {}));
    const page = data(await local.site.invokeAs('pat', 'getForest', { structureId }));
    // then
    expect(structures.find((s) => s.id === structureId)?.rowCount).toBe(3);
    expect(page).toMatchObject({ totalRows: 3, hiddenRows: 1, issueIds: ids(null, 'APP-1') });
    expect(JSON.stringify(page)).not.toContain(String(id('OPS-1')));
  });
});
