// Issue 6's acceptance in a real browser: Debian's Chromium drives the host page of the dev server,
// which runs the real resolvers, worker, KVS and Jira emulator. A screenshot of every step goes to
// test-results/screenshots/e2e-*.png.
import type { Frame } from 'playwright-core';
import { DEMO_USERS } from '../../local/dataset/build-demo';
import { audit } from './support/a11y';
import { appFrame, screenshot } from './support/browser';
import { useDevServerBrowser } from './support/devServerBrowser';
import type { LooseAnswer } from './support/localInvoke';

const { alice, priya, dan } = DEMO_USERS; // alice: Jira admin; priya: every project; dan: not SEC

const e2e = useDevServerBrowser();

/** Opens the host page as a user on a module and app path; answers the app's frame. */
async function openAs(user: { accountId: string }, module: 'global' | 'admin', appPath = '/'): Promise<Frame> {
  await e2e.page.goto(`${e2e.server.url}/?as=${user.accountId}&module=${module}#${appPath}`);
  return appFrame(e2e.page);
}

const shot = (name: string) => screenshot(e2e.page, `e2e-${name}`);

type Answer = LooseAnswer<{ synchronizersEnabled?: boolean }>;
const invoke = (key: string, payload: unknown, accountId: string): Promise<Answer> =>
  e2e.invoke(key, payload, accountId);

