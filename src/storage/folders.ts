// Folder names, beside the forest: the forest holds a folder as -folderId in a row's issue slot, its
// name is here. Names of FOLDERS_PER_VALUE consecutive folder ids share one value
// (`folders:<structure>:<chunk>`, a JSON object id → name), so a page of the view reads a few values and
// a new folder or a rename rewrites one: 256 names of at most 255 characters (≤ 3 bytes each in UTF-8)
// stay under 200 KB, inside a KVS value's 240 KiB. Names are written in the transaction of the edit that
// makes or renames the folder, which is conditioned on the forest version, so the forest's writers
// serialise them too. A name outlives its rows (an undo or a restore may bring a row of it back); it goes
// with the structure.
import { kvs } from '@forge/kvs';
import { deleteWithPrefix } from './by-prefix';
import { keys } from './keys';
import type { TxOp } from './transaction';
import type { KvsWriteMeter } from './write-meter';

export const FOLDERS_PER_VALUE = 256;
/** A transaction holds 25 operations: an edit names folders in at most this many values. */
export const MAX_FOLDER_VALUES_PER_EDIT = 10;
const BATCH_GET_MAX = 25;

type NameChunk = Record<string, string>;

const chunkOf = (folderId: number): number => Math.floor(folderId / FOLDERS_PER_VALUE);

export class FolderNameRepository {
  constructor(private readonly meter: KvsWriteMeter) {}

  /** The names of these folders; a folder with no stored name is left out. */
  async names(structureId: string, folderIds: Iterable<number>): Promise<Map<number, string>> {
    const chunks = await this.chunks(structureId, new Set([...folderIds].map(chunkOf)));
    const out = new Map<number, string>();
    for (const id of folderIds) {
      const name = chunks.get(chunkOf(id))?.[String(id)];
      if (name !== undefined) out.set(id, name);
    }
    return out;
  }

  /**
   * The operations that store these names (each value read now and rewritten whole), for the
   * transaction of the edit that makes them; RangeError when they span more values than an edit may.
   */
  async namingOps(structureId: string, names: ReadonlyArray<{ folderId: number; to: string }>): Promise<TxOp[]> {
    if (names.length === 0) return [];
    const wanted = new Set(names.map((n) => chunkOf(n.folderId)));
    if (wanted.size > MAX_FOLDER_VALUES_PER_EDIT)
      throw new RangeError(`An edit names folders in at most ${MAX_FOLDER_VALUES_PER_EDIT} values, got ${wanted.size}`);
    const chunks = await this.chunks(structureId, wanted);
    for (const n of names) {
      const chunk = chunks.get(chunkOf(n.folderId)) ?? {};
      chunk[String(n.folderId)] = n.to;
      chunks.set(chunkOf(n.folderId), chunk);
    }
    return [...wanted].map((c) => ({ kind: 'set', key: keys.folderNames(structureId, c), value: chunks.get(c) }));
  }

  /** With the structure. */
  async deleteAll(structureId: string): Promise<void> {
    await deleteWithPrefix(keys.folderNamesPrefix(structureId), this.meter);
  }

  private async chunks(structureId: string, wanted: Set<number>): Promise<Map<number, NameChunk>> {
    const out = new Map<number, NameChunk>();
    const list = [...wanted];
    for (let i = 0; i < list.length; i += BATCH_GET_MAX) {
      const batch = list.slice(i, i + BATCH_GET_MAX).map((c) => ({ key: keys.folderNames(structureId, c) }));
      const result = await kvs.batchGet<NameChunk>(batch);
      for (const item of result.successfulKeys)
        out.set(Number(item.key.slice(item.key.lastIndexOf(':') + 1)), item.value);
    }
    return out;
  }
}
