// The Filter import from a delta instead of a full search. An issue only stops matching a query when it
// is updated, so the members now are the base's members that were not updated, plus the updated issues
// that match now (`changedMatching`, in the query's order). Deleted issues are never "updated": the
// runner confirms them separately and passes them in `deleted`.
//
// The order: the planner adds and moves issues in result order, and the base keeps no order. Only the
// changed issues' order is known, so they come first; the carried members follow in id order. That gives
// the full run's plan exactly when no carried member is added or moved — then the planner passes over
// them without effect, and the changed issues' actions keep their relative order. `orderUnknownReason`
// says when that may not hold; the runner then reads in full.
import type { Forest, IssueId } from '../../domain/forest';
import type { FilterParams } from './params';

export interface FilterDelta {
  /** The members at the base's read, as a set. */
  base: Iterable<IssueId>;
  /** Issues updated since the base that match now, in the query's order. */
  changedMatching: Iterable<IssueId>;
  /** Every issue updated since the base (matching or not). */
  changed: Iterable<IssueId>;
  /** Members the runner found deleted from Jira. */
  deleted?: Iterable<IssueId>;
}

export interface MergedMembers {
  /** The planner's `matching`: the changed issues that match, in order, then the carried members by id. */
  matching: IssueId[];
  /** How many of `matching` are carried from the base (not read again). */
  carried: number;
  /** Base members that no longer match (updated away or deleted). */
  left: number;
  /** Matching issues that were not members at the base. */
  entered: number;
}

export function mergeFilterMembers(delta: FilterDelta): MergedMembers {
  const deleted = new Set(delta.deleted ?? []);
  const changed = new Set(delta.changed);
  const matching: IssueId[] = [];
  const inMatching = new Set<IssueId>();
  for (const id of delta.changedMatching) {
    if (inMatching.has(id) || deleted.has(id)) continue;
    inMatching.add(id);
    matching.push(id);
  }
  const base = [...new Set(delta.base)].sort((a, b) => a - b);
  const baseSet = new Set(base);
  let carried = 0;
  let left = 0;
  for (const id of base) {
    if (inMatching.has(id)) continue;
    if (changed.has(id) || deleted.has(id)) {
      left++;
      continue;
    }
    matching.push(id);
    inMatching.add(id);
    carried++;
  }
  let entered = 0;
  for (let i = 0; i < matching.length - carried; i++) if (!baseSet.has(matching[i])) entered++;
  return { matching, carried, left, entered };
}

export interface OrderCheck {
  forest: Forest;
  params: FilterParams;
  underIssueId: IssueId | null;
  /** `MergedMembers.matching`: the last `carried` of them are carried from the base. */
  matching: readonly IssueId[];
  carried: number;
}

/**
 * Why the plan of the merged members may differ from the full run's (the carried members' order is
 * unknown), or undefined when it cannot: every carried member already has a row the planner leaves
 * alone — anywhere without Allow move; inside the place with it (a move never takes a row out of the
 * place: it only moves rows from outside it, with their subtrees). Conservative where the place is not
 * one row: with Allow move and the issue to add under in several rows, each must hold the member.
 */
export function orderUnknownReason(check: OrderCheck): string | undefined {
  const { forest, params } = check;
  const start = check.matching.length - check.carried;
  if (check.carried === 0) return undefined;
  let placeRows: number[] = [];
  if (params.add.at === 'under') {
    // No row of the issue to add under: the planner adds and moves nothing, whatever the order.
    if (check.underIssueId === null) return undefined;
    placeRows = forest.rowsOfIssue(check.underIssueId).map((r) => forest.indexOf(r));
    if (placeRows.length === 0) return undefined;
  }
  const allowMove = params.allowMove && params.add.at === 'under';
  for (let i = start; i < check.matching.length; i++) {
    const id = check.matching[i];
    const rows = forest.rowsOfIssue(id);
    if (rows.length === 0)
      return `issue ${id} matched at the last run but is no longer in the structure, and where it is added depends on the order of every matching issue`;
    if (allowMove) {
      const indices = rows.map((r) => forest.indexOf(r));
      const inEveryPlace = placeRows.every((p) => indices.some((at) => at >= p && at < forest.subtreeEndAt(p)));
      if (!inEveryPlace)
        return `issue ${id} matched at the last run but is no longer under ${params.add.at === 'under' ? params.add.issueKey : 'the place'}, and where it moves depends on the order of every matching issue`;
    }
  }
  return undefined;
}
