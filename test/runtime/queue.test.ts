// The local async-events queue through the real @forge/events client: delivery to the consumer of
// manifest.yml, delays, retries, the harsh-delivery switches, getStats and cancel.
import { kvs } from '@forge/kvs';
import { journal, overlapProbe } from './fixture-app/src';
import { Harness, startHarness, stopHarness } from './harness';

let h: Harness;
beforeEach(async () => {
  journal.length = 0;
  h = await startHarness();
});
afterEach(async () => {
  await stopHarness(h);
});

type Events = Array<{ body: Record<string, unknown>; delayInSeconds?: number }>;
const push = async (events: Events): Promise<string> =>
  ((await h.rt.invokeResolver({ key: 'push', accountId: 'acc-alice', payload: { events } })) as { jobId: string })
    .jobId;
const records = (n: number): Events => Array.from({ length: n }, (_, i) => ({ body: { mode: 'record', seq: i + 1 } }));
const seqs = (): unknown[] => journal.map((j) => j.body.seq);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('delivery', () => {
  it('delivers each event to the consumer function, never inside push', async () => {
    // when
    const answer = (await h.rt.invokeResolver({
      key: 'pushAndCount',
      accountId: 'acc-alice',
      payload: { events: records(3) },
    })) as {
      jobId: string;
      deliveredDuringPush: number;
    };
    await h.rt.queue.drain();
    // then
    expect(answer.deliveredDuringPush).toBe(0);
    expect(journal).toHaveLength(3);
    for (const entry of journal) {
      expect(entry).toMatchObject({ jobId: answer.jobId, queueName: 'fixture-jobs', eventId: expect.any(String) });
      expect(entry.retryContext).toBeUndefined();
      const seen = (await kvs.get(`seen:${entry.eventId}`)) as { body: unknown; context: Record<string, unknown> };
      expect(seen.body).toEqual(entry.body);
      expect(seen.context.installContext).toEqual(expect.stringMatching(/^ari:cloud:jira::site\//));
      expect(seen.context.principal).toBeUndefined();
    }
    expect(new Set(journal.map((j) => j.eventId)).size).toBe(3);
  });

  it('honours delayInSeconds (scaled by timeScale)', async () => {
    // given
    h.rt.queue.timeScale = 0.01;
    // when: the delayed event is pushed first
    await push([
      { body: { mode: 'record', seq: 'late' }, delayInSeconds: 20 },
      { body: { mode: 'record', seq: 'now' } },
    ]);
    await h.rt.queue.drain();
    // then
    expect(seqs()).toEqual(['now', 'late']);
  });

  it('runs a job that re-enqueues itself as the user who started it, until drain()', async () => {
    // when
    const { id } = (await h.rt.invokeResolver({
      key: 'startJob',
      accountId: 'acc-carol',
      payload: { structureId: 's1', steps: 3 },
    })) as { id: string };
    await h.rt.queue.drain();
    // then
    for (const step of [1, 2, 3])
      expect(await kvs.get(`job-step:${id}:${step}`)).toEqual({ status: 200, as: 'acc-carol' });
    expect(await kvs.entity('job').get(id)).toMatchObject({ structureId: 's1', state: 'done' });
    expect(h.jira.requests.map((r) => r.headers['x-forge-account-id'])).toEqual([
      'acc-carol',
      'acc-carol',
      'acc-carol',
    ]);
  });

  it('runs consumers as the app: asUser() without an id fails', async () => {
    await push([{ body: { mode: 'asUserWithoutId' } }]);
    await h.rt.queue.drain();
    expect(await kvs.get(`asUser:${journal[0].eventId}`)).toEqual({
      name: 'NEEDS_AUTHENTICATION_ERR',
      message: 'Authentication Required',
    });
  });

  it('refuses events over 100 KB for a consumer with a timeout over 55 s', async () => {
    const outcome = await h.rt.tryInvokeResolver({
      key: 'push',
      payload: { events: [{ body: { mode: 'record', blob: 'x'.repeat(110 * 1024) } }] },
    });
    expect(outcome).toEqual({ ok: false, error: { name: 'Error', message: expect.stringContaining('100 KB') } });
    expect(h.rt.queue.idle).toBe(true);
  });
});

describe('retries', () => {
  it('retries an InvocationError after retryAfter, passing retryContext', async () => {
    // when
    await push([{ body: { mode: 'retry', times: 2 } }]);
    await h.rt.queue.drain();
    // then
    const window = { startTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), remainingTimeMs: expect.any(Number) };
    expect(journal.map((j) => j.retryContext)).toEqual([
      undefined,
      {
        retryCount: 1,
        retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED',
        retryData: { attempt: 0 },
        retentionWindow: window,
      },
      {
        retryCount: 2,
        retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED',
        retryData: { attempt: 1 },
        retentionWindow: window,
      },
    ]);
    expect(new Set(journal.map((j) => j.eventId)).size).toBe(1);
    expect(await kvs.get(`retried:${journal[0].eventId}`)).toEqual({ retryCount: 2, retryData: { attempt: 1 } });
    expect(h.rt.queue.deliveries.map((d) => d.outcome)).toEqual(['retry', 'retry', 'success']);
  });

  it.each([
    ['throws', 'throw'],
    ['returns an InvocationError', 'retry'],
  ])('delivers an event whose consumer %s 5 times on the 6th try', async (_, mode) => {
    // when
    const jobId = await push([{ body: { mode, times: 5 } }]);
    await h.rt.queue.drain();
    // then
    expect(journal.map((j) => j.retryContext?.retryCount ?? 0)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(h.rt.queue.deliveries.map((d) => d.outcome).slice(-1)).toEqual(['success']);
    expect(await h.rt.invokeResolver({ key: 'stats', payload: { jobId } })).toEqual({
      success: 1,
      inProgress: 0,
      failed: 0,
    });
    expect(h.rt.queue.failures).toEqual([]);
  });

  it('retries a thrown error with backoff up to 15 minutes apart for the 24 h retention window, then drops it', async () => {
    // given: real time, so that the schedule is the platform's to the second
    h.rt.queue.timeScale = 1;
    const hopeless = await push([{ body: { mode: 'throw', times: 1_000_000 } }]);
    // when
    await h.rt.queue.advance(23 * HOUR);
    // then: still being retried, the gaps doubling from 1 s and capped at 15 min
    const attempts = h.rt.queue.deliveries.filter((d) => d.jobId === hopeless);
    expect(attempts.every((d) => d.outcome === 'error')).toBe(true);
    expect(h.rt.queue.failures).toEqual([]);
    expect(await h.rt.invokeResolver({ key: 'stats', payload: { jobId: hopeless } })).toMatchObject({ inProgress: 1 });
    const last = journal[journal.length - 1].retryContext;
    expect(last).toMatchObject({ retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' });
    expect(last?.retentionWindow?.remainingTimeMs).toBeGreaterThan(HOUR - 15 * MINUTE);
    expect(last?.retentionWindow?.remainingTimeMs).toBeLessThanOrEqual(HOUR + 15 * MINUTE);
    // when
    await h.rt.queue.advance(2 * HOUR);
    // then: 1, 3, 7 … 1023 s, then every 900 s until 24 h: 11 + 94 attempts
    expect(journal.filter((j) => j.jobId === hopeless)).toHaveLength(105);
    expect(h.rt.queue.failures).toEqual([
      expect.objectContaining({
        jobId: hopeless,
        reason: expect.stringMatching(/^failing on attempt 104 .*24 h retention window/),
      }),
    ]);
    expect(await h.rt.invokeResolver({ key: 'stats', payload: { jobId: hopeless } })).toEqual({
      success: 0,
      inProgress: 0,
      failed: 1,
    });
    expect(h.logs.some((l) => l.includes('failing on attempt 0'))).toBe(true);
  });

  it('drops an event that keeps asking for a retry once its retention window is over', async () => {
    // given
    h.rt.queue.timeScale = 1;
    const jobId = await push([{ body: { mode: 'retry', times: 1_000_000, retryAfter: 700 } }]);
    // when
    await h.rt.queue.advance(25 * HOUR);
    // then: at 0, 700, 1400 … 86,100 s
    expect(journal.filter((j) => j.jobId === jobId)).toHaveLength(124);
    expect(h.rt.queue.failures).toEqual([
      expect.objectContaining({ jobId, reason: expect.stringContaining('24 h retention window') }),
    ]);
  });

  it('treats an invocation that overruns its time as failed and retries it', async () => {
    // given
    h.rt.setInvocationTimeout('job-worker', 40);
    // when
    const jobId = await push([{ body: { mode: 'clock', sleepMs: 200 } }]);
    await until(() => h.rt.queue.deliveries.length >= 3);
    await h.rt.invokeResolver({ key: 'cancel', payload: { jobId } });
    await h.rt.queue.drain();
    // then
    expect(new Set(h.rt.queue.deliveries.map((d) => d.outcome))).toEqual(new Set(['timeout']));
    expect(journal[1].retryContext).toMatchObject({ retryCount: 1, retryReason: 'FUNCTION_TIME_OUT' });
    expect(await kvs.get(`clock:${journal[0].eventId}`)).toBeLessThanOrEqual(40);
  });

  it('delivers no retry of an event that was running when its job was cancelled', async () => {
    // given: the event's first delivery is running, and will overrun its time
    h.rt.setInvocationTimeout('job-worker', 40);
    const jobId = await push([{ body: { mode: 'clock', sleepMs: 200 } }]);
    await until(() => journal.length >= 1);
    // when
    await h.rt.invokeResolver({ key: 'cancel', payload: { jobId } });
    await h.rt.queue.drain();
    // then: the timeout asked for a retry, which a cancelled job does not get
    expect(h.rt.queue.deliveries.map((d) => d.outcome)).toEqual(['timeout']);
    expect(journal).toHaveLength(1);
  });

  it('gives consumers the timeoutSeconds of manifest.yml', async () => {
    await push([{ body: { mode: 'clock' } }]);
    await h.rt.queue.drain();
    const remaining = (await kvs.get(`clock:${journal[0].eventId}`)) as number;
    expect(remaining).toBeGreaterThan(800_000);
    expect(remaining).toBeLessThanOrEqual(900_000);
  });
});

describe('concurrency', () => {
  const overlapping = (n: number, concurrency?: { key: string; limit: number }): Events =>
    Array.from({ length: n }, () => ({
      body: { mode: 'overlap', sleepMs: 30 },
      ...(concurrency ? { concurrency } : {}),
    }));

  beforeEach(() => {
    overlapProbe.max = 0;
  });

  it('runs events of a push in parallel by default', async () => {
    await push(overlapping(4));
    await h.rt.queue.drain();
    expect(overlapProbe.max).toBeGreaterThan(1);
  });

  it('honours concurrency { key, limit } on pushed events', async () => {
    await push(overlapping(4, { key: 'structure-1', limit: 1 }));
    await h.rt.queue.drain();
    expect(journal).toHaveLength(4);
    expect(overlapProbe.max).toBe(1);
  });
});

describe('switches', () => {
  it('duplicate: delivers every event twice with the same eventId', async () => {
    // given
    h.rt.queue.switches.duplicate = true;
    // when
    const jobId = await push(records(3));
    await h.rt.queue.drain();
    // then
    expect(journal).toHaveLength(6);
    const counts = new Map<string, number>();
    for (const j of journal) counts.set(j.eventId, (counts.get(j.eventId) ?? 0) + 1);
    expect([...counts.values()]).toEqual([2, 2, 2]);
    expect(await h.rt.invokeResolver({ key: 'stats', payload: { jobId } })).toEqual({
      success: 3,
      inProgress: 0,
      failed: 0,
    });
  });

  it('reorder reverse: delivers a batch in reverse publish order', async () => {
    await stopHarness(h);
    h = await startHarness({ queue: { reorder: 'reverse', concurrency: 1 } });
    await push(records(5));
    await h.rt.queue.drain();
    expect(seqs()).toEqual([5, 4, 3, 2, 1]);
  });

  it('reorder shuffle: events pushed separately within the window are mixed', async () => {
    // given: a "random" source that always swaps with the first element
    await stopHarness(h);
    h = await startHarness({ queue: { reorder: 'shuffle', concurrency: 1, reorderWindowMs: 200, random: () => 0 } });
    // when
    await push(records(2));
    await push([{ body: { mode: 'record', seq: 3 } }]);
    await h.rt.queue.drain();
    // then
    expect(seqs()).not.toEqual([1, 2, 3]);
    expect([...seqs()].sort()).toEqual([1, 2, 3]);
  });

  it('without switches and with concurrency 1, delivers in publish order', async () => {
    await stopHarness(h);
    h = await startHarness({ queue: { concurrency: 1 } });
    await push(records(5));
    await h.rt.queue.drain();
    expect(seqs()).toEqual([1, 2, 3, 4, 5]);
  });

  it('extraDelayMs: holds every event back', async () => {
    // given
    h.rt.queue.switches.extraDelayMs = 300;
    // when
    const jobId = await push(records(2));
    await new Promise((r) => setTimeout(r, 10));
    const early = journal.length;
    const stats = await h.rt.invokeResolver({ key: 'stats', payload: { jobId } });
    await h.rt.queue.drain();
    // then
    expect(early).toBe(0);
    expect(stats).toEqual({ success: 0, inProgress: 2, failed: 0 });
    expect(journal).toHaveLength(2);
  });
});

describe('getStats and cancel', () => {
  it('counts events in progress, then succeeded', async () => {
    // given
    h.rt.queue.timeScale = 0.1;
    // when
    const jobId = await push([
      ...records(2).map((e) => ({ ...e, delayInSeconds: 2 })),
      { body: { mode: 'throw', times: 1_000_000 } },
    ]);
    const during = await h.rt.invokeResolver({ key: 'stats', payload: { jobId } });
    await h.rt.queue.advance(25 * HOUR);
    const after = await h.rt.invokeResolver({ key: 'stats', payload: { jobId } });
    // then
    expect(during).toEqual({ success: 0, inProgress: 3, failed: 0 });
    expect(after).toEqual({ success: 2, inProgress: 0, failed: 1 });
  });

  it('cancel drops the events of a job that have not started', async () => {
    // given
    h.rt.queue.timeScale = 1;
    const cancelled = await push(records(3).map((e) => ({ ...e, delayInSeconds: 600 })));
    h.rt.queue.timeScale = 0.001;
    const kept = await push([{ body: { mode: 'record', seq: 'kept' } }]);
    // when
    expect(await h.rt.invokeResolver({ key: 'cancel', payload: { jobId: cancelled } })).toBe('cancelled');
    await h.rt.queue.drain({ timeoutMs: 5_000 });
    // then
    expect(seqs()).toEqual(['kept']);
    expect(await h.rt.invokeResolver({ key: 'stats', payload: { jobId: cancelled } })).toEqual({
      success: 0,
      inProgress: 0,
      failed: 0,
    });
    expect(await h.rt.invokeResolver({ key: 'stats', payload: { jobId: kept } })).toEqual({
      success: 1,
      inProgress: 0,
      failed: 0,
    });
  });

  it('answers an unknown job as the platform does', async () => {
    const stats = await h.rt.tryInvokeResolver({ key: 'stats', payload: { jobId: 'no-such-job' } });
    const cancel = await h.rt.tryInvokeResolver({ key: 'cancel', payload: { jobId: 'no-such-job' } });
    expect(stats).toEqual({
      ok: false,
      error: { name: 'Error', message: 'The job no-such-job was not found for the queue fixture-jobs.' },
    });
    expect(cancel).toEqual(stats);
  });
});
