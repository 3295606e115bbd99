// A structure's history: one small value per forest version, `history:<id>:<version>`, written in the
// same transaction as the forest write that made the version, so the history never claims a change
// that did not land nor misses one that did. Versions count up by one per write, so the newest entries
// are read by key (no query) and a page is "the versions below the cursor". Only the last
// HISTORY_CAP entries are kept: each write drops the one that fell off, best effort.
import { kvs } from '@forge/kvs';
import { keys } from './keys';
import type { TxOp } from './transaction';
import type { KvsWriteMeter } from './write-meter';

/** `resync`: an import of an installed synchronizer, by hand or in the background. */
export type ChangeKind = 'edit' | 'import' | 'resync' | 'undo' | 'undo-edit' | 'restore';

/** What a change did, as counts of rows: never which issues, so any reader may see it. */
export interface ChangeCounts {
  added: number;
  moved: number;
  removed: number;
}

/** What the writer of a version says about it. */
export interface ChangeNote {
  kind: ChangeKind;
  /** The account that made the change (the job's starter for a job). */
  who: string;
  counts: ChangeCounts;
  /** The job that made it: an import, an undo of one. */
  jobId?: string;
  /** A background resync: what started it (a product event, the schedule); absent: a person. */
  trigger?: 'event' | 'schedule';
  /** A restore: the version whose forest came back. An undo of an edit: the edit's version. */
  of?: number;
  /** Folders an edit (or its undo) renamed, with the names before and after: what an undo sets back. */
  renames?: Array<{ folderId: number; from: string; to: string }>;
}

export interface HistoryEntry extends ChangeNote {
  version: number;
  at: number;
}

/**
 * An export or a revert of one: it changes Jira, not the forest, so it has no version of its own; it is
 * recorded beside the version it ran on (`history:<id>:<version>:x`, at most EXPORTS_PER_VERSION).
 * Exports of a structure run one at a time, so the read-modify-write of that value has no rival.
 */
export interface ExportEntry {
  kind: 'export' | 'revert';
  /** The forest version current when it ended. */
  version: number;
  at: number;
  who: string;
  jobId: string;
  /** Changes written to Jira (a count: never which issues). */
  changes: number;
  state: 'finished' | 'failed' | 'cancelled';
}

export type HistoryItem = HistoryEntry | ExportEntry;

export const HISTORY_CAP = 500;
export const EXPORTS_PER_VERSION = 20;
const BATCH_GET_MAX = 25;

export class HistoryRepository {
  constructor(private readonly meter: KvsWriteMeter) {}

  /** The entry of `version`, to run in the transaction that writes it. */
  entryOp(structureId: string, version: number, note: ChangeNote, at: number): TxOp {
    const entry: HistoryEntry = { version, at, ...note };
    return { kind: 'set', key: keys.historyEntry(structureId, version), value: entry };
  }

  /**
   * Entries of the `limit` versions from `newest` down, newest first, none past the cap counted from
   * `current`; `next` is where the following page starts. A version with no entry (written before
   * history was kept) is skipped.
   */
  async list(
    structureId: string,
    current: number,
    newest: number,
    limit: number,
  ): Promise<{ entries: HistoryItem[]; next?: number }> {
    // Version 0 (the empty forest) has no change of its own, but exports may have run on it.
    const floor = Math.max(0, current - HISTORY_CAP + 1);
    const oldest = Math.max(floor, newest - limit + 1);
    const wanted: string[] = [];
    for (let v = newest; v >= oldest; v--)
      wanted.push(keys.historyExports(structureId, v), keys.historyEntry(structureId, v));
    const byKey = new Map<string, unknown>();
    for (let i = 0; i < wanted.length; i += BATCH_GET_MAX) {
      const result = await kvs.batchGet<unknown>(wanted.slice(i, i + BATCH_GET_MAX).map((key) => ({ key })));
      for (const item of result.successfulKeys) byKey.set(item.key, item.value);
    }
    // Per version, newest first: the exports run on it, then the change that made it.
    const entries = wanted.flatMap((key): HistoryItem[] => {
      const value = byKey.get(key);
      if (value === undefined) return [];
      return Array.isArray(value) ? [...(value as ExportEntry[])].reverse() : [value as HistoryEntry];
    });
    return oldest > floor ? { entries, next: oldest - 1 } : { entries };
  }

  /** Records an export beside `entry.version`; again for the same job changes nothing (at-least-once). */
  async recordExport(structureId: string, entry: ExportEntry): Promise<void> {
    const key = keys.historyExports(structureId, entry.version);
    const earlier = (await kvs.get<ExportEntry[]>(key)) ?? [];
    if (earlier.some((e) => e.jobId === entry.jobId)) return;
    const value = [...earlier, entry].slice(-EXPORTS_PER_VERSION);
    await kvs.set(key, value);
    this.meter.add(JSON.stringify(value).length + key.length);
  }

  async get(structureId: string, version: number): Promise<HistoryEntry | undefined> {
    return kvs.get<HistoryEntry>(keys.historyEntry(structureId, version));
  }

  /** Best effort after a write of `version`: the entry that fell past the cap. */
  async dropBeyondCap(structureId: string, version: number): Promise<void> {
    if (version < HISTORY_CAP) return;
    const gone = version - HISTORY_CAP;
    await kvs.batchDelete([
      { key: keys.historyEntry(structureId, gone) },
      { key: keys.historyExports(structureId, gone) },
    ]);
    this.meter.add(0);
  }

  /** With the structure: every entry a forest at `version` can still have. */
  async deleteAll(structureId: string, version: number): Promise<void> {
    const wanted: string[] = [];
    for (let v = version; v >= Math.max(0, version - HISTORY_CAP + 1); v--)
      wanted.push(keys.historyEntry(structureId, v), keys.historyExports(structureId, v));
    for (let i = 0; i < wanted.length; i += BATCH_GET_MAX) {
      await kvs.batchDelete(wanted.slice(i, i + BATCH_GET_MAX).map((key) => ({ key })));
      this.meter.add(0);
    }
  }
}
