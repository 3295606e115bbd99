// Jira's limits as the app meets them (jira-rest.md §6): one hourly points pool for the app across its
// users and sites (Tier 1) or one per site (Tier 2), reset at the top of the hour on the emulator's
// clock; burst buckets per endpoint and method; per-issue write limits. Each answers 429 with its reason.
import { createJiraEmulator, EmulatorClock, PointsPool, tier2Points, type JiraEmulator } from '../../local/emulator';
import { NOW, smallDataset, users } from './fixtures';
import type { Answer, Caller } from './helpers';
import { authHeaders } from './helpers';

interface Site {
  jira: JiraEmulator;
  url: string;
  call(caller: Caller, method: string, path: string, body?: unknown): Promise<Answer>;
}

const open: JiraEmulator[] = [];

async function site(options: Partial<Parameters<typeof createJiraEmulator>[0]> = {}): Promise<Site> {
  const jira = createJiraEmulator({ dataset: smallDataset(), ...options });
  open.push(jira);
  const { url } = await jira.listen();
  return {
    jira,
    url,
    async call(caller, method, path, body) {
      const res = await fetch(url + path, {
        method,
        headers: { 'Content-Type': 'application/json', ...authHeaders(caller) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
    },
  };
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((j) => j.close()));
});

const asBob: Caller = { accountId: 'acc-bob' };
const asCarol: Caller = { accountId: 'acc-carol' };

describe("the app's points pool", () => {
  it('is refused until the top of the hour on the emulator clock, then open again', async () => {
    const clock = new EmulatorClock(new Date('2026-03-10T14:40:00.000Z'));
    const s = await site({ now: clock, pool: { tier: 1, points: 6 } });
    await s.call(asBob, 'GET', '/rest/api/3/myself'); // 3
    await s.call(asCarol, 'GET', '/rest/api/3/myself'); // 6
    const refused = await s.call(asBob, 'GET', '/rest/api/3/myself');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('ratelimit-reason')).toBe('jira-quota-global-based');
    expect(refused.headers.get('x-ratelimit-reset')).toBe('2026-03-10T15:00:00Z');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(1190);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(1200);
    expect(refused.headers.get('ratelimit-policy')).toBe('"global-app-quota";q=6;w=3600');

    // Tests and the control API move the clock; the pool resets at 15:00.
    const moved = await fetch(`${s.url}/__emulator/clock`, {
      method: 'POST',
      body: JSON.stringify({ advanceMs: 20 * 60_000 }),
    });
    expect(((await moved.json()) as { now: string }).now >= '2026-03-10T15:00:00').toBe(true);
    const again = await s.call(asBob, 'GET', '/rest/api/3/myself');
    expect(again.status).toBe(200);
    expect(again.headers.get('x-ratelimit-remaining')).toBe('3');
  });

  it('is shared by every site of the app on Tier 1', async () => {
    const pool = new PointsPool(() => NOW, { tier: 1, points: 5 });
    const a = await site({ now: () => NOW, pool });
    const b = await site({ now: () => NOW, pool });
    await a.call(asBob, 'GET', '/rest/api/3/issue/BETA-1'); // 2
    await b.call(asBob, 'GET', '/rest/api/3/issue/BETA-1'); // 4
    await b.call({ app: true }, 'GET', '/rest/api/3/issue/BETA-1'); // 6
    expect((await a.call(asCarol, 'GET', '/rest/api/3/myself')).status).toBe(429);
    expect(pool.snapshot()).toMatchObject({ used: 6, calls: 3, remaining: 0 });
  });

  it('is per site on Tier 2, sized by edition and users, and refuses with the tenant reason', async () => {
    expect(tier2Points('free', 500)).toBe(65_000);
    expect(tier2Points('standard', 120)).toBe(101_200);
    expect(tier2Points('premium', 1000)).toBe(150_000);
    expect(tier2Points('enterprise', 20_000)).toBe(500_000);
    const s = await site({ now: () => NOW, pool: { tier: 2, edition: 'standard', users: 3 } });
    const answer = await s.call(asBob, 'GET', '/rest/api/3/myself');
    expect(answer.headers.get('ratelimit-policy')).toBe('"tenant-app-quota";q=100030;w=3600');
    const configured = await fetch(`${s.url}/__emulator/pool`, {
      method: 'POST',
      body: JSON.stringify({ tier: 2, edition: 'free', users: 0 }),
    });
    expect(configured.status).toBe(200);
    // Use the pool up from the outside: the refusal is what matters here.
    s.jira.pool.charge(65_000);
    const refused = await s.call(asBob, 'GET', '/rest/api/3/myself');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('ratelimit-reason')).toBe('jira-quota-tenant-based');
    expect(refused.headers.get('ratelimit-policy')).toBe('"tenant-app-quota";q=65000;w=3600');
  });

  it('refuses a bad configuration over HTTP and keeps the pool as it was', async () => {
    const s = await site({ now: () => NOW, pool: { tier: 1, points: 100 } });
    for (const body of [
      { tier: 3 },
      { tier: 2, edition: 'gold', users: 1 },
      { tier: 1, points: -1 },
      { tier: 2, edition: 'free' },
    ]) {
      const answer = await fetch(`${s.url}/__emulator/pool`, { method: 'POST', body: JSON.stringify(body) });
      expect(answer.status).toBe(400);
    }
    expect(s.jira.pool.snapshot()).toMatchObject({ tier: 1, points: 100, enforced: true });
  });

  it('announces waits in wall-clock seconds when the emulator clock runs fast', async () => {
    const clock = new EmulatorClock(new Date('2026-03-10T14:00:00.000Z'));
    clock.speed = 60;
    const s = await site({ now: clock, pool: { tier: 1, points: 1 } });
    await s.call(asBob, 'GET', '/rest/api/3/project/BETA');
    const refused = await s.call(asBob, 'GET', '/rest/api/3/myself');
    expect(refused.status).toBe(429);
    // An emulated hour at 60× is a minute of the caller's time.
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(50);
    expect(refused.headers.get('x-ratelimit-reset')).toBe('2026-03-10T15:00:00Z');
  });

  it('is not drawn on by API tokens, which are not the app', async () => {
    const s = await site({ now: () => NOW, pool: { tier: 1, points: 1 } });
    for (let i = 0; i < 3; i++)
      expect((await s.call({ user: users.bob }, 'GET', '/rest/api/3/myself')).status).toBe(200);
    expect(s.jira.pool.used()).toBe(0);
    expect(s.jira.ledger.get('acc-bob').points).toBe(9);
  });
});

