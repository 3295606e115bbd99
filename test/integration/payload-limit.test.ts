// One payload limit (src/contract/limits.ts) answered in the app's envelope wherever a request is
// refused for its size: by the resolver over 256 KB, by the local host over Forge's 500 KB (where the
// resolver never runs), and by the UI's invoke wrapper before it sends anything.
import path from 'node:path';
import { startDevServer, type DevServer } from '../../local/dev-server/server';
import { DEMO_USERS } from '../../local/dataset/build-demo';
import { MAX_PAYLOAD_BYTES } from '../../src/contract';
import { oversizedPayload } from '../../static/structure-ui/src/api/payloadLimit';

const repoRoot = path.resolve(__dirname, '../..');
const priya = DEMO_USERS.priya.accountId;

let server: DevServer;

beforeAll(async () => {
  server = await startDevServer({ repoRoot, timeScale: 0.001, log: () => undefined });
});
afterAll(async () => {
  await server.close();
});

async function invoke(key: string, payload: unknown) {
  const res = await fetch(`${server.url}/__local/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key, payload, accountId: priya }),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

const padded = (kb: number) => ({ name: 'Big', description: 'x'.repeat(kb * 1024) });

describe('payload limit', () => {
  it('the local host answers a 600 KB invoke in the app’s envelope, with a code and a message', async () => {
    const answer = await invoke('createStructure', padded(600));
    expect(answer).toEqual({
      status: 200,
      body: {
        ok: false,
        error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/at most 256 KB is accepted/) },
      },
    });
  });

  it('the resolver answers a 300 KB payload with the same code and says its size', async () => {
    const answer = await invoke('createStructure', padded(300));
    expect(answer).toEqual({
      status: 200,
      body: {
        ok: false,
        error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request is 301 KB; at most 256 KB is accepted.' },
      },
    });
    expect((await invoke('listStructures', {})).body).toMatchObject({ ok: true, data: { structures: [] } });
  });

  it('the UI refuses what the resolver would refuse, with the resolver’s message, and lets the rest through', () => {
    expect(oversizedPayload(padded(300))).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request is 301 KB; at most 256 KB is accepted.',
    });
    expect(oversizedPayload({ description: 'x'.repeat(MAX_PAYLOAD_BYTES - 100) })).toBeUndefined();
  });
});
