// Structures and permission levels: the server enforces the level on every resolver.
import { data, givenStructure, givenSynchronizersEnabled, runImport, useSite } from './support/site';

const local = useSite();

const params = { source: { kind: 'jql', jql: 'project = APP' }, add: { at: 'top' } };

describe('structures', () => {
  it('creates, renames, describes, lists and deletes a structure', async () => {
    // given
    const created = await givenStructure(local.site, 'olivia', 'Roadmap');
    // when
    const updated = data(
      await local.site.invokeAs('olivia', 'updateStructure', {
        structureId: created.id,
        name: 'Roadmap 2027',
        description: 'Next year',
      }),
    );
    const listed = data(await local.site.invokeAs('olivia', 'listStructures', { scope: 'mine' }));
    const deleted = await local.site.invokeAs('olivia', 'deleteStructure', { structureId: created.id });
    // then
    expect(created).toMatchObject({
      name: 'Roadmap',
      ownerAccountId: 'acc-olivia',
      level: 'control',
      rowCount: 0,
      forestVersion: 0,
    });
    expect(updated).toMatchObject({ name: 'Roadmap 2027', description: 'Next year' });
    expect(listed.structures.map((s) => s.id)).toContain(created.id);
    expect(deleted).toEqual({ ok: true, data: { deleted: true } });
    expect(await local.site.invokeAs('olivia', 'getStructure', { structureId: created.id })).toMatchObject({
      ok: false,
      error: { code: 'STRUCTURE_NOT_FOUND' },
    });
  });

  it('deletes a structure with its forest and jobs', async () => {
    // given
    const structure = await givenStructure(local.site);
    const job = await runImport(local.site, 'olivia', structure.id, params);
    expect(local.site.rt.kvs.peek(`forest:${structure.id}:1:0`)).toBeDefined();
    // when
    data(await local.site.invokeAs('olivia', 'deleteStructure', { structureId: structure.id }));
    // then
    expect(await local.site.invokeAs('olivia', 'getJob', { jobId: job.id })).toMatchObject({
      ok: false,
      error: { code: 'JOB_NOT_FOUND' },
    });
    expect(local.site.rt.kvs.peek(`forest:${structure.id}:1:0`)).toBeUndefined();
  });
});

describe('permission levels', () => {
  it('refuses an import from a user with edit but not control', async () => {
    // given: ed has edit through the group "editors"
    const structure = await givenStructure(local.site);
    data(
      await local.site.invokeAs('olivia', 'setPermissions', {
        structureId: structure.id,
        rules: [{ subject: { type: 'group', groupName: 'editors' }, level: 'edit' }],
      }),
    );
    // when
    const answer = local.site.invokeAs('ed', 'startImport', {
      structureId: structure.id,
      synchronizer: 'filter',
      params,
    });
    // then
    await expect(answer).resolves.toMatchObject({ ok: false, error: { code: 'PERMISSION_LEVEL', needed: 'control' } });
  });

  it('reports each user’s effective level', async () => {
    // given
    const structure = await givenStructure(local.site);
    data(
      await local.site.invokeAs('olivia', 'setPermissions', {
        structureId: structure.id,
        rules: [
          { subject: { type: 'anyone' }, level: 'view' },
          { subject: { type: 'group', groupName: 'editors' }, level: 'edit' },
          { subject: { type: 'user', accountId: 'acc-ed' }, level: 'automate' },
        ],
      }),
    );
    // when
    const level = async (who: 'olivia' | 'adam' | 'ed' | 'pat') =>
      data(await local.site.invokeAs(who, 'getStructure', { structureId: structure.id })).level;
    // then: owner and Jira admin have control; otherwise the highest matching rule
    expect(await level('olivia')).toBe('control');
    expect(await level('adam')).toBe('control');
    expect(await level('ed')).toBe('automate');
    expect(await level('pat')).toBe('view');
  });

  it('hides a structure from a user with no matching rule', async () => {
    // given
    const structure = await givenStructure(local.site);
    // when
    const get = await local.site.invokeAs('pat', 'getStructure', { structureId: structure.id });
    const list = data(await local.site.invokeAs('pat', 'listStructures', {}));
    // then
    expect(get).toMatchObject({ ok: false, error: { code: 'PERMISSION_LEVEL', needed: 'view' } });
    expect(list.structures.map((s) => s.id)).not.toContain(structure.id);
  });

  it.each([
    ['updateStructure', (id: string) => ({ structureId: id, name: 'x' })],
    ['deleteStructure', (id: string) => ({ structureId: id })],
    ['setPermissions', (id: string) => ({ structureId: id, rules: [] })],
    ['previewImport', (id: string) => ({ structureId: id, synchronizer: 'filter', params })],
  ] as const)('%s needs control', async (key, payload) => {
    const structure = await givenStructure(local.site);
    data(
      await local.site.invokeAs('olivia', 'setPermissions', {
        structureId: structure.id,
        rules: [{ subject: { type: 'user', accountId: 'acc-ed' }, level: 'automate' }],
      }),
    );
    const answer = await local.site.invokeAs('ed', key, payload(structure.id) as never);
    expect(answer).toMatchObject({ ok: false, error: { code: 'PERMISSION_LEVEL', needed: 'control' } });
  });
});

describe('app settings', () => {
  it('lets only a Jira admin change settings', async () => {
    const answer = await local.site.invokeAs('olivia', 'setSettings', { synchronizersEnabled: false });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_JIRA_ADMIN' } });
    expect(data(await local.site.invokeAs('olivia', 'getSettings', {}))).toEqual({
      synchronizersEnabled: true,
      canChange: false,
    });
    expect(data(await local.site.invokeAs('adam', 'getSettings', {}))).toEqual({
      synchronizersEnabled: true,
      canChange: true,
    });
  });

  it('refuses imports while synchronizers are disabled', async () => {
    // given
    const structure = await givenStructure(local.site);
    data(await local.site.invokeAs('adam', 'setSettings', { synchronizersEnabled: false }));
    try {
      // when
      const answer = await local.site.invokeAs('olivia', 'startImport', {
        structureId: structure.id,
        synchronizer: 'filter',
        params,
      });
      // then
      expect(answer).toMatchObject({ ok: false, error: { code: 'SYNCHRONIZERS_DISABLED' } });
    } finally {
      await givenSynchronizersEnabled(local.site);
    }
  });

  it('lists the Filter synchronizer with its parameter schema', async () => {
    const { synchronizers } = data(await local.site.invokeAs('olivia', 'listSynchronizers', {}));
    expect(synchronizers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          key: 'filter',
          directions: ['import'],
          paramsSchema: expect.objectContaining({ type: 'object' }),
          defaults: expect.objectContaining({ remove: false }),
        }),
      ]),
    );
  });
});

describe('listStructures', () => {
  it('lists the structures the caller may see, with their row counts', async () => {
    // given
    const seen = await givenStructure(local.site, 'olivia', 'Aardvark listing');
    await runImport(local.site, 'olivia', seen.id, params);
    // when
    const { structures } = data(await local.site.invokeAs('olivia', 'listStructures', { scope: 'mine' }));
    // then
    expect(structures.find((s) => s.id === seen.id)).toMatchObject({
      name: 'Aardvark listing',
      level: 'control',
      rowCount: 6,
    });
  });
});