describe('burst and per-issue write limits', () => {
  let wall = 0;
  const frozen = () => wall;
  beforeEach(() => {
    wall = 1_000_000;
  });

  it('gives each endpoint and method a bucket of one second at its rate, refilled at that rate', async () => {
    const s = await site({ now: () => NOW, wallClockMs: frozen });
    for (let i = 0; i < 100; i++) expect((await s.call(asBob, 'GET', '/rest/api/3/myself')).status).toBe(200);
    const refused = await s.call(asBob, 'GET', '/rest/api/3/myself');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('ratelimit-reason')).toBe('jira-burst-based');
    expect(refused.headers.get('ratelimit-policy')).toBe('"jira-burst-based";q=100;w=1');
    expect(refused.headers.get('retry-after')).toBe('1');
    // Another endpoint has its own bucket, and an API token shares the site's buckets.
    expect((await s.call(asBob, 'GET', '/rest/api/3/project/BETA')).status).toBe(200);
    expect((await s.call({ user: users.bob }, 'GET', '/rest/api/3/myself')).status).toBe(429);
    // 10 ms refill one token at 100 a second.
    wall += 10;
    expect((await s.call(asBob, 'GET', '/rest/api/3/myself')).status).toBe(200);
    expect((await s.call(asBob, 'GET', '/rest/api/3/myself')).status).toBe(429);
    // Refused calls cost no points.
    expect(s.jira.ledger.get('acc-bob').calls).toBe(102);
  });

  it("uses Jira's overrides: GET issue has 150 a second", async () => {
    const s = await site({ now: () => NOW, wallClockMs: frozen });
    const statuses: number[] = [];
    for (let i = 0; i < 151; i++) statuses.push((await s.call(asBob, 'GET', '/rest/api/3/issue/BETA-1')).status);
    expect(statuses.filter((x) => x === 200)).toHaveLength(150);
    expect(statuses[150]).toBe(429);
  });

  it('limits writes to one issue to 20 in 2 s and 100 in 30 s', async () => {
    const s = await site({ now: () => NOW, wallClockMs: frozen, burstLimits: false });
    const edit = (key: string, n: number) =>
      s.call({ app: true }, 'PUT', `/rest/api/3/issue/${key}`, { fields: { summary: `Edit ${n}` } });
    for (let i = 0; i < 20; i++) expect((await edit('BETA-2', i)).status).toBe(204);
    const refused = await edit('BETA-2', 20);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('ratelimit-reason')).toBe('jira-per-issue-on-write');
    expect(refused.headers.get('ratelimit-policy')).toBe('"jira-per-issue-on-write";q=20;w=2');
    expect(refused.headers.get('retry-after')).toBe('2');
    // The issue, not the endpoint: another issue is written.
    expect((await edit('BETA-3', 0)).status).toBe(204);
    // Writes by key and by id count for the same issue.
    const id = s.jira.store.issueByIdOrKey('BETA-2')!.id;
    expect((await edit(id, 21)).status).toBe(429);

    for (let round = 1; round < 5; round++) {
      wall += 2_001;
      for (let i = 0; i < 20; i++) expect((await edit('BETA-2', round * 100 + i)).status).toBe(204);
    }
    wall += 2_001;
    const slow = await edit('BETA-2', 999);
    expect(slow.status).toBe(429);
    expect(slow.headers.get('ratelimit-policy')).toBe('"jira-per-issue-on-write";q=100;w=30');
    wall += 30_000;
    expect((await edit('BETA-2', 1000)).status).toBe(204);
    expect(s.jira.store.issueByIdOrKey('BETA-2')!.summary).toBe('Edit 1000');
  });
});
