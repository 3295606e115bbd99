// Issue 14: dragging rows in the structure view (Pragmatic drag and drop, native HTML5 drag events in
// Chromium) — a row dropped on another goes under it and stays there after a reload; a row dropped on the
// top of another goes above it; a row cannot be dropped into its own subtree; the grip's menu makes the
// same moves without dragging; a selection moves together. Screenshots:
// test-results/screenshots/dnd-*.png.
import type { Frame, Locator } from 'playwright-core';
import { DEMO_USERS } from '../../local/dataset/build-demo';
import { audit } from './support/a11y';
import { appFrame, screenshot } from './support/browser';
import { useDevServerBrowser } from './support/devServerBrowser';

const { priya } = DEMO_USERS;
const e2e = useDevServerBrowser();

async function openStructure(structureId: string): Promise<Frame> {
  await e2e.page.goto(`${e2e.server.url}/?as=${priya.accountId}&module=global#/structure/${structureId}`);
  const app = await appFrame(e2e.page);
  await app.getByTestId('row-drag-handle').first().waitFor();
  return app;
}

/** The rows on screen as "depth:key" lines. */
async function outline(app: Frame): Promise<string[]> {
  const rows = app.getByTestId('tree-row');
  const out: string[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const level = Number(await rows.nth(i).getAttribute('aria-level'));
    out.push(`${level - 1}:${((await rows.nth(i).getAttribute('aria-label')) ?? '').split(' ')[0]}`);
  }
  return out;
}

async function expectOutline(app: Frame, expected: string[]): Promise<void> {
  const end = Date.now() + 15000;
  while (JSON.stringify(await outline(app)) !== JSON.stringify(expected) && Date.now() < end)
    await new Promise((r) => setTimeout(r, 100));
  expect(await outline(app)).toEqual(expected);
}

const row = (app: Frame, key: string): Locator => app.locator(`[data-testid="tree-row"][aria-label^="${key} "]`);
const handle = (app: Frame, key: string): Locator => row(app, key).getByTestId('row-drag-handle');

/** A pointer drag from a row's grip to a point of another row (y: a fraction of its height). */
async function drag(app: Frame, from: string, to: string, y: number, beforeDrop?: () => Promise<unknown>) {
  const grip = await handle(app, from).boundingBox();
  const target = await row(app, to).boundingBox();
  if (!grip || !target) throw new Error(`${from} or ${to} is not on screen`);
  const { mouse } = e2e.page;
  await mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await mouse.down();
  await mouse.move(grip.x + 40, grip.y + grip.height / 2, { steps: 4 });
  await mouse.move(target.x + 300, target.y + target.height * y, { steps: 8 });
  await beforeDrop?.();
  await mouse.up();
}

async function forestVersion(structureId: string): Promise<number> {
  const page = await e2e.invoke<{ version: number }>('getForest', { structureId, limit: 1 }, priya.accountId);
  return page.data!.version;
}

it('drags a row under another, above another, and never into its own subtree', async () => {
  // given: PLAT-1, PLAT-2, PLAT-3 at the top level
  const created = await e2e.invoke<{ id: string }>(
    'createStructure',
    { name: 'Dragged', description: '' },
    priya.accountId,
  );
  const structureId = created.data!.id;
  const added = await e2e.invoke(
    'editStructure',
    {
      structureId,
      version: await forestVersion(structureId),
      actions: [{ kind: 'add', issueKeys: ['PLAT-1', 'PLAT-2', 'PLAT-3'] }],
    },
    priya.accountId,
  );
  expect(added.ok).toBe(true);
  const app = await openStructure(structureId);
  await expectOutline(app, ['0:PLAT-1', '0:PLAT-2', '0:PLAT-3']);
  expect(await handle(app, 'PLAT-3').getAttribute('aria-label')).toBe('Move PLAT-3');

  // when: PLAT-3's grip dropped on the middle of PLAT-1
  let shown: string | null = null;
  await drag(app, 'PLAT-3', 'PLAT-1', 0.5, async () => {
    shown = await row(app, 'PLAT-1').getByTestId('drop-indicator').getAttribute('data-instruction');
    await screenshot(e2e.page, 'dnd-01-over-make-child');
  });
  // then: the indicator said where it would go before the drop
  expect(shown).toBe('make-child');
  // and: nested under it, said in the message (and the live region)
  await expectOutline(app, ['0:PLAT-1', '1:PLAT-3', '0:PLAT-2']);
  await app.getByTestId('tree-message').getByText('PLAT-3 moved under PLAT-1.').waitFor();
  await screenshot(e2e.page, 'dnd-02-dropped-under');
  // and: the backend keeps it — after a reload too
  await e2e.page.reload();
  const reloaded = await openStructure(structureId);
  await expectOutline(reloaded, ['0:PLAT-1', '1:PLAT-3', '0:PLAT-2']);

  // when: PLAT-2 dropped on the top quarter of PLAT-1
  await drag(reloaded, 'PLAT-2', 'PLAT-1', 0.1);
  // then
  await expectOutline(reloaded, ['0:PLAT-2', '0:PLAT-1', '1:PLAT-3']);
  await reloaded.getByTestId('tree-message').getByText('PLAT-2 moved above PLAT-1.').waitFor();

  // when: PLAT-1 dragged onto its own child: no drop indicator, nothing sent
  const before = await forestVersion(structureId);
  let indicatorShown = true;
  await drag(reloaded, 'PLAT-1', 'PLAT-3', 0.5, async () => {
    await screenshot(e2e.page, 'dnd-03-own-subtree');
    indicatorShown = (await reloaded.locator('[data-testid="tree-row"] [data-testid="drop-indicator"]').count()) > 0;
  });
  // then
  await expectOutline(reloaded, ['0:PLAT-2', '0:PLAT-1', '1:PLAT-3']);
  expect(indicatorShown).toBe(false);
  expect(await forestVersion(structureId)).toBe(before);
  expect(await audit(reloaded)).toEqual([]);

  // when: the grip's menu, for whoever cannot drag: PLAT-2 down
  await handle(reloaded, 'PLAT-2').click();
  await reloaded.getByRole('menu', { name: 'Move PLAT-2' }).waitFor();
  await screenshot(e2e.page, 'dnd-04-move-menu');
  expect(await audit(reloaded)).toEqual([]);
  await reloaded.getByRole('menuitem', { name: 'Move down' }).click();
  // then
  await expectOutline(reloaded, ['0:PLAT-1', '1:PLAT-3', '0:PLAT-2']);
  await reloaded.getByTestId('tree-message').getByText('Moved down.').waitFor();

  // when: PLAT-3 and PLAT-2 selected (click, Shift+click on their summaries), dragged above PLAT-1 together
  await row(reloaded, 'PLAT-3').click({ position: { x: 600, y: 18 } });
  await row(reloaded, 'PLAT-2').click({ position: { x: 600, y: 18 }, modifiers: ['Shift'] });
  await drag(reloaded, 'PLAT-2', 'PLAT-1', 0.1);
  // then
  await expectOutline(reloaded, ['0:PLAT-3', '0:PLAT-2', '0:PLAT-1']);
  await reloaded.getByTestId('tree-message').getByText('2 rows moved above PLAT-1.').waitFor();
});
