import { isFolder, type Forest, type IssueId } from '../../domain/forest';

/**
 * The structure's issue ids, each once, ascending: what an export reads facts of, 100 a call. Folders
 * are no issues and are left out, so an export has no facts of them: a folder is never written to Jira,
 * and an issue under one says nothing of its parent or links (as under an issue the user cannot see).
 */
export function structureIdsOf(forest: Forest): IssueId[] {
  const ids = new Set<IssueId>();
  for (let i = 0; i < forest.size; i++) if (!isFolder(forest.issueIdAt(i))) ids.add(forest.issueIdAt(i));
  return [...ids].sort((a, b) => a - b);
}
