// Resolver invocations as the platform makes them: principal from the platform, requestJira as the user or
// the app, the invocation clock, time limits, and per-invocation context under concurrency.
import { kvs } from '@forge/kvs';
import { ResolverInvocationError } from '../../local/runtime';
import { Harness, startHarness, stopHarness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await stopHarness(h);
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('requestJira', () => {
  it('asUser() runs as the invoking user', async () => {
    // when
    const result = await h.rt.invokeResolver({ key: 'whoami', accountId: 'acc-alice' });
    // then
    expect(result).toEqual({
      status: 200,
      body: { accountId: 'acc-alice', displayName: 'User acc-alice' },
      contextAccountId: 'acc-alice',
    });
    const [request] = h.jira.requests;
    expect(request.url).toBe('/rest/api/3/myself');
    expect(request.headers['x-forge-account-id']).toBe('acc-alice');
    expect(request.headers['x-forge-as-app']).toBeUndefined();
    expect(h.rt.jira.calls).toEqual([{ method: 'GET', path: '/rest/api/3/myself', as: 'acc-alice', status: 200 }]);
  });

  it('asApp() runs as the app', async () => {
    const result = await h.rt.invokeResolver({ key: 'asApp', accountId: 'acc-alice' });
    expect(result).toEqual({ status: 200, body: { baseUrl: 'http://jira.local', asApp: true } });
    expect(h.jira.requests[0].headers['x-forge-as-app']).toBe('true');
    expect(h.jira.requests[0].headers['x-forge-account-id']).toBeUndefined();
  });

  it('routes agile paths the same way, with route() encoding intact', async () => {
    const result = await h.rt.invokeResolver({ key: 'boards', accountId: 'acc-bob' });
    expect(result).toMatchObject({ status: 200, body: { asUser: 'acc-bob' } });
    expect(h.jira.requests[0].url).toBe('/rest/agile/1.0/board?projectKeyOrId=DEMO');
  });

  it('asUser() without a user in the invocation fails as in Forge', async () => {
    const outcome = await h.rt.tryInvokeResolver({ key: 'whoami' });
    expect(outcome).toEqual({
      ok: false,
      error: { name: 'NEEDS_AUTHENTICATION_ERR', message: 'Authentication Required' },
    });
    expect(h.jira.requests).toHaveLength(0);
  });

  it('keeps each concurrent invocation on its own user', async () => {
    // when
    const users = Array.from({ length: 20 }, (_, i) => `acc-${i % 4}`);
    const results = await Promise.all(users.map((accountId) => h.rt.invokeResolver({ key: 'whoami', accountId })));
    // then
    expect(results.map((r) => (r as { body: { accountId: string } }).body.accountId)).toEqual(users);
    expect(results.map((r) => (r as { contextAccountId: string }).contextAccountId)).toEqual(users);
  });
});

describe('resolver calls', () => {
  it('takes context.accountId from the platform, never from the payload or UI context', async () => {
    // when
    const asAlice = (await h.rt.invokeResolver({
      key: 'echo',
      accountId: 'acc-alice',
      payload: { accountId: 'acc-mallory' },
      context: { accountId: 'acc-mallory' },
    })) as { payload: unknown; context: Record<string, unknown> };
    const anonymous = (await h.rt.invokeResolver({ key: 'echo', payload: {} })) as { context: Record<string, unknown> };
    // then
    expect(asAlice.payload).toEqual({ accountId: 'acc-mallory' });
    expect(asAlice.context).toMatchObject({
      accountId: 'acc-alice',
      moduleKey: 'fixture-global',
      extension: { type: 'jira:globalPage' },
      installContext: expect.stringMatching(/^ari:cloud:jira::site\//),
    });
    expect(anonymous.context.accountId).toBeUndefined();
  });

  it('round-trips payloads and results through JSON', async () => {
    const result = (await h.rt.invokeResolver({
      key: 'echo',
      accountId: 'acc-alice',
      payload: { when: new Date('2026-01-02T03:04:05Z'), skip: undefined, n: 1 },
    })) as { payload: unknown };
    expect(result.payload).toEqual({ when: '2026-01-02T03:04:05.000Z', n: 1 });
  });

  it('reports a thrown error as a failed invoke', async () => {
    await expect(h.rt.invokeResolver({ key: 'fail', accountId: 'acc-alice' })).rejects.toEqual(
      expect.objectContaining({ name: 'ResolverInvocationError', message: 'boom', key: 'fail', errorName: 'Error' }),
    );
    await expect(h.rt.invokeResolver({ key: 'fail' })).rejects.toBeInstanceOf(ResolverInvocationError);
    expect(await h.rt.tryInvokeResolver({ key: 'nope' })).toEqual({
      ok: false,
      error: { name: 'Error', message: "Resolver has no definition for 'nope'." },
    });
  });
});

describe('invocation clock', () => {
  it('gives resolvers 25 seconds by default', async () => {
    const { before } = (await h.rt.invokeResolver({ key: 'clock', accountId: 'a', payload: {} })) as { before: number };
    expect(before).toBeGreaterThan(20_000);
    expect(before).toBeLessThanOrEqual(25_000);
  });

  it('can be shortened per function and per call, and runs down', async () => {
    // given
    h.rt.setInvocationTimeout('ui-resolver', 2_000);
    // when
    const perFunction = (await h.rt.invokeResolver({ key: 'clock', accountId: 'a', payload: { sleepMs: 20 } })) as {
      before: number;
      after: number;
    };
    const perCall = (await h.rt.invokeResolver({ key: 'clock', accountId: 'a', payload: {}, timeoutMs: 700 })) as {
      before: number;
    };
    // then
    expect(perFunction.before).toBeLessThanOrEqual(2_000);
    expect(perFunction.after).toBeLessThan(perFunction.before);
    expect(perCall.before).toBeLessThanOrEqual(700);
    h.rt.setInvocationTimeout('ui-resolver', undefined);
    const restored = (await h.rt.invokeResolver({ key: 'clock', accountId: 'a', payload: {} })) as { before: number };
    expect(restored.before).toBeGreaterThan(2_000);
  });

  it('stops an invocation at its deadline; its later SDK calls fail', async () => {
    // given
    h.rt.setInvocationTimeout('ui-resolver', 50);
    // when
    const outcome = await h.rt.tryInvokeResolver({
      key: 'slowWrite',
      accountId: 'a',
      payload: { key: 'late', sleepMs: 150 },
    });
    await sleep(250);
    // then
    expect(outcome).toEqual({
      ok: false,
      error: { name: 'FUNCTION_TIME_OUT', message: expect.stringContaining("'ui-resolver' timed out after 50 ms") },
    });
    expect(await kvs.get('late')).toBeUndefined();
  });
});

describe('several runtimes in one process', () => {
  it('routes SDK calls to the runtime that runs the invocation', async () => {
    // given: a second runtime, started later (the default target outside invocations)
    const other = await startHarness();
    try {
      // when
      await h.rt.invokeResolver({ key: 'slowWrite', accountId: 'a', payload: { key: 'mine', sleepMs: 0 } });
      await other.rt.invokeResolver({ key: 'whoami', accountId: 'acc-other' });
      // then
      expect(h.rt.kvs.peek('mine')).toBe('written');
      expect(other.rt.kvs.peek('mine')).toBeUndefined();
      expect(other.jira.requests.map((r) => r.headers['x-forge-account-id'])).toEqual(['acc-other']);
      expect(h.jira.requests).toHaveLength(0);
      expect(await kvs.get('mine')).toBeUndefined(); // outside invocations: the most recent runtime
    } finally {
      await stopHarness(other);
    }
  });
});
