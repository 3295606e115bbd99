// Forests: the encoded forest split into chunks under versioned plain keys, plus a header in the custom
// entity `forest` that names the current version. Readers read the header, then that version's chunks;
// a writer replaces chunks and header in ONE transaction conditioned on the version it computed from.
// The version before the current one is kept (chunks and all) so the last import can be undone.
import { kvs } from '@forge/kvs';
import { entities, keys } from './keys';
import { runTransaction, type TxOp } from './transaction';
import type { KvsWriteMeter } from './write-meter';

export interface ForestHeader {
  structureId: string;
  version: number;
  chunkCount: number;
  rowCount: number;
  encodedBytes: number;
  updatedAt: number;
  /** Who made this version: a job id, or "edit". */
  changedBy?: string;
  /** The version this one replaced, still readable for undo. */
  previousVersion?: number;
  previousChunkCount?: number;
}

export interface StoredForest {
  header: ForestHeader;
  chunks: string[];
}

/** A version's chunks are gone (replaced twice since its header was read). */
export class ForestVersionGone extends Error {
  constructor(structureId: string, version: number) {
    super(`Version ${version} of the forest of structure ${structureId} is no longer stored`);
    this.name = 'ForestVersionGone';
  }
}

const BATCH_GET_MAX = 25;

export class ForestRepository {
  constructor(private readonly meter: KvsWriteMeter) {}

  getHeader(structureId: string): Promise<ForestHeader | undefined> {
    return kvs.entity<ForestHeader>(entities.forest).get(keys.forestHeader(structureId));
  }

  /** Headers of many structures, 25 a request. */
  async getHeaders(structureIds: string[]): Promise<Map<string, ForestHeader>> {
    const out = new Map<string, ForestHeader>();
    for (let i = 0; i < structureIds.length; i += BATCH_GET_MAX) {
      const batch = structureIds
        .slice(i, i + BATCH_GET_MAX)
        .map((id) => ({ key: keys.forestHeader(id), entityName: entities.forest }));
      const result = await kvs.batchGet<ForestHeader>(batch);
      for (const item of result.successfulKeys) out.set(item.value.structureId, item.value);
    }
    return out;
  }

  /** The header of an empty forest, version 0; written with the structure so every later write can be conditional. */
  emptyHeaderOp(structureId: string, now: number): Extract<TxOp, { kind: 'set' }> {
    const header: ForestHeader = {
      structureId,
      version: 0,
      chunkCount: 0,
      rowCount: 0,
      encodedBytes: 0,
      updatedAt: now,
    };
    return {
      kind: 'set',
      key: keys.forestHeader(structureId),
      value: header,
      entityName: entities.forest,
      forest: true,
    };
  }

  async readVersion(structureId: string, version: number, chunkCount: number): Promise<string[]> {
    const wanted = Array.from({ length: chunkCount }, (_, i) => keys.forestChunk(structureId, version, i));
    const byKey = new Map<string, string>();
    for (let i = 0; i < wanted.length; i += BATCH_GET_MAX) {
      const batch = wanted.slice(i, i + BATCH_GET_MAX).map((key) => ({ key }));
      const result = await kvs.batchGet<string>(batch);
      for (const item of result.successfulKeys) byKey.set(item.key, item.value);
    }
    return wanted.map((key) => {
      const chunk = byKey.get(key);
      if (chunk === undefined) throw new ForestVersionGone(structureId, version);
      return chunk;
    });
  }

  /** The current forest. Retries when a concurrent writer deleted the chunks between header and chunk reads. */
  async read(structureId: string): Promise<StoredForest | undefined> {
    for (let attempt = 0; ; attempt++) {
      const header = await this.getHeader(structureId);
      if (!header) return undefined;
      try {
        return { header, chunks: await this.readVersion(structureId, header.version, header.chunkCount) };
      } catch (error) {
        if (!(error instanceof ForestVersionGone) || attempt >= 3) throw error;
      }
    }
  }

  /** The version kept for undo, if `version` is still it. */
  async readPrevious(header: ForestHeader, version: number): Promise<string[] | undefined> {
    if (header.previousVersion !== version || header.previousChunkCount === undefined) return undefined;
    try {
      return await this.readVersion(header.structureId, version, header.previousChunkCount);
    } catch (error) {
      if (error instanceof ForestVersionGone) return undefined;
      throw error;
    }
  }

  /**
   * Operations that replace the forest computed from `from`: the new chunks and a header conditioned on
   * `from.version`. Callers add their own operations (the job checkpoint) and run them in one transaction,
   * then call `dropStale` with `stale`.
   */
  replaceOps(
    from: ForestHeader,
    chunks: string[],
    rowCount: number,
    changedBy: string,
    now: number,
  ): { ops: TxOp[]; header: ForestHeader; stale: string[] } {
    const version = from.version + 1;
    const header: ForestHeader = {
      structureId: from.structureId,
      version,
      chunkCount: chunks.length,
      rowCount,
      encodedBytes: chunks.reduce((n, c) => n + c.length, 0),
      updatedAt: now,
      changedBy,
      previousVersion: from.version,
      previousChunkCount: from.chunkCount,
    };
    const ops: TxOp[] = chunks.map((chunk, i) => ({
      kind: 'set',
      key: keys.forestChunk(from.structureId, version, i),
      value: chunk,
      forest: true,
    }));
    ops.push({
      kind: 'set',
      key: keys.forestHeader(from.structureId),
      value: header,
      entityName: entities.forest,
      ifEquals: { attribute: 'version', value: from.version },
      forest: true,
    });
    // The version before `from` is no longer needed for undo once this replace lands.
    const stale =
      from.previousVersion !== undefined && from.previousChunkCount !== undefined
        ? Array.from({ length: from.previousChunkCount }, (_, i) =>
            keys.forestChunk(from.structureId, from.previousVersion as number, i),
          )
        : [];
    return { ops, header, stale };
  }

  async replace(
    from: ForestHeader,
    chunks: string[],
    rowCount: number,
    changedBy: string,
    now: number,
    extra: TxOp[] = [],
  ): Promise<ForestHeader> {
    const { ops, header, stale } = this.replaceOps(from, chunks, rowCount, changedBy, now);
    await runTransaction([...ops, ...extra], this.meter);
    await this.dropStale(stale);
    return header;
  }

  /** Best effort: a failure leaves unreachable chunks behind, never a broken forest. */
  async dropStale(chunkKeys: string[]): Promise<void> {
    for (let i = 0; i < chunkKeys.length; i += BATCH_GET_MAX) {
      const batch = chunkKeys.slice(i, i + BATCH_GET_MAX);
      await kvs.batchDelete(batch.map((key) => ({ key })));
      this.meter.add(batch.reduce((n, k) => n + k.length, 0));
    }
  }

  async deleteAll(structureId: string): Promise<void> {
    const header = await this.getHeader(structureId);
    if (!header) return;
    const chunkKeys = Array.from({ length: header.chunkCount }, (_, i) =>
      keys.forestChunk(structureId, header.version, i),
    );
    if (header.previousVersion !== undefined && header.previousChunkCount !== undefined) {
      for (let i = 0; i < header.previousChunkCount; i++)
        chunkKeys.push(keys.forestChunk(structureId, header.previousVersion, i));
    }
    await this.dropStale(chunkKeys);
    await kvs.entity<ForestHeader>(entities.forest).delete(keys.forestHeader(structureId));
    this.meter.add(0);
  }
}
