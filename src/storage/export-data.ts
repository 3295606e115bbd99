// Bulky data of export and revert jobs (facts pages, the plan, the change log), kept out of the job
// record: each named value is JSON cut into pieces below the 240 KiB KVS value limit. Everything expires:
// working data after a week, the change log after the TTL its caller gives (as long as a revert is
// offered, see src/app/export/retention.ts). Deleting a structure deletes its jobs' data (`deleteAll`).
import { kvs, type Ttl } from '@forge/kvs';
import { jsonBytes, type KvsWriteMeter } from './write-meter';

const PIECE_CHARS = 200_000;
const BATCH_MAX = 25;
const TEMPORARY: Ttl = { value: 7, unit: 'DAYS' };

const pieceKey = (jobId: string, name: string, i: number): string => `jobdata:${jobId}:x:${name}:${i}`;

export class ExportDataRepository {
  constructor(private readonly meter: KvsWriteMeter) {}

  /** Writes `value` under `name`; returns the piece count the reader needs (recorded in the job's checkpoint). */
  async put(jobId: string, name: string, value: unknown, ttl: Ttl = TEMPORARY): Promise<number> {
    const text = JSON.stringify(value);
    const pieces = Math.max(1, Math.ceil(text.length / PIECE_CHARS));
    for (let i = 0; i < pieces; i++) {
      const piece = text.slice(i * PIECE_CHARS, (i + 1) * PIECE_CHARS);
      await kvs.set(pieceKey(jobId, name, i), piece, { ttl });
      this.meter.add(jsonBytes(piece));
    }
    return pieces;
  }

  async get<T>(jobId: string, name: string, pieces: number): Promise<T> {
    const [value] = await this.getMany<T>(jobId, [{ name, pieces }]);
    return value;
  }

  /** Several values in as few requests as the batch limit allows (25 pieces a request). */
  async getMany<T>(jobId: string, values: ReadonlyArray<{ name: string; pieces: number }>): Promise<T[]> {
    const keysOf = values.map((v) => Array.from({ length: v.pieces }, (_, i) => pieceKey(jobId, v.name, i)));
    const wanted = keysOf.flat();
    const byKey = new Map<string, string>();
    for (let i = 0; i < wanted.length; i += BATCH_MAX) {
      const result = await kvs.batchGet<string>(wanted.slice(i, i + BATCH_MAX).map((key) => ({ key })));
      for (const item of result.successfulKeys) byKey.set(item.key, item.value);
    }
    return keysOf.map((keys) => {
      const text = keys
        .map((key) => {
          const piece = byKey.get(key);
          if (piece === undefined) throw new Error(`Job data ${key} is missing`);
          return piece;
        })
        .join('');
      return JSON.parse(text) as T;
    });
  }

  async delete(jobId: string, name: string, pieces: number): Promise<void> {
    await this.deleteAll(jobId, [{ name, pieces }]);
  }

  /** Several values in as few requests as the batch limit allows (25 pieces a request). */
  async deleteAll(jobId: string, values: ReadonlyArray<{ name: string; pieces: number }>): Promise<void> {
    const all = values.flatMap((v) =>
      Array.from({ length: v.pieces }, (_, i) => ({ key: pieceKey(jobId, v.name, i) })),
    );
    for (let i = 0; i < all.length; i += BATCH_MAX) {
      await kvs.batchDelete(all.slice(i, i + BATCH_MAX));
      this.meter.add(0);
    }
  }
}
