// The queue with a file (`queueFile`, the dev server's --data-dir): what one runtime still owed — events
// not yet due, retries, an attempt running when it was stopped or killed — is delivered by the next
// runtime on the same file, at least once, and what was delivered is never delivered again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kvs } from '@forge/kvs';
import { startLocalForge, type LocalForge } from '../../local/runtime';
import { FakeJira, startFakeJira } from './fake-jira';
import { journal } from './fixture-app/src';
import { FIXTURE_APP } from './harness';

let dir: string;
let jira: FakeJira;
const open: LocalForge[] = [];

beforeEach(async () => {
  journal.length = 0;
  dir = mkdtempSync(path.join(tmpdir(), 'queue-persistence-'));
  jira = await startFakeJira();
});
afterEach(async () => {
  for (const rt of open.splice(0)) await rt.close();
  await jira.close();
  rmSync(dir, { recursive: true, force: true });
});

async function runtime(options: { persistent?: boolean } = {}): Promise<LocalForge> {
  const rt = await startLocalForge({
    appDir: FIXTURE_APP,
    jiraBaseUrl: jira.baseUrl,
    timeScale: 0.001,
    kvsFile: path.join(dir, 'kvs.sqlite'),
    ...(options.persistent === false ? {} : { queueFile: path.join(dir, 'queue.sqlite') }),
    log: () => undefined,
  });
  open.push(rt);
  return rt;
}

type Events = Array<{ body: Record<string, unknown>; delayInSeconds?: number }>;
const push = async (rt: LocalForge, events: Events): Promise<void> => {
  await rt.invokeResolver({ key: 'push', accountId: 'acc-alice', payload: { events } });
};
const seqs = (): unknown[] => journal.map((j) => j.body.seq);
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2));
}

it('delivers after a restart what was pushed before it and not yet due', async () => {
  // given: two events an hour away (3.6 s at this time scale)
  const first = await runtime();
  await push(first, [
    { body: { mode: 'record', seq: 1 }, delayInSeconds: 900 },
    { body: { mode: 'record', seq: 2 }, delayInSeconds: 900 },
  ]);
  await first.close();
  expect(journal).toHaveLength(0);
  // when
  const second = await runtime();
  await second.queue.advance(900_000);
  // then
  expect(seqs().sort()).toEqual([1, 2]);
  for (const entry of journal) expect(entry.retryContext).toBeUndefined();
});

it('never delivers again what was delivered before the restart', async () => {
  // given
  const first = await runtime();
  await push(first, [{ body: { mode: 'record', seq: 1 } }]);
  await first.queue.drain();
  await first.close();
  // when
  const second = await runtime();
  await second.queue.drain();
  // then
  expect(seqs()).toEqual([1]);
  expect(second.queue.idle).toBe(true);
});

it('retries an attempt that was running when the runtime was killed, and the killed one writes nothing more', async () => {
  // given: a consumer that sleeps before its only write
  const first = await runtime();
  await push(first, [{ body: { mode: 'slowRecord', sleepMs: 100 } }]);
  await until(() => journal.length === 1);
  // when: killed mid-delivery, and started again on the same files
  first.kill();
  await new Promise((resolve) => setTimeout(resolve, 150));
  const second = await runtime();
  await second.queue.drain();
  // then
  const [killed, retried] = journal;
  expect(retried).toMatchObject({
    eventId: killed.eventId,
    retryContext: { retryCount: 1, retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' },
  });
  expect(retried.retryContext?.retentionWindow?.startTime).toEqual(expect.any(String));
  expect(await kvs.get(`slow:${killed.eventId}:0`)).toBeUndefined();
  expect(await kvs.get(`slow:${killed.eventId}:1`)).toBe('written');
});

it('keeps a retry scheduled before the restart, with its retry count', async () => {
  // given: an event that asked to be retried in 30 s (30 ms at this time scale)
  const first = await runtime();
  await push(first, [{ body: { mode: 'retry', times: 1, retryAfter: 30 } }]);
  await until(() => first.queue.deliveries.length === 1);
  await first.close();
  // when
  const second = await runtime();
  await second.queue.drain();
  // then
  expect(journal.map((j) => j.retryContext?.retryCount ?? 0)).toEqual([0, 1]);
  expect(await kvs.get(`retried:${journal[0].eventId}`)).toMatchObject({ retryCount: 1 });
});

it('keeps the delivered-twice switch working: both copies survive a restart', async () => {
  // given
  const first = await runtime();
  first.queue.switches.duplicate = true;
  await push(first, [{ body: { mode: 'record', seq: 1 }, delayInSeconds: 60 }]);
  await first.close();
  // when
  const second = await runtime();
  await second.queue.advance(60_000);
  // then
  expect(seqs()).toEqual([1, 1]);
  expect(new Set(journal.map((j) => j.eventId)).size).toBe(1);
});

it('forgets everything on a restart without a queue file', async () => {
  // given
  const first = await runtime({ persistent: false });
  await push(first, [{ body: { mode: 'record', seq: 1 }, delayInSeconds: 60 }]);
  await first.close();
  // when
  const second = await runtime({ persistent: false });
  await second.queue.advance(60_000);
  // then
  expect(journal).toHaveLength(0);
});

it('losePending drops what has not started, also from the file', async () => {
  // given
  const first = await runtime();
  await push(first, [{ body: { mode: 'record', seq: 1 }, delayInSeconds: 60 }]);
  // when
  const lost = first.queue.losePending();
  await first.close();
  const second = await runtime();
  await second.queue.advance(60_000);
  // then
  expect(lost).toBe(1);
  expect(journal).toHaveLength(0);
});
