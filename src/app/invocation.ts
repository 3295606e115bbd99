// Everything one resolver call or one worker event works with: who acts, a Jira client as that user,
// meters for cost, and a per-invocation cache of what Jira told us about the user.
import { DEFAULT_LANES, forgeTransportAsUser, JiraClient, type JiraTransport, type RetryPolicy } from '../jira';
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
  /** Jira calls in flight at once; default: `jiraLanes()`. */
  lanes?: number;
}

/**
 * Jira calls one invocation keeps in flight at once (src/jira/lanes.ts): the Forge app variable
 * `JIRA_LANES` (1 to 16; 1 reads one call at a time), DEFAULT_LANES otherwise.
 */
export function jiraLanes(): number {
  const v = Number(process.env.JIRA_LANES);
  return Number.isInteger(v) && v >= 1 && v <= 16 ? v : DEFAULT_LANES;
}

/**
 * A resolver rides out a short storm of 429s and 5xx as the worker does (a start's checks are a few calls,
 * each of which may be refused), but answers within Forge's 25 s: it waits at most 15 s in all, counted
 * from the start of the call, and at most 10 s at once (Retry-After above that answers JIRA_UNAVAILABLE at
 * once). Backoff is capped at 4 s so that several failures in a row still fit. The worker can pause the
 * job instead, see JiraRateLimited.
 */
export const RESOLVER_RETRY: Partial<RetryPolicy> = {
  maxAttempts: 8,
  maxDelayMs: 4_000,
  maxWaitInPlaceMs: 10_000,
  budgetMs: 15_000,
};
export const WORKER_RETRY: Partial<RetryPolicy> = { maxAttempts: 6, maxWaitInPlaceMs: 30_000 };

export function createInvocation(accountId: string, options: InvocationOptions = {}): Invocation {
  return {
    accountId,
    jira: new JiraClient(
      options.transport ?? forgeTransportAsUser(accountId),
      options.retry ?? RESOLVER_RETRY,
      options.lanes ?? jiraLanes(),
    ),
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
