// Issue 5's browser acceptance: Debian's Chromium drives the host page of the dev server (real
// resolvers, worker, KVS and Jira emulator). Export from the Export page with preview and
// confirmation, revert it; install the Agile synchronizer (disabled), resync it in each direction,
// read the settings page. Screenshots go to test-results/screenshots/sync-*.png.
import type { Frame } from 'playwright-core';
import { DEMO_USERS } from '../../local/dataset/build-demo';
import { audit } from './support/a11y';
import { appFrame, choose, screenshot } from './support/browser';
import { useDevServerBrowser } from './support/devServerBrowser';

const { alice, priya, dan } = DEMO_USERS; // alice: Jira admin; priya: every project; dan: not SEC

const e2e = useDevServerBrowser();

async function openAs(user: { accountId: string }, appPath = '/', theme: 'light' | 'dark' = 'light'): Promise<Frame> {
  await e2e.page.goto(
    `${e2e.server.url}/?as=${user.accountId}&module=global${theme === 'dark' ? '&theme=dark' : ''}#${appPath}`,
  );
  return appFrame(e2e.page);
}

const shot = (name: string) => screenshot(e2e.page, `sync-${name}`);
/** Modals fade in: wait for the animation, so the screenshot shows the dialog as people see it. */
const shotDialog = async (name: string) => {
  await e2e.page.waitForTimeout(600);
  await shot(name);
};

const invoke = e2e.invoke;

