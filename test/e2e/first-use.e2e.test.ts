// Issue 15 items 10, 12 and 13 in a real browser, as people meet them on first use: a failed settings
// call shown with Try again (never a guess), undo that asks first, placeholders from the site's own
// projects, one name per synchronizer, distinct issue-type icons, the dark-feature panel for admins
// only, a warning for a duplicate structure name, and a readable message for an oversized request.
// Screenshots go to test-results/screenshots/first-use-*.png.
import type { Frame } from 'playwright-core';
import { DEMO_USERS } from '../../local/dataset/build-demo';
import { appFrame, screenshot } from './support/browser';
import { useDevServerBrowser } from './support/devServerBrowser';

const { alice, priya, dan } = DEMO_USERS; // alice: Jira admin; priya: every project; dan: not SEC

const e2e = useDevServerBrowser();

async function openAs(user: { accountId: string }, appPath = '/'): Promise<Frame> {
  await e2e.page.goto(`${e2e.server.url}/?as=${user.accountId}&module=global#${appPath}`);
  return appFrame(e2e.page);
}

const shot = async (name: string) => {
  // Modals and section messages fade in: let them settle so the picture is what people see.
  await e2e.page.waitForTimeout(500);
  await screenshot(e2e.page, `first-use-${name}`);
};

async function ok<T = Record<string, unknown>>(key: string, payload: unknown, user: { accountId: string }) {
  const answer = await e2e.invoke<T>(key, payload, user.accountId);
  if (!answer.ok || !answer.data) throw new Error(`${key} failed: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

interface Job {
  id: string;
  state: string;
}

async function finishedImport(structureId: string, synchronizer: string, params: unknown): Promise<Job> {
  const { job } = await ok<{ job: Job }>('startImport', { structureId, synchronizer, params }, priya);
  for (const end = Date.now() + 60000; Date.now() < end;) {
    const now = await ok<Job>('getJob', { jobId: job.id }, priya);
    if (now.state === 'finished') return now;
    if (now.state === 'failed' || now.state === 'cancelled') throw new Error(`import ${job.id} ${now.state}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`import ${job.id} did not finish`);
}

beforeAll(async () => {
  await ok('setSettings', { synchronizersEnabled: true }, alice);
});

afterEach(() => e2e.server.jira.faults.clear());

