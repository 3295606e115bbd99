// Bulky job data of the sub-tasks, links, agile and hierarchy imports: one JSON page per unit of work
// (the facts of a few hundred issues, far below the 240 KiB value limit), under the same keys as the
// Filter import's ids pages, so the checkpoint's `pages` counts them and `deleteAll` drops them.
// A page is written before the checkpoint that counts it, so a duplicate step just rewrites it.
import { kvs } from '@forge/kvs';
import { keys } from './keys';
import { jsonBytes, type KvsWriteMeter } from './write-meter';

const BATCH_MAX = 25;
const JOB_DATA_TTL = { value: 7, unit: 'DAYS' } as const;

export class JobPagesRepository {
  constructor(private readonly meter: KvsWriteMeter) {}

  async put<T>(jobId: string, page: number, value: T): Promise<void> {
    await kvs.set(keys.jobIdsPage(jobId, page), value, { ttl: JOB_DATA_TTL });
    this.meter.add(jsonBytes(value));
  }

  /** Pages `from` to `to - 1`, in order; a missing page is an error (it was written before it was counted). */
  async read<T>(jobId: string, from: number, to: number): Promise<T[]> {
    const wanted = Array.from({ length: Math.max(0, to - from) }, (_, i) => keys.jobIdsPage(jobId, from + i));
    const byKey = new Map<string, T>();
    for (let i = 0; i < wanted.length; i += BATCH_MAX) {
      const result = await kvs.batchGet<T>(wanted.slice(i, i + BATCH_MAX).map((key) => ({ key })));
      for (const item of result.successfulKeys) byKey.set(item.key, item.value);
    }
    return wanted.map((key) => {
      const value = byKey.get(key);
      if (value === undefined) throw new Error(`Job data ${key} is missing`);
      return value;
    });
  }
}
