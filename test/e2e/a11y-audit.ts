// Runs axe-core (WCAG 2 A/AA) on every page of the UI and prints what it finds, one JSON line per
// page. Against the UI preview server by default, or `--url` a running `npm start`.
//
//   npx tsx test/e2e/a11y-audit.ts
import { appFrame, launchChromium, newPage } from './support/browser';
import { audit } from './support/a11y';
import { startUiPreviewServer } from './support/uiPreviewServer';

const ALICE = '5d1f0a11c2b3a40001a11ce0';

async function main(): Promise<void> {
  const server = await startUiPreviewServer(0, { bigStructureRows: 500 });
  const browser = await launchChromium();
  const { page } = await newPage(browser);
  let failures = 0;
  const check = async (name: string, module: string, path: string, prepare?: (f: Awaited<ReturnType<typeof appFrame>>) => Promise<void>) => {
    await page.goto(`${server.url}/?as=${ALICE}&module=${module}#${path}`);
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
