// Calls a resolver through the dev server's (or the UI preview server's) POST /__local/invoke, as
// @forge/bridge's invoke would from the app, for setting up what a browser test or tour then looks at.
import type { PayloadIn, ResolverAnswerOf, ResolverKey } from '../../../src/contract';

/** The resolver envelope read loosely: tests name only the fields they check. */
export interface LooseAnswer<T = Record<string, unknown>> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string; needed?: string };
}

/** Any key and payload, e.g. to check that a resolver refuses what the UI would never send. */
export async function invokeLoose<T = Record<string, unknown>>(
  baseUrl: string,
  key: string,
  payload: unknown,
  accountId: string,
): Promise<LooseAnswer<T>> {
  const res = await fetch(`${baseUrl}/__local/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key, payload, accountId }),
  });
  return (await res.json()) as LooseAnswer<T>;
}

/** A resolver call in the contract's types; throws when it fails, since setup that fails makes every later step meaningless. */
export async function invokeOk<K extends ResolverKey>(
  baseUrl: string,
  key: K,
  payload: PayloadIn<K>,
  accountId: string,
): Promise<Extract<ResolverAnswerOf<K>, { ok: true }>['data']> {
  const answer = (await invokeLoose(baseUrl, key, payload, accountId)) as ResolverAnswerOf<K>;
  if (!answer.ok) throw new Error(`${key} failed: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}
