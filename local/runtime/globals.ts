// The two globals the Forge SDK packages call instead of talking to the network themselves:
// `__forge_runtime__` (read by @forge/api getAppContext, metrics, @forge/kvs) and `__forge_fetch__`
// (every product, storage and queue request). They are installed once per process (per jest module
// registry); each call is routed to the runtime that owns the current invocation, or to the most
// recently started runtime when code runs outside any invocation (a test seeding data, a script).
import { randomBytes } from 'node:crypto';
import { egressAllows, refuseEgress, urlOf } from './egress';
import { currentInvocation, Invocation, remainingMillis } from './invocation';

/**
 * The process's own `fetch`, as it was before any runtime guarded it: what the runtime itself uses to reach
 * the emulator. App code inside an invocation gets the guarded one (egress rules of its manifest).
 */
const originalFetch = globalThis.fetch;
export const platformFetch: typeof fetch = originalFetch.bind(globalThis);

/** First argument of `__forge_fetch__`, as built by @forge/api `__fetchProduct` and @forge/kvs. */
export interface ForgeFetchArgs {
  type: 'fpp' | 'kvs' | 'sql' | 'tpp' | string;
  provider?: 'user' | 'app' | 'none' | string;
  remote?: string;
  accountId?: string;
  contextAri?: string;
}

export interface AppIdentity {
  appId: string;
  appVersion: string;
  environmentId: string;
  environmentType: string;
  installationId: string;
  cloudId: string;
  scopes: string[];
}

/** What a runtime offers the globals. */
export interface ForgeHost {
  readonly identity: AppIdentity;
  /** `permissions.external.fetch.backend` of its manifest. */
  readonly egress: readonly string[];
  handleFetch(
    args: ForgeFetchArgs,
    path: string,
    init: RequestInit | undefined,
    invocation: Invocation | undefined,
  ): Promise<Response>;
}

const hosts: ForgeHost[] = [];

function hostFor(invocation: Invocation | undefined): ForgeHost {
  const host = (invocation?.host as ForgeHost | undefined) ?? hosts[hosts.length - 1];
  if (!host) throw new Error('No local Forge runtime is running: call startLocalForge() first.');
  return host;
}

export class InvocationExpiredError extends Error {
  constructor(invocation: Invocation) {
    super(`Invocation ${invocation.invocationId} of '${invocation.functionKey}' timed out; the platform stopped it.`);
    this.name = 'FUNCTION_TIME_OUT';
  }
}

async function forgeFetch(args: ForgeFetchArgs, path: string, init?: RequestInit): Promise<Response> {
  const invocation = currentInvocation();
  if (invocation?.expired) throw new InvocationExpiredError(invocation);
  return hostFor(invocation).handleFetch(args, path, init, invocation);
}

const noopMetrics = {
  counter: () => ({ incr() {}, incrBy() {}, decr() {}, decrBy() {} }),
  timing: () => ({ measure: () => ({ stop() {} }) }),
  gauge: () => ({ set() {} }),
};

// Getters, not values: @forge/api reads `__forge_runtime__` on every call, and what it reads must be
// the current invocation's, not whichever invocation installed the object.
const runtimeObject = {
  proxy: { token: 'local-forge', url: 'http://local-forge.invalid' },
  metrics: noopMetrics,
  realtime: {},
  container: { runtime: 'local' },
  featureFlags: () => false,
  get contextAri(): string {
    return `ari:cloud:jira::site/${hostFor(currentInvocation()).identity.cloudId}`;
  },
  get tracing() {
    return { traceId: randomBytes(8).toString('hex'), spanId: randomBytes(8).toString('hex') };
  },
  get aaid(): string | undefined {
    return currentInvocation()?.accountId;
  },
  get appContext() {
    const invocation = currentInvocation();
    const id = hostFor(invocation).identity;
    return {
      appId: id.appId,
      appVersion: id.appVersion,
      environmentId: id.environmentId,
      environmentType: id.environmentType,
      installationId: id.installationId,
      invocationId: invocation?.invocationId ?? 'outside-invocation',
      functionKey: invocation?.functionKey ?? '',
      moduleType: invocation?.moduleType ?? '',
      moduleKey: invocation?.moduleKey ?? '',
      installation: undefined,
      permissions: { scopes: id.scopes, external: {} },
    };
  },
  get lambdaContext() {
    const invocation = currentInvocation();
    return {
      awsRequestId: invocation?.invocationId ?? 'outside-invocation',
      // Bound to this invocation, so a clock read later (after an await) still reports its own deadline.
      getRemainingTimeInMillis: (): number => (invocation ? remainingMillis(invocation) : Number.MAX_SAFE_INTEGER),
    };
  },
};

type ForgeGlobals = { __forge_runtime__?: unknown; __forge_fetch__?: unknown; fetch: typeof fetch };

/**
 * `fetch` as a Forge function sees it: inside an invocation only the manifest's egress hosts; outside any
 * invocation (a test, the dev server) the plain one. Code that bound `fetch` before the first runtime
 * started (e.g. @forge/api's `api.fetch`, when @forge/api loaded first) keeps the unguarded one.
 */
const guardedFetch: typeof fetch = async (input, init) => {
  const host = currentInvocation()?.host as ForgeHost | undefined;
  if (host && !egressAllows(host.egress, urlOf(input))) refuseEgress(urlOf(input));
  return platformFetch(input, init);
};

/** Registers a runtime and makes sure the globals exist. */
export function attachHost(host: ForgeHost): void {
  const g = globalThis as ForgeGlobals;
  g.__forge_runtime__ = runtimeObject;
  g.__forge_fetch__ = forgeFetch;
  g.fetch = guardedFetch;
  hosts.push(host);
}

/** Unregisters a runtime; the globals go away with the last one. */
export function detachHost(host: ForgeHost): void {
  const i = hosts.indexOf(host);
  if (i >= 0) hosts.splice(i, 1);
  if (hosts.length === 0) {
    const g = globalThis as ForgeGlobals;
    delete g.__forge_runtime__;
    delete g.__forge_fetch__;
    if (g.fetch === guardedFetch) g.fetch = originalFetch;
  }
}
