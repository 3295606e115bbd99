// The job engine's rules for an event that does not match the job's step: ignore duplicates and late
// events, and let only the redelivery of the driving event take over a job whose invocation died.
import type { LocalForge } from '../../../local/runtime';
import { runJobEvent, type EngineEnv } from '../../../src/app';
import { ADOPT_AFTER_MS } from '../../../src/app/jobs/engine';
import { startKvs } from '../storage/local-kvs';
import { givenRunningJob, inv, jobs } from './running-job';

let rt: LocalForge;
beforeAll(async () => {
  rt = await startKvs();
});
afterAll(async () => rt?.close());

const env = (): EngineEnv & { pushed: unknown[] } => {
  const pushed: unknown[] = [];
  return { pushed, remainingMs: () => 600_000, push: async (event) => void pushed.push(event) };
};

it('ignores a late event that never drove the job', async () => {
  const job = await givenRunningJob(10 * 60_000);
  const outcome = await runJobEvent(inv(), { jobId: job.id, step: 0 }, env());
  expect(outcome).toBeUndefined();
  expect(await jobs().get(job.id)).toMatchObject({ step: 3, state: 'running' });
});

it('asks to be delivered again later when the driving invocation may still be alive', async () => {
  const job = await givenRunningJob(5_000);
  const outcome = await runJobEvent(inv(), { jobId: job.id, step: 1 }, env());
  expect(outcome).toEqual({ retryAfterSeconds: (ADOPT_AFTER_MS - 5_000) / 1000 });
  expect(await jobs().get(job.id)).toMatchObject({ step: 3, state: 'running' });
});

it('takes over from the last checkpoint when the driving invocation died', async () => {
  // given
  const job = await givenRunningJob(ADOPT_AFTER_MS + 1);
  // when: the platform redelivers event 1
  const outcome = await runJobEvent(inv(), { jobId: job.id, step: 1 }, env());
  // then
  expect(outcome).toBeUndefined();
  const after = await jobs().get(job.id);
  expect(after).toMatchObject({ state: 'finished', result: { added: 2 } });
  expect(after?.log.map((l) => l.message)).toContain(
    'The previous run of this job stopped unexpectedly; continuing from its last checkpoint.',
  );
});
