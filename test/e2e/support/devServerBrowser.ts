// What each browser test file sets up the same way: the real dev server started in-process (resolvers,
// worker, KVS, Jira emulator; time scaled down so jobs finish quickly) and one Chromium page on it.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startDevServer, type DevServer, type DevServerOptions } from '../../../local/dev-server/server';
import { launchChromium, newPage } from './browser';
import { invokeLoose, type LooseAnswer } from './localInvoke';

const repoRoot = path.resolve(__dirname, '../../..');

export interface DevServerBrowser {
  server: DevServer;
  page: Page;
  /** A resolver call through /__local/invoke, as @forge/bridge's invoke would make it. */
  invoke<T = Record<string, unknown>>(key: string, payload: unknown, accountId: string): Promise<LooseAnswer<T>>;
}

/**
 * Starts both before the file's tests and closes them after (`dataset`: another than the demo's). Read `.server` and `.page` inside tests:
 * they exist once beforeAll ran (a ref, because the hooks run after this returns).
 */
export function useDevServerBrowser(options: Pick<DevServerOptions, 'dataset'> = {}): DevServerBrowser {
  let browser: Browser | undefined;
  const ref = {
    invoke: <T>(key: string, payload: unknown, accountId: string) =>
      invokeLoose<T>(ref.server.url, key, payload, accountId),
  } as DevServerBrowser;
  beforeAll(async () => {
    ref.server = await startDevServer({ repoRoot, timeScale: 0.001, log: () => undefined, ...options });
    browser = await launchChromium();
    ({ page: ref.page } = await newPage(browser));
  });
  afterAll(async () => {
    await browser?.close();
    await ref.server?.close();
  });
  return ref;
}
