// Installed synchronizers: control to install, they start disabled and run as the installer, edit and
// remove, not available once the run-as user lost control.
import { people } from './support/dataset';
import { data, givenStructure, useSite } from './support/site';

const local = useSite();

const params = { source: { kind: 'jql', jql: 'project = APP' }, add: { at: 'top' } };
const rule = (who: keyof typeof people, level: 'edit' | 'control') => ({
  subject: { type: 'user' as const, accountId: people[who].accountId },
  level,
});

describe('Installed synchronizers', () => {
  it('refuses an install from a user with edit but not control', async () => {
    // given
    const structure = await givenStructure(local.site);
    data(
      await local.site.invokeAs('olivia', 'setPermissions', { structureId: structure.id, rules: [rule('ed', 'edit')] }),
    );
    // when
    const answer = await local.site.invokeAs('ed', 'installSynchronizer', {
      structureId: structure.id,
      synchronizer: 'filter',
      params,
    });
    // then
    expect(answer).toMatchObject({ ok: false, error: { code: 'PERMISSION_LEVEL', needed: 'control' } });
  });

  it('installs disabled, running as the installer, with a readable summary; edits and removes', async () => {
    // given
    const structure = await givenStructure(local.site);
    // when
    const installed = data(
      await local.site.invokeAs('olivia', 'installSynchronizer', {
        structureId: structure.id,
        synchronizer: 'filter',
        params,
      }),
    ).synchronizer;
    // then
    expect(installed).toMatchObject({
      synchronizer: 'filter',
      label: 'Filter',
      directions: ['import'],
      runAs: 'acc-olivia',
      state: 'disabled',
      enabled: false,
    });
    expect(installed.paramsSummary).toBe('Issues from JQL "project = APP", added at the top level');
    // when
    const edited = data(
      await local.site.invokeAs('olivia', 'updateSynchronizer', {
        structureId: structure.id,
        synchronizerId: installed.id,
        params: { ...params, remove: true },
      }),
    ).synchronizer;
    // then
    expect(edited.paramsSummary).toMatch(/remove issues that no longer match/);
    expect(
      await local.site.invokeAs('olivia', 'updateSynchronizer', {
        structureId: structure.id,
        synchronizerId: installed.id,
        params: { source: { kind: 'jql', jql: '' } },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PARAMS' },
    });
    // when
    data(
      await local.site.invokeAs('olivia', 'removeSynchronizer', {
        structureId: structure.id,
        synchronizerId: installed.id,
      }),
    );
    // then
    expect(
      data(await local.site.invokeAs('olivia', 'listInstalledSynchronizers', { structureId: structure.id }))
        .synchronizers,
    ).toEqual([]);
    expect(
      await local.site.invokeAs('olivia', 'removeSynchronizer', {
        structureId: structure.id,
        synchronizerId: installed.id,
      }),
    ).toMatchObject({ ok: false, error: { code: 'SYNCHRONIZER_NOT_FOUND' } });
  });

  it('refuses parameters Jira rejects, naming the problem', async () => {
    // given
    const structure = await givenStructure(local.site);
    // when
    const answer = await local.site.invokeAs('olivia', 'installSynchronizer', {
      structureId: structure.id,
      synchronizer: 'filter',
      params: { source: { kind: 'jql', jql: 'project = = APP' }, add: { at: 'top' } },
    });
    // then
    expect(answer).toMatchObject({ ok: false, error: { code: 'JQL_INVALID' } });
    expect(
      data(await local.site.invokeAs('olivia', 'listInstalledSynchronizers', { structureId: structure.id }))
        .synchronizers,
    ).toEqual([]);
  });

  it('is not available once its run-as user lost control, and says why', async () => {
    // given: ed had control, installed and enabled a synchronizer, then lost control
    const structure = await givenStructure(local.site);
    data(
      await local.site.invokeAs('olivia', 'setPermissions', {
        structureId: structure.id,
        rules: [rule('ed', 'control')],
      }),
    );
    const installed = data(
      await local.site.invokeAs('ed', 'installSynchronizer', {
        structureId: structure.id,
        synchronizer: 'filter',
        params,
      }),
    ).synchronizer;
    data(
      await local.site.invokeAs('ed', 'setSynchronizerEnabled', {
        structureId: structure.id,
        synchronizerId: installed.id,
        enabled: true,
      }),
    );
    data(
      await local.site.invokeAs('olivia', 'setPermissions', { structureId: structure.id, rules: [rule('ed', 'edit')] }),
    );
    // when
    const listed = data(
      await local.site.invokeAs('olivia', 'listInstalledSynchronizers', { structureId: structure.id }),
    );
    // then
    expect(listed.canChange).toBe(true);
    expect(listed.synchronizers[0]).toMatchObject({ runAs: 'acc-ed', enabled: true, state: 'not-available' });
    expect(listed.synchronizers[0].notAvailableReason).toMatch(/no longer has control/);
    // and a viewer sees the list without being able to change it
    expect(
      data(await local.site.invokeAs('ed', 'listInstalledSynchronizers', { structureId: structure.id })).canChange,
    ).toBe(false);
  });
});

describe('Installed synchronizers whose run-as user Jira refuses', () => {
  it('are not available while Jira answers 401 as that user', async () => {
    // given: ed has control through the "editors" group (Jira must be asked), installed one, then was deactivated
    const structure = await givenStructure(local.site);
    data(
      await local.site.invokeAs('olivia', 'setPermissions', {
        structureId: structure.id,
        rules: [{ subject: { type: 'group', groupName: 'editors' }, level: 'control' }],
      }),
    );
    const installed = data(
      await local.site.invokeAs('ed', 'installSynchronizer', {
        structureId: structure.id,
        synchronizer: 'filter',
        params,
      }),
    ).synchronizer;
    const ed = local.site.jira.store.users.get(people.ed.accountId) as { active?: boolean };
    ed.active = false;
    try {
      // when
      const listed = data(
        await local.site.invokeAs('olivia', 'listInstalledSynchronizers', { structureId: structure.id }),
      ).synchronizers;
      // then
      expect(listed[0]).toMatchObject({ id: installed.id, state: 'not-available' });
      expect(listed[0].notAvailableReason).toMatch(/Jira refuses to act as the run-as user \(acc-ed\): HTTP 401/);
    } finally {
      ed.active = true;
    }
    // and once Jira accepts them again, it is back to its chosen state
    expect(
      data(await local.site.invokeAs('olivia', 'listInstalledSynchronizers', { structureId: structure.id }))
        .synchronizers[0],
    ).toMatchObject({ state: 'disabled' });
  });
});
