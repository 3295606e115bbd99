// Issue 14's columns in the browser: an editor adds Story Points, Σ Story Points and Progress through the
// Columns dialog's field picker, saves, reloads the page and sees them still there with values read from
// Jira; a viewer who cannot see one of the issues gets aggregates without it. Screenshots: columns-*.png.
import type { Frame } from 'playwright-core';
import { DEMO_USERS } from '../../local/dataset/build-demo';
import { audit } from './support/a11y';
import { appFrame, screenshot } from './support/browser';
import { useDevServerBrowser } from './support/devServerBrowser';

const { priya, dan } = DEMO_USERS;
const e2e = useDevServerBrowser();

async function openStructure(structureId: string, as: string): Promise<Frame> {
  await e2e.page.goto(`${e2e.server.url}/?as=${as}&module=global#/structure/${structureId}`);
  return appFrame(e2e.page);
}

const headers = async (app: Frame) => app.getByTestId('column-header').allTextContents();
const cell = (app: Frame, key: string, column: string) =>
  app.getByRole('treeitem', { name: new RegExp(`^${key} `) }).locator(`[data-column="${column}"]`);

/** The epic PLAT-2 with four of its stories and bugs (2, 3, 2 and 5 points; PLAT-3 done), and SEC-3 (3 points). */
async function givenEpic(): Promise<string> {
  const created = await e2e.invoke<{ id: string }>(
    'createStructure',
    { name: 'Points', description: '' },
    priya.accountId,
  );
  const structureId = created.data!.id;
  const epic = await e2e.invoke<{ version: number; addedRowIds: number[] }>(
    'editStructure',
    { structureId, version: 0, actions: [{ kind: 'add', issueKeys: ['PLAT-2'] }] },
    priya.accountId,
  );
  const under = await e2e.invoke(
    'editStructure',
    {
      structureId,
      version: epic.data!.version,
      actions: [
        {
          kind: 'add',
          issueKeys: ['PLAT-3', 'PLAT-7', 'PLAT-10', 'PLAT-11', 'SEC-3'],
          under: epic.data!.addedRowIds[0],
        },
      ],
    },
    priya.accountId,
  );
  expect(under.ok).toBe(true);
  // Dan may view it; he cannot see the SEC project in Jira.
  const shared = await e2e.invoke(
    'setPermissions',
    { structureId, rules: [{ subject: { type: 'user', accountId: dan.accountId }, level: 'view' }] },
    priya.accountId,
  );
  expect(shared.ok).toBe(true);
  return structureId;
}

it('adds Story Points, Σ Story Points and Progress, saves them, and sees them after a reload, with values', async () => {
  // given
  const structureId = await givenEpic();
  let app = await openStructure(structureId, priya.accountId);
  await app.getByRole('treeitem', { name: /^PLAT-3 / }).waitFor();
  expect(await headers(app)).toEqual(['Issue', 'Summary', 'Status', 'Assignee']);

  // when: three columns from the searchable field picker, the Assignee removed
  await app.getByRole('button', { name: 'Columns' }).click();
  const dialog = app.getByRole('dialog', { name: 'Columns' });
  const picker = dialog.getByLabel('Add a column', { exact: true });
  await picker.fill('Story');
  await app.getByRole('option', { name: 'Story Points (customfield_10016)' }).click();
  await picker.fill('Σ');
  await app.getByRole('option', { name: 'Σ Story Points (over the row and the rows under it)' }).click();
  await picker.fill('Progress');
  await app.getByRole('option', { name: 'Progress (resolved issues under the row)' }).click();
  await dialog.getByRole('button', { name: 'Remove Assignee' }).click();
  // and, with the keyboard: Story Points one up, above Status
  await dialog.getByRole('button', { name: 'Move Story Points up' }).focus();
  await e2e.page.keyboard.press('Enter');
  await screenshot(e2e.page, 'columns-01-dialog');
  expect(await audit(app)).toEqual([]);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'hidden' });

  // then
  const expected = ['Issue', 'Summary', 'Story Points', 'Status', 'Σ Story Points', 'Progress'];
  expect(await headers(app)).toEqual(expected);
  await expect(cell(app, 'PLAT-7', 'field:customfield_10016').textContent()).resolves.toBe('3');

  // when: the page is loaded again
  await e2e.page.reload();
  app = await appFrame(e2e.page);
  await app.getByRole('treeitem', { name: /^PLAT-3 / }).waitFor();
  // then: the saved columns, with Jira's values: Σ over the epic's subtree, and 1 of its 5 issues resolved
  await app.getByTestId('column-header').nth(5).waitFor();
  expect(await headers(app)).toEqual(expected);
  await cell(app, 'PLAT-2', 'sum:customfield_10016').getByText('15', { exact: true }).waitFor();
  expect(await cell(app, 'PLAT-11', 'field:customfield_10016').textContent()).toBe('5');
  expect(await cell(app, 'PLAT-11', 'sum:customfield_10016').textContent()).toBe('5');
  expect(await cell(app, 'PLAT-2', 'progress').textContent()).toBe('20%');
  await cell(app, 'PLAT-2', 'progress').getByRole('progressbar', { name: '1 of 5 resolved (20%)' }).waitFor();
  expect(await cell(app, 'PLAT-3', 'progress').textContent()).toBe('100%');
  await screenshot(e2e.page, 'columns-02-after-reload');
  expect(await audit(app)).toEqual([]);

  // when: Dan, who may only view the structure and cannot see SEC-3 in Jira
  app = await openStructure(structureId, dan.accountId);
  await app.getByRole('treeitem', { name: /^PLAT-3 / }).waitFor();
  // then: the same columns, no Columns button, and aggregates without the issue he cannot see
  expect(await headers(app)).toEqual(expected);
  await cell(app, 'PLAT-2', 'sum:customfield_10016').getByText('12', { exact: true }).waitFor();
  expect(await cell(app, 'PLAT-2', 'progress').textContent()).toBe('25%');
  expect(await app.getByRole('button', { name: 'Columns' }).count()).toBe(0);
  expect(await app.getByRole('treeitem', { name: /^SEC-3 / }).count()).toBe(0);
  await screenshot(e2e.page, 'columns-03-viewer');
});
