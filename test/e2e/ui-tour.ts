// Walks every page and state of the Custom UI in headless Chromium and saves a screenshot of each
// to test-results/screenshots/. Against the UI preview server (fake resolvers, real Jira emulator)
// by default, or against a running `npm start` with --url http://127.0.0.1:4700.
//
//   npx tsx test/e2e/ui-tour.ts [--url URL]
import type { Frame, Page } from 'playwright-core';
import { appFrame, choose, launchChromium, newPage, screenshot } from './support/browser';
import { invokeOk } from './support/localInvoke';
import { startUiPreviewServer } from './support/uiPreviewServer';

const ALICE = '5d1f0a11c2b3a40001a11ce0'; // Jira admin
const DAN = '5d1f0a11c2b3a40003da0da0';

async function open(page: Page, base: string, query: string, hash = '/'): Promise<Frame> {
  const url = `${base}/?${query}#${hash}`;
  // The same address again would only be a fragment navigation: reload so the app asks anew.
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  return appFrame(page);
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--url');
  const server = at > 0 ? undefined : await startUiPreviewServer();
  const base = at > 0 ? process.argv[at + 1]! : server!.url;
  const browser = await launchChromium();
  const { page } = await newPage(browser);
  page.on('pageerror', (e) => console.error('page error:', e.message));
  const shots: string[] = [];
  const shot = async (name: string) => shots.push(await screenshot(page, name));
  /** Modals fade in: wait for the animation, so the screenshot shows the dialog as people see it. */
  const shotDialog = async (name: string) => {
    await page.waitForTimeout(600);
    await shot(name);
  };
  try {
    // Administration: the dark feature, off by default, turned on by a Jira admin.
    let app = await open(page, base, `as=${ALICE}&module=admin`);
    await app.getByText('Advanced configuration and dark features').waitFor();
    await shot('01-admin-synchronizers-off');
    await app.getByTestId('synchronizers-toggle').click();
    await app.getByText('Synchronizers enabled').waitFor();
    await page.waitForTimeout(300);
    await shot('02-admin-synchronizers-on');

    // Manage structures: empty, create.
    app = await open(page, base, `as=${ALICE}&module=global`);
    await app.getByText('No structures to show').waitFor();
    await shot('03-manage-empty');
    await app.getByRole('button', { name: 'Create structure' }).first().click();
    await app.getByLabel('Name').fill('Platform roadmap');
    await app.getByLabel('Description').fill('Initiatives, epics and stories of the Platform project');
    await shot('04-create-structure');
    await app.getByRole('button', { name: 'Create', exact: true }).click();
    await app.getByText('This structure is empty').waitFor();
    await shot('05-structure-empty');

    // Import: form, invalid JQL, preview, confirmation, job.
    await app.getByRole('button', { name: 'Import' }).first().click();
    await app.getByLabel('JQL', { exact: true }).waitFor();
    await shot('06-import-form');
    await app.getByRole('button', { name: 'Run Import' }).click();
    await app.getByText('JQL is required').waitFor();
    await shot('07-import-required');
    await app.getByLabel('JQL', { exact: true }).fill('project = = PLAT');
    await app.getByRole('button', { name: 'Preview' }).click();
    await app.getByTestId('param-source-jql-error').getByText(/JQL/).waitFor();
    await app.getByRole('button', { name: 'Run Import' }).and(app.locator(':not([disabled])')).waitFor();
    await shot('08-import-jql-invalid');
    await app.getByLabel('JQL', { exact: true }).fill('project = PLAT ORDER BY Rank');
    await app.getByRole('button', { name: 'Preview' }).click();
    await app.getByTestId('import-preview').waitFor();
    await shot('09-import-preview');
    await app.getByLabel('Saved filter').check();
    await app.getByLabel('Favourite filter').click();
    await page.waitForTimeout(300);
    await shot('10-import-saved-filter');
    await app.getByLabel('JQL query').check();
    await app.getByLabel('JQL', { exact: true }).fill('project = PLAT ORDER BY Rank');
    await app.getByRole('button', { name: 'Run Import' }).click();
    await app.getByRole('dialog').waitFor();
    await page.waitForTimeout(400);
    await shot('11-import-confirm');
    await app.getByRole('dialog').getByRole('button', { name: 'Run import' }).click();
    await app.getByTestId('job-state').waitFor();
    await shot('12-job-queued');
    // A small import may finish before a poll ever sees it running.
    const sawRunning = await app
      .getByText('Running', { exact: true })
      .waitFor({ timeout: 10000 })
      .then(
        () => true,
        () => false,
      );
    if (sawRunning) {
      await page.waitForTimeout(1300);
      await shot('13-job-running');
    }
    await app.getByRole('button', { name: 'Open structure' }).waitFor({ timeout: 15000 });
    await shot('14-job-finished');

    // Structure view.
    await app.getByRole('button', { name: 'Open structure' }).click();
    await app.getByTestId('forest-tree').waitFor();
    await page.waitForTimeout(800);
    await shot('15-structure-view');
    await app.getByRole('button', { name: 'Expand all' }).click();
    await page.waitForTimeout(800);
    await shot('16-structure-expanded');
    await app.getByLabel('Find issue by key').fill('PLAT-40');
    await app.getByRole('button', { name: 'Find' }).click();
    await app
      .getByTestId('tree-message')
      .getByText(/PLAT-40/)
      .waitFor();
    await page.waitForTimeout(600);
    await shot('17-structure-find');

    // Job history, permissions, manage table.
    await app.getByRole('button', { name: 'Job history' }).click();
    await app.getByTestId('job-history').waitFor();
    await page.waitForTimeout(300);
    await shot('18-job-history');
    await app.getByRole('link', { name: 'Platform roadmap' }).click();
    await app.getByRole('button', { name: 'Permissions' }).click();
    await app.getByRole('button', { name: 'Add rule' }).click();
    await page.waitForTimeout(300);
    await shot('19-permissions');
    await app.getByRole('link', { name: 'Manage structures' }).click();
    await app.getByTestId('structures-table').waitFor();
    await page.waitForTimeout(300);
    await shot('20-manage-structures');

    // Export (Agile rank): form, preview with old → new values, confirmation, the job Running, then
    // finished with per-issue failures, and its Revert.
    const roadmap = (await invokeOk(base, 'listStructures', {}, ALICE)).structures.find(
      (s) => s.name === 'Platform roadmap',
    )!;
    await app.getByRole('link', { name: 'Export from Platform roadmap' }).click();
    await app.getByLabel('Synchronizer', { exact: true }).waitFor();
    await choose(app, 'Synchronizer', 'Agile');
    await page.waitForTimeout(300);
    await shot('25-export-form');
    await choose(app, 'Board', 'PLAT Scrum board');
    await app.getByRole('button', { name: 'Preview' }).click();
    await app.getByTestId('export-preview').waitFor();
    await page.waitForTimeout(300);
    await shot('26-export-preview');
    await app.getByRole('button', { name: 'Run Export' }).click();
    await app.getByRole('dialog').getByText('as you, with your permissions').waitFor();
    await shotDialog('27-export-confirm');
    await app.getByRole('dialog').getByRole('button', { name: 'Run export' }).click();
    await app.getByTestId('job-state').getByText('Running', { exact: true }).waitFor({ timeout: 10000 });
    await page.waitForTimeout(1500);
    await shot('28-export-running');
    await app.getByRole('button', { name: 'Revert export' }).waitFor({ timeout: 20000 });
    await app.getByTestId('export-problems').waitFor();
    await page.waitForTimeout(300);
    await shot('29-export-failures');
    await app.getByRole('button', { name: 'Revert export' }).click();
    await app.getByRole('dialog').getByText('puts back the old value').waitFor();
    await shotDialog('30-revert-confirm');
    await app.getByRole('dialog').getByRole('button', { name: 'Revert export' }).click();
    await app.getByRole('heading', { name: 'Revert job' }).waitFor();
    await app.getByTestId('job-state').getByText('Finished').waitFor({ timeout: 20000 });
    await page.waitForTimeout(300);
    await shot('31-revert-finished');

    // Export (Links, scope all issues): the deletion warning.
    app = await open(page, base, `as=${ALICE}&module=global`, `/structure/${roadmap.id}/export`);
    await choose(app, 'Synchronizer', 'Links');
    await choose(app, 'Link type', 'Blocks');
    await app.getByLabel('Parent filter (JQL)').fill('project = PLAT');
    await app.getByLabel('All issues matching the parent filter').check();
    await app.getByRole('button', { name: 'Preview' }).click();
    await app.getByTestId('export-warning').first().waitFor();
    await page.waitForTimeout(300);
    await shot('32-export-links-warning');

    // Synchronization settings: empty, install, enabled, the resync confirmations, last run.
    app = await open(page, base, `as=${ALICE}&module=global`, `/structure/${roadmap.id}/sync`);
    await app.getByText('No synchronizers installed').waitFor();
    await shot('33-sync-empty');
    await app.getByRole('button', { name: 'Install synchronizer' }).click();
    await app.getByRole('dialog').getByText('Installed synchronizers start disabled').waitFor();
    await choose(app, 'Synchronizer', 'Agile');
    await choose(app, 'Board', 'PLAT Scrum board');
    await shotDialog('34-sync-install');
    await app.getByRole('dialog').getByRole('button', { name: 'Install', exact: true }).click();
    await app.getByTestId('installed-synchronizers').waitFor();
    await app.getByRole('button', { name: 'Enable the Agile synchronizer' }).click();
    await app.getByTestId('synchronizer-state').getByText('Enabled').waitFor();
    await page.waitForTimeout(300);
    await shot('35-sync-enabled');
    await app.getByRole('button', { name: /Resync the Agile synchronizer from the structure into Jira/ }).click();
    await app.getByRole('dialog').getByTestId('export-preview-details').waitFor({ timeout: 20000 });
    await shotDialog('36-resync-export-confirm');
    await app.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await app.getByRole('dialog').waitFor({ state: 'detached' });
    await app.getByRole('button', { name: /Resync the Agile synchronizer into the structure \(import\)/ }).click();
    await app.getByRole('dialog').getByTestId('import-preview-summary').waitFor({ timeout: 20000 });
    await shotDialog('37-resync-import-confirm');
    await app.getByRole('dialog').getByRole('button', { name: 'Resync into the structure' }).click();
    await app.getByRole('button', { name: 'Open structure' }).waitFor({ timeout: 20000 });
    app = await open(page, base, `as=${ALICE}&module=global`, `/structure/${roadmap.id}/sync`);
    await app.getByTestId('last-run-result').waitFor();
    await page.waitForTimeout(300);
    await shot('38-sync-last-run');

    // Two enabled synchronizers that keep undoing each other: the cycle guard stops both (a background
    // event, so only the preview backend can make it happen on demand).
    const links = await invokeOk(
      base,
      'installSynchronizer',
      { structureId: roadmap.id, synchronizer: 'links', params: { linkTypeId: '10000' } },
      ALICE,
    );
    await invokeOk(
      base,
      'setSynchronizerEnabled',
      { structureId: roadmap.id, synchronizerId: links.synchronizer.id, enabled: true },
      ALICE,
    );
    if (server) {
      server.fake.stopByCycleGuard(roadmap.id);
      app = await open(page, base, `as=${ALICE}&module=global`, `/structure/${roadmap.id}/sync`);
      await app.getByText('Stopped by the cycle guard').first().waitFor();
      await page.waitForTimeout(300);
      await shot('39-sync-stopped-by-cycle-guard');
    } else console.log('39-sync-stopped-by-cycle-guard: skipped (needs the preview backend)');

    // A synchronizer whose run-as user lost control: not available, with the reason.
    await invokeOk(
      base,
      'setPermissions',
      { structureId: roadmap.id, rules: [{ subject: { type: 'user', accountId: DAN }, level: 'control' }] },
      ALICE,
    );
    await invokeOk(base, 'installSynchronizer', { structureId: roadmap.id, synchronizer: 'subtasks', params: {} }, DAN);
    await invokeOk(base, 'setPermissions', { structureId: roadmap.id, rules: [] }, ALICE);
    app = await open(page, base, `as=${ALICE}&module=global`, `/structure/${roadmap.id}/sync`);
    await app.getByText('Not available').waitFor();
    await app
      .getByTestId('state-reason')
      .getByText(/Dan Okafor/)
      .waitFor();
    await page.waitForTimeout(300);
    await shot('40-sync-not-available');

    // Permission pickers: a user, a group and a project role looked up in Jira as the viewer.
    app = await open(page, base, `as=${ALICE}&module=global`, `/structure/${roadmap.id}/permissions`);
    await app.getByRole('button', { name: 'Add rule' }).click();
    await choose(app, 'Rule 1 subject type', 'User');
    await app.getByLabel('Rule 1 user').fill('pri');
    await app.getByRole('option', { name: 'Priya Raman' }).waitFor();
    await page.waitForTimeout(300);
    await shot('41-permissions-user-picker');
    await app.getByRole('option', { name: 'Priya Raman' }).click();
    await app.getByRole('button', { name: 'Add rule' }).click();
    await choose(app, 'Rule 2 subject type', 'Group');
    await app.getByLabel('Rule 2 group').fill('secur');
    await app.getByRole('option', { name: 'security-team' }).waitFor();
    await page.waitForTimeout(300);
    await shot('42-permissions-group-picker');
    await app.getByRole('option', { name: 'security-team' }).click();
    await app.getByRole('button', { name: 'Add rule' }).click();
    await choose(app, 'Rule 3 subject type', 'Project role');
    await app.getByLabel('Rule 3 project', { exact: true }).fill('plat');
    await app.getByRole('option', { name: /PLAT/ }).first().click();
    await app.getByLabel('Rule 3 project role').click();
    await app.getByRole('option', { name: 'Developers' }).waitFor();
    await page.waitForTimeout(300);
    await shot('43-permissions-role-picker');
    await app.getByRole('option', { name: 'Developers' }).click();
    await page.waitForTimeout(300);
    await shot('44-permissions-three-rules');

    // Another user: no access, no dark-feature panel (admins only), no admin page.
    app = await open(page, base, `as=${DAN}&module=global`);
    await app.getByRole('heading', { name: 'Manage structures' }).waitFor();
    await shot('21-manage-other-user');
    await page.goto(`${base}/?as=${DAN}&module=admin#/`);
    await page.locator('#host-message').waitFor();
    await shot('22-admin-not-admin');

    // Dark theme.
    app = await open(page, base, `as=${ALICE}&module=global&theme=dark`);
    await app.getByTestId('structures-table').waitFor();
    await page.waitForTimeout(500);
    await shot('23-dark-manage');

    // Unknown pages and structures explain themselves.
    app = await open(page, base, `as=${ALICE}&module=global`, '/structure/nope');
    await app.getByTestId('error-message').waitFor();
    await shot('24-structure-not-found');
  } finally {
    console.log(shots.join('\n'));
    await browser.close();
    await server?.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
