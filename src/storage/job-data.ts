// Bulky job data kept out of the job record: one key per search page of matching issue ids (≤5000 ids,
// ~40 KB as JSON, far below the 240 KiB value limit). Pages are written before the checkpoint that counts
// them, so a duplicate step just rewrites the same page.
import { kvs } from '@forge/kvs';
import { keys } from './keys';
import { jsonBytes, type KvsWriteMeter } from './write-meter';

const BATCH_MAX = 25;
/** Job data outlives no job for long: a job abandoned by a crash or a cancel leaves nothing behind for good. */
const JOB_DATA_TTL = { value: 7, unit: 'DAYS' } as const;

export interface VisibilityPage {
  checked: number[];
  visible: number[];
}

export class JobDataRepository {
  constructor(private readonly meter: KvsWriteMeter) {}

  async putIdsPage(jobId: string, page: number, ids: number[]): Promise<void> {
    await kvs.set(keys.jobIdsPage(jobId, page), ids, { ttl: JOB_DATA_TTL });
    this.meter.add(jsonBytes(ids));
  }

  async readIdsPages(jobId: string, pages: number): Promise<number[][]> {
    const wanted = Array.from({ length: pages }, (_, i) => keys.jobIdsPage(jobId, i));
    const byKey = new Map<string, number[]>();
    for (let i = 0; i < wanted.length; i += BATCH_MAX) {
      const result = await kvs.batchGet<number[]>(wanted.slice(i, i + BATCH_MAX).map((key) => ({ key })));
      for (const item of result.successfulKeys) byKey.set(item.key, item.value);
    }
    return wanted.map((key) => {
      const ids = byKey.get(key);
      if (!ids) throw new Error(`Job data ${key} is missing`);
      return ids;
    });
  }

  async putVisibilityPage(jobId: string, page: number, data: VisibilityPage): Promise<void> {
    await kvs.set(keys.jobVisibilityPage(jobId, page), data, { ttl: JOB_DATA_TTL });
    this.meter.add(jsonBytes(data));
  }

  async readVisibilityPages(jobId: string, pages: number): Promise<VisibilityPage[]> {
    const out: VisibilityPage[] = [];
    const wanted = Array.from({ length: pages }, (_, i) => keys.jobVisibilityPage(jobId, i));
    for (let i = 0; i < wanted.length; i += BATCH_MAX) {
      const result = await kvs.batchGet<VisibilityPage>(wanted.slice(i, i + BATCH_MAX).map((key) => ({ key })));
      out.push(...result.successfulKeys.map((item) => item.value));
    }
    return out;
  }

  async deleteAll(jobId: string, idsPages: number, visibilityPages: number): Promise<void> {
    const all = [
      ...Array.from({ length: idsPages }, (_, i) => ({ key: keys.jobIdsPage(jobId, i) })),
      ...Array.from({ length: visibilityPages }, (_, i) => ({ key: keys.jobVisibilityPage(jobId, i) })),
    ];
    for (let i = 0; i < all.length; i += BATCH_MAX) {
      await kvs.batchDelete(all.slice(i, i + BATCH_MAX));
      this.meter.add(0);
    }
  }
}
