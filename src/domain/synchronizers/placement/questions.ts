import { Forest, IssueId } from '../../forest';
import { issuesWithAncestors } from '../hidden';

/**
 * Every issue `planPlacement` may ask `visible` about, for a runner that checks them with Jira in bulk
 * first: the rows of `parents` (issues that get children: is the row hidden?) and of `children`
 * (issues that may be moved: is that row hidden?), with all their ancestors (a row under an invisible
 * issue is hidden too); every issue of the forest when `everyRow` (removal looks inside subtrees).
 * Issues in `known` (the runner fetched them as the user, so they are visible) are left out.
 * A superset, never a miss.
 */
export function placementVisibilityQuestions(
  forest: Forest,
  parents: Iterable<IssueId>,
  children: Iterable<IssueId>,
  known: (issueId: IssueId) => boolean,
  everyRow = false,
): IssueId[] {
  const looked: number[] = [];
  if (everyRow) {
    for (let i = 0; i < forest.size; i++) looked.push(i);
  } else {
    for (const id of parents) for (const r of forest.rowsOfIssue(id)) looked.push(forest.indexOf(r));
    for (const id of children) for (const r of forest.rowsOfIssue(id)) looked.push(forest.indexOf(r));
  }
  return [...issuesWithAncestors(forest, looked)].filter((id) => !known(id));
}
