// Storage outcomes callers act on. A failed transaction condition means someone else wrote first.
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

export function isConditionFailure(error: unknown): error is ForgeKvsAPIError {
  if (!(error instanceof ForgeKvsAPIError)) return false;
  return (
    error.code === 'CONDITIONAL_CHECK_FAILED' || error.responseDetails?.status === 409 || /CONDITION/i.test(error.code)
  );
}
