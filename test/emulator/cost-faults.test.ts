// Cost and faults: the points ledger, rate-limit headers on every response, injected 429s (burst
// and quota) and 5xx, the enforced quota, and data changes through the control API.
import { users } from './fixtures';
import { startEmulator, type Running } from './helpers';

const bob = { user: users.bob };

describe('ledger, rate limits and faults', () => {
  let em: Running;
  beforeEach(async () => {
    em = await startEmulator();
  });
  afterEach(() => em.close());

  const ledger = async () =>
    (await fetch(`${em.url}/__emulator/ledger`)).json() as Promise<{
      total: { calls: number; points: number };
      accounts: Record<string, { calls: number; points: number }>;
    }>;

  it('charges 1 per call plus 1 per issue returned (2 per identity object), and 1 per write', async () => {
    await em.call(bob, 'POST', '/rest/api/3/search/jql', { jql: 'project = BETA' }); // 1 + 3
    await em.call(bob, 'GET', '/rest/api/3/issue/BETA-1'); // 1 + 1
    await em.call(bob, 'PUT', '/rest/api/3/issue/BETA-2', { fields: { summary: 'Renamed' } }); // 1
    await em.call(bob, 'GET', '/rest/api/3/myself'); // 1 + 2 (a user is an identity object)
    await em.call(bob, 'GET', '/rest/api/3/filter/10000'); // 1 + 1
    expect(em.jira.ledger.get('acc-bob')).toEqual({ calls: 5, points: 12 });
    expect((await ledger()).accounts['acc-bob']).toEqual({ calls: 5, points: 12 });
  });

  it('resets over HTTP', async () => {
    await em.call(bob, 'GET', '/rest/api/3/myself');
    await fetch(`${em.url}/__emulator/ledger`, { method: 'DELETE' });
    expect((await ledger()).total).toEqual({ calls: 0, points: 0 });
  });

  it('rolls the ledger over at the top of the UTC hour', async () => {
    let now = new Date('2026-03-10T12:59:59.000Z');
    const clocked = await startEmulator(undefined, () => now);
    try {
      await clocked.call(bob, 'GET', '/rest/api/3/myself');
      expect(clocked.jira.ledger.get('acc-bob').points).toBe(3);
      now = new Date('2026-03-10T13:00:00.000Z');
      expect(clocked.jira.ledger.get('acc-bob').points).toBe(0);
    } finally {
      await clocked.close();
    }
  });

  it("sends the app's informational (Beta-) pool headers while the pool is not enforced", async () => {
    const answer = await em.call({ accountId: 'acc-bob' }, 'GET', '/rest/api/3/myself');
    expect(answer.headers.get('beta-ratelimit-policy')).toBe('"global-app-quota";q=65000;w=3600');
    expect(answer.headers.get('beta-ratelimit')).toMatch(/^"global-app-quota";t=\d+$/);
    expect(answer.headers.get('x-ratelimit-limit')).toBe('65000');
    expect(answer.headers.get('x-ratelimit-remaining')).toBe('64997');
    const error = await em.call({ app: true }, 'GET', '/rest/api/3/issue/NOPE-1');
    expect(error.headers.get('x-ratelimit-limit')).toBe('65000');
    // API tokens are not on points: no pool headers, nothing drawn from the pool.
    const token = await em.call(bob, 'GET', '/rest/api/3/myself');
    expect(token.headers.get('x-ratelimit-limit')).toBeNull();
    expect(em.jira.pool.used()).toBe(3 + 1);
  });

  it('injects burst 429s for the next N calls, with Retry-After and RateLimit-Reason, then recovers', async () => {
    em.jira.faults.inject429({ kind: 'burst', count: 2 });
    const first = await em.call(bob, 'GET', '/rest/api/3/myself');
    const second = await em.call(bob, 'GET', '/rest/api/3/myself');
    const third = await em.call(bob, 'GET', '/rest/api/3/myself');
    expect([first.status, second.status, third.status]).toEqual([429, 429, 200]);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(first.headers.get('ratelimit-reason')).toBe('jira-burst-based');
    expect(first.headers.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(first.headers.get('ratelimit-policy')).toBe('"jira-burst-based";q=100;w=1');
    // Rejected calls are not charged.
    expect(em.jira.ledger.get('acc-bob')).toEqual({ calls: 1, points: 3 });
  });

  it('injects quota 429s over HTTP, only for matching calls, retrying after the hour', async () => {
    await fetch(`${em.url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ rateLimit: [{ kind: 'quota', fraction: 1, match: 'search/jql' }] }),
    });
    const search = await em.call(bob, 'POST', '/rest/api/3/search/jql', { jql: 'project = BETA' });
    const other = await em.call(bob, 'GET', '/rest/api/3/myself');
    expect(search.status).toBe(429);
    expect(search.headers.get('ratelimit-reason')).toBe('jira-quota-global-based');
    // NOW is 12:00:00 UTC in the fixtures: the quota resets in an hour.
    expect(search.headers.get('retry-after')).toBe('3600');
    expect(search.headers.get('x-ratelimit-reset')).toBe('2026-03-10T13:00:00Z');
    expect(other.status).toBe(200);
    await fetch(`${em.url}/__emulator/faults`, { method: 'DELETE' });
    expect((await em.call(bob, 'POST', '/rest/api/3/search/jql', { jql: 'project = BETA' })).status).toBe(200);
  });

  it('refuses a fault with an invalid match pattern or kind', async () => {
    const badMatch = await fetch(`${em.url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ rateLimit: [{ kind: 'burst', match: '(' }] }),
    });
    const badKind = await fetch(`${em.url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ rateLimit: [{ kind: 'slow' }] }),
    });
    expect([badMatch.status, badKind.status]).toEqual([400, 400]);
    expect((await em.call(bob, 'GET', '/rest/api/3/myself')).status).toBe(200);
  });

  it('fails a fraction of calls deterministically', async () => {
    em.jira.faults.inject429({ kind: 'burst', fraction: 0.5 });
    const statuses: number[] = [];
    for (let n = 0; n < 40; n++) statuses.push((await em.call(bob, 'GET', '/rest/api/3/myself')).status);
    const limited = statuses.filter((s) => s === 429).length;
    expect(limited).toBeGreaterThan(5);
    expect(limited).toBeLessThan(35);
  });

  it('accepts the command-line shorthands rate429, rate5xx and latencyMs', async () => {
    em.jira.faults.configure({ rate429: 1 });
    expect((await em.call(bob, 'GET', '/rest/api/3/myself')).status).toBe(429);
    em.jira.faults.configure({ clear: true, rate5xx: 1 });
    expect((await em.call(bob, 'GET', '/rest/api/3/myself')).status).toBe(500);
    em.jira.faults.configure({ clear: true, latencyMs: 5 });
    expect((await em.call(bob, 'GET', '/rest/api/3/myself')).status).toBe(200);
    expect(em.jira.faults.snapshot().latency).toEqual([{ ms: 5 }]);
  });

  it('injects 5xx and latency', async () => {
    em.jira.faults.inject5xx({ status: 503, count: 1 });
    em.jira.faults.setLatency({ ms: 20, count: 1 });
    const failed = await em.call(bob, 'GET', '/rest/api/3/myself');
    expect(failed.status).toBe(503);
    expect(failed.body.errorMessages).toHaveLength(1);
    expect((await em.call(bob, 'GET', '/rest/api/3/myself')).status).toBe(200);
  });

  it("enforces the app's hourly pool with 429 jira-quota-global-based and near-limit headers", async () => {
    em.jira.pool.configure({ tier: 1, points: 5 });
    const app = { accountId: 'acc-bob' };
    const first = await em.call(app, 'GET', '/rest/api/3/issue/BETA-1'); // 2 points
    expect(first.headers.get('ratelimit-policy')).toBe('"global-app-quota";q=5;w=3600');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('3');
    await em.call(app, 'GET', '/rest/api/3/issue/BETA-1'); // 4 points: near the limit
    const near = await em.call(app, 'GET', '/rest/api/3/myself'); // 5 points
    expect(near.headers.get('x-ratelimit-nearlimit')).toBe('true');
    expect(near.headers.get('ratelimit')).toMatch(/^"global-app-quota";r=0;t=\d+$/);
    const refused = await em.call(app, 'GET', '/rest/api/3/myself');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('ratelimit-reason')).toBe('jira-quota-global-based');
    // The pool is the app's, not a user's: another user of the app is refused too, and so is asApp.
    expect((await em.call({ accountId: 'acc-carol' }, 'GET', '/rest/api/3/myself')).status).toBe(429);
    expect((await em.call({ app: true }, 'GET', '/rest/api/3/myself')).status).toBe(429);
    // An API token is not the app.
    expect((await em.call({ user: users.carol }, 'GET', '/rest/api/3/myself')).status).toBe(200);
  });

  it('changes issues through the control API and counts changes', async () => {
    const before = (await (await fetch(`${em.url}/__emulator/state`)).json()) as { changeCounter: number };
    const changed = await fetch(`${em.url}/__emulator/issues/BETA-3`, {
      method: 'POST',
      body: JSON.stringify({ status: 'To Do', parent: 'BETA-1', labels: ['moved'] }),
    });
    expect(changed.status).toBe(200);
    const after = (await changed.json()) as { changeCounter: number };
    expect(after.changeCounter).toBeGreaterThan(before.changeCounter);
    const search = await em.call(bob, 'POST', '/rest/api/3/search/jql', {
      jql: 'parent = BETA-1 AND labels = moved',
      fields: ['key'],
    });
    expect(search.body.issues.map((i: { key: string }) => i.key)).toEqual(['BETA-3']);
    const created = await fetch(`${em.url}/__emulator/issues`, {
      method: 'POST',
      body: JSON.stringify({ project: 'BETA', type: 'Story', summary: 'Brand new' }),
    });
    expect(((await created.json()) as { issue: { key: string } }).issue.key).toBe('BETA-4');
    const bad = await fetch(`${em.url}/__emulator/issues/BETA-3`, {
      method: 'POST',
      body: JSON.stringify({ status: 'Nope' }),
    });
    expect(bad.status).toBe(400);
  });
});
