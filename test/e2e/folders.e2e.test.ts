// Issue 14's folders and clipboard in the browser: a viewer with edit makes a folder with "New folder",
// indents a row under it and renames it with F2, copies a row with Ctrl+C and pastes it with Ctrl+V — in
// this structure and, after opening another one, there — and the forests the backend keeps follow.
// Screenshots: test-results/screenshots/folders-*.png.
import type { Frame } from 'playwright-core';
import { DEMO_USERS } from '../../local/dataset/build-demo';
import { audit } from './support/a11y';
import { appFrame, screenshot } from './support/browser';
import { useDevServerBrowser } from './support/devServerBrowser';

const { priya } = DEMO_USERS;
const e2e = useDevServerBrowser();

async function openStructure(structureId: string): Promise<Frame> {
  await e2e.page.goto(`${e2e.server.url}/?as=${priya.accountId}&module=global#/structure/${structureId}`);
  return appFrame(e2e.page);
}

/** The tree as "depth:label" lines: an issue's key, or a folder as [name]. */
async function outline(app: Frame): Promise<string[]> {
  const rows = app.getByTestId('tree-row');
  const n = await rows.count();
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const row = rows.nth(i);
    const level = Number(await row.getAttribute('aria-level'));
    const label = (await row.getAttribute('aria-label')) ?? '';
    out.push(`${level - 1}:${label.startsWith('Folder ') ? `[${label.slice(7)}]` : label.split(' ')[0]}`);
  }
  return out;
}

/** The forest the backend keeps, in the same words (folders by name, issues by id). */
async function stored(structureId: string): Promise<string[]> {
  const page = await e2e.invoke<{
    rowIds: number[];
    depths: number[];
    issueIds: Array<string | null>;
    folderNames?: Record<string, string>;
  }>('getForest', { structureId }, priya.accountId);
  const p = page.data!;
  return p.rowIds.map((r, i) => `${p.depths[i]}:${p.folderNames?.[String(r)] ?? p.issueIds[i]}`);
}

async function until(condition: () => Promise<boolean>, timeoutMs = 15000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('Timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const expectOutline = async (app: Frame, expected: string[]) => {
  await until(async () => JSON.stringify(await outline(app)) === JSON.stringify(expected)).catch(async () => {
    expect(await outline(app)).toEqual(expected);
  });
};

it('makes a folder, nests a row under it, renames it, and copies and pastes a row here and in another structure', async () => {
  // given: a structure with PLAT-1 and PLAT-2
  const created = await e2e.invoke<{ id: string }>(
    'createStructure',
    { name: 'Themes', description: '' },
    priya.accountId,
  );
  const structureId = created.data!.id;
  const app = await openStructure(structureId);
  await app.getByText('This structure is empty').waitFor();
  await app.getByLabel('Issue keys to add, or a search').fill('PLAT-1, PLAT-2');
  await app.getByRole('button', { name: 'Add issues' }).click();
  await expectOutline(app, ['0:PLAT-1', '0:PLAT-2']);

  // when: New folder, named with the keyboard (the active row is PLAT-1: the folder goes after it)
  await app.getByRole('button', { name: 'New folder' }).click();
  await app.getByLabel('Folder name').fill('Q3 themes');
  await e2e.page.keyboard.press('Enter');
  // then
  await expectOutline(app, ['0:PLAT-1', '0:[Q3 themes]', '0:PLAT-2']);
  await app.getByTestId('row-folder').waitFor();

  // when: keyboard only — PLAT-2 indented under the folder, then the folder renamed with F2
  const tree = app.getByRole('tree', { name: 'Structure' });
  await tree.focus();
  await e2e.page.keyboard.press('End');
  await e2e.page.keyboard.press('Control+ArrowRight');
  await expectOutline(app, ['0:PLAT-1', '0:[Q3 themes]', '1:PLAT-2']);
  await e2e.page.keyboard.press('ArrowUp');
  await e2e.page.keyboard.press('F2');
  const name = app.getByLabel('Folder name');
  await name.waitFor();
  await name.fill('Q4 themes');
  await e2e.page.keyboard.press('Enter');
  // then
  await expectOutline(app, ['0:PLAT-1', '0:[Q4 themes]', '1:PLAT-2']);
  await screenshot(e2e.page, 'folders-01-folder');

  // when: PLAT-2 copied with Ctrl+C and pasted after PLAT-1 with Ctrl+V
  await tree.focus();
  await e2e.page.keyboard.press('End');
  await e2e.page.keyboard.press('Control+c');
  await app.getByTestId('clipboard').getByText('Copied: 1 row from “Themes”').waitFor();
  await e2e.page.keyboard.press('Home');
  await e2e.page.keyboard.press('Control+v');
  // then: a new row for the same issue; the original stays in the folder
  await expectOutline(app, ['0:PLAT-1', '0:PLAT-2', '0:[Q4 themes]', '1:PLAT-2']);
  await app.getByTestId('tree-message').getByText('Pasted 1 row.').waitFor();
  // and the backend keeps the same: the pasted row holds the issue of the row in the folder
  const kept = await stored(structureId);
  const plat2 = kept[3]!.slice(2);
  expect(kept).toEqual([kept[0], `0:${plat2}`, '0:Q4 themes', `1:${plat2}`]);
  expect(kept[0]).not.toBe(`0:${plat2}`);
  await screenshot(e2e.page, 'folders-02-pasted');
  // axe finds nothing with folder rows, the clipboard and the folder form on the page
  await app.getByRole('button', { name: 'New folder' }).click();
  await app.getByLabel('Folder name').waitFor();
  expect(await audit(app)).toEqual([]);
  await e2e.page.keyboard.press('Escape');

  // when: the folder copied, another (empty) structure opened (a reload), and the clipboard pasted there
  await tree.focus();
  await e2e.page.keyboard.press('End');
  await e2e.page.keyboard.press('ArrowUp');
  await app.getByRole('button', { name: 'Copy', exact: true }).click();
  const other = await e2e.invoke<{ id: string }>(
    'createStructure',
    { name: 'Elsewhere', description: '' },
    priya.accountId,
  );
  const there = await openStructure(other.data!.id);
  // (an empty structure: the paste goes to the top level)
  await there.getByText('This structure is empty').waitFor();
  await there.getByTestId('clipboard').getByText('Copied: 2 rows from “Themes”').waitFor();
  await there.getByRole('button', { name: 'Paste', exact: true }).click();
  // then: a new folder of the same name, with PLAT-2 under it
  await expectOutline(there, ['0:[Q4 themes]', '1:PLAT-2']);
  await screenshot(e2e.page, 'folders-03-pasted-elsewhere');
});
