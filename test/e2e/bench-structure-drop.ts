// Benchmark: the structure view's time from a drop to the moved rows on screen at their new place
// (issue 14: under 100 ms), on a big structure, in headless Chromium against the real dev server
// (resolvers, KVS, Jira emulator, in this process). A real drag: the pointer takes a row's grip and drops
// it on the middle of another row, so the row (with its subtree of 99 rows) goes under it. Prints one
// JSON line in the bench format.
//
//   npx tsx test/e2e/bench-structure-drop.ts [--rows 100000] [--runs 5]
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { DEMO_USERS } from '../../local/dataset/build-demo';
import { startDevServer } from '../../local/dev-server/server';
import { givenForest } from '../integration/support/site';
import { appFrame, launchChromium, newPage, screenshot } from './support/browser';
import { invokeLoose, invokeOk } from './support/localInvoke';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const { priya } = DEMO_USERS;

interface DropFigures {
  dropToRenderedMs: number;
  dropToAnswerMs: number;
  /** Whether the moved rows were on screen before the backend's answer came (the optimistic view). */
  renderedBeforeAnswer: boolean;
}

/** Waits for the page's marks (a string, not a function: tsx would wrap inner functions in a helper the page lacks). */
async function marks(app: Frame, script: string): Promise<unknown> {
  return app.evaluate(`(async () => {
    for (let i = 0; i < 1500; i++) {
      const found = (${script})();
      if (found) return found;
      await new Promise((r) => setTimeout(r, 20));
    }
    return undefined;
  })()`);
}

async function dropOnce(app: Frame, rows: number, run: number): Promise<DropFigures> {
  const tree = app.getByTestId('tree-row');
  // The third top-level row goes under the first: both on the first screen.
  const target = tree.nth(0);
  const moved = tree.nth(2);
  const targetId = await target.getAttribute('data-row-id');
  const movedId = await moved.getAttribute('data-row-id');
  const grip = await moved.getByTestId('row-drag-handle').boundingBox();
  const over = await target.boundingBox();
  if (!grip || !over || !targetId || !movedId) throw new Error('The rows to drag are not on screen.');
  await app.evaluate('performance.clearMarks()');
  const { mouse } = app.page();
  await mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await mouse.down();
  await mouse.move(grip.x + 40, grip.y + grip.height / 2, { steps: 4 });
  await mouse.move(over.x + 300, over.y + over.height / 2, { steps: 8 });
  await app.getByTestId('drop-indicator').waitFor({ state: 'attached' });
  if (run === 0) await screenshot(app.page(), `bench-drop-${rows / 1000}k-over`);
  await mouse.up();
  const figures = (await marks(
    app,
    `() => {
      const drop = performance.getEntriesByName('structure:drop')[0];
      const answered = performance.getEntriesByName('structure:edit-answered')[0];
      const shown = performance.getEntriesByName('structure:first-screen').find((e) => drop && e.startTime > drop.startTime);
      return drop && answered && shown
        ? { dropToRenderedMs: shown.startTime - drop.startTime, dropToAnswerMs: answered.startTime - drop.startTime,
            renderedBeforeAnswer: shown.startTime < answered.startTime }
        : undefined;
    }`,
  )) as DropFigures | undefined;
  if (!figures) throw new Error('The structure view did not record the drop marks.');
  // The figure counts only if the row is where the drop put it: right under the target, one level deeper.
  const placed = app.locator(`[data-testid="tree-row"][data-row-id="${movedId}"]`);
  const at = app.locator(`[data-testid="tree-row"][data-row-id="${targetId}"]`);
  const [level, top, targetTop] = await Promise.all([
    placed.getAttribute('aria-level'),
    placed.evaluate((el) => (el as unknown as { offsetTop: number }).offsetTop),
    at.evaluate((el) => (el as unknown as { offsetTop: number }).offsetTop),
  ]);
  if (level !== '2' || top !== targetTop + 36)
    throw new Error(`Row ${movedId} is not under row ${targetId} after the drop (level ${level}, top ${top}).`);
  await app.getByText(/moved under/).waitFor();
  if (run === 0) await screenshot(app.page(), `bench-drop-${rows / 1000}k-dropped`);
  return figures;
}

async function main(): Promise<void> {
  const rows = arg('--rows', 100000);
  const runs = arg('--runs', 5);
  const server = await startDevServer({ repoRoot: path.resolve(__dirname, '../..'), log: () => undefined });
  const browser = await launchChromium();
  const drops: DropFigures[] = [];
  const serverMs: number[] = [];
  try {
    const structure = await invokeOk(
      server.url,
      'createStructure',
      { name: `Drop bench ${rows}`, description: '' },
      priya.accountId,
    );
    // Epics of 100 rows (10 stories of 9 sub-tasks), the demo's issues reused: every row is one Priya sees.
    const issues = server.dataset.issues.map((i) => Number(i.id));
    const scene: Array<[number, number]> = [];
    for (let i = 0; i < rows; i++) scene.push([i % 100 === 0 ? 0 : i % 10 === 1 ? 1 : 2, issues[i % issues.length]!]);
    await givenForest(structure.id, scene);
    for (let run = 0; run < runs; run++) {
      const { page, context } = await newPage(browser);
      await page.goto(`${server.url}/?as=${priya.accountId}&module=global#/structure/${structure.id}`);
      const app = await appFrame(page);
      // Every row loaded (edits wait for them) and on screen.
      const loaded = await marks(
        app,
        `() => performance.getEntriesByName('structure:first-screen').some((e) => e.detail && e.detail.rows === ${rows})`,
      );
      if (!loaded) throw new Error(`The ${rows} rows did not load.`);
      await app.getByTestId('row-drag-handle').first().waitFor();
      drops.push(await dropOnce(app, rows, run));
      await context.close();
    }
    // The resolver alone, over the dev server's HTTP as the bridge calls it: the same kind of move.
    let version = (await invokeOk(server.url, 'getForest', { structureId: structure.id, limit: 1 }, priya.accountId))
      .version;
    const page = await invokeOk(server.url, 'getForest', { structureId: structure.id, limit: 10000 }, priya.accountId);
    const tops = page.rowIds.filter((_, i) => page.depths[i] === 0);
    for (let n = 0; n < runs; n++) {
      const start = performance.now();
      const answer = await invokeLoose<{ version: number }>(
        server.url,
        'editStructure',
        {
          structureId: structure.id,
          version,
          actions: [{ kind: 'move', rowIds: [tops[2 + n]], under: tops[0], after: 0 }],
        },
        priya.accountId,
      );
      serverMs.push(performance.now() - start);
      if (!answer.ok) throw new Error(`editStructure refused the move: ${answer.error?.message}`);
      version = answer.data!.version;
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(
    JSON.stringify({
      name: `ui-structure-drop-${rows / 1000}k`,
      rows,
      runs,
      dropToRenderedMs: Math.round(median(drops.map((d) => d.dropToRenderedMs))),
      dropToRenderedMsMax: Math.round(Math.max(...drops.map((d) => d.dropToRenderedMs))),
      dropToAnswerMs: Math.round(median(drops.map((d) => d.dropToAnswerMs))),
      renderedBeforeAnswer: drops.every((d) => d.renderedBeforeAnswer) ? 'yes' : 'no',
      moveResolverMs: Math.round(median(serverMs)),
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
