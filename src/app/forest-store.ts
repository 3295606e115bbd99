// Forests as the app sees them: domain `Forest` objects in, encoded chunks in KVS out.
import { Forest, forestFromChunks, forestToChunks } from '../domain/forest';
import { ForestRepository, type ForestHeader, type TxOp } from '../storage';
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
  const forest = stored.header.chunkCount === 0 ? Forest.EMPTY : forestFromChunks(stored.chunks);
  return { header: stored.header, forest };
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
