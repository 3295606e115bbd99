// The structure view's columns through the real resolvers: saved per structure, read back by every
// viewer, changed only with edit, validated, and deleted with the structure.
import type { StructureColumn } from '../../src/contract';
import { data, givenStructure, useSite } from './support/site';

const local = useSite();

const columns: StructureColumn[] = [
  { kind: 'field', field: 'key' },
  { kind: 'field', field: 'summary', width: 300 },
  { kind: 'field', field: 'customfield_10016' },
  { kind: 'sum', field: 'customfield_10016' },
  { kind: 'progress' },
];

async function givenSharedStructure() {
  const structure = await givenStructure(local.site);
  data(
    await local.site.invokeAs('olivia', 'setPermissions', {
      structureId: structure.id,
      rules: [
        { subject: { type: 'group', groupName: 'editors' }, level: 'edit' },
        { subject: { type: 'group', groupName: 'partners' }, level: 'view' },
      ],
    }),
  );
  return structure;
}

describe('structure columns', () => {
  it('shows the default four columns until someone saves others', async () => {
    // given
    const structure = await givenStructure(local.site);
    // when
    const read = data(await local.site.invokeAs('olivia', 'getStructureColumns', { structureId: structure.id }));
    // then
    expect(read).toEqual({
      structureId: structure.id,
      saved: false,
      canChange: true,
      columns: [
        { kind: 'field', field: 'key' },
        { kind: 'field', field: 'summary' },
        { kind: 'field', field: 'status' },
        { kind: 'field', field: 'assignee' },
      ],
    });
  });

  it('saves the columns of an editor, which every viewer then reads', async () => {
    // given
    const structure = await givenSharedStructure();
    // when: ed has edit through "editors"
    const saved = data(await local.site.invokeAs('ed', 'setStructureColumns', { structureId: structure.id, columns }));
    const byViewer = data(await local.site.invokeAs('pat', 'getStructureColumns', { structureId: structure.id }));
    const byOwner = data(await local.site.invokeAs('olivia', 'getStructureColumns', { structureId: structure.id }));
    // then
    expect(saved).toEqual({ structureId: structure.id, columns, saved: true, canChange: true });
    expect(byViewer).toEqual({ structureId: structure.id, columns, saved: true, canChange: false });
    expect(byOwner.columns).toEqual(columns);
  });

  it('refuses a viewer at view level, and keeps the saved columns', async () => {
    // given
    const structure = await givenSharedStructure();
    data(await local.site.invokeAs('olivia', 'setStructureColumns', { structureId: structure.id, columns }));
    // when
    const answer = await local.site.invokeAs('pat', 'setStructureColumns', {
      structureId: structure.id,
      columns: [{ kind: 'field', field: 'key' }],
    });
    // then
    expect(answer).toMatchObject({ ok: false, error: { code: 'PERMISSION_LEVEL', needed: 'edit' } });
    expect(answer.ok || answer.error.message).toBe(
      'This needs the edit permission level on structure "Release plan"; you have view.',
    );
    const read = data(await local.site.invokeAs('olivia', 'getStructureColumns', { structureId: structure.id }));
    expect(read.columns).toEqual(columns);
  });

  it('refuses someone without access to read them', async () => {
    // given: no rule for pat
    const structure = await givenStructure(local.site);
    // when
    const answer = await local.site.invokeAs('pat', 'getStructureColumns', { structureId: structure.id });
    // then
    expect(answer).toMatchObject({ ok: false, error: { code: 'PERMISSION_LEVEL' } });
  });

  it('refuses a column list that fails validation, naming the column, and changes nothing', async () => {
    // given
    const structure = await givenStructure(local.site);
    data(await local.site.invokeAs('olivia', 'setStructureColumns', { structureId: structure.id, columns }));
    // when
    const unknown = await local.site.invokeAs('olivia', 'setStructureColumns', {
      structureId: structure.id,
      columns: [
        { kind: 'field', field: 'key' },
        { kind: 'field', field: 'password' },
      ],
    });
    const twice = await local.site.invokeAs('olivia', 'setStructureColumns', {
      structureId: structure.id,
      columns: [{ kind: 'field', field: 'key' }, { kind: 'progress' }, { kind: 'progress' }],
    });
    const tooMany = await local.site.invokeAs('olivia', 'setStructureColumns', {
      structureId: structure.id,
      columns: Array.from({ length: 21 }, (_, i) =>
        i === 0 ? { kind: 'field' as const, field: 'key' } : { kind: 'field' as const, field: `customfield_${i}` },
      ),
    });
    // then
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', field: 'columns.1.field' } });
    expect(twice).toEqual({
      ok: false,
      error: { code: 'INVALID_PAYLOAD', field: 'columns.2', message: 'columns.2: is already a column of the list' },
    });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', field: 'columns' } });
    const read = data(await local.site.invokeAs('olivia', 'getStructureColumns', { structureId: structure.id }));
    expect(read.columns).toEqual(columns);
  });

  it('deletes the columns with the structure', async () => {
    // given
    const structure = await givenStructure(local.site);
    data(await local.site.invokeAs('olivia', 'setStructureColumns', { structureId: structure.id, columns }));
    expect(local.site.rt.kvs.peek(`columns:${structure.id}`)).toBeDefined();
    // when
    data(await local.site.invokeAs('olivia', 'deleteStructure', { structureId: structure.id }));
    // then
    expect(local.site.rt.kvs.peek(`columns:${structure.id}`)).toBeUndefined();
    expect(await local.site.invokeAs('olivia', 'getStructureColumns', { structureId: structure.id })).toMatchObject({
      ok: false,
      error: { code: 'STRUCTURE_NOT_FOUND' },
    });
  });
});
