// A fake backend for component tests, written in the contract's own types: each test states
// which resolver answers what (the real backend is tested through /__local/invoke elsewhere).
import type {
  AppErrorDto,
  PayloadIn,
  ResolverAnswerOf,
  ResolverKey,
  ResolverResults,
  TypedInvoke,
} from '../../../src/contract';

export type Handlers = {
  [K in ResolverKey]?: (payload: PayloadIn<K>) => ResolverAnswerOf<K> | Promise<ResolverAnswerOf<K>>;
};

export interface FakeInvoke {
  invoke: TypedInvoke;
  calls: Array<{ key: ResolverKey; payload: unknown }>;
  callsOf: (key: ResolverKey) => unknown[];
}

export function fakeInvoke(handlers: Handlers): FakeInvoke {
  const calls: FakeInvoke['calls'] = [];
  const invoke = (async (key: ResolverKey, payload: unknown) => {
    calls.push({ key, payload });
    const handler = handlers[key] as ((p: unknown) => unknown) | undefined;
    if (!handler) return { ok: false, error: { code: 'INTERNAL', message: `No fake for ${key}` } };
    return handler(payload);
  }) as TypedInvoke;
  return { invoke, calls, callsOf: (key) => calls.filter((c) => c.key === key).map((c) => c.payload) };
}

export const ok = <K extends ResolverKey>(data: ResolverResults[K]): ResolverAnswerOf<K> => ({ ok: true, data });
export const fail = (error: AppErrorDto) => ({ ok: false as const, error });

/** A stand-in for the Response that @forge/bridge requestJira resolves to (jsdom has no fetch). */
export function jsonResponse(body: unknown, status = 200): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 200 ? 'OK' : 'Error',
    json: async () => body,
    text: async () => JSON.stringify(body),
  } as unknown as Response;
}
