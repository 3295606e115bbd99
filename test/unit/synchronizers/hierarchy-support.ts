/**
 * Checks shared by the tests of the parent/children synchronizers (sub-tasks, links, agile,
 * hierarchy), which all plan through `planPlacement`.
 */
import { applyUpdate, Forest, IssueId, RowId } from '../../../src/domain/forest';
import { ImportPlan } from '../../../src/domain/synchronizers';
import { hiddenRows } from '../../../src/domain/synchronizers/hidden';

/** Rows the user cannot see (an invisible issue and everything under it), each with its parent's rowId. */
export function hiddenPlaces(forest: Forest, visible: (id: IssueId) => boolean): Map<RowId, RowId> {
  const hidden = hiddenRows(forest, visible);
  const places = new Map<RowId, RowId>();
  for (let i = 0; i < forest.size; i++)
    if (hidden(i)) places.set(forest.rowIdAt(i), forest.parentOf(forest.rowIdAt(i)));
  return places;
}

/** Hidden rows are still there, under the same parent row. */
export function hiddenRowsMoved(before: Forest, after: Forest, visible: (id: IssueId) => boolean): RowId[] {
  const wrong: RowId[] = [];
  for (const [rowId, parent] of hiddenPlaces(before, visible)) {
    if (!after.has(rowId) || after.parentOf(rowId) !== parent) wrong.push(rowId);
  }
  return wrong;
}

/** Applies a plan, and checks that applying it gives what the counts say was added and removed. */
export function applyPlan(forest: Forest, plan: ImportPlan): Forest {
  const after = applyUpdate(forest, plan.update);
  expect(after.size).toBe(forest.size + plan.counts.added - plan.counts.removed);
  return after;
}

/** A visibility test that records every issue it was asked about. */
export function recordingVisible(invisible: ReadonlySet<IssueId>): {
  visible: (id: IssueId) => boolean;
  asked: Set<IssueId>;
} {
  const asked = new Set<IssueId>();
  return { visible: (id) => (asked.add(id), !invisible.has(id)), asked };
}
