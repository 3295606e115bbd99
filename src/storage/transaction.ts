// One atomic KVS transaction built from operations that several repositories contribute (for example the
// new forest and the job checkpoint that records it), so a duplicate job step can never apply twice.
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { isRefusal, TransactionConditionFailed } from './errors';
import { jsonBytes, type KvsWriteMeter } from './write-meter';

/** Forge limits: 25 operations and 4 MB per transaction. */
export const MAX_TRANSACTION_OPS = 25;
export const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;

export type TxOp =
  | {
      kind: 'set';
      key: string;
      value: unknown;
      entityName?: string;
      ifEquals?: { attribute: string; value: string | number | boolean };
      /** Only when the entity does not have this attribute yet — that is, when it does not exist. */
      ifAbsent?: string;
      forest?: boolean;
    }
  | { kind: 'delete'; key: string; entityName?: string; forest?: boolean };

/**
 * After a refused transaction: the index of the first conditioned operation whose condition no longer
 * holds, read from storage now (a missing record holds no value); undefined when every one holds, so
 * the refusal had another cause.
 */
async function firstFailedCondition(ops: TxOp[]): Promise<number | undefined> {
  for (const [index, op] of ops.entries()) {
    if (op.kind !== 'set' || !op.entityName || (!op.ifEquals && op.ifAbsent === undefined)) continue;
    const current = await kvs.entity<Record<string, unknown>>(op.entityName).get(op.key);
    if (op.ifEquals && current?.[op.ifEquals.attribute] !== op.ifEquals.value) return index;
    if (op.ifAbsent !== undefined && current?.[op.ifAbsent] !== undefined) return index;
  }
  return undefined;
}

export async function runTransaction(ops: TxOp[], meter: KvsWriteMeter): Promise<void> {
  if (ops.length > MAX_TRANSACTION_OPS)
    throw new RangeError(`A transaction takes at most ${MAX_TRANSACTION_OPS} operations, got ${ops.length}`);
  const tx = kvs.transact();
  let bytes = 0;
  let forestBytes = 0;
  for (const op of ops) {
    const size = op.kind === 'set' ? jsonBytes(op.value) + op.key.length : op.key.length;
    bytes += size;
    if (op.forest) forestBytes += size;
    if (op.kind === 'set') {
      const conditions = op.ifEquals
        ? new Filter<Record<string, unknown>>().and(op.ifEquals.attribute, FilterConditions.equalTo(op.ifEquals.value))
        : op.ifAbsent !== undefined
          ? new Filter<Record<string, unknown>>().and(op.ifAbsent, FilterConditions.notExists())
          : undefined;
      tx.set<unknown>(
        op.key,
        op.value,
        op.entityName ? { entityName: op.entityName, conditions: conditions as never } : undefined,
      );
    } else {
      tx.delete(op.key, op.entityName ? { entityName: op.entityName } : undefined);
    }
  }
  if (bytes > MAX_TRANSACTION_BYTES)
    throw new RangeError(`A transaction takes at most ${MAX_TRANSACTION_BYTES} bytes, got ${bytes}`);
  try {
    await tx.execute();
  } catch (error) {
    if (isRefusal(error)) {
      const index = await firstFailedCondition(ops);
      if (index !== undefined) throw new TransactionConditionFailed(index);
    }
    throw error;
  }
  // One request; billed by its size. Forest bytes are tracked apart so a no-op import shows 0.
  meter.add(bytes);
  if (forestBytes > 0) meter.forestUnits += Math.ceil(forestBytes / 10240);
}
