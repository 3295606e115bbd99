// Issue 13's browser acceptance: install Status Rollup (it starts disabled), preview an Export with it,
// run it, and see the parent change in Jira. Debian's Chromium drives the dev server (real resolvers,
// worker, KVS and the Jira emulator with workflows). Screenshots: test-results/screenshots/rollup-*.png.
import type { Frame } from 'playwright-core';
import { people } from '../integration/support/dataset';
import { rollupDataset } from '../integration/support/rollup-dataset';
import { audit } from './support/a11y';
import { appFrame, choose, screenshot } from './support/browser';
import { useDevServerBrowser } from './support/devServerBrowser';

const { adam, olivia } = people; // adam: Jira admin; olivia: owns the structure, transitions RU issues

const e2e = useDevServerBrowser({
  dataset: rollupDataset({ 'RU-1': 'In Progress', 'RU-2': 'Done', 'RU-3': 'Done', 'RU-4': 'In Progress' }),
});

async function openAs(user: { accountId: string }, appPath: string): Promise<Frame> {
  await e2e.page.goto(`${e2e.server.url}/?as=${user.accountId}&module=global#${appPath}`);
  return appFrame(e2e.page);
}

const shot = async (name: string, dialog = false) => {
  if (dialog) await e2e.page.waitForTimeout(600);
  await screenshot(e2e.page, `rollup-${name}`);
};

async function statusInJira(key: string): Promise<string | undefined> {
  const res = await fetch(`${e2e.server.url}/rest/api/3/issue/${key}?fields=status`, {
    headers: { 'x-forge-account-id': olivia.accountId },
  });
  return ((await res.json()) as { fields?: { status?: { name?: string } } }).fields?.status?.name;
}

/** The ordered status list: adds each status in turn through its picker. */
async function chooseStatuses(app: Frame, ...names: string[]): Promise<void> {
  for (const name of names) await choose(app, 'Add a status', name);
  const listed = app.getByRole('list', { name: 'Statuses rolled up, earliest first' }).getByRole('listitem');
  expect(await listed.count()).toBe(names.length);
}

let structureId = '';

describe('Status Rollup in the browser', () => {
  beforeAll(async () => {
    // given: synchronizers on; olivia's structure RU-1 > (RU-2, RU-3) — both children Done, RU-1 In Progress
    expect((await e2e.invoke('setSettings', { synchronizersEnabled: true }, adam.accountId)).ok).toBe(true);
    const created = await e2e.invoke<{ id: string }>(
      'createStructure',
      { name: 'Release 3', description: '' },
      olivia.accountId,
    );
    structureId = created.data!.id;
    const added = await e2e.invoke<{ addedRowIds: number[]; version: number }>(
      'editStructure',
      { structureId, version: 1, actions: [{ kind: 'add', issueKeys: ['RU-1', 'RU-2', 'RU-3'] }] },
      olivia.accountId,
    );
    if (!added.ok) {
      // The structure's first forest version is not always 1: read it and try again.
      const page = await e2e.invoke<{ version: number }>('getForest', { structureId }, olivia.accountId);
      const retry = await e2e.invoke<{ addedRowIds: number[]; version: number }>(
        'editStructure',
        { structureId, version: page.data!.version, actions: [{ kind: 'add', issueKeys: ['RU-1', 'RU-2', 'RU-3'] }] },
        olivia.accountId,
      );
      Object.assign(added, retry);
    }
    const [, ru2, ru3] = added.data!.addedRowIds;
    const indented = await e2e.invoke(
      'editStructure',
      { structureId, version: added.data!.version, actions: [{ kind: 'indent', rowIds: [ru2, ru3] }] },
      olivia.accountId,
    );
    expect(indented.ok).toBe(true);
  });

  it('installs Status Rollup disabled, with its ordered statuses', async () => {
    // given
    const app = await openAs(olivia, `/structure/${structureId}/sync`);
    await app.getByText('No synchronizers installed').waitFor();
    // when
    await app.getByRole('button', { name: 'Install synchronizer' }).click();
    const modal = app.getByRole('dialog');
    await modal.getByText('Installed synchronizers start disabled').waitFor();
    await choose(app, 'Synchronizer', 'Status Rollup');
    await chooseStatuses(app, 'Done', 'To Do', 'In Progress');
    // Done went in first: move it to the end with the keyboard-reachable buttons
    await modal.getByRole('button', { name: 'Move Done down' }).click();
    await modal.getByRole('button', { name: 'Move Done down' }).click();
    const order = await modal.getByRole('list', { name: 'Statuses rolled up, earliest first' }).innerText();
    expect(order.split('\n').filter((l) => ['To Do', 'In Progress', 'Done'].includes(l.trim()))).toEqual([
      'To Do',
      'In Progress',
      'Done',
    ]);
    await modal.getByLabel('To reach Done').fill('Done');
    await shot('01-install', true);
    expect(await audit(app)).toEqual([]);
    await modal.getByRole('button', { name: 'Install', exact: true }).click();
    // then
    const table = app.getByTestId('installed-synchronizers');
    await table.waitFor();
    expect(await table.getByTestId('synchronizer-state').textContent()).toContain('Disabled');
    expect(await table.getByTestId('params-summary').textContent()).toContain(
      'Rolls up To Do → In Progress → Done into parents',
    );
    await shot('02-installed');
  });

  it('previews an Export, runs it, and the parent moves in Jira', async () => {
    // given
    expect(await statusInJira('RU-1')).toBe('In Progress');
    const app = await openAs(olivia, `/structure/${structureId}/export`);
    await app.getByLabel('Synchronizer', { exact: true }).waitFor();
    await choose(app, 'Synchronizer', 'Status Rollup');
    await chooseStatuses(app, 'To Do', 'In Progress', 'Done');
    // when
    await app.getByRole('button', { name: 'Preview' }).click();
    await app.getByTestId('export-preview').waitFor();
    // then
    expect(await app.getByTestId('export-preview-statuses').textContent()).toBe('1');
    await app.getByTestId('export-changes').getByText('RU-1').waitFor();
    await shot('03-preview');
    expect(await audit(app)).toEqual([]);
    // when
    await app.getByRole('button', { name: 'Run Export' }).click();
    const dialog = app.getByRole('dialog');
    await dialog.getByTestId('confirm-export-kinds').getByText('status of 1 issue').waitFor();
    await shot('04-confirm', true);
    await dialog.getByRole('button', { name: 'Run export' }).click();
    // then
    await app.getByRole('button', { name: 'Revert export' }).waitFor({ timeout: 60000 });
    expect(await app.getByTestId('job-state').textContent()).toBe('Finished');
    expect(await statusInJira('RU-1')).toBe('Done');
    await shot('05-finished');
  });
});
