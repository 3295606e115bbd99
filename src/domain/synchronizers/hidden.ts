import { Forest, IssueId, isFolder } from '../forest';

/**
 * Which rows of a forest the importing user cannot see: a row whose issue is invisible, and every row
 * under it (the structure view leaves out a subtree of an invisible issue, so the user sees none of
 * it). Answered lazily and memoised, so `visible` is asked only about the rows an import considers
 * and their ancestors; O(n) in total however many rows are asked about.
 */
export function hiddenRows(forest: Forest, visible: (issueId: IssueId) => boolean): (index: number) => boolean {
  const UNKNOWN = 0;
  const SHOWN = 1;
  const HIDDEN = 2;
  const state = new Uint8Array(forest.size);
  const path: number[] = [];
  return (index: number): boolean => {
    // Climb to the nearest known ancestor (or the top), then settle the path top-down.
    let i = index;
    while (i >= 0 && state[i] === UNKNOWN) {
      path.push(i);
      i = forest.parentIndexAt(i);
    }
    let above = i < 0 ? SHOWN : state[i];
    while (path.length > 0) {
      const j = path.pop() as number;
      const itemId = forest.issueIdAt(j);
      // A folder is seen by everyone who sees the structure, so it hides nothing by itself.
      above = above === HIDDEN || (!isFolder(itemId) && !visible(itemId)) ? HIDDEN : SHOWN;
      state[j] = above;
    }
    return state[index] === HIDDEN;
  };
}

/** Issue ids of the given rows and all their ancestors, each once. O(rows visited). */
export function issuesWithAncestors(forest: Forest, indices: Iterable<number>): Set<IssueId> {
  const marked = new Uint8Array(forest.size);
  const issues = new Set<IssueId>();
  for (const start of indices) {
    for (let i = start; i >= 0 && marked[i] === 0; i = forest.parentIndexAt(i)) {
      marked[i] = 1;
      issues.add(forest.issueIdAt(i));
    }
  }
  return issues;
}
