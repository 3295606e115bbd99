// A dev server for looking at the UI before (or without) the real backend: the same URLs as the
// lead's `npm start` (host page at /, the built UI at /app/ with the bridge injected, /__local/*,
// Jira emulator at /rest/**), but resolvers answered by fakeResolvers.ts.
//
//   npx tsx test/e2e/support/uiPreviewServer.ts [--port 4720]
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadDataset } from '../../../local/dataset/load';
import { createJiraEmulator } from '../../../local/emulator';
import { createFakeResolvers, type FakeControls, type FakeOptions } from './fakeResolvers';

const repo = path.resolve(__dirname, '../../..');
const hostDir = path.join(repo, 'local/dev-server/host');
const uiDir = path.join(repo, 'static/structure-ui/build');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

function fileIn(root: string, urlPath: string): string | undefined {
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decodeURIComponent(urlPath)));
  if (!file.startsWith(root)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) return fileIn(root, path.posix.join(urlPath, 'index.html'));
  return existsSync(file) ? file : undefined;
}

export interface UiPreviewServer {
  url: string;
  close: () => Promise<void>;
  /** What happens in the background of a real site, on demand (e.g. the cycle guard stopping synchronizers). */
  fake: FakeControls;
}

export async function startUiPreviewServer(port = 0, fakes: FakeOptions = {}): Promise<UiPreviewServer> {
  const dataset = loadDataset(path.join(repo, 'local/dataset/demo.json'));
  const jira = createJiraEmulator({ dataset });
  let url = '';
  const { invoke, controls } = createFakeResolvers(dataset, () => url, fakes);
  const server: Server = createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0]!;
    const send = (status: number, body: string | Buffer, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache' });
      res.end(body);
    };
    const sendFile = (file: string) => {
      let body: string | Buffer = readFileSync(file);
      if (file === path.join(uiDir, 'index.html'))
        body = body.toString('utf8').replace(/<head>/i, '<head><script src="/__local/bridge.js"></script>');
      send(200, body, TYPES[path.extname(file)] ?? 'application/octet-stream');
    };
    void (async () => {
      if (pathname.startsWith('/rest/')) return jira.handler(req, res, () => send(404, '{}'));
      if (pathname === '/__local/users')
        return send(
          200,
          JSON.stringify(
            dataset.users.map((u) => ({ accountId: u.accountId, displayName: u.displayName, siteAdmin: u.siteAdmin })),
          ),
        );
      if (pathname === '/__local/site')
        return send(200, JSON.stringify({ name: dataset.site.name, cloudId: dataset.site.cloudId }));
      if (pathname === '/__local/bridge.js') return sendFile(path.join(hostDir, 'bridge.js'));
      if (pathname === '/__local/invoke' && req.method === 'POST') {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
          key: string;
          payload: unknown;
          accountId: string;
        };
        try {
          return send(200, JSON.stringify(await invoke(body.key, body.payload, body.accountId)));
        } catch (e) {
          return send(
            500,
            JSON.stringify({ error: { name: 'Error', message: e instanceof Error ? e.message : String(e) } }),
          );
        }
      }
      if (pathname.startsWith('/app/')) {
        const file = fileIn(uiDir, pathname.slice(5)) ?? path.join(uiDir, 'index.html');
        return existsSync(file) ? sendFile(file) : send(503, '{"error":"run npm run build:ui"}');
      }
      const file = fileIn(hostDir, pathname === '/' ? 'index.html' : pathname);
      return file ? sendFile(file) : send(404, '{}');
    })().catch((e: unknown) => send(500, JSON.stringify({ error: String(e) })));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    fake: controls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (require.main === module) {
  const at = process.argv.indexOf('--port');
  void startUiPreviewServer(at > 0 ? Number(process.argv[at + 1]) : 4720).then((s) =>
    console.log(`UI preview (fake resolvers) on ${s.url}`),
  );
}
