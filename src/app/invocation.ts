// Everything one resolver call or one worker event works with: who acts, a Jira client as that user,
// meters for cost, and a per-invocation cache of what Jira told us about the user.
import { forgeTransportAsUser, JiraClient, type JiraTransport, type RetryPolicy } from '../jira';
import { KvsWriteMeter } from '../storage';

export interface Invocation {
  accountId: string;
  jira: JiraClient;
  kvsWrites: KvsWriteMeter;
  now: () => number;
  /** Per-invocation memo (viewer facts): never shared between users or calls. */
  memo: Map<string, Promise<unknown>>;
}

export interface InvocationOptions {
  transport?: JiraTransport;
  retry?: Partial<RetryPolicy>;
  now?: () => number;
}

/** A resolver waits little for Jira (25 s limit); the worker can pause the job instead, see JiraRateLimited. */
export const RESOLVER_RETRY: Partial<RetryPolicy> = { maxAttempts: 4, maxWaitInPlaceMs: 5_000 };
export const WORKER_RETRY: Partial<RetryPolicy> = { maxAttempts: 6, maxWaitInPlaceMs: 30_000 };

export function createInvocation(accountId: string, options: InvocationOptions = {}): Invocation {
  return {
    accountId,
    jira: new JiraClient(options.transport ?? forgeTransportAsUser(accountId), options.retry ?? RESOLVER_RETRY),
    kvsWrites: new KvsWriteMeter(),
    now: options.now ?? Date.now,
    memo: new Map(),
  };
}

export function memo<T>(inv: Invocation, key: string, compute: () => Promise<T>): Promise<T> {
  let found = inv.memo.get(key) as Promise<T> | undefined;
  if (!found) {
    found = compute();
    inv.memo.set(key, found);
  }
  return found;
}
