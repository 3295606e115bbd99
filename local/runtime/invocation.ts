// One function invocation: who runs it, which function, and when its time is up. Kept in an
// AsyncLocalStorage so concurrent invocations (a resolver call while a queue event is being handled)
// each see their own accountId and clock through the process-wide Forge globals.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface Invocation<Host = unknown> {
  /** The runtime that started the invocation; the globals route its SDK calls there. */
  host: Host;
  invocationId: string;
  functionKey: string;
  moduleType: string;
  moduleKey: string;
  /** The user the platform runs the invocation for; undefined for the app (queue consumers). */
  accountId?: string;
  /** Epoch milliseconds at which the platform stops the invocation. */
  deadline: number;
  /** Set once the deadline has passed: the function is considered frozen and its SDK calls fail. */
  expired: boolean;
}

const storage = new AsyncLocalStorage<Invocation>();

export function currentInvocation(): Invocation | undefined {
  return storage.getStore();
}

export function newInvocation<Host>(fields: Omit<Invocation<Host>, 'invocationId' | 'expired'>): Invocation<Host> {
  return { ...fields, invocationId: randomUUID(), expired: false };
}

export function runInInvocation<T>(invocation: Invocation, fn: () => Promise<T>): Promise<T> {
  return storage.run(invocation, fn);
}

export const remainingMillis = (invocation: Invocation, now: number = Date.now()): number =>
  Math.max(0, invocation.deadline - now);

/** The platform stopped the invocation at its deadline (Forge reports FUNCTION_TIME_OUT). */
export class InvocationTimeoutError extends Error {
  constructor(invocation: Invocation, timeoutMs: number) {
    super(
      `Function '${invocation.functionKey}' timed out after ${timeoutMs} ms (invocation ${invocation.invocationId}).`,
    );
    this.name = 'FUNCTION_TIME_OUT';
  }
}
