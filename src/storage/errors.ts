// Storage outcomes callers act on. A failed transaction condition means someone else wrote first.
//
// What Forge answers for a failed transaction condition is not published: @forge/kvs turns every non-2xx
// storage answer into a ForgeKvsAPIError carrying the service's own `code` (kvs/out/utils/error-handling.js),
// and Atlassian's error tables list no code for it. So the app never reads that code: when a conditioned
// transaction is refused, it reads the conditioned records again and decides from what they hold.
import { ForgeKvsAPIError } from '@forge/kvs';

/** The forest changed since it was read: recompute from the new forest instead of overwriting it. */
export class ForestVersionConflict extends Error {
  constructor(
    readonly structureId: string,
    readonly expectedVersion: number,
  ) {
    super(`The forest of structure ${structureId} changed since version ${expectedVersion}`);
    this.name = 'ForestVersionConflict';
  }
}

/** A transaction's condition did not hold (forest version or job step moved on). */
export class TransactionConditionFailed extends Error {
  constructor(readonly failedOperationIndex: number | undefined) {
    super('A storage transaction was cancelled because one of its conditions did not hold');
    this.name = 'TransactionConditionFailed';
  }
}

/**
 * The storage service refused the request itself (a 4xx other than 429): what a failed condition looks
 * like, among others (a value too large, a bad key). Rate limits and server errors are not refusals;
 * they go back to the platform, which retries the invocation.
 */
export function isRefusal(error: unknown): error is ForgeKvsAPIError {
  if (!(error instanceof ForgeKvsAPIError)) return false;
  const status = error.responseDetails?.status;
  return status >= 400 && status < 500 && status !== 429;
}
