// The local host page (local/dev-server/host) run in jsdom: what @forge/bridge gets from it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { waitFor } from '@testing-library/react';

const hostDir = path.resolve(__dirname, '../../local/dev-server/host');
const users = [
  { accountId: 'acc-alice', displayName: 'Alice', siteAdmin: true },
  { accountId: 'acc-dan', displayName: 'Dan', siteAdmin: false },
];

interface Host {
  callBridge: (name: string, payload?: unknown, frameWindow?: Window) => Promise<any>;
}

type FetchCall = { url: string; init?: RequestInit };

/** Loads the host page's markup and script as the dev server would serve them, with a fake server behind fetch. */
async function givenHostPage(
  url = '/?as=acc-dan&module=global#/structure/s1',
): Promise<{ host: Host; calls: FetchCall[] }> {
  const calls: FetchCall[] = [];
  const respond = (body: unknown, status = 200) => ({
    ok: status < 400,
    status,
    statusText: status < 400 ? 'OK' : 'Bad Request',
    headers: { forEach: (f: (v: string, k: string) => void) => f('application/json', 'content-type') },
    json: async () => body,
    text: async () => JSON.stringify(body),
  });
  (window as unknown as { fetch: unknown }).fetch = async (u: string, init?: RequestInit) => {
    calls.push({ url: u, init });
    if (u === '/__local/users') return respond(users);
    if (u === '/__local/site') return respond({ cloudId: 'cloud-1', name: 'Local' });
    if (u === '/__local/invoke') {
      const body = JSON.parse(String(init?.body));
      return body.key === 'broken'
        ? respond({ error: { message: 'Resolver has no definition for broken.' } }, 500)
        : respond({ ok: true, data: { echo: body } });
    }
    return respond({ issues: [] });
  };
  window.history.replaceState(null, '', url);
  const html = readFileSync(path.join(hostDir, 'index.html'), 'utf8');
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)![1]!.replace(/<script[\s\S]*?<\/script>/g, '');
  // The iframe's navigation is not what is under test here.
  Object.defineProperty(HTMLIFrameElement.prototype, 'src', { set() {}, get: () => '', configurable: true });
  window.eval(readFileSync(path.join(hostDir, 'host.js'), 'utf8'));
  await waitFor(() => expect((document.getElementById('acting-as') as HTMLSelectElement).options.length).toBe(2));
  return { host: (window as unknown as { __forgeHost: Host }).__forgeHost, calls };
}

describe('local host page', () => {
  it('gives the app the context of the acting user and module', async () => {
    // given
    const { host } = await givenHostPage();
    // when
    const context = await host.callBridge('getContext');
    // then
    expect(context).toMatchObject({
      accountId: 'acc-dan',
      moduleKey: 'structure-global',
      cloudId: 'cloud-1',
      environmentType: 'DEVELOPMENT',
      extension: { type: 'jira:globalPage' },
      theme: { colorMode: 'light' },
    });
    expect((document.getElementById('acting-as') as HTMLSelectElement).value).toBe('acc-dan');
  });

  it('invokes resolvers as the acting user, and rejects when the function fails', async () => {
    // given
    const { host, calls } = await givenHostPage();
    // when
    const answer = await host.callBridge('invoke', { functionKey: 'listStructures', payload: { scope: 'all' } });
    // then
    expect(answer).toEqual({
      ok: true,
      data: {
        echo: { key: 'listStructures', payload: { scope: 'all' }, accountId: 'acc-dan', moduleKey: 'structure-global' },
      },
    });
    expect(calls.some((c) => c.url === '/__local/invoke' && c.init?.method === 'POST')).toBe(true);
    await expect(host.callBridge('invoke', { functionKey: 'broken' })).rejects.toThrow(
      /Resolver has no definition for broken/,
    );
  });

  it('sends requestJira to the emulator with the acting user and answers what the bridge builds a Response from', async () => {
    // given
    const { host, calls } = await givenHostPage();
    // when
    const answer = await host.callBridge('fetchProduct', {
      product: 'jira',
      restPath: '/rest/api/3/issue/bulkfetch',
      fetchRequestInit: {
        method: 'POST',
        body: '{"issueIdsOrKeys":["1"]}',
        headers: [['content-type', 'application/json']],
      },
    });
    // then
    const call = calls.find((c) => c.url === '/rest/api/3/issue/bulkfetch')!;
    expect((call.init?.headers as Headers).get('X-Forge-Account-Id')).toBe('acc-dan');
    expect(call.init?.method).toBe('POST');
    expect(answer).toEqual({
      body: '{"issues":[]}',
      headers: { 'content-type': 'application/json' },
      status: 200,
      statusText: 'OK',
      isAttachment: false,
    });
  });

  it('keeps the app history in the host address, and tells listeners', async () => {
    // given
    const { host } = await givenHostPage();
    const history = await host.callBridge('createHistory');
    const seen: string[] = [];
    history.listen((location: { pathname: string }, action: string) => seen.push(`${action} ${location.pathname}`));
    // then
    expect(history.location.pathname).toBe('/structure/s1');
    // when
    history.push('/job/j1');
    // then
    expect(window.location.hash).toBe('#/job/j1');
    expect(new URLSearchParams(window.location.search).get('as')).toBe('acc-dan');
    expect(seen).toEqual(['PUSH /job/j1']);
    expect(history.location.pathname).toBe('/job/j1');
  });

  it('rejects bridge calls it does not implement, by name', async () => {
    // given
    const { host } = await givenHostPage();
    // then
    await expect(host.callBridge('openModal')).rejects.toThrow('does not implement the bridge call "openModal"');
  });
});
