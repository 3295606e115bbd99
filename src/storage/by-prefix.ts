// Values listed by key prefix, KVS's only way to find what a structure owns when it goes. Keys are listed
// in full first, then deleted: deleting while paging would move the cursor.
import { kvs, WhereConditions } from '@forge/kvs';
import type { KvsWriteMeter } from './write-meter';

/** KVS takes at most this many keys in one batch operation. */
export const KVS_BATCH_MAX = 25;

export async function keysWithPrefix(prefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany<unknown>();
    found.push(...page.results.map((r) => r.key));
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}

export async function deleteWithPrefix(prefix: string, meter: KvsWriteMeter): Promise<void> {
  const found = await keysWithPrefix(prefix);
  for (let i = 0; i < found.length; i += KVS_BATCH_MAX) {
    await kvs.batchDelete(found.slice(i, i + KVS_BATCH_MAX).map((key) => ({ key })));
    meter.add(0);
  }
}
