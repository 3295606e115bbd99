// No job hangs (issue 15 item 5). A job whose worker died either ends finished — in the forest an
// undisturbed run makes — or failed with a reason; it is never `running` past the watchdog's deadline:
// - killed mid-import, a runtime restarted on the same data directory delivers the queue's events again
//   and the job finishes by itself;
// - when its event is lost, the watchdog (scheduled trigger `job-watchdog`) resumes it from its last
//   checkpoint once the deadline has passed, and it finishes;
// - when it keeps stopping, the watchdog ends it with the reason after MAX_RESCUES resumes.
// Time moves with the app's clock (Date.now), the way hours pass on a real site.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createJiraEmulator, type JiraEmulator } from '../../local/emulator';
import { startLocalForge, type LocalForge } from '../../local/runtime';
import { ADOPT_AFTER_MS } from '../../src/app/jobs/engine';
import { MAX_RESCUES, STALL_AFTER_MS } from '../../src/app/jobs/watchdog';
import { JobRepository, KvsWriteMeter, type JobRecord } from '../../src/storage';
import { people, siteDataset } from './support/dataset';
import {
  APP_DIR,
  data,
  givenStructure,
  givenSynchronizersEnabled,
  runImport,
  shape,
  startSite,
  type Site,
} from './support/site';

const BIG = 11_000;
const params = { source: { kind: 'jql', jql: 'project = BIG ORDER BY key ASC' }, add: { at: 'top' } };
const dataset = siteDataset(BIG);

let undisturbed: string[];
let jira: JiraEmulator;
let jiraUrl: string;
let dir: string;
const sites: Site[] = [];

// The app's clock: real time plus whatever the test lets pass.
const realNow = Date.now.bind(Date);
let skippedMs = 0;
const timePasses = (ms: number): void => {
  skippedMs += ms;
};

beforeAll(async () => {
  const control = await startSite(dataset);
  await givenSynchronizersEnabled(control);
  const structure = await givenStructure(control);
  await runImport(control, 'olivia', structure.id, params);
  undisturbed = await shape(structure.id);
  await control.close();
  jira = createJiraEmulator({ dataset });
  jiraUrl = (await jira.listen()).url;
}, 120_000);
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'no-job-hangs-'));
  skippedMs = 0;
  jest.spyOn(Date, 'now').mockImplementation(() => realNow() + skippedMs);
});
afterEach(async () => {
  jest.restoreAllMocks();
  for (const site of sites.splice(0)) await site.close();
  jira.faults.clear();
  rmSync(dir, { recursive: true, force: true });
});
afterAll(async () => jira?.close());

/** The local runtime on the test's data directory (its KVS, and its queue unless `queue: 'memory'`), as --data-dir. */
async function start(options: { queue?: 'file' | 'memory' } = {}): Promise<Site> {
  const rt: LocalForge = await startLocalForge({
    appDir: APP_DIR,
    jiraBaseUrl: jiraUrl,
    timeScale: 0.001,
    kvsFile: path.join(dir, 'kvs.sqlite'),
    ...(options.queue === 'memory' ? {} : { queueFile: path.join(dir, 'queue.sqlite') }),
    queue: { duplicate: false, reorder: false, extraDelayMs: 0 },
    log: (m) => (process.env.SITE_LOG ? console.error(m) : undefined),
  });
  // Below the worker's safety margin: every invocation does one unit of work, then hands over.
  rt.setInvocationTimeout('job-worker', 30_000);
  const site: Site = {
    rt,
    jira,
    jiraUrl,
    invokeAs: async (who, key, payload) =>
      (await rt.invokeResolver({ key, payload, accountId: people[who].accountId })) as never,
    searchCatchesUp: () => jira.store.indexNow(),
    close: () => rt.close(),
  };
  sites.push(site);
  return site;
}

async function startImport(site: Site): Promise<{ structureId: string; jobId: string }> {
  await givenSynchronizersEnabled(site);
  const structure = await givenStructure(site);
  const started = data(
    await site.invokeAs('olivia', 'startImport', { structureId: structure.id, synchronizer: 'filter', params }),
  );
  return { structureId: structure.id, jobId: started.job.id };
}

const stored = (jobId: string): Promise<JobRecord | undefined> => new JobRepository(new KvsWriteMeter()).get(jobId);

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 1));
}

/** Mid-import: some ids pages fetched, the forest not yet written. */
const midImport = async (jobId: string): Promise<boolean> => {
  const job = await stored(jobId);
  return job?.kind === 'import' && job.checkpoint.pages >= 1 && job.stage !== 'apply';
};

/** Loses the event that drives the job, once one is pending (after a hand-over, before its delivery). */
async function loseItsEvent(site: Site): Promise<void> {
  site.rt.queue.switches.extraDelayMs = 10_000;
  await until(() => site.rt.queue.losePending() > 0);
  site.rt.queue.switches.extraDelayMs = 0;
  await site.rt.drain();
}

