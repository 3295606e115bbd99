// Issue 15 items 9 and 11 in a real browser: a Filter import of 16,000 issues shows a determinate bar
// (Jira's count is the total) and, while Jira fails, one log line per wait; when Jira's outage ends the
// job, the page says Jira was unavailable and Retry runs the same import again; axe finds nothing on
// either page. Screenshots test-results/screenshots/outage-*.png.
import path from 'node:path';
import { DEMO_USERS } from '../../local/dataset/build-demo';
import { loadDataset } from '../../local/dataset/load';
import type { Dataset, DatasetIssue } from '../../local/dataset/types';
import { audit } from './support/a11y';
import { appFrame, screenshot } from './support/browser';
import { useDevServerBrowser } from './support/devServerBrowser';

const { alice, priya } = DEMO_USERS;
const EXTRA = 16_000;

/** The demo site with 16,000 more PLAT tasks: a search of PLAT takes two units (15,000 ids a unit). */
function bigDemo(): Dataset {
  const demo = loadDataset(path.resolve(__dirname, '../../local/dataset/demo.json'));
  const template = demo.issues.find((i) => i.key.startsWith('PLAT-') && i.type === 'Task');
  if (!template) throw new Error('The demo has no PLAT task');
  const extra = Array.from({ length: EXTRA }, (_, n): DatasetIssue => ({
    id: String(200_000 + n),
    key: `PLAT-${1000 + n}`,
    type: 'Task',
    summary: `Load task ${n + 1}`,
    status: 'To Do',
    rank: `0|z${String(n).padStart(6, '0')}:`,
    created: template.created,
    updated: template.updated,
    reporter: template.reporter,
  }));
  return { ...demo, issues: [...demo.issues, ...extra] };
}

const e2e = useDevServerBrowser({ dataset: bigDemo() });
const shot = (name: string) => screenshot(e2e.page, `outage-${name}`);

async function ok<T>(key: string, payload: unknown, who: { accountId: string }): Promise<T> {
  const answer = await e2e.invoke<T>(key, payload, who.accountId);
  if (!answer.ok || answer.data === undefined) throw new Error(`${key} failed: ${JSON.stringify(answer)}`);
  return answer.data;
}

it('shows a determinate bar, logs Jira’s waits, says Jira was unavailable and retries', async () => {
  // given: synchronizers on, a structure, and a slow Jira search (2.5 s a page) so a unit can be watched
  await ok('setSettings', { synchronizersEnabled: true }, alice);
  const structure = await ok<{ id: string }>('createStructure', { name: 'Platform load' }, priya);
  const jira = e2e.server.jira;
  jira.faults.setLatency({ ms: 2500, match: 'POST /rest/api/3/search/jql' });
  const params = { source: { kind: 'jql', jql: 'project = PLAT ORDER BY key ASC' }, add: { at: 'top' } };
  const { job } = await ok<{ job: { id: string } }>(
    'startImport',
    { structureId: structure.id, synchronizer: 'filter', params },
    priya,
  );
  await e2e.page.goto(`${e2e.server.url}/?as=${priya.accountId}&module=global#/job/${job.id}`);
  const app = await appFrame(e2e.page);

  // then: after the first unit the search knows its total, and the bar is determinate
  const total = (EXTRA + 69).toLocaleString('en-US');
  await app.getByText(`15,000 of ${total}`).waitFor({ timeout: 30_000 });
  // when: at once, while the second unit's page is on its way, Jira stops answering searches
  jira.faults.clear();
  jira.faults.inject5xx({ fraction: 1, status: 503, match: 'POST /rest/api/3/search/jql' });
  const bar = app.getByRole('progressbar');
  expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0.9);
  await shot('01-determinate-bar');
  expect(await audit(app)).toEqual([]);
  // then: each wait is in the log while it waits
  await app
    .getByText(/Jira did not answer \(503\); trying again in \d+ s\./)
    .first()
    .waitFor({ timeout: 30_000 });
  await shot('02-waits-logged');
  // and the outage ends the job (the worker's retries: about 1 + 2 + 4 + 8 + 16 s)
  await app.getByText('Jira was unavailable', { exact: true }).waitFor({ timeout: 60_000 });
  expect(await app.getByText(/correct the parameters/).count()).toBe(0);
  const retry = app.getByRole('button', { name: 'Retry' });
  await retry.scrollIntoViewIfNeeded();
  await shot('03-jira-unavailable');
  expect(await audit(app)).toEqual([]);

  // when: Jira is back and the user retries
  jira.faults.clear();
  await retry.click();
  // then: a new job with the same parameters runs to its end
  await app.getByRole('button', { name: 'Open structure' }).waitFor({ timeout: 30_000 });
  await app.getByText(`Jira found ${EXTRA + 69} matching issues.`).waitFor();
  await shot('04-retried-finished');
}, 180_000);