describe('first use', () => {
  it('shows a failed settings call with Try again instead of “Someone with control…”, then offers Import', async () => {
    // given: priya's empty structure, and Jira failing the admin check getSettings makes
    const structure = await ok<{ id: string }>('createStructure', { name: 'Outage', description: '' }, priya);
    e2e.server.jira.faults.inject5xx({ status: 500, fraction: 1, match: 'mypermissions' });
    // when
    const app = await openAs(priya, `/structure/${structure.id}`);
    // then
    const alert = app.getByRole('alert');
    await alert.getByText('Whether you can import here could not be checked').waitFor({ timeout: 60000 });
    expect(await alert.textContent()).toMatch(/Jira/);
    await app.getByText('This structure is empty').waitFor();
    expect(await app.getByText(/Someone with control/).count()).toBe(0);
    expect(await app.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    await shot('01-settings-failed');
    // when: Jira is back
    e2e.server.jira.faults.clear();
    await alert.getByRole('button', { name: 'Try again' }).click();
    // then
    await app.getByRole('button', { name: 'Import', exact: true }).waitFor({ timeout: 30000 });
    expect(await app.getByRole('alert').count()).toBe(0);
    await shot('02-settings-retried');
  });

  it('shows the dark-feature panel to Jira admins only', async () => {
    // when
    let app = await openAs(dan);
    await app.getByRole('heading', { name: 'Manage structures' }).waitFor();
    await app.getByRole('button', { name: 'Create structure' }).first().waitFor();
    await e2e.page.waitForTimeout(1000);
    // then
    expect(await app.getByText('Advanced configuration and dark features').count()).toBe(0);
    await shot('03-home-not-admin');
    // and an admin still has it
    app = await openAs(alice);
    await app.getByText('Advanced configuration and dark features').waitFor();
    await shot('04-home-admin');
  });

  it('warns about a duplicate structure name and explains a request that is too large', async () => {
    // given
    await ok('createStructure', { name: 'Release train', description: '' }, priya);
    const app = await openAs(priya);
    await app.getByText('Release train').first().waitFor();
    // when
    await app.getByRole('button', { name: 'Create structure' }).first().click();
    await app.getByLabel('Name').fill('release Train');
    // then
    const warning = app.getByTestId('structure-name-duplicate');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Another structure you can see is already called “release Train”');
    await shot('05-duplicate-name');
    // when: a description far beyond what a request may carry
    await app.getByLabel('Name').fill('Huge');
    await app.getByLabel('Description').fill('x'.repeat(600 * 1024));
    await app.getByRole('button', { name: 'Create', exact: true }).click();
    // then
    const error = app.getByRole('dialog').getByTestId('error-message');
    await error.waitFor();
    expect(await error.textContent()).toContain('The request is 601 KB; at most 256 KB is accepted.');
    expect(await error.textContent()).toContain('Send less at once');
    await shot('06-too-large');
    await app.getByRole('button', { name: 'Cancel' }).click();
  });

  it('names real projects in placeholders, the Sub-tasks synchronizer by one name, types by distinct icons, and asks before undo', async () => {
    // given: MOB's stories, then their sub-tasks with the Sub-tasks synchronizer
    const structure = await ok<{ id: string }>('createStructure', { name: 'Mobile', description: '' }, priya);
    let app = await openAs(priya, `/structure/${structure.id}/import`);
    const jql = app.getByLabel('JQL', { exact: true });
    await jql.waitFor();
    // then: the placeholder names a project priya browses (MOB is first by key), not DEMO
    await app.locator('textarea[placeholder^="project = MOB"]').waitFor();
    expect(await jql.getAttribute('placeholder')).toBe('project = MOB AND issuetype = Story ORDER BY Rank');
    await shot('07-placeholder');
    await finishedImport(structure.id, 'filter', {
      source: { kind: 'jql', jql: 'project = MOB AND issuetype = Story ORDER BY key ASC' },
      add: { at: 'top' },
    });
    const subtasks = await finishedImport(structure.id, 'subtasks', { addMissing: true });
    // when
    app = await openAs(priya, `/job/${subtasks.id}`);
    // then
    await app.getByText(/Sub-tasks synchronizer · started by/).waitFor();
    expect(await app.getByText(/Subtasks synchronizer/).count()).toBe(0);
    await shot('08-job-sub-tasks');
    // when
    await app.getByRole('button', { name: 'Undo import' }).click();
    // then
    const dialog = app.getByTestId('confirm-undo');
    await dialog.getByTestId('undo-changes').waitFor();
    const text = (await dialog.textContent()) ?? '';
    expect(text).toMatch(/Removes \d+ rows? the import added\./);
    expect(text).toContain('run by you');
    expect(text).toContain('There is no redo');
    await shot('09-undo-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    // when
    app = await openAs(priya, `/structure/${structure.id}`);
    await app.getByTestId('forest-tree').waitFor();
    await app.getByRole('button', { name: 'Expand all' }).click();
    // then: Story and Sub-task each have their own glyph
    const story = app.getByRole('img', { name: 'Story' }).first();
    const subtask = app.getByRole('img', { name: 'Sub-task' }).first();
    await story.waitFor();
    await subtask.waitFor();
    expect(await story.getAttribute('data-glyph')).toBe('story');
    expect(await subtask.getAttribute('data-glyph')).toBe('sub-task');
    await shot('10-icons');
    // and undo, once confirmed, runs
    app = await openAs(priya, `/job/${subtasks.id}`);
    await app.getByRole('button', { name: 'Undo import' }).click();
    await app.getByTestId('confirm-undo-button').click();
    await app.getByRole('heading', { name: 'Undo job' }).waitFor();
  });
});
