// Bulky job data, kept out of the job record, for every kind of job: numbered pages (what an import's
// units fetched, each far below the 240 KiB value limit, written as they are) and named values (an
// export's plan, change log, failures), cut as JSON text into pieces below the value limit. A page or
// value is written before the checkpoint that counts it, so a duplicate step just rewrites it.
// Everything expires: working data after a week, a change log after the TTL its caller gives.
import { kvs, type Ttl } from '@forge/kvs';
import { keys } from './keys';
import { jsonBytes, type KvsWriteMeter } from './write-meter';

const PIECE_CHARS = 200_000;
const BATCH_MAX = 25;
/** Job data outlives no job for long: a job abandoned by a crash or a cancel leaves nothing behind for good. */
const TEMPORARY: Ttl = { value: 7, unit: 'DAYS' };

/** A named value and the number of pieces it was written in (recorded in the job's checkpoint). */
export interface StoredValue {
  name: string;
  pieces: number;
}

export class JobDataRepository {
  constructor(private readonly meter: KvsWriteMeter) {}

  async putPage<T>(jobId: string, page: number, value: T): Promise<void> {
    await kvs.set(keys.jobPage(jobId, page), value, { ttl: TEMPORARY });
    this.meter.add(jsonBytes(value));
  }

  /** Pages `from` to `to - 1`, in order; a missing page is an error (it was written before it was counted). */
  async readPages<T>(jobId: string, from: number, to: number): Promise<T[]> {
    const wanted = Array.from({ length: Math.max(0, to - from) }, (_, i) => keys.jobPage(jobId, from + i));
    const byKey = await this.batchGet<T>(wanted);
    return wanted.map((key) => {
      const value = byKey.get(key);
      if (value === undefined) throw new Error(`Job data ${key} is missing`);
      return value;
    });
  }

  /** Writes `value` under `name`; returns the piece count the reader needs. */
  async putValue(jobId: string, name: string, value: unknown, ttl: Ttl = TEMPORARY): Promise<number> {
    const text = JSON.stringify(value);
    const pieces = Math.max(1, Math.ceil(text.length / PIECE_CHARS));
    for (let i = 0; i < pieces; i++) {
      const piece = text.slice(i * PIECE_CHARS, (i + 1) * PIECE_CHARS);
      await kvs.set(keys.jobValuePiece(jobId, name, i), piece, { ttl });
      this.meter.add(jsonBytes(piece));
    }
    return pieces;
  }

  async getValue<T>(jobId: string, name: string, pieces: number): Promise<T> {
    const [value] = await this.getValues<T>(jobId, [{ name, pieces }]);
    return value;
  }

  /** Several values in as few requests as the batch limit allows (25 pieces a request). */
  async getValues<T>(jobId: string, values: readonly StoredValue[]): Promise<T[]> {
    const keysOf = values.map((v) => Array.from({ length: v.pieces }, (_, i) => keys.jobValuePiece(jobId, v.name, i)));
    const byKey = await this.batchGet<string>(keysOf.flat());
    return keysOf.map((pieceKeys) => {
      const text = pieceKeys
        .map((key) => {
          const piece = byKey.get(key);
          if (piece === undefined) throw new Error(`Job data ${key} is missing`);
          return piece;
        })
        .join('');
      return JSON.parse(text) as T;
    });
  }

  /** Pages 0..pages-1 and the named values, in as few requests as the batch limit allows. */
  async delete(jobId: string, pages: number, values: readonly StoredValue[] = []): Promise<void> {
    const all = [
      ...Array.from({ length: pages }, (_, i) => ({ key: keys.jobPage(jobId, i) })),
      ...values.flatMap((v) =>
        Array.from({ length: v.pieces }, (_, i) => ({ key: keys.jobValuePiece(jobId, v.name, i) })),
      ),
    ];
    for (let i = 0; i < all.length; i += BATCH_MAX) {
      await kvs.batchDelete(all.slice(i, i + BATCH_MAX));
      this.meter.add(0);
    }
  }

  private async batchGet<T>(wanted: readonly string[]): Promise<Map<string, T>> {
    const byKey = new Map<string, T>();
    for (let i = 0; i < wanted.length; i += BATCH_MAX) {
      const result = await kvs.batchGet<T>(wanted.slice(i, i + BATCH_MAX).map((key) => ({ key })));
      for (const item of result.successfulKeys) byKey.set(item.key, item.value);
    }
    return byKey;
  }
}
