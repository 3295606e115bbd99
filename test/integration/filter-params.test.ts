// Every parameter of the Filter synchronizer's import, on hand-set structures, through the resolvers.
import { id } from './support/dataset';
import { data, givenForest, givenStructure, runImport, shape, useSite } from './support/site';

const local = useSite();

const jql = (q: string) => ({ kind: 'jql', jql: q });
const under = (issueKey: string) => ({ at: 'under', issueKey });
/** Expected rows as "depth:issueId" from [depth, key] pairs. */
const rows = (...r: Array<[number, string]>) => r.map(([d, k]) => `${d}:${id(k)}`);
const scene = async (...r: Array<[number, string]>) => {
  const structure = await givenStructure(local.site);
  await givenForest(
    structure.id,
    r.map(([d, k]) => [d, id(k)]),
  );
  return structure.id;
};

describe('Filter import: Add under an issue', () => {
  it('appends new issues at the end of the children of that issue’s row', async () => {
    // given
    const structureId = await scene([0, 'APP-1'], [1, 'APP-4'], [0, 'APP-5']);
    // when
    const job = await runImport(local.site, 'olivia', structureId, {
      source: jql('key in (OPS-1, OPS-2) ORDER BY key ASC'),
      add: under('APP-1'),
    });
    // then
    expect(job.result).toMatchObject({ added: 2 });
    expect(await shape(structureId)).toEqual(
      rows([0, 'APP-1'], [1, 'APP-4'], [1, 'OPS-1'], [1, 'OPS-2'], [0, 'APP-5']),
    );
  });

  it('adds nothing when that issue is not in the structure, and says so in the log', async () => {
    const structureId = await scene([0, 'APP-5']);
    const job = await runImport(local.site, 'olivia', structureId, {
      source: jql('key in (OPS-1)'),
      add: under('APP-1'),
    });
    expect(job).toMatchObject({ state: 'finished', result: { added: 0 } });
    expect(job.log.map((l) => l.message).join('\n')).toMatch(/APP-1 is not in the structure/);
    expect(await shape(structureId)).toEqual(rows([0, 'APP-5']));
  });

  it('moves matching issues that sit elsewhere under that issue with Allow move', async () => {
    // given: OPS-1 sits under APP-5
    const structureId = await scene([0, 'APP-1'], [0, 'APP-5'], [1, 'OPS-1']);
    // when
    const job = await runImport(local.site, 'olivia', structureId, {
      source: jql('key in (OPS-1, OPS-2) ORDER BY key ASC'),
      add: under('APP-1'),
      allowMove: true,
    });
    // then
    expect(job.result).toMatchObject({ added: 1, moved: 1 });
    expect(await shape(structureId)).toEqual(rows([0, 'APP-1'], [1, 'OPS-1'], [1, 'OPS-2'], [0, 'APP-5']));
  });

  it('leaves matching issues where they are without Allow move', async () => {
    const structureId = await scene([0, 'APP-1'], [0, 'APP-5'], [1, 'OPS-1']);
    const job = await runImport(local.site, 'olivia', structureId, {
      source: jql('key in (OPS-1, OPS-2) ORDER BY key ASC'),
      add: under('APP-1'),
    });
    expect(job.result).toMatchObject({ added: 1, moved: 0, unchanged: 1 });
    expect(await shape(structureId)).toEqual(rows([0, 'APP-1'], [1, 'OPS-2'], [0, 'APP-5'], [1, 'OPS-1']));
  });
});

