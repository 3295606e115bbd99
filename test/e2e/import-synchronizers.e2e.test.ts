// Issue 4's browser acceptance: an import with each of the Sub-tasks, Links, Agile and Hierarchy
// synchronizers from the Import page, in Debian's Chromium against the dev server (real resolvers,
// worker, KVS and Jira emulator with the demo dataset). Screenshots: test-results/screenshots/e2e-sync-*.png.
import type { Frame } from 'playwright-core';
import { DEMO_USERS } from '../../local/dataset/build-demo';
import { audit } from './support/a11y';
import { appFrame, screenshot } from './support/browser';
import { useDevServerBrowser } from './support/devServerBrowser';

const { alice, priya } = DEMO_USERS;

const e2e = useDevServerBrowser();
const invoke = (key: string, payload: unknown, accountId: string) =>
  e2e.invoke<{ id?: string; forestVersion?: number }>(key, payload, accountId);

beforeAll(async () => {
  await invoke('setSettings', { synchronizersEnabled: true }, alice.accountId);
});

const shot = (name: string) => screenshot(e2e.page, `e2e-sync-${name}`);

async function importPage(structureId: string, synchronizer: string): Promise<Frame> {
  await e2e.page.goto(
    `${e2e.server.url}/?as=${priya.accountId}&module=global#/structure/${encodeURIComponent(structureId)}/import`,
  );
  const app = await appFrame(e2e.page);
  await app.getByLabel('Synchronizer').click();
  await app.getByRole('option', { name: synchronizer, exact: true }).click();
  return app;
}

/** Preview, screenshot, run, confirm, wait for the job; answers the job page's "added" figure. */
async function previewAndRun(app: Frame, name: string): Promise<number> {
  await e2e.page.waitForTimeout(300); // Atlaskit's radio and checkbox fill animates
  await shot(`${name}-0-form`);
  // Every form, filled in, passes axe-core's WCAG 2 A/AA rules.
  expect({ form: name, violations: await audit(app) }).toEqual({ form: name, violations: [] });
  await app.getByRole('button', { name: 'Preview' }).click();
  await app.getByTestId('import-preview').waitFor();
  await shot(`${name}-1-preview`);
  await app.getByRole('button', { name: 'Run Import' }).click();
  await app.getByRole('dialog').getByRole('button', { name: 'Run import' }).click();
  await app.getByRole('button', { name: 'Open structure' }).waitFor({ timeout: 60000 });
  expect(await app.getByTestId('job-state').textContent()).toBe('Finished');
  await shot(`${name}-2-finished`);
  return Number(await app.getByTestId('result-added').textContent());
}

async function openTree(app: Frame, name: string): Promise<void> {
  await app.getByRole('button', { name: 'Open structure' }).click();
  await app.getByTestId('forest-tree').waitFor();
  await app
    .locator('#row-1')
    .getByText(/^PLAT-\d+$/)
    .waitFor();
  await shot(`${name}-3-structure`);
}

describe('Import with each synchronizer from the Import page', () => {
  let structureId = '';

  it('Agile: a Scrum board picked from Jira’s boards, epics with their issues in rank order', async () => {
    // given
    structureId = (await invoke('createStructure', { name: 'Platform board' }, priya.accountId)).data?.id ?? '';
    const app = await importPage(structureId, 'Agile');
    // when
    await app.getByLabel('Board', { exact: true }).click();
    await app.getByRole('option', { name: 'PLAT Scrum board' }).click();
    await app.getByText('Scrum board in').waitFor();
    const added = await previewAndRun(app, 'agile');
    // then
    expect(added).toBeGreaterThan(0);
    await openTree(app, 'agile');
  });

  it('Sub-tasks: adds the missing sub-tasks under their parents', async () => {
    // given
    const app = await importPage(structureId, 'Sub-tasks');
    // when
    await app.getByLabel('Add missing sub-tasks').check();
    const added = await previewAndRun(app, 'subtasks');
    // then
    expect(added).toBeGreaterThan(0);
    await openTree(app, 'subtasks');
  });

  it('Links: a link type picked from Jira’s list, expanding below the structure’s issues', async () => {
    // given
    const app = await importPage(structureId, 'Links');
    // when
    await app.getByLabel('Link type', { exact: true }).click();
    await app.getByRole('option', { name: 'Blocks' }).click();
    await app.getByLabel('Expand: add linked issues below the structure’s issues').check();
    expect(await app.getByLabel('Expand: add linked issues below the structure’s issues').isChecked()).toBe(true);
    await previewAndRun(app, 'links');
    // then
    await openTree(app, 'links');
  });

  it('Hierarchy: projects picked from Jira’s list, every level below the highest', async () => {
    // given
    const hierarchy = (await invoke('createStructure', { name: 'Platform hierarchy' }, priya.accountId)).data?.id ?? '';
    const app = await importPage(hierarchy, 'Hierarchy');
    // when
    await app.getByLabel('Projects', { exact: true }).click();
    await app.getByRole('option', { name: /\(PLAT\)/ }).click();
    await e2e.page.keyboard.press('Escape');
    const added = await previewAndRun(app, 'hierarchy');
    // then
    expect(added).toBeGreaterThan(0);
    await openTree(app, 'hierarchy');
  });
});
