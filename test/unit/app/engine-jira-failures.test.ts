// How the engine ends a job that Jira failed (issue 15 item 9): an outage says so and may be retried, a
// refusal is Jira's answer to what the job asked, a query Jira no longer accepts is the parameters'.
import type { LocalForge } from '../../../local/runtime';
import { createInvocation, runJobEvent, type EngineEnv } from '../../../src/app';
import { toJobDto } from '../../../src/app/jobs/read';
import { startKvs } from '../storage/local-kvs';
import { answer, fakeTransport, type ScriptedAnswer } from '../jira/fake-transport';
import { givenRunningJob, jobs, NOW } from './running-job';

let rt: LocalForge;
beforeAll(async () => {
  rt = await startKvs();
});
afterAll(async () => rt?.close());

const env: EngineEnv = { remainingMs: () => 600_000, push: async () => undefined };

/** A Filter import in its search stage, run once against Jira answering `script`. */
async function searchFailingWith(...script: ScriptedAnswer[]) {
  const job = await givenRunningJob(0, { stage: 'search', checkpoint: { pages: 0, matched: 0 }, driver: 3 });
  const inv = createInvocation('acc-olivia', {
    transport: fakeTransport(...script).transport,
    retry: { maxAttempts: 2, sleep: async () => undefined, random: () => 0.5 },
    now: () => NOW,
  });
  await runJobEvent(inv, { jobId: job.id, step: job.step }, env);
  const after = await jobs().get(job.id);
  if (!after) throw new Error('the job is gone');
  return after;
}

it('ends a job Jira kept failing as JIRA_UNAVAILABLE that may be retried, with the wait in its log', async () => {
  const job = await searchFailingWith(answer(503), answer(503));
  expect(job).toMatchObject({ state: 'failed', error: { code: 'JIRA_UNAVAILABLE' } });
  expect(job.error?.message).toMatch(/^Jira was unavailable: .*\. The structure was not changed; retry once/);
  expect(job.log.map((l) => l.message)).toContain('Jira did not answer (503); trying again in 1 s.');
  expect(toJobDto(job, undefined).retryable).toBe(true);
});

it('ends a job Jira refused (a 4xx that is not about the query) as JIRA_REFUSED, not to be retried as is', async () => {
  const job = await searchFailingWith(answer(403, { errorMessages: ['You are not allowed to do that.'] }));
  expect(job).toMatchObject({ state: 'failed', error: { code: 'JIRA_REFUSED' } });
  expect(job.error?.message).toContain('You are not allowed to do that.');
  expect(toJobDto(job, undefined).retryable).toBeUndefined();
});

it('ends a job whose query Jira no longer accepts as JQL_INVALID with Jira’s words', async () => {
  const job = await searchFailingWith(answer(400, { errorMessages: ["Field 'team' does not exist."] }));
  expect(job).toMatchObject({ state: 'failed', error: { code: 'JQL_INVALID' } });
  expect(job.error?.message).toBe(
    "Jira no longer accepts the query: Field 'team' does not exist. The structure was not changed.",
  );
});
