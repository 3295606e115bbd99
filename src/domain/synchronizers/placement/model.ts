import { IssueId } from '../../forest';

/**
 * What a parent-and-children synchronizer (sub-tasks, links, agile, hierarchy) wants the structure to
 * look like, as a relation between issues rather than rows: which issues belong under a row of an
 * issue, in which order, and which belong at the top level. `planPlacement` turns it into forest
 * actions; each synchronizer only builds its model from the Jira data its runner fetched.
 *
 * "Belongs under" is a relation between issues, not rows, because the same issue may sit in several
 * rows: every row of a parent gets the parent's children (Structure's sub-tasks behaviour), and a
 * child row that already sits under any row of a parent it belongs to is never taken away from it.
 */
export interface PlacementModel {
  /** The issues that belong directly under every row of `parent`, in order, without repeats. */
  childrenOf(parent: IssueId): readonly IssueId[];
  /** Whether `child` belongs directly under a row of `parent` (true exactly for `childrenOf(parent)`). */
  belongsUnder(parent: IssueId, child: IssueId): boolean;
  /** The issues that belong at the top level, in order; null leaves the top level alone. */
  readonly roots: readonly IssueId[] | null;
  isRoot(issueId: IssueId): boolean;
  /**
   * Whether a new row of the issue may be added where it is missing. When false the issue is only
   * moved there from a row that does not belong where it is, or left out.
   */
  mayAdd(issueId: IssueId): boolean;
  /**
   * Depth limit: children are placed under a row only while it is fewer than `levels` "belongs under"
   * steps below a row that is not itself a placed child (a top-level row, or one under an unrelated
   * row). Counting from the resulting forest alone keeps a repeated import from growing deeper.
   */
  readonly levels: number;
  /**
   * Links' "remove unlinked": whether a child row of `child` under a row of `parent` that does not
   * belong there is one the synchronizer manages and so removes. Absent: nothing is ever removed.
   */
  readonly removesUnder?: (parent: IssueId, child: IssueId) => boolean;
  /** The issue key for notes (cycles), or the id when unknown. */
  keyOf(issueId: IssueId): string;
}
