// Forests: the encoded forest split into chunks under versioned plain keys, plus a header in the custom
// entity `forest` that names the current version. A version is a base (the chunks of `baseVersion`) and
// the edits made on it since, each a small value (`forest:<id>:<base>:e<n>`), so an edit of one row
// writes one small value, not the whole forest. Readers read the header, then the base's chunks and the
// edits; a writer replaces chunks (or appends an edit) and the header in ONE transaction conditioned on
// the version it computed from. The version before the current one is kept so the last import can be
// undone. The values of edits are opaque here: the app encodes and applies them.
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
  /** The version whose chunks are the base; absent: `version` itself (no edits). */
  baseVersion?: number;
  /** Edits on the base that make this version (versions baseVersion+1 .. version). */
  edits?: number;
  /** The version this one replaced, still readable for undo. */
  previousVersion?: number;
  previousChunkCount?: number;
  previousBaseVersion?: number;
  previousEdits?: number;
}

/** A version as stored: its base's chunks and the edits on them, oldest first. */
export interface StoredVersion {
  chunks: string[];
  edits: unknown[];
}

export interface StoredForest extends StoredVersion {
  header: ForestHeader;
}

/** Where a version's values are: its base version, how many chunks the base has, how many edits follow. */
interface VersionPlace {
  base: number;
  chunkCount: number;
  edits: number;
}

const currentPlace = (h: ForestHeader): VersionPlace => ({
  base: h.baseVersion ?? h.version,
  chunkCount: h.chunkCount,
  edits: h.edits ?? 0,
});

function previousPlace(h: ForestHeader): VersionPlace | undefined {
  if (h.previousVersion === undefined || h.previousChunkCount === undefined) return undefined;
  return {
    base: h.previousBaseVersion ?? h.previousVersion,
    chunkCount: h.previousChunkCount,
    edits: h.previousEdits ?? 0,
  };
}

