// Project-role rules: a structure shared with a project role reaches the role's user actors and the
// members of its group actors. Role membership is read as the app, once per call, and only when no
// cheaper fact already decides.
import type { Dataset } from '../../local/dataset/types';
import { APP_ACCOUNT_ID } from '../../local/emulator';
import type { PermissionRule } from '../../src/contract';
import { siteDataset } from './support/dataset';
import { data, givenStructure, givenSynchronizersEnabled, startSite, type Site } from './support/site';

/** APP's Developers: pat as a user actor; APP's Testers: the group "editors" (ed). */
function datasetWithRoles(): Dataset {
  const ds = siteDataset();
  ds.projects[0]!.roles = { Developers: { users: ['acc-pat'] }, Testers: { groups: ['editors'] } };
  return ds;
}

let site: Site;
beforeAll(async () => {
  site = await startSite(datasetWithRoles());
  await givenSynchronizersEnabled(site);
});
afterAll(async () => site?.close());

const params = { source: { kind: 'jql', jql: 'project = APP' }, add: { at: 'top' } };
const role = (roleName: string, level: PermissionRule['level'], projectKey = 'APP'): PermissionRule => ({
  subject: { type: 'projectRole', projectKey, roleName },
  level,
});

async function givenStructureSharedWith(rules: PermissionRule[]) {
  const structure = await givenStructure(site);
  data(await site.invokeAs('olivia', 'setPermissions', { structureId: structure.id, rules }));
  return structure;
}

describe('project-role rules', () => {
  it('lets a user actor of the role start an import when the role has control', async () => {
    // given
    const structure = await givenStructureSharedWith([role('Developers', 'control')]);
    // when
    const answer = await site.invokeAs('pat', 'startImport', {
      structureId: structure.id,
      synchronizer: 'filter',
      params,
    });
    // then
    expect(answer).toMatchObject({ ok: true, data: { job: { structureId: structure.id } } });
    await site.rt.queue.drain();
    const started = data(answer);
    expect(data(await site.invokeAs('pat', 'getJob', { jobId: started.job.id })).state).toBe('finished');
  });

  it('refuses a user outside the role', async () => {
    // given
    const structure = await givenStructureSharedWith([role('Developers', 'control')]);
    // when
    const answer = await site.invokeAs('ed', 'startImport', {
      structureId: structure.id,
      synchronizer: 'filter',
      params,
    });
    // then
    expect(answer).toMatchObject({ ok: false, error: { code: 'PERMISSION_LEVEL', needed: 'control' } });
    expect(await site.invokeAs('ed', 'getStructure', { structureId: structure.id })).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_LEVEL', needed: 'view' },
    });
  });

  it('lets members of a group actor in', async () => {
    // given: ed is in "editors", the Testers role's group actor
    const structure = await givenStructureSharedWith([role('Testers', 'control')]);
    // when
    const answer = await site.invokeAs('ed', 'startImport', {
      structureId: structure.id,
      synchronizer: 'filter',
      params,
    });
    // then
    expect(answer).toMatchObject({ ok: true });
    await site.rt.queue.drain();
  });

  it('gives the highest level among the roles the user is in', async () => {
    // given
    const structure = await givenStructureSharedWith([role('Testers', 'view'), role('Developers', 'edit')]);
    // when
    const pat = data(await site.invokeAs('pat', 'getStructure', { structureId: structure.id }));
    const ed = data(await site.invokeAs('ed', 'getStructure', { structureId: structure.id }));
    // then
    expect([pat.level, ed.level]).toEqual(['edit', 'view']);
  });

  it('matches nobody for a project or role that does not exist', async () => {
    // given
    const structure = await givenStructureSharedWith([role('Developers', 'view', 'GONE'), role('Ghosts', 'view')]);
    // when
    const answer = await site.invokeAs('pat', 'getStructure', { structureId: structure.id });
    // then
    expect(answer).toMatchObject({ ok: false, error: { code: 'PERMISSION_LEVEL' } });
  });

  it('reads a role as the app, once per call, and not at all when a cheaper fact decides', async () => {
    // given
    const structure = await givenStructureSharedWith([
      role('Developers', 'control'),
      role('Testers', 'edit'),
      { subject: { type: 'user', accountId: 'acc-ed' }, level: 'control' },
    ]);
    site.jira.ledger.reset();
    // when: pat is in Developers (control), so Testers is never read
    data(await site.invokeAs('pat', 'getStructure', { structureId: structure.id }));
    // then: the project's role list and the role, as the app; the user pays only the admin check
    expect(site.jira.ledger.get(APP_ACCOUNT_ID).calls).toBe(2);
    expect(site.jira.ledger.get('acc-pat').calls).toBe(1);
    // when: ed's user rule decides before any role is read
    site.jira.ledger.reset();
    data(await site.invokeAs('ed', 'getStructure', { structureId: structure.id }));
    // then
    expect(site.jira.ledger.get(APP_ACCOUNT_ID).calls).toBe(0);
  });
});
