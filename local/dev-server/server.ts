// The dev server: one port serving the Jira emulator (/rest/**), the local Forge runtime
// (POST /__local/invoke), the built Custom UI (/app/) and the host page that plays Jira (/).
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { sendIssuePage } from './issue-page';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createJiraEmulator, EmulatorClock, JiraEmulator, type PoolOptions } from '../emulator';
import { loadDataset } from '../dataset/load';
import type { Dataset } from '../dataset/types';
import { LocalForge, startLocalForge } from '../runtime';
import { resolveInside, sendFile, sendJson } from './static-files';
import { uiBuildDir } from './ui-build';
import { MAX_PAYLOAD_BYTES } from '../../src/contract/limits';

export interface DevServerOptions {
  repoRoot: string;
  port?: number;
  host?: string;
  /** A dataset file, or the dataset itself; default the demo dataset. */
  dataset?: string | Dataset;
  /** SQLite file for the KVS; default in memory. */
  kvsFile?: string;
  /** SQLite file for the events the queue still owes (LocalForgeOptions.queueFile); default in memory. */
  queueFile?: string;
  faults?: { rate429?: number; rate5xx?: number; latencyMs?: number };
  /** The app's hourly Tier 1 pool, enforced; default (and 'off'): counted and announced, never refused. */
  pointsPool?: number | 'off';
  /** Emulated seconds per real second for the emulator's clock (default 1). */
  clockSpeed?: number;
  /** Queue time scale for tests (see LocalForgeOptions.timeScale). */
  timeScale?: number;
  log?: (message: string) => void;
}

export interface DevServer {
  url: string;
  dataset: Dataset;
  jira: JiraEmulator;
  forge: LocalForge;
  close(): Promise<void>;
}

/** The invoke request limit Forge enforces on @forge/bridge invoke. */
const MAX_INVOKE_BYTES = 500 * 1024;

