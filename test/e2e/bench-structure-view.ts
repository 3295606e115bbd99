// Benchmark: how long the structure view takes to show its first screen of rows after it has
// received a 100k-row forest, in headless Chromium. Prints one JSON line in the bench format.
//
//   npx tsx test/e2e/bench-structure-view.ts [--rows 100000] [--runs 3]
import { appFrame, launchChromium, newPage, screenshot } from './support/browser';
import { startUiPreviewServer } from './support/uiPreviewServer';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};

async function main(): Promise<void> {
  const rows = arg('--rows', 100000);
  const runs = arg('--runs', 3);
  const server = await startUiPreviewServer(0, { bigStructureRows: rows });
  const browser = await launchChromium();
  const figures: number[] = [];
  let loadMs = 0;
  try {
    for (let run = 0; run < runs; run++) {
      const { page, context } = await newPage(browser);
      const started = Date.now();
      await page.goto(`${server.url}/?module=global#/structure/big`);
      const app = await appFrame(page);
      await app.getByTestId('tree-row').first().waitFor({ timeout: 60000 });
      const measured = await app.evaluate(async () => {
        for (let i = 0; i < 100 && performance.getEntriesByName('structure:first-screen').length === 0; i++) {
          await new Promise((r) => setTimeout(r, 20));
        }
        const received = performance.getEntriesByName('structure:forest-received')[0];
        const shown = performance.getEntriesByName('structure:first-screen')[0];
        return received && shown ? { firstScreenMs: shown.startTime - received.startTime } : undefined;
      });
      if (!measured) throw new Error('The structure view did not record its performance marks.');
      figures.push(measured.firstScreenMs);
      loadMs = Date.now() - started;
      if (run === 0) await screenshot(page, 'bench-structure-view-100k');
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const sorted = [...figures].sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      name: 'ui-structure-view-first-screen',
      rows,
      firstScreenMs: Math.round(sorted[Math.floor(sorted.length / 2)]!),
      firstScreenMsMax: Math.round(sorted[sorted.length - 1]!),
      pageLoadWallMs: loadMs,
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
