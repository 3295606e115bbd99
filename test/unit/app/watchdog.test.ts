// The job watchdog: a job nobody drives any more (its invocation died, its event is gone) is resumed from
// its last checkpoint, and ended with the reason once resuming it did not help; a job that is alive, or
// waiting as it said it would, is left alone; two runs at once take a job over only once.
import type { LocalForge } from '../../../local/runtime';
import { runJobEvent, superviseJobs, type EngineEnv } from '../../../src/app';
import { JobLease } from '../../../src/app/jobs/lease';
import { MAX_RESCUES, STALL_AFTER_MS } from '../../../src/app/jobs/watchdog';
import type { JobEvent } from '../../../src/app/jobs/queue';
import { JobDataRepository, KvsWriteMeter } from '../../../src/storage';
import { startKvs } from '../storage/local-kvs';
import { givenRunningJob, inv, jobs, NOW } from './running-job';

let rt: LocalForge;
beforeAll(async () => {
  rt = await startKvs();
});
beforeEach(() => rt.kvs.reset());
afterAll(async () => rt?.close());

const pushes = (): { pushed: JobEvent[]; push: (event: JobEvent) => Promise<void> } => {
  const pushed: JobEvent[] = [];
  return { pushed, push: async (event) => void pushed.push(event) };
};
const engineEnv = (): EngineEnv => ({ remainingMs: () => 600_000, push: async () => undefined });

const messages = async (jobId: string): Promise<string[]> =>
  ((await jobs().get(jobId))?.log ?? []).map((l) => l.message);

it('leaves alone a job that checkpointed within the deadline, and jobs that ended', async () => {
  // given
  const alive = await givenRunningJob(STALL_AFTER_MS - 1);
  const done = await givenRunningJob(STALL_AFTER_MS * 10, { state: 'finished' });
  const { pushed, push } = pushes();
  // when
  const report = await superviseJobs(NOW, push);
  // then
  expect(report).toEqual({ resumed: [], ended: [] });
  expect(pushed).toEqual([]);
  expect(await jobs().get(alive.id)).toMatchObject({ step: 3, state: 'running' });
  expect(await jobs().get(done.id)).toMatchObject({ step: 3, state: 'finished' });
});

it('resumes a job nobody drives from its last checkpoint, and the job then finishes', async () => {
  // given
  const job = await givenRunningJob(STALL_AFTER_MS + 1);
  const { pushed, push } = pushes();
  // when
  const report = await superviseJobs(NOW, push);
  // then: the job is taken over (its step moves on) and the event that drives it now is pushed
  expect(report).toEqual({ resumed: [job.id], ended: [] });
  expect(pushed).toEqual([{ jobId: job.id, step: 4 }]);
  expect(await jobs().get(job.id)).toMatchObject({
    state: 'running',
    step: 4,
    driver: 4,
    rescues: 1,
    checkpointAt: NOW,
  });
  expect(await messages(job.id)).toContain(
    `The job stopped making progress at 2026-06-01 11:49 UTC; the watchdog resumed it from its last checkpoint (1 of ${MAX_RESCUES}).`,
  );
  // when: the pushed event arrives
  await runJobEvent(inv(NOW + 1000), pushed[0], engineEnv());
  // then
  expect(await jobs().get(job.id)).toMatchObject({ state: 'finished', result: { added: 2 } });
});

it('makes the dead invocation’s event harmless once it took the job over', async () => {
  // given
  const job = await givenRunningJob(STALL_AFTER_MS + 1);
  await superviseJobs(NOW, pushes().push);
  // when: the event of the invocation that died (step 1) is redelivered after all, long after
  const outcome = await runJobEvent(inv(NOW + STALL_AFTER_MS), { jobId: job.id, step: 1 }, engineEnv());
  // then: it does not drive the job any more
  expect(outcome).toBeUndefined();
  expect(await jobs().get(job.id)).toMatchObject({ state: 'running', step: 4 });
});

it('takes a job over once when two runs find it at the same time', async () => {
  // given
  const job = await givenRunningJob(STALL_AFTER_MS + 1);
  const { pushed, push } = pushes();
  // when
  const reports = await Promise.all([superviseJobs(NOW, push), superviseJobs(NOW, push)]);
  // then
  expect(reports.flatMap((r) => r.resumed)).toEqual([job.id]);
  expect(pushed).toEqual([{ jobId: job.id, step: 4 }]);
  expect(await jobs().get(job.id)).toMatchObject({ step: 4, rescues: 1 });
});

it('waits for a waiting job until its wait is over and the deadline has passed', async () => {
  // given: quiet for long, but it said it would continue 10 minutes from now (Jira's rate limit)
  const job = await givenRunningJob(STALL_AFTER_MS * 3, { driver: 3, waitUntil: NOW + 10 * 60_000 });
  const { pushed, push } = pushes();
  // when
  const early = await superviseJobs(NOW + 10 * 60_000 + STALL_AFTER_MS - 1, push);
  const late = await superviseJobs(NOW + 10 * 60_000 + STALL_AFTER_MS, push);
  // then
  expect(early.resumed).toEqual([]);
  expect(late.resumed).toEqual([job.id]);
  expect(pushed).toEqual([{ jobId: job.id, step: 4 }]);
});

