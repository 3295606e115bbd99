// Runs axe-core (WCAG 2 A/AA) on every page of the UI and prints what it finds, one JSON line per
// page. Against the UI preview server by default, or `--url` a running `npm start`.
//
//   npx tsx test/e2e/a11y-audit.ts
import { appFrame, choose, launchChromium, newPage } from './support/browser';
import { audit } from './support/a11y';
import { invokeOk } from './support/localInvoke';
import { startUiPreviewServer } from './support/uiPreviewServer';

const ALICE = '5d1f0a11c2b3a40001a11ce0';
const DAN = '5d1f0a11c2b3a40003da0da0';

async function main(): Promise<void> {
  const server = await startUiPreviewServer(0, { bigStructureRows: 500 });
  const browser = await launchChromium();
  const { page } = await newPage(browser);
  let failures = 0;
  const check = async (
    name: string,
    module: string,
    path: string,
    prepare?: (f: Awaited<ReturnType<typeof appFrame>>) => Promise<void>,
  ) => {
    const url = `${server.url}/?as=${ALICE}&module=${module}#${path}`;
    // The same address again would only be a fragment navigation: reload so each check starts afresh.
    if (page.url() === url) await page.reload();
    else await page.goto(url);
    const frame = await appFrame(page);
    await page.waitForTimeout(600);
    if (prepare) await prepare(frame);
    const violations = await audit(frame);
    failures += violations.length;
    console.log(JSON.stringify({ page: name, violations }));
  };
  try {
    await check('admin', 'admin', '/', async (f) => {
      await f.getByTestId('synchronizers-toggle').click();
      await page.waitForTimeout(300);
    });
    await check('manage', 'global', '/');
    await check('structure', 'global', '/structure/big');
    await check('import', 'global', '/structure/big/import', async (f) => {
      await f.getByRole('button', { name: 'Run Import' }).click();
      await page.waitForTimeout(300);
    });
    await check('permissions', 'global', '/structure/big/permissions', async (f) => {
      await f.getByRole('button', { name: 'Add rule' }).click();
    });
    await check('jobs', 'global', '/structure/big/jobs');
    await check('permission-pickers', 'global', '/structure/big/permissions', async (f) => {
      await f.getByRole('button', { name: 'Add rule' }).click();
      await choose(f, 'Rule 1 subject type', 'User');
      await f.getByLabel('Rule 1 user').fill('pri');
      await f.getByRole('option', { name: 'Priya Raman' }).click();
      await f.getByRole('button', { name: 'Add rule' }).click();
      await choose(f, 'Rule 2 subject type', 'Project role');
      await f.getByLabel('Rule 2 project', { exact: true }).fill('plat');
      await f.getByRole('option', { name: /PLAT/ }).first().click();
      await f.getByLabel('Rule 2 project role').click();
      await f.getByRole('option', { name: 'Developers' }).waitFor();
    });

    // Export: the preview with old → new values, and its confirmation.
    await check('export-preview', 'global', '/structure/big/export', async (f) => {
      await choose(f, 'Synchronizer', 'Agile');
      await choose(f, 'Board', 'PLAT Scrum board');
      await f.getByRole('button', { name: 'Preview' }).click();
      await f.getByTestId('export-changes').waitFor();
    });
    await check('export-confirm', 'global', '/structure/big/export', async (f) => {
      await choose(f, 'Synchronizer', 'Agile');
      await choose(f, 'Board', 'PLAT Scrum board');
      await f.getByRole('button', { name: 'Run Export' }).click();
      await f.getByRole('dialog').getByText('as you, with your permissions').waitFor();
      await page.waitForTimeout(600);
    });

    // An export job: running, then finished with per-issue failures, and the Revert confirmation.
    const params = { source: { mode: 'board', boardId: 1 }, subtasks: false };
    const { job } = await invokeOk(
      server.url,
      'startExport',
      { structureId: 'big', synchronizer: 'agile', params },
      ALICE,
    );
    await check('export-job-running', 'global', `/job/${job.id}`, async (f) => {
      await f.getByTestId('job-state').getByText('Running', { exact: true }).waitFor();
    });
    await check('export-job-failures', 'global', `/job/${job.id}`, async (f) => {
      await f.getByTestId('export-problems').waitFor({ timeout: 20000 });
    });
    await check('revert-confirm', 'global', `/job/${job.id}`, async (f) => {
      await f.getByRole('button', { name: 'Revert export' }).click();
      await f.getByRole('dialog').getByText('puts back the old value').waitFor();
      await page.waitForTimeout(600);
    });

    // Synchronization settings with every state: stopped by the cycle guard, enabled, not available.
    const install = async (synchronizer: string, synchronizerParams: Record<string, unknown>, as = ALICE) =>
      (
        await invokeOk(
          server.url,
          'installSynchronizer',
          { structureId: 'big', synchronizer, params: synchronizerParams },
          as,
        )
      ).synchronizer;
    const enable = (synchronizerId: string) =>
      invokeOk(server.url, 'setSynchronizerEnabled', { structureId: 'big', synchronizerId, enabled: true }, ALICE);
    await enable((await install('agile', params)).id);
    await enable((await install('links', { linkTypeId: '10000' })).id);
    server.fake.stopByCycleGuard('big');
    await enable((await install('hierarchy', { roots: { kind: 'highestLevel', projectKeys: ['PLAT'] } })).id);
    await invokeOk(
      server.url,
      'setPermissions',
      { structureId: 'big', rules: [{ subject: { type: 'user', accountId: DAN }, level: 'control' }] },
      ALICE,
    );
    await install('subtasks', {}, DAN);
    await invokeOk(server.url, 'setPermissions', { structureId: 'big', rules: [] }, ALICE);
    await check('sync-settings', 'global', '/structure/big/sync', async (f) => {
      await f.getByText('Not available').waitFor();
      await f.getByText('Stopped by the cycle guard').first().waitFor();
    });
    await check('resync-export-confirm', 'global', '/structure/big/sync', async (f) => {
      await f.getByRole('button', { name: /Resync the Agile synchronizer from the structure into Jira/ }).click();
      await f.getByRole('dialog').getByTestId('export-preview-details').waitFor();
      await page.waitForTimeout(600);
    });
    await check('resync-import-confirm', 'global', '/structure/big/sync', async (f) => {
      await f.getByRole('button', { name: /Resync the Agile synchronizer into the structure \(import\)/ }).click();
      await f.getByRole('dialog').getByTestId('import-preview-summary').waitFor();
      await page.waitForTimeout(600);
    });
    await check('not-found', 'global', '/structure/nope');
  } finally {
    await browser.close();
    await server.close();
  }
  process.exitCode = failures ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
