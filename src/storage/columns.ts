// A structure's columns: one small record per structure, beside (never inside) the structure record, so
// that saving columns and renaming the structure cannot overwrite each other.
import { kvs } from '@forge/kvs';
import type { StructureColumn } from '../contract';
import { keys } from './keys';
import { jsonBytes, type KvsWriteMeter } from './write-meter';

export interface ColumnsRecord {
  columns: StructureColumn[];
  updatedAt: string;
  updatedBy: string;
}

export class ColumnsRepository {
  constructor(private readonly meter: KvsWriteMeter) {}

  get(structureId: string): Promise<ColumnsRecord | undefined> {
    return kvs.get<ColumnsRecord>(keys.columns(structureId));
  }

  async put(structureId: string, record: ColumnsRecord): Promise<void> {
    await kvs.set(keys.columns(structureId), record);
    this.meter.add(jsonBytes(record));
  }

  async delete(structureId: string): Promise<void> {
    await kvs.delete(keys.columns(structureId));
    this.meter.add(0);
  }
}
