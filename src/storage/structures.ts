// Structures are small records under plain keys; their forests live apart (see forests.ts).
import { kvs, WhereConditions } from '@forge/kvs';
import type { PermissionRule } from '../contract';
import { keys } from './keys';
import { jsonBytes, type KvsWriteMeter } from './write-meter';

export interface StructureRecord {
  id: string;
  name: string;
  description: string;
  ownerAccountId: string;
  rules: PermissionRule[];
  createdAt: string;
  updatedAt: string;
}

export class StructureRepository {
  constructor(private readonly meter: KvsWriteMeter) {}

  get(structureId: string): Promise<StructureRecord | undefined> {
    return kvs.get<StructureRecord>(keys.structure(structureId));
  }

  async put(structure: StructureRecord): Promise<void> {
    await kvs.set(keys.structure(structure.id), structure);
    this.meter.add(jsonBytes(structure));
  }

  async delete(structureId: string): Promise<void> {
    await kvs.delete(keys.structure(structureId));
    this.meter.add(0);
  }

  /** All structures; a site has hundreds at most, read 100 a page (the KVS query maximum). */
  async list(): Promise<StructureRecord[]> {
    const out: StructureRecord[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(keys.structurePrefix)).limit(100);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany<StructureRecord>();
      out.push(...page.results.map((r) => r.value));
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }
}
