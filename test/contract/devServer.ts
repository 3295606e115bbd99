// What every contract test of the app's own Jira requests shares: the dev server (real resolvers,
// queue, KVS and Jira emulator) for the test file, resolver calls as a demo user, and the closing
// check that each Jira call the app made is a documented operation with a valid body.
import path from 'node:path';
import { startDevServer, type DevServer } from '../../local/dev-server/server';
import { DEMO_USERS } from '../../local/dataset/build-demo';
import { expectRequestMatches, findOperation } from './openapi';

const repoRoot = path.resolve(__dirname, '../..');

/** Started before the file's tests and closed after; read `.server` inside tests (a ref, because the hooks run after this returns). */
export function useDevServer(): { server: DevServer } {
  const ref = {} as { server: DevServer };
  beforeAll(async () => {
    ref.server = await startDevServer({ repoRoot, timeScale: 0.001, log: () => undefined });
  });
  afterAll(async () => {
    await ref.server.close();
  });
  return ref;
}

/** A resolver call as a demo user, answered in the shape the caller reads (the tests read a few fields). */
export function invokeAs<T>(
  server: DevServer,
  key: string,
  payload: unknown,
  who: keyof typeof DEMO_USERS,
): Promise<T> {
  return server.forge.invokeResolver({ key, payload, accountId: DEMO_USERS[who].accountId }) as Promise<T>;
}

/** Throws unless every call is a documented operation and every body sent matches its documented schema. */
export function expectDocumentedRequests(calls: ReadonlyArray<{ method: string; path: string; body?: string }>): void {
  for (const call of calls) {
    const url = new URL(call.path, 'http://jira.invalid');
    findOperation(call.method, url.pathname);
    if (call.body !== undefined) expectRequestMatches(call.method, url.pathname, JSON.parse(call.body));
  }
}
