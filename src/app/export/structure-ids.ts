import type { Forest, IssueId } from '../../domain/forest';

/** The structure's issue ids, each once, ascending: what an export reads facts of, 100 a call. */
export function structureIdsOf(forest: Forest): IssueId[] {
  const ids = new Set<IssueId>();
  for (let i = 0; i < forest.size; i++) ids.add(forest.issueIdAt(i));
  return [...ids].sort((a, b) => a - b);
}
