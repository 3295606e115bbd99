// Forests as the app sees them: domain `Forest` objects in, encoded chunks in KVS out.
import { applyUpdate, Forest, forestFromChunks, forestToChunks, type ForestUpdate } from '../domain/forest';
import { ForestRepository, MAX_EDITS_PER_BASE, type ForestHeader, type StoredVersion, type TxOp } from '../storage';
import { structureNotFound } from './errors';
import type { Invocation } from './invocation';

export interface LoadedForest {
  header: ForestHeader;
  forest: Forest;
}

export const forestsOf = (inv: Invocation): ForestRepository => new ForestRepository(inv.kvsWrites);

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
 */
export async function commitEdit(
  inv: Invocation,
  from: ForestHeader,
  update: ForestUpdate,
  after: Forest,
  changedBy: string,
): Promise<ForestHeader> {
  const bytes = JSON.stringify(update).length;
  if ((from.edits ?? 0) >= MAX_EDITS_PER_BASE || bytes > MAX_EDIT_BYTES)
    return replaceForest(inv, from, after, changedBy);
  return forestsOf(inv).appendEdit(from, update, after.size, changedBy, inv.now());
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
  extra: TxOp[] = [],
): Promise<ForestHeader> {
  return forestsOf(inv).replace(from, forestChunks(forest), forest.size, changedBy, inv.now(), extra);
}
