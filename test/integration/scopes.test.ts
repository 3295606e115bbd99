// The app on an installation whose scopes fall short of what its calls need: Jira (and the Forge proxy)
// refuse, and the user is told what to do — a site admin must update and re-consent the app — instead of
// a job that "finished" with every write refused, or a bare 401.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { people } from './support/dataset';
import { BOARD_ID, exp, exportDataset } from './support/export-dataset';
import {
  APP_DIR,
  data,
  givenForest,
  givenStructure,
  givenSynchronizersEnabled,
  startSite,
  type Site,
} from './support/site';

const manifest = readFileSync(path.join(APP_DIR, 'manifest.yml'), 'utf8');

describe('an export on an installation without the rank scope', () => {
  let site: Site;
  beforeAll(async () => {
    const withoutRankScope = manifest.replace(/ +write:issue:jira-software:\n +allowImpersonation: true\n/, '');
    expect(withoutRankScope).not.toContain('write:issue:jira-software');
    site = await startSite(exportDataset(), { manifestText: withoutRankScope });
    await givenSynchronizersEnabled(site);
  });
  afterAll(async () => site?.close());

  async function boardOrder(): Promise<number[]> {
    const auth = Buffer.from(`${people.adam.email}:${people.adam.apiToken}`).toString('base64');
    const res = await fetch(`${site.jiraUrl}/rest/agile/1.0/board/${BOARD_ID}/issue?maxResults=100`, {
      headers: { Authorization: `Basic ${auth}` },
    });
    return ((await res.json()) as { issues: Array<{ id: string }> }).issues.map((i) => Number(i.id));
  }

  it('fails with a message that names the missing scope and who can fix it', async () => {
    // given: the stories in reverse order, so the export must rank
    const structure = await givenStructure(site);
    await givenForest(
      structure.id,
      [8, 7, 6, 5].map((n) => [0, exp(n)]),
    );
    const before = await boardOrder();
    // when
    const started = data(
      await site.invokeAs('olivia', 'startExport', {
        structureId: structure.id,
        synchronizer: 'agile',
        params: { source: { mode: 'board', boardId: BOARD_ID } },
      }),
    );
    await site.rt.drain();
    const job = data(await site.invokeAs('olivia', 'getJob', { jobId: started.job.id }));
    // then
    expect(job).toMatchObject({ state: 'failed', error: { code: 'APP_NOT_AUTHORIZED' } });
    expect(job.error?.message).toBe(
      'Jira refused to let the app rank issues: this installation lacks the write:issue:jira-software permission (scope). ' +
        'A Jira site admin must update Structure Sync in Settings › Apps › Manage apps and accept the permissions it asks for. ' +
        'The export stopped; changes written to Jira before this stay (see the log).',
    );
    expect(site.rt.jira.calls).toContainEqual(
      expect.objectContaining({ method: 'PUT', path: '/rest/agile/1.0/issue/rank', status: 401, refused: 'scope' }),
    );
    expect(await boardOrder()).toEqual(before);
  });
});

describe('a run-as user on an installation where read:jira-user does not allow impersonation', () => {
  let site: Site;
  beforeAll(async () => {
    const withoutImpersonation = manifest.replace(
      /read:jira-user:\n +allowImpersonation: true\n/,
      'read:jira-user: {}\n',
    );
    expect(withoutImpersonation).toContain('read:jira-user: {}');
    site = await startSite(undefined, { manifestText: withoutImpersonation });
    await givenSynchronizersEnabled(site);
  });
  afterAll(async () => site?.close());

  it('shows the installed synchronizer as not available, saying the app needs to be re-consented', async () => {
    // given: ed has control through the "editors" group, so his groups must be read from Jira (myself)
    const structure = await givenStructure(site);
    data(
      await site.invokeAs('olivia', 'setPermissions', {
        structureId: structure.id,
        rules: [{ subject: { type: 'group', groupName: 'editors' }, level: 'control' }],
      }),
    );
    const installed = data(
      await site.invokeAs('ed', 'installSynchronizer', {
        structureId: structure.id,
        synchronizer: 'filter',
        params: { source: { kind: 'jql', jql: 'project = APP' }, add: { at: 'top' } },
      }),
    ).synchronizer;
    // when: olivia looks, so the app asks Jira as ed while ed is not present (offline impersonation)
    const listed = data(
      await site.invokeAs('olivia', 'listInstalledSynchronizers', { structureId: structure.id }),
    ).synchronizers;
    // then
    expect(listed[0]).toMatchObject({ id: installed.id, state: 'not-available' });
    expect(listed[0].notAvailableReason).toMatch(
      /^Jira would not let the app read who the user is and their groups on behalf of the user it runs as: the app needs to be re-consented by a site admin for read:jira-user with user impersonation\./,
    );
    expect(site.rt.jira.calls).toContainEqual({
      method: 'GET',
      path: '/rest/api/3/myself?expand=groups',
      as: people.ed.accountId,
      status: 401,
      refused: 'impersonation',
    });
  });
});