/** Edits a base takes before the next edit rewrites the whole forest instead (reads stay a few requests). */
export const MAX_EDITS_PER_BASE = 50;

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

  private async readPlace(structureId: string, version: number, place: VersionPlace): Promise<StoredVersion> {
    const chunkKeys = Array.from({ length: place.chunkCount }, (_, i) => keys.forestChunk(structureId, place.base, i));
    const editKeys = Array.from({ length: place.edits }, (_, i) => keys.forestEdit(structureId, place.base, i));
    const wanted = [...chunkKeys, ...editKeys];
    const byKey = new Map<string, unknown>();
    for (let i = 0; i < wanted.length; i += BATCH_GET_MAX) {
      const batch = wanted.slice(i, i + BATCH_GET_MAX).map((key) => ({ key }));
      const result = await kvs.batchGet<unknown>(batch);
      for (const item of result.successfulKeys) byKey.set(item.key, item.value);
    }
    const value = (key: string): unknown => {
      const found = byKey.get(key);
      if (found === undefined) throw new ForestVersionGone(structureId, version);
      return found;
    };
    return { chunks: chunkKeys.map((k) => value(k) as string), edits: editKeys.map(value) };
  }

  /** The current forest. Retries when a concurrent writer deleted the chunks between header and chunk reads. */
  async read(structureId: string): Promise<StoredForest | undefined> {
    for (let attempt = 0; ; attempt++) {
      const header = await this.getHeader(structureId);
      if (!header) return undefined;
      try {
        return { header, ...(await this.readPlace(structureId, header.version, currentPlace(header))) };
      } catch (error) {
        if (!(error instanceof ForestVersionGone) || attempt >= 3) throw error;
      }
    }
  }

  /** The version kept for undo, if `version` is still it. */
  async readPrevious(header: ForestHeader, version: number): Promise<StoredVersion | undefined> {
    const place = previousPlace(header);
    if (header.previousVersion !== version || place === undefined) return undefined;
    try {
      return await this.readPlace(header.structureId, version, place);
    } catch (error) {
      if (error instanceof ForestVersionGone) return undefined;
      throw error;
    }
  }

  /**
   * An earlier version, while it can still be rebuilt: every version from the current base on is its
   * chunks plus the first edits, and likewise from the kept previous version's base. Undefined for any
   * other version (its chunks were dropped when it was replaced twice).
   */
  async readVersion(header: ForestHeader, version: number): Promise<StoredVersion | undefined> {
    const places = [currentPlace(header), previousPlace(header)];
    const tops = [header.version, header.previousVersion];
    for (const [i, place] of places.entries()) {
      const top = tops[i];
      if (place === undefined || top === undefined || version < place.base || version > top) continue;
      try {
        return await this.readPlace(header.structureId, version, { ...place, edits: version - place.base });
      } catch (error) {
        if (error instanceof ForestVersionGone) return undefined;
        throw error;
      }
    }
    return undefined;
  }

  /** The versions `readVersion` can rebuild, oldest first as [from, to] ranges. */
  storedVersions(header: ForestHeader): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    const previous = previousPlace(header);
    const base = currentPlace(header).base;
    // A previous version on the current base is inside the current range already.
    if (previous && header.previousVersion !== undefined && previous.base < base)
      out.push([previous.base, header.previousVersion]);
    out.push([base, header.version]);
    return out;
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
      ...previousFields(from),
    };
    const ops: TxOp[] = chunks.map((chunk, i) => ({
      kind: 'set',
      key: keys.forestChunk(from.structureId, version, i),
      value: chunk,
      forest: true,
    }));
    ops.push(headerOp(from, header));
    return { ops, header, stale: staleAfter(from) };
  }

  /**
   * Appends one edit to the forest `from` is: a small value and the header, conditioned on `from.version`.
   * The caller decides when a base has had enough edits (`MAX_EDITS_PER_BASE`) and replaces instead.
   */
  async appendEdit(
    from: ForestHeader,
    edit: unknown,
    rowCount: number,
    changedBy: string,
    now: number,
    extra: TxOp[] = [],
  ): Promise<ForestHeader> {
    const place = currentPlace(from);
    const header: ForestHeader = {
      structureId: from.structureId,
      version: from.version + 1,
      chunkCount: from.chunkCount,
      rowCount,
      encodedBytes: from.encodedBytes,
      updatedAt: now,
      changedBy,
      baseVersion: place.base,
      edits: place.edits + 1,
      ...previousFields(from),
    };
    await runTransaction(
      [
        { kind: 'set', key: keys.forestEdit(from.structureId, place.base, place.edits), value: edit, forest: true },
        headerOp(from, header),
        ...extra,
      ],
      this.meter,
    );
    await this.dropStale(staleAfter(from));
    return header;
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
    const chunkKeys = valueKeys(structureId, currentPlace(header));
    const previous = previousPlace(header);
    if (previous && previous.base !== currentPlace(header).base) chunkKeys.push(...valueKeys(structureId, previous));
    await this.dropStale(chunkKeys);
    await kvs.entity<ForestHeader>(entities.forest).delete(keys.forestHeader(structureId));
    this.meter.add(0);
  }
}

/** The new header, written only while the stored one is still `from`'s version. */
function headerOp(from: ForestHeader, header: ForestHeader): TxOp {
  return {
    kind: 'set',
    key: keys.forestHeader(from.structureId),
    value: header,
    entityName: entities.forest,
    ifEquals: { attribute: 'version', value: from.version },
    forest: true,
  };
}

/** The header fields that keep `from` readable as the previous version. */
function previousFields(from: ForestHeader): Partial<ForestHeader> {
  const place = currentPlace(from);
  return {
    previousVersion: from.version,
    previousChunkCount: place.chunkCount,
    ...(place.base !== from.version ? { previousBaseVersion: place.base } : {}),
    ...(place.edits > 0 ? { previousEdits: place.edits } : {}),
  };
}

function valueKeys(structureId: string, place: VersionPlace): string[] {
  return [
    ...Array.from({ length: place.chunkCount }, (_, i) => keys.forestChunk(structureId, place.base, i)),
    ...Array.from({ length: place.edits }, (_, i) => keys.forestEdit(structureId, place.base, i)),
  ];
}

/**
 * What is no longer needed once a version made from `from` lands: the version before `from` — unless it
 * shares `from`'s base, whose chunks and edits `from` still reads (they go when `from` itself is dropped).
 */
function staleAfter(from: ForestHeader): string[] {
  const previous = previousPlace(from);
  if (previous === undefined || previous.base === currentPlace(from).base) return [];
  return valueKeys(from.structureId, previous);
}