it('ends a job that stalls again after being resumed MAX_RESCUES times, with the reason, and cleans up', async () => {
  // given
  const job = await givenRunningJob(STALL_AFTER_MS + 1);
  const { pushed, push } = pushes();
  let now = NOW;
  // when: every resumed event is lost again
  for (let i = 0; i < MAX_RESCUES; i++) {
    expect((await superviseJobs(now, push)).resumed).toEqual([job.id]);
    now += STALL_AFTER_MS;
  }
  const report = await superviseJobs(now, push);
  // then
  expect(report).toEqual({ resumed: [], ended: [job.id] });
  expect(pushed).toHaveLength(MAX_RESCUES);
  const ended = await jobs().get(job.id);
  expect(ended).toMatchObject({
    state: 'failed',
    finishedAt: now,
    error: {
      code: 'JOB_STALLED',
      message: `The import stopped making progress at 2026-06-01 12:20 UTC and was ended by the watchdog (resuming it ${MAX_RESCUES} times did not help); the structure was not changed. Start it again; the job log shows where it stopped.`,
    },
  });
  expect((await messages(job.id)).filter((m) => m.includes('the watchdog resumed it'))).toHaveLength(MAX_RESCUES);
  // The import's job data went with it (what `ended` does for an import).
  await expect(new JobDataRepository(new KvsWriteMeter()).readPages(job.id, 0, 1)).rejects.toThrow(/missing/);
  // and a later run leaves the ended job alone
  expect(await superviseJobs(now + STALL_AFTER_MS, push)).toEqual({ resumed: [], ended: [] });
});

it('resumes a queued job whose first event never came', async () => {
  // given
  const job = await givenRunningJob(STALL_AFTER_MS + 1, { state: 'queued', stage: 'queued', step: 0, driver: 0 });
  const { pushed, push } = pushes();
  // when
  const report = await superviseJobs(NOW, push);
  // then
  expect(report.resumed).toEqual([job.id]);
  expect(pushed).toEqual([{ jobId: job.id, step: 1 }]);
});

it('leaves a job waiting for Jira’s hourly reset alone until that reset, and a job resumed after it runs at once', async () => {
  // given: a wait of 50 minutes more, chained in events of at most 900 s; its last link 15 minutes ago
  const job = await givenRunningJob(15 * 60_000, {
    driver: 4,
    waitUntil: NOW + 50 * 60_000,
    waitLeft: 50 * 60 - 900,
    waitFor: 'hourly-limit',
  });
  const { pushed, push } = pushes();
  // when
  const report = await superviseJobs(NOW, push);
  // then: not stalled — it said when it continues
  expect(report.resumed).toEqual([]);
  // when: past that moment it is resumed (its chain was lost), and the engine runs the event
  const late = NOW + 50 * 60_000 + STALL_AFTER_MS;
  expect((await superviseJobs(late, push)).resumed).toEqual([job.id]);
  const delays: Array<number | undefined> = [];
  const env: EngineEnv = { remainingMs: () => 600_000, push: async (_e, delay) => void delays.push(delay) };
  const running = inv(late);
  await runJobEvent(running, pushed[0]!, env);
  // then: the reset is past by its clock, so it runs at once (no new wait), having kept its wait till then
  expect(delays).toEqual([]);
  const ended = await jobs().get(job.id);
  expect(ended?.state).toBe('finished');
  expect([ended?.waitLeft, ended?.waitUntil]).toEqual([undefined, undefined]);
});

it('chains the next link of a long wait without calling Jira', async () => {
  // given: an hourly wait with 2,100 s left that no event covers yet
  const job = await givenRunningJob(900_000, {
    driver: 3,
    waitUntil: NOW + 2_100_000,
    waitLeft: 2_100,
    waitFor: 'hourly-limit',
  });
  const delays: Array<number | undefined> = [];
  const env: EngineEnv = { remainingMs: () => 600_000, push: async (_e, delay) => void delays.push(delay) };
  const running = inv();
  // when
  await runJobEvent(running, { jobId: job.id, step: 3 }, env);
  // then
  expect(delays).toEqual([900]);
  expect(running.jira.cost.calls).toBe(0);
  expect(await jobs().get(job.id)).toMatchObject({
    state: 'running',
    step: 4,
    driver: 4,
    waitLeft: 1_200,
    waitUntil: NOW + 2_100_000,
  });
});

it('counts resumes again from zero once a resumed job made progress by itself', async () => {
  // given: a job resumed MAX_RESCUES times, whose worker then checkpoints once
  const job = await givenRunningJob(STALL_AFTER_MS + 1);
  const { push } = pushes();
  let now = NOW;
  for (let i = 0; i < MAX_RESCUES; i++) {
    expect((await superviseJobs(now, push)).resumed).toEqual([job.id]);
    now += STALL_AFTER_MS;
  }
  const rescued = (await jobs().get(job.id))!;
  await new JobLease(inv(now), rescued).commit({});
  // when: it stalls again after that progress
  now += STALL_AFTER_MS + 1;
  const report = await superviseJobs(now, push);
  // then: resumed as a first rescue, not ended
  expect(report).toEqual({ resumed: [job.id], ended: [] });
  expect((await messages(job.id)).at(-1)).toContain(`(1 of ${MAX_RESCUES})`);
});