async function until(condition: () => Promise<boolean>, timeoutMs = 30000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('Timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The board's order as Jira ranks it, read straight from the emulator as Priya. */
async function boardOrder(): Promise<string[]> {
  const res = await fetch(`${e2e.server.url}/rest/agile/1.0/board/1/issue?maxResults=200&fields=key`, {
    headers: { 'x-forge-account-id': priya.accountId },
  });
  const body = (await res.json()) as { issues?: { key: string }[] };
  return (body.issues ?? []).map((i) => i.key);
}

let structureId = '';
let originalOrder: string[] = [];

describe('Export, resync and installed synchronizers in the browser', () => {
  beforeAll(async () => {
    // given: synchronizers on, and a structure of PLAT in the reverse of key order (not the board's order)
    expect((await invoke('setSettings', { synchronizersEnabled: true }, alice.accountId)).ok).toBe(true);
    const created = await invoke<{ id: string }>(
      'createStructure',
      { name: 'Platform, newest first', description: '' },
      priya.accountId,
    );
    structureId = created.data!.id;
    const started = await invoke<{ job: { id: string } }>(
      'startImport',
      {
        structureId,
        synchronizer: 'filter',
        params: { source: { kind: 'jql', jql: 'project = PLAT ORDER BY key DESC' }, add: { at: 'top' } },
      },
      priya.accountId,
    );
    expect(started.ok).toBe(true);
    await until(
      async () =>
        (await invoke<{ state: string }>('getJob', { jobId: started.data!.job.id }, priya.accountId)).data?.state ===
        'finished',
    );
    originalOrder = await boardOrder();
  });

  it('shows the Export and Synchronization settings operations to a user with control', async () => {
    const app = await openAs(priya);
    await app.getByRole('link', { name: 'Export from Platform, newest first' }).waitFor();
    await app.getByRole('link', { name: 'Synchronization settings of Platform, newest first' }).waitFor();
    await shot('00-operations');
  });

  it('exports rank from the Export page with a preview and a confirmation, then reverts it', async () => {
    // given
    const app = await openAs(priya, `/structure/${structureId}/export`);
    await app.getByLabel('Synchronizer', { exact: true }).waitFor();
    await choose(app, 'Synchronizer', 'Agile');
    await shot('01-export-form');
    await choose(app, 'Board', 'PLAT Scrum board');
    // when
    await app.getByRole('button', { name: 'Preview' }).click();
    await app.getByTestId('export-preview').waitFor();
    // then
    expect(Number(await app.getByTestId('export-preview-ranked').textContent())).toBeGreaterThan(0);
    await app.getByTestId('export-changes').waitFor();
    await shot('02-export-preview');
    expect(await audit(app)).toEqual([]);
    // when
    await app.getByRole('button', { name: 'Run Export' }).click();
    const dialog = app.getByRole('dialog');
    await dialog.getByText('as you, with your permissions').waitFor();
    await dialog
      .getByTestId('confirm-export-kinds')
      .getByText(/rank of \d+ issues/)
      .waitFor();
    await shotDialog('03-export-confirm');
    await dialog.getByRole('button', { name: 'Run export' }).click();
    // then
    await app.getByRole('button', { name: 'Revert export' }).waitFor({ timeout: 60000 });
    expect(await app.getByTestId('job-state').textContent()).toBe('Finished');
    await app.getByTestId('export-result').waitFor();
    expect(Number(await app.getByTestId('export-result-applied').textContent())).toBeGreaterThan(0);
    const exported = await boardOrder();
    expect(exported).not.toEqual(originalOrder);
    await shot('04-export-finished');
    expect(await audit(app)).toEqual([]);
    // when
    await app.getByRole('button', { name: 'Revert export' }).click();
    await app.getByRole('dialog').getByText('puts back the old value').waitFor();
    await shotDialog('05-revert-confirm');
    await app.getByRole('dialog').getByRole('button', { name: 'Revert export' }).click();
    // then
    await app.getByRole('heading', { name: 'Revert job' }).waitFor();
    await app.getByTestId('job-state').getByText('Finished').waitFor({ timeout: 60000 });
    await app.getByTestId('export-result').waitFor();
    expect(await boardOrder()).toEqual(originalOrder);
    await shot('06-revert-finished');
  });

  it('installs the Agile synchronizer disabled and resyncs it in each direction', async () => {
    // given
    let app = await openAs(priya, `/structure/${structureId}/sync`);
    await app.getByText('No synchronizers installed').waitFor();
    await shot('07-settings-empty');
    // when
    await app.getByRole('button', { name: 'Install synchronizer' }).click();
    const modal = app.getByRole('dialog');
    await modal.getByText('Installed synchronizers start disabled').waitFor();
    await choose(app, 'Synchronizer', 'Agile');
    await choose(app, 'Board', 'PLAT Scrum board');
    await shotDialog('08-install-modal');
    await modal.getByRole('button', { name: 'Install', exact: true }).click();
    // then
    const table = app.getByTestId('installed-synchronizers');
    await table.waitFor();
    expect(await table.getByTestId('synchronizer-state').textContent()).toContain('Disabled');
    expect(await table.getByTestId('run-as').textContent()).toBe('Priya Raman');
    expect(await table.getByTestId('params-summary').textContent()).toContain('Board 1');
    expect(await table.getByText('Never run').count()).toBe(1);
    await shot('09-settings-installed');

    // when: resync from the structure into Jira (export): the structure's order is not the board's
    await app.getByRole('button', { name: /Resync the Agile synchronizer from the structure into Jira/ }).click();
    let dialog = app.getByRole('dialog');
    await dialog.getByText('from the structure into Jira (export)').first().waitFor();
    await dialog.getByTestId('export-preview-details').waitFor({ timeout: 30000 });
    await shotDialog('10-resync-export-confirm');
    expect(await audit(app)).toEqual([]);
    await dialog.getByRole('button', { name: 'Resync into Jira' }).click();
    // then
    await app.getByRole('button', { name: 'Revert export' }).waitFor({ timeout: 60000 });
    expect(await app.getByTestId('job-state').textContent()).toBe('Finished');
    expect(await boardOrder()).not.toEqual(originalOrder);
    await shot('11-resync-export-job');

    // when: resync into the structure (import)
    app = await openAs(priya, `/structure/${structureId}/sync`);
    await app.getByTestId('last-run').waitFor();
    expect(await app.getByTestId('last-run').textContent()).toContain('Export');
    await app.getByRole('button', { name: /Resync the Agile synchronizer into the structure \(import\)/ }).click();
    dialog = app.getByRole('dialog');
    await dialog.getByText('into the structure (import)').first().waitFor();
    await dialog.getByTestId('import-preview-summary').waitFor({ timeout: 30000 });
    await shotDialog('12-resync-import-confirm');
    await dialog.getByRole('button', { name: 'Resync into the structure' }).click();
    // then
    await app.getByRole('button', { name: 'Open structure' }).waitFor({ timeout: 60000 });
    expect(await app.getByTestId('job-state').textContent()).toBe('Finished');
    await shot('13-resync-import-job');

    // and the settings page shows the last run
    app = await openAs(priya, `/structure/${structureId}/sync`);
    await app.getByTestId('last-run').waitFor();
    expect(await app.getByTestId('last-run').textContent()).toContain('Import');
    expect(await app.getByTestId('last-run-result').textContent()).toBe('Succeeded');
    await shot('14-settings-last-run');
    expect(await audit(app)).toEqual([]);

    // when: enabled, then disabled again
    await app.getByRole('button', { name: 'Enable the Agile synchronizer' }).click();
    await app.getByTestId('synchronizer-state').getByText('Enabled').waitFor();
    await shot('15-settings-enabled');
    await app.getByRole('button', { name: 'Disable the Agile synchronizer' }).click();
    await app.getByTestId('synchronizer-state').getByText('Disabled').waitFor();
  });

  it('warns in the export preview and the confirmation that links will be deleted with scope "all issues"', async () => {
    // given
    const app = await openAs(priya, `/structure/${structureId}/export`);
    await choose(app, 'Synchronizer', 'Links');
    await choose(app, 'Link type', 'Blocks');
    await app.getByLabel('Parent filter (JQL)').fill('project = PLAT');
    await app.getByLabel('All issues matching the parent filter').check();
    // when
    await app.getByRole('button', { name: 'Preview' }).click();
    // then
    await app.getByTestId('export-preview').waitFor();
    expect(await app.getByTestId('export-warning').first().textContent()).toContain('this export deletes every link');
    await shot('16-export-links-preview');
    // when
    await app.getByRole('button', { name: 'Run Export' }).click();
    // then
    const dialog = app.getByRole('dialog');
    await dialog.getByText('this export deletes every link').waitFor();
    await shotDialog('17-export-links-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows a synchronizer whose run-as user lost control as not available, with the reason', async () => {
    // given: Dan had control, installed a Links synchronizer, then lost control
    const control = [{ subject: { type: 'user', accountId: dan.accountId }, level: 'control' }];
    expect((await invoke('setPermissions', { structureId, rules: control }, priya.accountId)).ok).toBe(true);
    const byDan = await invoke(
      'installSynchronizer',
      { structureId, synchronizer: 'links', params: { linkTypeId: '10000' } },
      dan.accountId,
    );
    expect(byDan.ok).toBe(true);
    expect((await invoke('setPermissions', { structureId, rules: [] }, priya.accountId)).ok).toBe(true);
    // when
    const app = await openAs(priya, `/structure/${structureId}/sync`);
    // then
    await app.getByText('Not available').waitFor();
    await app.getByTestId('run-as').getByText('Dan Okafor').waitFor();
    await app
      .getByTestId('state-reason')
      .getByText(/\(Dan Okafor\) no longer has control/)
      .waitFor();
    await shot('18-settings-not-available');
    // and in the dark theme
    const dark = await openAs(priya, `/structure/${structureId}/sync`, 'dark');
    await dark.getByTestId('run-as').getByText('Dan Okafor').waitFor();
    await shot('19-settings-dark');
    // and in a narrow frame (Jira's sidebar open on a small screen)
    await e2e.page.setViewportSize({ width: 1024, height: 800 });
    await shot('20-settings-narrow');
    await e2e.page.setViewportSize({ width: 1440, height: 900 });
  });
});