const watchdog = async (site: Site): Promise<void> => {
  await site.rt.runScheduledTrigger('job-watchdog');
  await site.rt.drain();
};

it('finishes a job killed mid-import once the runtime restarts on the same data directory, in the undisturbed forest', async () => {
  // given: an import whose every Jira call takes a while, so the kill finds an invocation waiting on Jira
  const first = await start();
  jira.faults.configure({ latencyMs: 100 });
  const { structureId, jobId } = await startImport(first);
  // The search for 11,000 ids is one unit of three calls: kill it after its first.
  const searches = () => first.rt.jira.calls.filter((c) => c.path.startsWith('/rest/api/3/search/jql')).length;
  await until(async () => searches() >= 1 && (await stored(jobId))?.stage === 'search');
  // when: the process dies (kill -9), and a new one starts on the same data directory
  first.rt.kill();
  jira.faults.clear();
  const second = await start();
  // The redelivered event takes the job over once it has been quiet for ADOPT_AFTER_MS.
  timePasses(ADOPT_AFTER_MS);
  await second.rt.drain();
  // then: no watchdog needed
  const job = data(await second.invokeAs('olivia', 'getJob', { jobId }));
  expect(job).toMatchObject({ state: 'finished', result: { added: BIG } });
  expect(await shape(structureId)).toEqual(undisturbed);
  expect(job.log.map((l) => l.message)).toContain(
    'The previous run of this job stopped unexpectedly; continuing from its last checkpoint.',
  );
  expect(second.rt.queue.deliveries[0]).toMatchObject({ retryCount: 1 });
});

it('resumes a job whose event was lost once the watchdog deadline passed, and it finishes in the undisturbed forest', async () => {
  // given: the import's next event is lost mid-import
  const site = await start();
  const { structureId, jobId } = await startImport(site);
  await until(() => midImport(jobId));
  await loseItsEvent(site);
  expect(await stored(jobId)).toMatchObject({ state: 'running' });
  // when: the watchdog runs before the deadline, and again after it
  await watchdog(site);
  const early = await stored(jobId);
  timePasses(STALL_AFTER_MS);
  await watchdog(site);
  // then
  expect(early).toMatchObject({ state: 'running' });
  expect(early?.rescues).toBeUndefined();
  const job = data(await site.invokeAs('olivia', 'getJob', { jobId }));
  expect(job).toMatchObject({ state: 'finished', result: { added: BIG } });
  expect(await shape(structureId)).toEqual(undisturbed);
  expect(job.log.map((l) => l.message)).toContainEqual(
    expect.stringMatching(
      /^The job stopped making progress at .+ UTC; the watchdog resumed it from its last checkpoint/,
    ),
  );
});

it('resumes a job the restarted runtime knew nothing about (its queue was not kept), and it finishes', async () => {
  // given: killed mid-import, restarted with a queue in memory: whatever the old queue owed is gone
  const first = await start();
  const { structureId, jobId } = await startImport(first);
  await until(() => midImport(jobId));
  first.rt.kill();
  const second = await start({ queue: 'memory' });
  await second.rt.drain();
  expect(await stored(jobId)).toMatchObject({ state: 'running' });
  // when
  timePasses(STALL_AFTER_MS);
  await watchdog(second);
  // then
  expect(data(await second.invokeAs('olivia', 'getJob', { jobId }))).toMatchObject({
    state: 'finished',
    result: { added: BIG },
  });
  expect(await shape(structureId)).toEqual(undisturbed);
});

it('ends a job that keeps stopping with the watchdog’s reason, leaving the structure as it was, never running after', async () => {
  // given: every event that would move the import on is lost
  const site = await start();
  const { structureId, jobId } = await startImport(site);
  await until(() => midImport(jobId));
  await loseItsEvent(site);
  // when: the watchdog resumes it MAX_RESCUES times, and each time it stops again
  for (let rescue = 1; rescue <= MAX_RESCUES; rescue++) {
    timePasses(STALL_AFTER_MS);
    site.rt.queue.switches.extraDelayMs = 10_000;
    await site.rt.runScheduledTrigger('job-watchdog');
    expect(site.rt.queue.losePending()).toBe(1);
    site.rt.queue.switches.extraDelayMs = 0;
    expect(await stored(jobId)).toMatchObject({ state: 'running', rescues: rescue });
  }
  timePasses(STALL_AFTER_MS);
  await watchdog(site);
  // then
  const job = data(await site.invokeAs('olivia', 'getJob', { jobId }));
  expect(job).toMatchObject({
    state: 'failed',
    error: {
      code: 'JOB_STALLED',
      message: expect.stringMatching(
        new RegExp(
          `^The import stopped making progress at .+ UTC and was ended by the watchdog \\(resuming it ${MAX_RESCUES} times did not help\\); the structure was not changed\\.`,
        ),
      ),
    },
  });
  expect(await shape(structureId)).toEqual([]);
  // and nothing brings it back
  timePasses(STALL_AFTER_MS);
  await watchdog(site);
  expect(await stored(jobId)).toMatchObject({ state: 'failed' });
});
