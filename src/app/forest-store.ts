// Forests as the app sees them: domain `Forest` objects in, encoded chunks in KVS out.
import {
  applyUpdate,
  Forest,
  forestChangeCounts,
  forestFromChunks,
  forestToChunks,
  type ForestUpdate,
} from '../domain/forest';
import {
  FolderNameRepository,
  ForestRepository,
  HistoryRepository,
  MAX_EDITS_PER_BASE,
  type ChangeCounts,
  type ChangeNote,
  type ForestHeader,
  type StoredVersion,
  type TxOp,
} from '../storage';
import { structureNotFound } from './errors';
import type { Invocation } from './invocation';

export interface LoadedForest {
  header: ForestHeader;
  forest: Forest;
}

export const forestsOf = (inv: Invocation): ForestRepository => new ForestRepository(inv.kvsWrites);
export const historyOf = (inv: Invocation): HistoryRepository => new HistoryRepository(inv.kvsWrites);
export const folderNamesOf = (inv: Invocation): FolderNameRepository => new FolderNameRepository(inv.kvsWrites);

/**
 * The history entry of the version a write from `from` makes, for that write's transaction; and, once it
 * landed, the trim that keeps the history at its cap.
 */
export function historyOp(inv: Invocation, from: ForestHeader, note: ChangeNote): TxOp {
  return historyOf(inv).entryOp(from.structureId, from.version + 1, note, inv.now());
}
export async function trimHistory(inv: Invocation, written: ForestHeader): Promise<void> {
  await historyOf(inv).dropBeyondCap(written.structureId, written.version);
}

export async function loadForest(inv: Invocation, structureId: string): Promise<LoadedForest> {
  const stored = await forestsOf(inv).read(structureId);
  if (!stored) throw structureNotFound(structureId);
  return { header: stored.header, forest: forestOfVersion(stored) };
}

/** A stored version as a forest: its base, then its edits in order. */
export function forestOfVersion(stored: StoredVersion): Forest {
  const base = stored.chunks.length === 0 ? Forest.EMPTY : forestFromChunks(stored.chunks);
  // One pass for all the edits: an update applies its actions in order, so theirs in sequence is one update.
  return stored.edits.length === 0 ? base : applyUpdate(base, (stored.edits as ForestUpdate[]).flat());
}

/** An edit larger than this rewrites the forest instead: a KVS value holds 240 KiB. */
const MAX_EDIT_BYTES = 100_000;

/**
 * Writes `after`, made from the forest `from` holds by `update`, as one edit on the stored base: a few
 * hundred bytes for a row moved. A base with many edits, or an edit too large, is rewritten whole
 * instead. Conditioned on `from.version` like a replace: throws TransactionConditionFailed when
 * anything moved. `update` must name the ids of the rows it adds, so replaying it gives `after`.
 * `note` is the change's history entry, written in the same transaction, as are `extra` operations
 * (folder names the edit sets).
 */
export async function commitEdit(
  inv: Invocation,
  from: ForestHeader,
  update: ForestUpdate,
  after: Forest,
  changedBy: string,
  note: ChangeNote,
  extra: TxOp[] = [],
): Promise<ForestHeader> {
  const bytes = JSON.stringify(update).length;
  if ((from.edits ?? 0) >= MAX_EDITS_PER_BASE || bytes > MAX_EDIT_BYTES)
    return replaceForest(inv, from, after, changedBy, note, extra);
  const written = await forestsOf(inv).appendEdit(from, update, after.size, changedBy, inv.now(), [
    historyOp(inv, from, note),
    ...extra,
  ]);
  await trimHistory(inv, written);
  return written;
}

/**
 * Replaces the forest computed from `from` with `forest`, together with `extra` operations, in one
 * transaction conditioned on `from.version`. Throws TransactionConditionFailed when anything moved.
 */
export const forestChunks = (forest: Forest): string[] => (forest.size === 0 ? [] : forestToChunks(forest));

export async function replaceForest(
  inv: Invocation,
  from: ForestHeader,
  forest: Forest,
  changedBy: string,
  note: ChangeNote,
  extra: TxOp[] = [],
): Promise<ForestHeader> {
  const written = await forestsOf(inv).replace(from, forestChunks(forest), forest.size, changedBy, inv.now(), [
    historyOp(inv, from, note),
    ...extra,
  ]);
  await trimHistory(inv, written);
  return written;
}

/**
 * The counts of going back from `current` to an earlier forest `earlier` (an undo, a restore): the
 * counts of the way forward, turned around, since the diff needs the later forest second.
 */
export function countsBack(current: Forest, earlier: Forest): ChangeCounts {
  const forward = forestChangeCounts(earlier, current);
  return { added: forward.removed, moved: forward.moved, removed: forward.added };
}
