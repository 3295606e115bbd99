// Issue 11 item 3 in a real browser: the Import page's preview says about how many of Jira's hourly
// points the run will cost; a job that meets Jira's exhausted hourly pool says on its page that it waits
// for Jira's hourly limit and when it continues; axe finds nothing on either. Screenshots
// test-results/screenshots/hourly-*.png.
import { DEMO_USERS } from '../../local/dataset/build-demo';
import { audit } from './support/a11y';
import { appFrame, screenshot } from './support/browser';
import { useDevServerBrowser } from './support/devServerBrowser';

const { alice, priya } = DEMO_USERS;
const e2e = useDevServerBrowser();
const shot = (name: string) => screenshot(e2e.page, `hourly-${name}`);
const JQL = 'project = PLAT ORDER BY key ASC';

async function ok<T>(key: string, payload: unknown, who: { accountId: string }): Promise<T> {
  const answer = await e2e.invoke<T>(key, payload, who.accountId);
  if (!answer.ok || answer.data === undefined) throw new Error(`${key} failed: ${JSON.stringify(answer)}`);
  return answer.data;
}

it("shows the preview's points estimate, then a job waiting for Jira's hourly limit", async () => {
  // given
  await ok('setSettings', { synchronizersEnabled: true }, alice);
  const structure = await ok<{ id: string }>('createStructure', { name: 'Hourly limit' }, priya);
  // when: the Import page's preview
  await e2e.page.goto(`${e2e.server.url}/?as=${priya.accountId}&module=global#/structure/${structure.id}/import`);
  let app = await appFrame(e2e.page);
  await app.getByLabel('JQL', { exact: true }).fill(JQL);
  await app.getByRole('button', { name: 'Preview' }).click();
  // then
  const estimate = app.getByTestId('points-estimate');
  await estimate.waitFor();
  expect(await estimate.textContent()).toMatch(/^This import will cost about [\d,]+ of Jira's hourly points/);
  await estimate.scrollIntoViewIfNeeded();
  await shot('01-preview-estimate');
  expect(await audit(app)).toEqual([]);

  // when: the job's first search meets Jira's exhausted hourly pool (the start's own checks went through)
  const queue = e2e.server.forge.queue;
  queue.switches.extraDelayMs = 1_000;
  const params = { source: { kind: 'jql', jql: JQL }, add: { at: 'top' } };
  const { job } = await ok<{ job: { id: string } }>(
    'startImport',
    { structureId: structure.id, synchronizer: 'filter', params },
    priya,
  );
  e2e.server.jira.faults.inject429({
    kind: 'quota',
    count: 1,
    match: 'POST /rest/api/3/search/jql',
    retryAfterSeconds: 3000,
  });
  queue.switches.extraDelayMs = 0;
  await e2e.page.goto(`${e2e.server.url}/?as=${priya.accountId}&module=global#/job/${job.id}`);
  app = await appFrame(e2e.page);
  // then
  await app.getByText(/^Waiting for Jira's hourly limit — continues at \d\d:\d\d UTC$/).waitFor({ timeout: 30_000 });
  expect(await app.getByTestId('job-state').textContent()).toBe('Running');
  await shot('02-job-waiting');
  expect(await audit(app)).toEqual([]);
});
