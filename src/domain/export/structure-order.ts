import { Forest, IssueId } from '../forest';

/**
 * The structure's order of some issues: rows in pre-order, restricted to the issues `include`
 * accepts (for the Agile export, the board's issues), the first row of an issue deciding its place.
 * An issue shown twice gets one rank in Jira, so its later rows have no say. O(n).
 */
export function structureOrderOf(forest: Forest, include: (issueId: IssueId) => boolean): IssueId[] {
  const seen = new Set<IssueId>();
  const order: IssueId[] = [];
  for (let i = 0; i < forest.size; i++) {
    const id = forest.issueIdAt(i);
    if (seen.has(id)) continue;
    seen.add(id);
    if (include(id)) order.push(id);
  }
  return order;
}