async function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even past the limit: answering mid-upload resets the keep-alive connection.
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size > limit ? undefined : Buffer.concat(chunks).toString('utf8');
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const { repoRoot } = options;
  const log = options.log ?? console.log;
  const dataset =
    typeof options.dataset === 'object'
      ? options.dataset
      : loadDataset(options.dataset ?? path.join(repoRoot, 'local', 'dataset', 'demo.json'));
  const clock = new EmulatorClock();
  if (options.clockSpeed !== undefined) clock.speed = options.clockSpeed;
  const pool: PoolOptions =
    typeof options.pointsPool === 'number' ? { tier: 1, points: options.pointsPool } : { tier: 1, enforced: false };
  const jira = createJiraEmulator({ dataset, now: clock, pool });
  if (options.faults) jira.faults.configure(options.faults);
  const users = dataset.users.map((u) => ({
    accountId: u.accountId,
    displayName: u.displayName,
    siteAdmin: u.siteAdmin,
  }));
  const userIds = new Set(users.map((u) => u.accountId));
  const hostDir = path.join(__dirname, 'host');
  const uiDir = uiBuildDir(repoRoot);

  // The runtime needs the server's URL, so it starts after listen; requests before then get 503.
  const started: { forge?: LocalForge } = {};

  async function handleInvoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req, MAX_INVOKE_BYTES);
    // Over Forge's own limit the resolver never runs; answer in the app's envelope (200, like any resolver
    // answer) so that the UI shows it as it shows the resolver's own PAYLOAD_TOO_LARGE, not a raw error.
    if (text === undefined)
      return sendJson(res, 200, {
        ok: false,
        error: {
          code: 'PAYLOAD_TOO_LARGE',
          message: `The request is over ${MAX_INVOKE_BYTES / 1024} KB, the limit Forge sets on an invoke; at most ${MAX_PAYLOAD_BYTES / 1024} KB is accepted.`,
        },
      });
    let body: { key?: unknown; payload?: unknown; accountId?: unknown; moduleKey?: unknown; context?: unknown };
    try {
      body = JSON.parse(text || '{}');
    } catch {
      return sendJson(res, 400, {
        error: { name: 'BadRequest', message: 'The body is not JSON: send { "key", "payload", "accountId" }.' },
      });
    }
    if (typeof body.key !== 'string' || !body.key)
      return sendJson(res, 400, { error: { name: 'BadRequest', message: '"key" (the resolver key) is required.' } });
    if (body.accountId !== undefined && (typeof body.accountId !== 'string' || !userIds.has(body.accountId))) {
      return sendJson(res, 400, {
        error: {
          name: 'BadRequest',
          message: `"accountId" must be one of the dataset's users: ${[...userIds].join(', ')}.`,
        },
      });
    }
    if (!started.forge)
      return sendJson(res, 503, {
        error: { name: 'Starting', message: 'The local Forge runtime is still starting; try again.' },
      });
    const outcome = await started.forge.tryInvokeResolver({
      key: body.key,
      payload: body.payload,
      accountId: body.accountId as string | undefined,
      moduleKey: typeof body.moduleKey === 'string' ? body.moduleKey : undefined,
      context: typeof body.context === 'object' && body.context ? (body.context as Record<string, unknown>) : undefined,
    });
    if (outcome.ok) return sendJson(res, 200, outcome.result ?? null);
    return sendJson(res, 500, { error: outcome.error });
  }

  function injectBridge(file: string, res: ServerResponse): void {
    // The bridge must exist in the iframe's own window before the app's script runs.
    const html = readFileSync(file, 'utf8').replace(/<head>/i, '<head><script src="/__local/bridge.js"></script>');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    res.end(html);
  }

  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const pathname = url.split('?')[0] ?? '/';
    const notFound = () => sendJson(res, 404, { errorMessages: [`Nothing is served at ${pathname}.`], errors: {} });
    void (async () => {
      if (pathname.startsWith('/rest/') || pathname.startsWith('/__emulator/')) return jira.handler(req, res, notFound);
      if (pathname === '/__local/invoke' && req.method === 'POST') return handleInvoke(req, res);
      if (pathname === '/__local/users') return sendJson(res, 200, users);
      if (pathname === '/__local/site')
        return sendJson(res, 200, {
          name: dataset.site.name,
          cloudId: dataset.site.cloudId,
          url: server.address() ? baseUrl() : '',
        });
      if (pathname === '/__local/bridge.js') {
        const file = resolveInside(hostDir, 'bridge.js');
        return file ? sendFile(res, file) : notFound();
      }
      const browse = /^\/browse\/([A-Za-z][A-Za-z0-9_]*-\d+)$/.exec(pathname);
      if (browse && req.method === 'GET') return sendIssuePage(res, jira, browse[1]!);
      if (pathname === '/app') {
        res.writeHead(302, { location: '/app/' });
        return res.end();
      }
      if (pathname.startsWith('/app/')) {
        const file = resolveInside(uiDir, pathname.slice('/app/'.length)) ?? resolveInside(uiDir, 'index.html');
        if (!file) return sendJson(res, 503, { error: 'The Custom UI is not built: run npm run build:ui.' });
        return file.endsWith('index.html') ? injectBridge(file, res) : sendFile(res, file);
      }
      const file = resolveInside(hostDir, pathname === '/' ? 'index.html' : pathname);
      return file ? sendFile(res, file) : notFound();
    })().catch((err: unknown) => {
      log(`dev server: ${req.method} ${pathname} failed: ${err instanceof Error ? err.stack : String(err)}`);
      if (!res.headersSent)
        sendJson(res, 500, {
          error: { name: 'DevServerError', message: err instanceof Error ? err.message : String(err) },
        });
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  function baseUrl(): string {
    const address = server.address() as AddressInfo;
    return `http://${options.host ?? '127.0.0.1'}:${address.port}`;
  }
  const url = baseUrl();
  if (options.kvsFile) mkdirSync(path.dirname(options.kvsFile), { recursive: true });
  const forge = await startLocalForge({
    appDir: repoRoot,
    jiraBaseUrl: url,
    kvsFile: options.kvsFile,
    queueFile: options.queueFile,
    timeScale: options.timeScale,
    cloudId: dataset.site.cloudId,
    siteUrl: url,
    log,
    // Emulator changes reach the app's triggers; scheduled triggers tick in `npm start` (real time),
    // not in tests that scale time.
    jira,
    scheduledTriggers: options.timeScale === undefined,
  });
  started.forge = forge;

  return {
    url,
    dataset,
    jira,
    forge,
    async close() {
      await forge.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
    },
  };
}
