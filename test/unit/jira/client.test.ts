import { JiraClient, JiraJqlInvalid, JiraNotFound, JiraRateLimited, JiraUnavailable } from '../../../src/jira';
import { answer, fakeTransport } from './fake-transport';

const ids = (...n: number[]) => ({ issues: n.map((id) => ({ id: String(id), key: `K-${id}` })) });

function givenClient(...script: Parameters<typeof fakeTransport>) {
  const fake = fakeTransport(...script);
  const sleeps: number[] = [];
  const client = new JiraClient(fake.transport, {
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    now: () => Date.parse('2026-01-01T00:00:00Z'),
  });
  return { client, sleeps, requests: fake.requests };
}

describe('JiraClient', () => {
  it('asks search/jql for ids only, 5000 a page, and follows nextPageToken', async () => {
    // given
    const { client, requests } = givenClient(
      answer(200, { ...ids(1, 2), nextPageToken: 'T2' }),
      answer(200, { ...ids(3), isLast: true }),
    );
    // when
    const first = await client.searchIds('project = A');
    const second = await client.searchIds('project = A', first.nextPageToken);
    // then
    expect(first).toEqual({ ids: [1, 2], nextPageToken: 'T2' });
    expect(second).toEqual({ ids: [3], nextPageToken: undefined });
    expect(requests[0]).toMatchObject({ path: '/rest/api/3/search/jql', init: { method: 'POST' } });
    expect(requests[0].body).toEqual({ jql: 'project = A', fields: ['id'], maxResults: 5000 });
    expect(requests[1].body).toMatchObject({ nextPageToken: 'T2' });
  });

  it('keeps the messages of the warnings Jira answers a search with', async () => {
    // given a page whose answer carries Jira's experimental search warnings
    const warning = { type: 'CLAUSE_LIMIT_EXCEEDED', message: 'Only the first 1000 values were searched.' };
    const { client } = givenClient(answer(200, { ...ids(1), isLast: true, warnings: [warning, { type: 'OTHER' }] }));
    // when
    const page = await client.searchIds('id in (1, 2)');
    // then
    expect(page).toEqual({ ids: [1], nextPageToken: undefined, warnings: [warning.message, 'OTHER'] });
  });

  it('counts one point per call plus one per issue returned', async () => {
    // given
    const { client } = givenClient(answer(200, ids(1, 2, 3)), answer(200, { id: '7', name: 'F', jql: 'x = 1' }));
    // when
    await client.searchIds('project = A');
    await client.getFilter('7');
    // then
    expect(client.cost.snapshot()).toEqual({ calls: 2, points: 4 + 2 });
  });

  it('turns a 400 for JQL into JqlInvalid with Jira’s own message', async () => {
    // given
    const { client } = givenClient(
      answer(400, {
        errorMessages: ["Error in the JQL Query: Expecting ')' but got the end of the query."],
        errors: {},
      }),
    );
    // when
    const search = client.searchIds('project = (A');
    // then
    await expect(search).rejects.toThrow(JiraJqlInvalid);
    await expect(search).rejects.toMatchObject({
      jiraMessage: "Error in the JQL Query: Expecting ')' but got the end of the query.",
    });
  });

  it('reports an invisible saved filter (Jira answers 400) as not found', async () => {
    const { client } = givenClient(answer(400, { errorMessages: ['The selected filter is not available to you.'] }));
    await expect(client.getFilter('99')).rejects.toThrow(JiraNotFound);
  });

  it('retries a burst 429 after Retry-After and succeeds', async () => {
    // given
    const { client, sleeps } = givenClient(
      answer(429, {}, { 'Retry-After': '2', 'RateLimit-Reason': 'jira-burst-based' }),
      answer(503, {}),
      answer(200, ids(5)),
    );
    // when
    const page = await client.searchIds('project = A');
    // then
    expect(page.ids).toEqual([5]);
    expect(sleeps[0]).toBeGreaterThanOrEqual(2000);
    expect(sleeps).toHaveLength(2);
  });

  it('backs off exponentially from 1 s, doubling', async () => {
    // given: five 500s in a row, then success; jitter fixed at ×1.0
    const { client, sleeps } = givenClient(...Array.from({ length: 5 }, () => answer(500)), answer(200, ids(1)));
    // when
    await client.searchIds('project = A');
    // then
    expect(sleeps).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it('gives up on persistent 5xx with JiraUnavailable', async () => {
    const { client } = givenClient(...Array.from({ length: 6 }, () => answer(502)));
    await expect(client.searchIds('project = A')).rejects.toThrow(JiraUnavailable);
  });

  it('pauses instead of waiting when the hourly quota is exhausted', async () => {
    // given
    const { client, sleeps } = givenClient(
      answer(429, {}, { 'Retry-After': '1847', 'RateLimit-Reason': 'jira-quota-global-based' }),
    );
    // when
    const search = client.searchIds('project = A');
    // then
    await expect(search).rejects.toThrow(JiraRateLimited);
    await expect(search).rejects.toMatchObject({ retryAfterSeconds: 1847 });
    expect(sleeps).toEqual([]);
  });

  it("says a quota pause is the hourly quota, with Jira's reset, and remembers the pool is empty until then", async () => {
    // given
    const reset = '2026-01-01T15:00:00Z';
    const { client } = givenClient(
      answer(
        429,
        {},
        { 'Retry-After': '600', 'RateLimit-Reason': 'jira-quota-global-based', 'X-RateLimit-Reset': reset },
      ),
    );
    // when
    const search = client.searchIds('project = A');
    // then
    await expect(search).rejects.toMatchObject({ quota: true, resetAt: Date.parse(reset), retryAfterSeconds: 600 });
    expect(client.pool).toEqual({ exhaustedUntil: Date.parse(reset) });
  });

  it('hears from the headers of an answer what is left of the hourly pool', async () => {
    const { client } = givenClient(
      answer(200, ids(1), {
        'RateLimit-Policy': '"global-app-quota";q=65000;w=3600',
        RateLimit: '"global-app-quota";r=9000;t=1200',
      }),
    );
    await client.searchIds('project = A');
    expect(client.pool).toEqual({ limit: 65000, remaining: 9000 });
  });

  it('pauses when a burst Retry-After is longer than the caller waits in place', async () => {
    const { client } = givenClient(answer(429, {}, { 'Retry-After': '120' }));
    await expect(client.searchIds('project = A')).rejects.toMatchObject({ retryAfterSeconds: 120 });
  });

  it('stops waiting in place once the next wait would pass its budget, and tells each wait first', async () => {
    // given: a resolver's budget of 5 s; its clock moves by what it sleeps; three 503s in a row
    let now = Date.parse('2026-01-01T00:00:00Z');
    const sleeps: number[] = [];
    const fake = fakeTransport(answer(503), answer(503), answer(503), answer(200, ids(1)));
    const client = new JiraClient(fake.transport, {
      budgetMs: 5_000,
      random: () => 0.5,
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
    });
    const told: unknown[] = [];
    client.onWait = (wait) => void told.push(wait);
    // when: 1 s and 2 s fit, 4 s more would not (3 + 4 > 5)
    const search = client.searchIds('project = A');
    // then
    await expect(search).rejects.toThrow(JiraUnavailable);
    expect(sleeps).toEqual([1000, 2000]);
    expect(told).toEqual([
      { ms: 1000, status: 503 },
      { ms: 2000, status: 503 },
    ]);
  });

  it('reads groups from myself and ADMINISTER from mypermissions', async () => {
    // given
    const { client, requests } = givenClient(
      answer(200, { accountId: 'a1', groups: { size: 1, items: [{ name: 'devs' }] } }),
      answer(200, { permissions: { ADMINISTER: { havePermission: true } } }),
    );
    // when
    const me = await client.myself();
    const admin = await client.hasGlobalPermission('ADMINISTER');
    // then
    expect(me).toEqual({ accountId: 'a1', displayName: undefined, groups: ['devs'] });
    expect(admin).toBe(true);
    expect(requests.map((r) => r.path)).toEqual([
      '/rest/api/3/myself?expand=groups',
      '/rest/api/3/mypermissions?permissions=ADMINISTER',
    ]);
  });
});
