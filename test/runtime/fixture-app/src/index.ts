// A tiny Forge app written against the real SDK, used by the local runtime's tests. Nothing here knows
// it runs locally.
import api, { getAppContext, route } from '@forge/api';
import { InvocationError, InvocationErrorCode, Queue, type AsyncEvent } from '@forge/events';
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import Resolver from '@forge/resolver';

const queue = new Queue({ key: 'fixture-jobs' });

/** Deliveries in the order the worker saw them (tests read it; the app itself never does). */
export const journal: Array<{
  eventId: string;
  jobId: string;
  queueName: string;
  body: Record<string, unknown>;
  retryContext?: AsyncEvent['retryContext'];
}> = [];

/** What a `myselfAs` or `egress` delivery got: the answer, or the error itself (tests check its class). */
export const outcomes = new Map<string, { status?: number; body?: string; error?: unknown }>();

/** Most deliveries that ran at the same time (tests of `concurrency` read it). */
export const overlapProbe = { active: 0, max: 0 };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const resolver = new Resolver();

resolver.define('whoami', async ({ context }) => {
  const response = await api.asUser().requestJira(route`/rest/api/3/myself`);
  return { status: response.status, body: await response.json(), contextAccountId: context.accountId };
});

resolver.define('asApp', async () => {
  const response = await api.asApp().requestJira(route`/rest/api/3/serverInfo`);
  return { status: response.status, body: await response.json() };
});

resolver.define('boards', async () => {
  const response = await api.asUser().requestJira(route`/rest/agile/1.0/board?projectKeyOrId=${'DEMO'}`);
  return { status: response.status, body: await response.json() };
});

resolver.define('echo', async ({ payload, context }) => ({ payload, context }));

resolver.define('fail', async () => {
  throw new Error('boom');
});

resolver.define('clock', async ({ payload }) => {
  const before = getAppContext().invocationRemainingTimeInMillis();
  await sleep(Number((payload as { sleepMs?: number }).sleepMs ?? 0));
  return { before, after: getAppContext().invocationRemainingTimeInMillis() };
});

resolver.define('slowWrite', async ({ payload }) => {
  const { key, sleepMs } = payload as { key: string; sleepMs: number };
  await sleep(sleepMs);
  await kvs.set(key, 'written');
  return 'done';
});

