// Issue 14's first browser steps: a viewer with edit adds issues through the structure view's "Add
// issues" field, then moves, indents, outdents and removes rows with the keyboard only, and the forest
// the backend keeps follows; Enter opens the active row's issue. Screenshots: test-results/screenshots/edit-*.png.
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

/** The forest as "depth:key" lines, read through the resolver and Jira's keys. */
async function outline(app: Frame): Promise<string[]> {
  const rows = app.getByTestId('tree-row');
  const n = await rows.count();
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const row = rows.nth(i);
    const level = Number(await row.getAttribute('aria-level'));
    const label = (await row.getAttribute('aria-label')) ?? '';
    out.push(`${level - 1}:${label.split(' ')[0]}`);
  }
  return out;
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

it('adds issues, then moves, indents, outdents and removes rows with the keyboard only', async () => {
  // given
  const created = await e2e.invoke<{ id: string }>(
    'createStructure',
    { name: 'Hand-made', description: '' },
    priya.accountId,
  );
  const app = await openStructure(created.data!.id);
  await app.getByText('This structure is empty').waitFor();
  // when: three issues through the Add issues field (an empty structure shows the bar too)
  await app.getByLabel('Issue keys to add, or a search').fill('PLAT-1, PLAT-2, PLAT-3');
  await app.getByRole('button', { name: 'Add issues' }).click();
  // then
  await expectOutline(app, ['0:PLAT-1', '0:PLAT-2', '0:PLAT-3']);
  await screenshot(e2e.page, 'edit-01-added');

  // when: keyboard only — focus the tree, go to PLAT-2, indent it under PLAT-1
  const tree = app.getByRole('tree', { name: 'Structure' });
  await tree.focus();
  await e2e.page.keyboard.press('Home');
  await e2e.page.keyboard.press('ArrowDown');
  await e2e.page.keyboard.press('Control+ArrowRight');
  // then
  await expectOutline(app, ['0:PLAT-1', '1:PLAT-2', '0:PLAT-3']);
  await app.getByTestId('tree-message').getByText('Indented.').waitFor();
  await screenshot(e2e.page, 'edit-02-indented');

  // when: PLAT-3 up above PLAT-1
  await e2e.page.keyboard.press('End');
  await e2e.page.keyboard.press('Control+ArrowUp');
  // then
  await expectOutline(app, ['0:PLAT-3', '0:PLAT-1', '1:PLAT-2']);
  // when: PLAT-2 out of PLAT-1
  await e2e.page.keyboard.press('End');
  await e2e.page.keyboard.press('Control+ArrowLeft');
  await expectOutline(app, ['0:PLAT-3', '0:PLAT-1', '0:PLAT-2']);
  // when: a move with nowhere to go says so and sends nothing
  await e2e.page.keyboard.press('Home');
  await e2e.page.keyboard.press('Control+ArrowUp');
  await app.getByTestId('tree-message').getByText('The row is first at its level already.').waitFor();
  // when: Delete removes the active row from the structure
  await e2e.page.keyboard.press('Delete');
  await expectOutline(app, ['0:PLAT-1', '0:PLAT-2']);
  await app
    .getByTestId('tree-message')
    .getByText('Removed the row and the rows under it from the structure; the issues stay in Jira.')
    .waitFor();
  await screenshot(e2e.page, 'edit-03-removed');
  expect(await audit(app)).toEqual([]);

  // when: searching within the structure by JQL keeps the matches (and their ancestors)
  await app.getByLabel('Filter rows by text or JQL').fill('key = PLAT-2');
  await app.getByRole('button', { name: 'Filter', exact: true }).click();
  // then
  await expectOutline(app, ['0:PLAT-2']);
  await app.getByText('1 row matches “key = PLAT-2”').waitFor();
  await screenshot(e2e.page, 'edit-04-filtered');
  await app.getByRole('button', { name: 'Show all rows' }).click();
  await expectOutline(app, ['0:PLAT-1', '0:PLAT-2']);

  // when: Enter opens the active row's issue in Jira (the local host stands in for Jira's issue view)
  await tree.focus();
  await e2e.page.keyboard.press('Home');
  await e2e.page.keyboard.press('Enter');
  // then
  await e2e.page.waitForURL(/\/browse\/PLAT-1$/);
  expect(await e2e.page.getByTestId('issue-view-key').textContent()).toBe('PLAT-1');
  await screenshot(e2e.page, 'edit-05-issue-opened');
});
