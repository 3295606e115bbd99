// The base of the next incremental import: what the last successful run of a synchronizer with the same
// parameters read on a structure — its members as a compact id set, the query, when the read started and
// when the last full read did. The head is written after its chunks, and the chunks are named by the job
// that wrote them, so a reader never mixes two runs' chunks; the previous run's chunks go once the new
// head is in place. Everything expires after a week (a base is only used within the full-read period)
// and goes with the structure. An incremental run that found the same members keeps the previous
// chunks and writes only the head; a full read always writes them again, so they never outlive their TTL.
import { kvs, type Ttl } from '@forge/kvs';
import { joinChunks, splitIntoChunks } from '../domain/forest/encoding';
import { decodeIdSet, encodeIdSet } from '../domain/incremental/id-set';
import type { ReadBase } from '../domain/incremental/full-read';
import type { IssueId } from '../domain/forest';
import { deleteWithPrefix } from './by-prefix';
import { keys } from './keys';
import { jsonBytes, type KvsWriteMeter } from './write-meter';

const KEPT: Ttl = { value: 7, unit: 'DAYS' };
const BATCH_MAX = 25;

export interface ImportBaseHead extends ReadBase {
  jobId: string;
  chunks: number;
  count: number;
}

export interface ImportBase extends ImportBaseHead {
  /** The members, sorted. */
  ids: IssueId[];
}

export interface ImportBaseKey {
  structureId: string;
  synchronizer: string;
  paramsHash: string;
}

export class ImportBaseRepository {
  constructor(private readonly meter: KvsWriteMeter) {}

  /** The head alone: enough to decide whether a run may read only what changed. */
  getHead(at: ImportBaseKey): Promise<ImportBaseHead | undefined> {
    return kvs.get<ImportBaseHead>(keys.importBase(at.structureId, at.synchronizer, at.paramsHash));
  }

  async get(at: ImportBaseKey): Promise<ImportBase | undefined> {
    const head = await kvs.get<ImportBaseHead>(keys.importBase(at.structureId, at.synchronizer, at.paramsHash));
    if (!head) return undefined;
    const chunks = await this.chunksOf(at, head);
    // A chunk expired or deleted under the head: no base, so the run reads in full.
    if (chunks === undefined) return undefined;
    const ids = decodeIdSet(joinChunks(chunks));
    return ids.length === head.count ? { ...head, ids } : undefined;
  }

  async put(at: ImportBaseKey, base: ReadBase & { jobId: string; ids: Iterable<IssueId> }): Promise<void> {
    const headKey = keys.importBase(at.structureId, at.synchronizer, at.paramsHash);
    const previous = await kvs.get<ImportBaseHead>(headKey);
    const bytes = encodeIdSet(base.ids);
    const chunks = splitIntoChunks(bytes);
    // The same members as the previous run's (no change in membership): its chunks stay, only the head moves on.
    const full = base.fullReadAt === base.searchStartedAt;
    const same = !full && previous !== undefined && (await this.chunksOf(at, previous))?.join('') === chunks.join('');
    const chunksJobId = same ? previous.jobId : base.jobId;
    if (!same) {
      for (let i = 0; i < chunks.length; i++) {
        await kvs.set(keys.importBaseChunk(at.structureId, at.synchronizer, at.paramsHash, base.jobId, i), chunks[i], {
          ttl: KEPT,
        });
        this.meter.add(jsonBytes(chunks[i]));
      }
    }
    const head: ImportBaseHead = {
      accountId: base.accountId,
      jql: base.jql,
      searchStartedAt: base.searchStartedAt,
      fullReadAt: base.fullReadAt,
      jobId: chunksJobId,
      chunks: chunks.length,
      count: decodeIdSet(bytes).length,
    };
    await kvs.set(headKey, head, { ttl: KEPT });
    this.meter.add(jsonBytes(head));
    if (previous && previous.jobId !== chunksJobId) {
      const old = Array.from({ length: previous.chunks }, (_, i) => ({
        key: keys.importBaseChunk(at.structureId, at.synchronizer, at.paramsHash, previous.jobId, i),
      }));
      for (let i = 0; i < old.length; i += BATCH_MAX) {
        await kvs.batchDelete(old.slice(i, i + BATCH_MAX));
        this.meter.add(0);
      }
    }
  }

  /** The chunks a head names, or undefined when one is missing. */
  private async chunksOf(at: ImportBaseKey, head: ImportBaseHead): Promise<string[] | undefined> {
    const wanted = Array.from({ length: head.chunks }, (_, i) =>
      keys.importBaseChunk(at.structureId, at.synchronizer, at.paramsHash, head.jobId, i),
    );
    const byKey = new Map<string, string>();
    for (let i = 0; i < wanted.length; i += BATCH_MAX) {
      const result = await kvs.batchGet<string>(wanted.slice(i, i + BATCH_MAX).map((key) => ({ key })));
      for (const item of result.successfulKeys) byKey.set(item.key, item.value);
    }
    const chunks = wanted.map((key) => byKey.get(key));
    return chunks.some((c) => c === undefined) ? undefined : (chunks as string[]);
  }

  /** Every base of a structure (its deletion). Listed first, then deleted: deleting while paging would move the cursor. */
  async deleteAll(structureId: string): Promise<void> {
    await deleteWithPrefix(keys.importBasePrefix(structureId), this.meter);
  }
}