/** Records a job (entity + plain key, in one transaction) and queues its first step. */
resolver.define('startJob', async ({ payload, context }) => {
  const { structureId, steps } = payload as { structureId: string; steps: number };
  const id = `job-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  await kvs
    .transact()
    .set(id, { structureId, state: 'queued', createdAt: Date.now() }, { entityName: 'job' })
    .set(`job-owner:${id}`, context.accountId)
    .execute();
  const { jobId } = await queue.push({ body: { mode: 'job', id, accountId: context.accountId, steps, step: 1 } });
  return { id, queueJobId: jobId };
});

resolver.define('push', async ({ payload }) => {
  const { events } = payload as { events: Array<{ body: Record<string, unknown>; delayInSeconds?: number }> };
  return queue.push(events);
});

/** Pushes and reports how many deliveries the worker saw while push was running (Forge: none). */
resolver.define('pushAndCount', async ({ payload }) => {
  const before = journal.length;
  const { jobId } = await queue.push((payload as { events: Array<{ body: Record<string, unknown> }> }).events);
  return { jobId, deliveredDuringPush: journal.length - before };
});

resolver.define('stats', async ({ payload }) => queue.getStats((payload as { jobId: string }).jobId));

resolver.define('cancel', async ({ payload }) => {
  await queue.cancel((payload as { jobId: string }).jobId);
  return 'cancelled';
});

export const resolverHandler = resolver.getDefinitions();
export { resolverHandler as resolver };

type WorkerBody = {
  mode:
    | 'job'
    | 'record'
    | 'retry'
    | 'throw'
    | 'asUserWithoutId'
    | 'clock'
    | 'overlap'
    | 'myselfAs'
    | 'egress'
    | 'slowRecord';
  url?: string;
  id?: string;
  accountId?: string;
  steps?: number;
  step?: number;
  times?: number;
  retryAfter?: number;
  sleepMs?: number;
};

export async function worker(event: AsyncEvent, context: unknown): Promise<unknown> {
  const body = event.body as WorkerBody;
  const retryCount = event.retryContext?.retryCount ?? 0;
  journal.push({
    eventId: event.eventId,
    jobId: event.jobId,
    queueName: event.queueName,
    body: event.body,
    retryContext: event.retryContext,
  });
  switch (body.mode) {
    case 'record':
      await kvs.set(`seen:${event.eventId}`, { body: event.body, context: context as Record<string, unknown> });
      return undefined;
    case 'slowRecord':
      // Takes a while before its only write: a runtime stopped meanwhile must not let that write happen.
      await sleep(body.sleepMs ?? 50);
      await kvs.set(`slow:${event.eventId}:${retryCount}`, 'written');
      return undefined;
    case 'job': {
      const response = await api.asUser(body.accountId).requestJira(route`/rest/api/3/myself`);
      const me = (await response.json()) as { accountId?: string };
      await kvs.set(`job-step:${body.id}:${body.step}`, { status: response.status, as: me.accountId });
      if ((body.step ?? 1) < (body.steps ?? 1)) {
        await queue.push({ body: { ...body, step: (body.step ?? 1) + 1 } });
      } else {
        const conditions = new Filter<{ state: string }>().and('state', FilterConditions.equalTo('queued'));
        const job = await kvs
          .entity<{ structureId: string; state: string; createdAt: number }>('job')
          .get(body.id as string);
        await kvs
          .transact()
          .set(body.id as string, { ...job, state: 'done' }, { entityName: 'job', conditions })
          .execute();
      }
      return undefined;
    }
    case 'retry':
      if (retryCount < (body.times ?? 1)) {
        return new InvocationError({
          retryAfter: body.retryAfter ?? 30,
          retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
          retryData: { attempt: retryCount },
        });
      }
      await kvs.set(`retried:${event.eventId}`, { retryCount, retryData: event.retryContext?.retryData ?? null });
      return undefined;
    case 'throw':
      if (retryCount < (body.times ?? 1)) throw new Error(`failing on attempt ${retryCount}`);
      await kvs.set(`recovered:${event.eventId}`, retryCount);
      return undefined;
    case 'asUserWithoutId':
      try {
        await api.asUser().requestJira(route`/rest/api/3/myself`);
        await kvs.set(`asUser:${event.eventId}`, 'no error');
      } catch (e) {
        await kvs.set(`asUser:${event.eventId}`, { name: (e as Error).name, message: (e as Error).message });
      }
      return undefined;
    case 'myselfAs':
    case 'egress':
      try {
        const response =
          body.mode === 'egress'
            ? await fetch(String(body.url))
            : await api.asUser(body.accountId).requestJira(route`/rest/api/3/myself`);
        outcomes.set(event.eventId, { status: response.status, body: await response.text() });
      } catch (e) {
        outcomes.set(event.eventId, { error: e });
      }
      return undefined;
    case 'overlap':
      overlapProbe.active += 1;
      overlapProbe.max = Math.max(overlapProbe.max, overlapProbe.active);
      await sleep(body.sleepMs ?? 20);
      overlapProbe.active -= 1;
      return undefined;
    case 'clock': {
      const remaining = getAppContext().invocationRemainingTimeInMillis();
      await kvs.set(`clock:${event.eventId}`, remaining);
      await sleep(body.sleepMs ?? 0);
      return undefined;
    }
  }
}

// ---- triggers -------------------------------------------------------------------------------------------

/** What the product-event trigger function saw, in delivery order (tests read it). */
export const triggerJournal: Array<{
  moduleKey: string;
  event: Record<string, unknown>;
  context: Record<string, unknown>;
  asUserWithoutId: string;
  finished: boolean;
}> = [];

/** How the trigger function behaves; tests set it. */
export const triggerBehaviour = { retryTimes: 0, sleepMs: 0 };

export async function onJiraEvent(event: Record<string, unknown>, context: Record<string, unknown>): Promise<unknown> {
  const entry = { moduleKey: getAppContext().moduleKey, event, context, asUserWithoutId: '', finished: false };
  triggerJournal.push(entry);
  // Triggers run as the app: there is no user to act for unless an accountId is given.
  try {
    await api.asUser().requestJira(route`/rest/api/3/myself`);
    entry.asUserWithoutId = 'allowed';
  } catch (e) {
    entry.asUserWithoutId = (e as Error).name;
  }
  const retryCount = (event.retryContext as { retryCount?: number } | undefined)?.retryCount ?? 0;
  if (retryCount < triggerBehaviour.retryTimes) {
    return new InvocationError({
      retryAfter: 5,
      retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
      retryData: { attempt: retryCount },
    });
  }
  await sleep(triggerBehaviour.sleepMs);
  entry.finished = true;
  return undefined;
}

/** Runs of the scheduled trigger (tests read it). */
export const scheduleJournal: Array<{
  moduleKey: string;
  request: Record<string, unknown>;
  context: Record<string, unknown>;
}> = [];

export async function onSchedule(request: Record<string, unknown>, context: Record<string, unknown>): Promise<unknown> {
  scheduleJournal.push({ moduleKey: getAppContext().moduleKey, request, context });
  // A scheduled run may use the app's storage like any other function.
  const runs = ((await kvs.get<number>('scheduled-runs')) ?? 0) + 1;
  await kvs.set('scheduled-runs', runs);
  return { runs };
}
