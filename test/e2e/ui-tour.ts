// Walks every page and state of the Custom UI in headless Chromium and saves a screenshot of each
// to test-results/screenshots/. Against the UI preview server (fake resolvers, real Jira emulator)
// by default, or against a running `npm start` with --url http://127.0.0.1:4700.
//
//   npx tsx test/e2e/ui-tour.ts [--url URL]
import type { Frame, Page } from 'playwright-core';
import { appFrame, launchChromium, newPage, screenshot } from './support/browser';
import { startUiPreviewServer } from './support/uiPreviewServer';

const ALICE = '5d1f0a11c2b3a40001a11ce0'; // Jira admin
const DAN = '5d1f0a11c2b3a40003da0da0';

async function open(page: Page, base: string, query: string, hash = '/'): Promise<Frame> {
  await page.goto(`${base}/?${query}#${hash}`);
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
      .then(() => true, () => false);
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
    await app.getByTestId('tree-message').getByText(/PLAT-40/).waitFor();
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

    // Another user: no access, read-only setting, no admin page.
    app = await open(page, base, `as=${DAN}&module=global`);
    await app.getByText('Advanced configuration and dark features').waitFor();
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