describe('Filter import: Remove', () => {
  it('removes rows of issues that no longer match', async () => {
    const structureId = await scene([0, 'APP-4'], [0, 'OPS-1'], [0, 'OPS-2']);
    const job = await runImport(local.site, 'olivia', structureId, {
      source: jql('key in (OPS-1)'),
      add: { at: 'top' },
      remove: true,
    });
    expect(job.result).toMatchObject({ removed: 2, unchanged: 1 });
    expect(await shape(structureId)).toEqual(rows([0, 'OPS-1']));
  });

  it('keeps a row that does not match while it has children that stay', async () => {
    const structureId = await scene([0, 'APP-4'], [1, 'OPS-1']);
    const job = await runImport(local.site, 'olivia', structureId, {
      source: jql('key in (OPS-1)'),
      add: { at: 'top' },
      remove: true,
    });
    expect(job.result).toMatchObject({ removed: 0 });
    expect(await shape(structureId)).toEqual(rows([0, 'APP-4'], [1, 'OPS-1']));
  });

  it('removes only at the place it adds to with Remove only where added', async () => {
    // given: APP-4 under the place APP-1, APP-5 elsewhere
    const structureId = await scene([0, 'APP-1'], [1, 'APP-4'], [0, 'APP-5']);
    // when
    const job = await runImport(local.site, 'olivia', structureId, {
      source: jql('key in (OPS-1)'),
      add: under('APP-1'),
      remove: true,
      removeOnlyWhereAdded: true,
    });
    // then
    expect(job.result).toMatchObject({ added: 1, removed: 1 });
    expect(await shape(structureId)).toEqual(rows([0, 'APP-1'], [1, 'OPS-1'], [0, 'APP-5']));
  });

  it.each([
    [
      'without Double-check, sub-issues of a removed candidate stay',
      false,
      rows([0, 'APP-1'], [1, 'APP-4'], [2, 'APP-6'], [2, 'OPS-1'], [1, 'OPS-2']),
    ],
    [
      'with Double-check, non-matching sub-issues go unless they match on their own',
      true,
      rows([0, 'APP-1'], [1, 'APP-4'], [2, 'OPS-1'], [1, 'OPS-2']),
    ],
  ])('%s', async (_, doubleCheckSubIssues, expected) => {
    // given
    const structureId = await scene([0, 'APP-1'], [1, 'APP-4'], [2, 'APP-6'], [2, 'OPS-1']);
    // when
    await runImport(local.site, 'olivia', structureId, {
      source: jql('key in (OPS-1, OPS-2) ORDER BY key ASC'),
      add: under('APP-1'),
      remove: true,
      removeOnlyWhereAdded: true,
      doubleCheckSubIssues,
    });
    // then
    expect(await shape(structureId)).toEqual(expected);
  });
});

describe('Filter import as a user who sees only part of the issues', () => {
  it('never touches rows of issues the user cannot see', async () => {
    // given: pat (browses APP only) has control on olivia's structure holding OPS rows
    const structureId = await scene([0, 'APP-4'], [0, 'OPS-1'], [0, 'OPS-2']);
    data(
      await local.site.invokeAs('olivia', 'setPermissions', {
        structureId,
        rules: [{ subject: { type: 'user', accountId: 'acc-pat' }, level: 'control' }],
      }),
    );
    // when
    const job = await runImport(local.site, 'pat', structureId, {
      source: jql('key = APP-1'),
      add: { at: 'top' },
      remove: true,
    });
    // then: APP-4 removed; the OPS rows, invisible to pat, untouched
    expect(job.result).toMatchObject({ added: 1, removed: 1, skippedNotVisible: 2 });
    expect(await shape(structureId)).toEqual(rows([0, 'OPS-1'], [0, 'OPS-2'], [0, 'APP-1']));
  });

  it('shows the user only the rows they may see, with a placeholder for a hidden issue above visible ones', async () => {
    // given
    const structureId = await scene([0, 'OPS-1'], [1, 'APP-2'], [2, 'APP-3'], [0, 'APP-4'], [1, 'OPS-2'], [0, 'APP-5']);
    data(
      await local.site.invokeAs('olivia', 'setPermissions', {
        structureId,
        rules: [{ subject: { type: 'anyone' }, level: 'view' }],
      }),
    );
    // when
    const forPat = data(await local.site.invokeAs('pat', 'getForest', { structureId }));
    const forOlivia = data(await local.site.invokeAs('olivia', 'getForest', { structureId }));
    // then: OPS-1 stands in as a placeholder for APP-2's sake; OPS-2 has nothing visible under it
    expect(forPat.issueIds).toEqual([
      null,
      String(id('APP-2')),
      String(id('APP-3')),
      String(id('APP-4')),
      String(id('APP-5')),
    ]);
    expect(forPat.depths).toEqual([0, 1, 2, 0, 0]);
    expect(forPat).toMatchObject({ hiddenRows: 1, totalRows: 6 });
    expect(forOlivia.issueIds).toHaveLength(6);
  });

  it('keeps a hidden parent on its page when its visible children are on the next one', async () => {
    // given: pages of 2 rows; OPS-1's subtree spans the first and second page
    const structureId = await scene([0, 'OPS-1'], [1, 'OPS-2'], [1, 'APP-3'], [0, 'APP-4']);
    data(
      await local.site.invokeAs('olivia', 'setPermissions', {
        structureId,
        rules: [{ subject: { type: 'anyone' }, level: 'view' }],
      }),
    );
    // when
    const first = data(await local.site.invokeAs('pat', 'getForest', { structureId, limit: 2 }));
    const second = data(
      await local.site.invokeAs('pat', 'getForest', { structureId, limit: 2, cursor: first.nextCursor }),
    );
    // then
    expect(first).toMatchObject({ issueIds: [null], depths: [0], hiddenRows: 1 });
    expect(second).toMatchObject({ issueIds: [String(id('APP-3')), String(id('APP-4'))], depths: [1, 0] });
    expect(second.nextCursor).toBeUndefined();
  });
});