/** What Jira shows this user for a JQL, read straight from the emulator. */
async function visibleKeys(jql: string, user: { accountId: string }): Promise<string[]> {
  const res = await fetch(`${e2e.server.url}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forge-account-id': user.accountId },
    body: JSON.stringify({ jql, fields: ['key'], maxResults: 5000 }),
  });
  const body = (await res.json()) as { issues?: { key: string }[]; errorMessages?: string[] };
  if (!body.issues) throw new Error(`Jira refused ${jql}: ${body.errorMessages?.join(' ')}`);
  return body.issues.map((i) => i.key);
}

async function until(condition: () => Promise<boolean>, timeoutMs = 10000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('Timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const JQL = 'project in (PLAT, SEC) ORDER BY key ASC';
let structureId = '';

describe('Structure Sync in the browser', () => {
  it('lets a Jira admin turn synchronizers on', async () => {
    // given
    const app = await openAs(alice, 'admin');
    await app.getByText('Advanced configuration and dark features').waitFor();
    await app.getByText('Synchronizers are hidden by default').waitFor();
    await shot('01-admin-off');
    // when
    await app.getByTestId('synchronizers-toggle').click();
    // then
    await until(async () => (await invoke('getSettings', {}, alice.accountId)).data?.synchronizersEnabled === true);
    await shot('02-admin-on');
  });

  it('lets a user create a structure, import with a Filter JQL, watch the job finish and see the tree', async () => {
    // given
    let app = await openAs(priya, 'global');
    await app.getByRole('button', { name: 'Create structure' }).first().click();
    await app.getByLabel('Name').fill('Platform and security');
    await app.getByRole('button', { name: 'Create', exact: true }).click();
    await app.getByText('This structure is empty').waitFor();
    structureId = decodeURIComponent(/#\/structure\/([^/?]+)/.exec(e2e.page.url())![1]!);
    await shot('03-created');
    // when
    await app.getByRole('button', { name: 'Import' }).first().click();
    await app.getByLabel('JQL', { exact: true }).fill(JQL);
    await app.getByRole('button', { name: 'Preview' }).click();
    await app.getByTestId('import-preview').waitFor();
    await shot('04-preview');
    await app.getByRole('button', { name: 'Run Import' }).click();
    const dialog = app.getByRole('dialog');
    await dialog.getByText('may change the structure as a whole').waitFor();
    await shot('05-confirm');
    await dialog.getByRole('button', { name: 'Run import' }).click();
    // then
    await app.getByTestId('job-state').waitFor();
    await app.getByRole('button', { name: 'Open structure' }).waitFor({ timeout: 60000 });
    expect(await app.getByTestId('job-state').textContent()).toBe('Finished');
    const expected = await visibleKeys(JQL, priya);
    expect(await app.getByTestId('result-added').textContent()).toBe(String(expected.length));
    await shot('06-job-finished');
    // when
    await app.getByRole('button', { name: 'Open structure' }).click();
    await app.getByTestId('forest-tree').waitFor();
    // then
    await app.getByText(`${expected.length} rows`, { exact: true }).waitFor();
    await app.locator('#row-1').getByText(expected[0]!).waitFor();
    await shot('07-structure');

    // and it is shared with everyone at view level, through the permissions page
    app = await openAs(priya, 'global', `/structure/${structureId}/permissions`);
    await app.getByText('Priya Raman').waitFor();
    await app.getByRole('button', { name: 'Add rule' }).click();
    // and with Dan by name, picked from Jira's user search
    await app.getByRole('button', { name: 'Add rule' }).click();
    await app.getByLabel('Rule 2 subject type').click();
    await app.getByRole('option', { name: 'User', exact: true }).click();
    await app.getByLabel('Rule 2 user').pressSequentially('dan');
    await shot('08a-permissions-user-search');
    await app.getByRole('option', { name: 'Dan Okafor' }).click();
    // and with the Developers of Platform, picked from the project's roles
    await app.getByRole('button', { name: 'Add rule' }).click();
    await app.getByLabel('Rule 3 subject type').click();
    await app.getByRole('option', { name: 'Project role' }).click();
    await app.getByLabel('Rule 3 project', { exact: true }).pressSequentially('plat');
    await app.getByRole('option', { name: 'Platform (PLAT)' }).click();
    await app.getByLabel('Rule 3 project role').click();
    await app.getByRole('option', { name: 'Developers' }).click();
    await app.getByRole('button', { name: 'Save permissions' }).click();
    await app.getByText('Permissions saved').waitFor();
    await app.getByText('Dan Okafor').waitFor();
    await shot('08-permissions');
    const saved = (await invoke('getStructure', { structureId }, priya.accountId)) as Answer & {
      data?: { rules?: unknown[] };
    };
    expect(saved.data?.rules).toEqual([
      { subject: { type: 'anyone' }, level: 'view' },
      { subject: { type: 'user', accountId: dan.accountId }, level: 'view' },
      { subject: { type: 'projectRole', projectKey: 'PLAT', roleName: 'Developers' }, level: 'view' },
    ]);
  });

  it('shows no Import link to a user without control, and the server refuses startImport', async () => {
    // given
    const app = await openAs(dan, 'global');
    await app.getByRole('link', { name: 'Open Platform and security' }).waitFor();
    await shot('09-no-control');
    // then
    expect(await app.getByTestId('op-import').count()).toBe(0);
    // when
    const answer = await invoke(
      'startImport',
      { structureId, synchronizer: 'filter', params: { source: { kind: 'jql', jql: JQL }, add: { at: 'top' } } },
      dan.accountId,
    );
    // then
    expect(answer).toMatchObject({ ok: false, error: { code: 'PERMISSION_LEVEL', needed: 'control' } });
  });

  it("shows Jira's message next to the field for an invalid JQL", async () => {
    // given
    const app = await openAs(priya, 'global', `/structure/${structureId}/import`);
    await app.getByLabel('JQL', { exact: true }).fill('project = = PLAT');
    // when
    await app.getByRole('button', { name: 'Preview' }).click();
    // then
    const message = app.getByTestId('param-source-jql-error');
    await message.getByText(/Error in the JQL Query/).waitFor();
    expect(await app.getByLabel('JQL', { exact: true }).getAttribute('aria-describedby')).toBe(
      'param-source-jql-error',
    );
    await shot('10-invalid-jql');
  });

  it('hides from a restricted user the issues it cannot see', async () => {
    // given
    // Dan may not browse SEC at all (Jira even refuses a JQL naming it), and not PLAT's confidential issues.
    const danSees = await visibleKeys('project = PLAT ORDER BY key ASC', dan);
    const priyaSees = await visibleKeys(JQL, priya);
    expect(danSees.length).toBeLessThan(priyaSees.length);
    // when
    const app = await openAs(dan, 'global', `/structure/${structureId}`);
    await app.getByTestId('forest-tree').waitFor();
    // then
    await app.getByText(new RegExp(`^${danSees.length} rows`)).waitFor();
    await app
      .getByText(`${priyaSees.length - danSees.length} rows hidden because you cannot see their issues`, {
        exact: false,
      })
      .waitFor();
    const hiddenKey = priyaSees.find((k) => !danSees.includes(k))!;
    await app.getByLabel('Find issue by key').fill(hiddenKey);
    await app.getByRole('button', { name: 'Find' }).click();
    await app
      .getByTestId('tree-message')
      .getByText(`${hiddenKey} was not found in Jira, or you cannot see it.`)
      .waitFor();
    await shot('11-restricted-view');
  });

  it('undoes a finished import from its job page', async () => {
    // given: a fresh structure filled by an import
    const app = await openAs(priya, 'global');
    await app.getByRole('button', { name: 'Create structure' }).first().click();
    await app.getByLabel('Name').fill('Mobile, briefly');
    await app.getByRole('button', { name: 'Create', exact: true }).click();
    await app.getByText('This structure is empty').waitFor();
    await app.getByRole('button', { name: 'Import' }).first().click();
    await app.getByLabel('JQL', { exact: true }).fill('project = MOB ORDER BY key ASC');
    await app.getByRole('button', { name: 'Run Import' }).click();
    await app.getByRole('dialog').getByRole('button', { name: 'Run import' }).click();
    await app.getByRole('button', { name: 'Undo import' }).waitFor({ timeout: 60000 });
    // when
    await app.getByRole('button', { name: 'Undo import' }).click();
    await app.getByTestId('confirm-undo').getByRole('button', { name: 'Undo import' }).click();
    // then
    await app.getByRole('heading', { name: 'Undo job' }).waitFor();
    await app.getByRole('button', { name: 'Open structure' }).waitFor({ timeout: 60000 });
    await shot('12-undo-finished');
    await app.getByRole('button', { name: 'Open structure' }).click();
    await app.getByText('This structure is empty').waitFor();
  });

  it('has no WCAG 2 A/AA violations that axe-core can find on its main pages', async () => {
    for (const [user, module, appPath] of [
      [alice, 'admin', '/'],
      [priya, 'global', '/'],
      [priya, 'global', `/structure/${structureId}`],
      [priya, 'global', `/structure/${structureId}/import`],
      [priya, 'global', `/structure/${structureId}/permissions`],
    ] as const) {
      const app = await openAs(user, module, appPath);
      await e2e.page.waitForTimeout(500);
      expect({ appPath, violations: await audit(app) }).toEqual({ appPath, violations: [] });
    }
  });
});
