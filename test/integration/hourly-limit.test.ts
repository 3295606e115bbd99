// Jira's hourly points pool used up (issue 11 item 3): a job waits for the reset instead of failing or
// retrying, then continues from its checkpoint. The pool is the emulator's own, drained for real; the
// hour passes on the emulator's clock.
import type { JobDto } from '../../src/contract';
import { data, givenStructure, runImport, shape, useSite } from './support/site';

const local = useSite();
const HOUR = 3_600_000;
const params = { source: { kind: 'jql', jql: 'project = APP ORDER BY key ASC' }, add: { at: 'top' } };

afterEach(() => {
  local.site.jira.pool.configure({ tier: 1, enforced: false });
  local.site.jira.pool.reset();
  local.site.rt.queue.switches.extraDelayMs = 0;
});

const jira = () => local.site.jira;
const clock = () => {
  const c = jira().clock;
  if (!c) throw new Error('The emulator must own its clock');
  return c;
};
/**
 * Moves the emulator's clock to `secondsAfter` the top of its next hour (negative: before it). When the
 * clock is already past that moment of this hour (a run in the hour's last minute), the next hour's.
 */
const toNextHour = (secondsAfter: number) => {
  const now = clock().now().getTime();
  let target = Math.ceil(now / HOUR) * HOUR + secondsAfter * 1000;
  if (target <= now) target += HOUR;
  clock().advance(target - now);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForJob(jobId: string, until: (job: JobDto) => boolean): Promise<JobDto> {
  for (let i = 0; ; i++) {
    const job = data(await local.site.invokeAs('olivia', 'getJob', { jobId }));
    if (until(job)) return job;
    if (i > 2000) throw new Error(`Job never got there: ${JSON.stringify(job.progress)}`);
    await sleep(5);
  }
}

/** Starts an import whose worker meets an empty pool: the pool is drained once the start has been answered. */
async function importIntoEmptyPool(structureId: string): Promise<string> {
  local.site.rt.queue.switches.extraDelayMs = 300;
  const started = data(
    await local.site.invokeAs('olivia', 'startImport', { structureId, synchronizer: 'filter', params }),
  );
  jira().pool.configure({ tier: 1, points: 1000, enforced: true });
  jira().pool.charge(1000);
  local.site.rt.queue.switches.extraDelayMs = 0;
  return started.job.id;
}

describe("Jira's hourly limit", () => {
  it('makes an import wait until the reset, then finish with the forest an undisturbed run builds', async () => {
    // given: what an undisturbed import builds, and the emulator's clock a minute before the hour
    const undisturbed = (await givenStructure(local.site)).id;
    await runImport(local.site, 'olivia', undisturbed, params);
    const structureId = (await givenStructure(local.site, 'olivia', 'Waits')).id;
    toNextHour(-60);
    const reset = new Date(Math.ceil(clock().now().getTime() / HOUR) * HOUR);
    // when
    const jobId = await importIntoEmptyPool(structureId);
    const waiting = await waitForJob(jobId, (j) => j.waiting !== undefined);
    // then: it waits, saying for what and until when
    expect(waiting).toMatchObject({
      state: 'running',
      waiting: { for: 'hourly-limit', until: reset.toISOString() },
    });
    expect(waiting.log.at(-1)?.message).toMatch(
      new RegExp(`points for this hour are used up.*continues at ${reset.toISOString().slice(11, 16)} UTC`),
    );
    // when: the hour turns
    toNextHour(1);
    await local.site.rt.queue.drain();
    // then
    const job = data(await local.site.invokeAs('olivia', 'getJob', { jobId }));
    expect(job).toMatchObject({ state: 'finished', result: { added: 6 } });
    expect(job.waiting).toBeUndefined();
    expect(await shape(structureId)).toEqual(await shape(undisturbed));
  });

  it('makes exactly one refused call, then waits past the queue’s longest delay without calling Jira', async () => {
    // given: the hour has just begun, so the reset is ~3,590 s away (four chained events of ≤ 900 s)
    const structureId = (await givenStructure(local.site, 'olivia', 'One call')).id;
    toNextHour(10);
    // when
    const jobId = await importIntoEmptyPool(structureId);
    await waitForJob(jobId, (j) => j.waiting?.for === 'hourly-limit');
    await sleep(2500); // at 0.001 time scale: about 2,500 s of the wait, past two chained events
    // then
    expect(jira().pool.refused()).toBe(1);
    const waiting = data(await local.site.invokeAs('olivia', 'getJob', { jobId }));
    expect(waiting).toMatchObject({ state: 'running', waiting: { for: 'hourly-limit' } });
    // when: the hour turns and the chain ends
    toNextHour(1);
    await local.site.rt.queue.drain();
    // then
    expect(jira().pool.refused()).toBe(0); // a new hour: nothing refused in it
    const job = data(await local.site.invokeAs('olivia', 'getJob', { jobId }));
    expect(job).toMatchObject({ state: 'finished', result: { added: 6 } });
    expect(job.log.filter((l) => /rate limit/.test(l.message))).toHaveLength(1);
  });

  it('answers a start that meets the empty pool with when Jira answers again', async () => {
    // given
    const structureId = (await givenStructure(local.site, 'olivia', 'Refused start')).id;
    toNextHour(-120);
    const reset = new Date(Math.ceil(clock().now().getTime() / HOUR) * HOUR).toISOString().slice(11, 16);
    jira().pool.configure({ tier: 1, points: 1000, enforced: true });
    jira().pool.charge(1000);
    // when
    const answer = await local.site.invokeAs('olivia', 'startImport', { structureId, synchronizer: 'filter', params });
    // then
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'JIRA_UNAVAILABLE',
        message: expect.stringContaining(
          `used the points Jira allows it this hour, for all its users; Jira answers again when the hour turns at ${reset} UTC`,
        ),
      },
    });
  });
});
