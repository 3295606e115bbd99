// The foundation's acceptance, end to end over HTTP: the dev server runs the real app code
// (@forge/resolver → @forge/api as the user → @forge/kvs → @forge/events → worker) against the emulator.
import path from 'node:path';
import { startDevServer, DevServer } from '../../local/dev-server/server';
import { DEMO_USERS } from '../../local/dataset/build-demo';

const repoRoot = path.resolve(__dirname, '../..');
const alice = DEMO_USERS.alice.accountId; // Jira admin
const priya = DEMO_USERS.priya.accountId; // sees every project
const dan = DEMO_USERS.dan.accountId; // cannot browse SEC

let server: DevServer;

beforeAll(async () => {
  server = await startDevServer({ repoRoot, timeScale: 0.001, log: () => undefined });
});
afterAll(async () => {
  await server.close();
});

async function invoke(key: string, payload: unknown, accountId: string) {
  const res = await fetch(`${server.url}/__local/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key, payload, accountId }),
  });
  return { status: res.status, body: (await res.json()) as { ok?: boolean; data?: any; error?: any } };
}

const basic = (email: string, token: string) => ({
  authorization: `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`,
});

async function searchKeys(jql: string, auth: Record<string, string>): Promise<string[]> {
  const res = await fetch(`${server.url}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ jql, fields: ['key'], maxResults: 5000 }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { issues: { key: string }[] };
  return body.issues.map((i) => i.key);
}

describe('dev server', () => {
  it('runs an import through /__local/invoke: resolver, queue, worker as the user, KVS', async () => {
    // given
    expect((await invoke('setSettings', { synchronizersEnabled: true }, alice)).body.ok).toBe(true);
    const created = await invoke(
      'createStructure',
      { name: 'Platform plan', description: 'from the dev-server test' },
      priya,
    );
    const structureId = created.body.data.id as string;
    server.jira.ledger.reset();

    // when
    const started = await invoke(
      'startImport',
      {
        structureId,
        synchronizer: 'filter',
        params: { source: { kind: 'jql', jql: 'project = PLAT ORDER BY Rank' }, add: { at: 'top' } },
      },
      priya,
    );
    expect(started.body.ok).toBe(true);
    await server.forge.queue.drain();

    // then
    const job = await invoke('getJob', { jobId: started.body.data.job.id }, priya);
    expect(job.body.data).toMatchObject({ state: 'finished', startedBy: priya });
    const forest = await invoke('getForest', { structureId }, priya);
    const expected = await searchKeys(
      'project = PLAT ORDER BY Rank',
      basic(DEMO_USERS.priya.email, DEMO_USERS.priya.apiToken),
    );
    expect(forest.body.data.issueIds).toHaveLength(expected.length);
    expect(job.body.data.result.added).toBe(expected.length);
    // The worker read Jira as Priya (offline impersonation), not as the app.
    expect(server.jira.ledger.get(priya).calls).toBeGreaterThan(0);
    expect(server.jira.ledger.get('app').calls).toBe(0);
  });

  it('takes the acting account from the platform, never from the payload', async () => {
    const answer = await invoke('setSettings', { synchronizersEnabled: false, accountId: alice }, dan);
    expect(answer.body).toMatchObject({
      ok: false,
      error: { code: expect.stringMatching(/NOT_JIRA_ADMIN|INVALID_PAYLOAD/) },
    });
    expect((await invoke('getSettings', {}, dan)).body.data.synchronizersEnabled).toBe(true);
  });

  it('refuses an unknown account and an oversized request', async () => {
    expect((await invoke('getSettings', {}, 'nobody')).status).toBe(400);
    const big = await fetch(`${server.url}/__local/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'getSettings', payload: { pad: 'x'.repeat(600 * 1024) }, accountId: alice }),
    });
    expect(big.status).toBe(200);
    expect(await big.json()).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('hides a restricted project from a user without browse permission', async () => {
    const priyaSees = await searchKeys('issuetype = Epic', basic(DEMO_USERS.priya.email, DEMO_USERS.priya.apiToken));
    const danSees = await searchKeys('issuetype = Epic', basic(DEMO_USERS.dan.email, DEMO_USERS.dan.apiToken));
    expect(priyaSees.some((k) => k.startsWith('SEC-'))).toBe(true);
    expect(danSees.some((k) => k.startsWith('SEC-'))).toBe(false);
    expect(danSees.length).toBeGreaterThan(0);
    // As in Jira, naming a project you cannot browse is a JQL error, not an empty result.
    const named = await fetch(`${server.url}/rest/api/3/search/jql?jql=${encodeURIComponent('project = SEC')}`, {
      headers: { 'X-Forge-Account-Id': dan },
    });
    expect(named.status).toBe(400);
  });

  it('answers bad JQL with Jira 400 body and the removed search with 410', async () => {
    const bad = await fetch(`${server.url}/rest/api/3/search/jql?jql=${encodeURIComponent('sprnt = 5')}`, {
      headers: { 'X-Forge-Account-Id': dan },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ errorMessages: [expect.stringContaining("'sprnt'")], errors: {} });
    const removed = await fetch(`${server.url}/rest/api/3/search?jql=project%3DPLAT`, {
      headers: { 'X-Forge-Account-Id': dan },
    });
    expect(removed.status).toBe(410);
  });

  it('serves the host page and the UI with the bridge injected', async () => {
    const host = await fetch(`${server.url}/`);
    expect(host.status).toBe(200);
    expect(await host.text()).toMatch(/<iframe|app\//i);
    const bridge = await fetch(`${server.url}/__local/bridge.js`);
    expect(bridge.status).toBe(200);
    expect(await bridge.text()).toContain('callBridge');
  });
});
