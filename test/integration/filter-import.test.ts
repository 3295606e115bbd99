// Filter import end to end: resolvers → queue → worker (as the user) → Jira emulator → KVS.
import { id } from './support/dataset';
import { data, givenForest, givenStructure, runImport, shape, useSite } from './support/site';

const local = useSite();

const top = { at: 'top' } as const;
const jql = (q: string) => ({ kind: 'jql', jql: q });

describe('Filter import', () => {
  it('adds the issues of a JQL query at the top level, in result order', async () => {
    // given
    const structure = await givenStructure(local.site);
    // when
    const job = await runImport(local.site, 'olivia', structure.id, {
      source: jql('project = OPS ORDER BY key DESC'),
      add: top,
    });
    // then
    expect(job).toMatchObject({ state: 'finished', result: { added: 4, moved: 0, removed: 0, unchanged: 0 } });
    expect(await shape(structure.id)).toEqual([
      '0:' + id('OPS-4'),
      '0:' + id('OPS-3'),
      '0:' + id('OPS-2'),
      '0:' + id('OPS-1'),
    ]);
    expect(job.cost.jiraCalls).toBeGreaterThan(0);
    expect(job.progress).toMatchObject({ phase: 'finished', done: 4 });
  });

  it('adds the issues of a saved filter', async () => {
    const structure = await givenStructure(local.site);
    const job = await runImport(local.site, 'olivia', structure.id, {
      source: { kind: 'filter', filterId: '10002' },
      add: top,
    });
    expect(job.result).toMatchObject({ added: 6 });
    expect((await shape(structure.id)).length).toBe(6);
  });

  it('does not add an issue that is already in the structure, wherever it is', async () => {
    // given: OPS-1 sits under APP-1
    const structure = await givenStructure(local.site);
    await givenForest(structure.id, [
      [0, id('APP-1')],
      [1, id('OPS-1')],
    ]);
    // when
    const job = await runImport(local.site, 'olivia', structure.id, {
      source: jql('project = OPS ORDER BY key ASC'),
      add: top,
    });
    // then
    expect(job.result).toMatchObject({ added: 3, unchanged: 1 });
    expect(await shape(structure.id)).toEqual([
      `0:${id('APP-1')}`,
      `1:${id('OPS-1')}`,
      `0:${id('OPS-2')}`,
      `0:${id('OPS-3')}`,
      `0:${id('OPS-4')}`,
    ]);
  });

  it('writes nothing to the forest when an import is repeated with nothing changed', async () => {
    // given
    const structure = await givenStructure(local.site);
    await runImport(local.site, 'olivia', structure.id, { source: jql('project = APP'), add: top });
    const before = data(
      await local.site.invokeAs('olivia', 'getStructure', { structureId: structure.id }),
    ).forestVersion;
    // when
    const again = await runImport(local.site, 'olivia', structure.id, { source: jql('project = APP'), add: top });
    // then
    expect(again.result).toMatchObject({ added: 0, unchanged: 6 });
    expect(again.cost.forestWrites).toBe(0);
    expect(data(await local.site.invokeAs('olivia', 'getStructure', { structureId: structure.id })).forestVersion).toBe(
      before,
    );
  });
});
