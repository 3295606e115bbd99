import { Forest, IssueId } from '../../domain/forest';
import { PlacementModel, planPlacement, placementVisibilityQuestions } from '../../domain/synchronizers/placement';
import { ImportPlan } from '../../domain/synchronizers/types';
import { AgileImportData } from './data';
import { AgileParams } from './params';

export interface AgileImportInput {
  readonly forest: Forest;
  readonly params: AgileParams;
  readonly data: AgileImportData;
  readonly visible: (issueId: IssueId) => boolean;
}

/** Epics (and levels above) at the top, then issues without an epic; issues under their epic; sub-tasks under their parent. */
export function agileModel(params: AgileParams, data: AgileImportData): PlacementModel {
  const byId = new Map(data.issues.map((i) => [i.id, i]));
  const top: IssueId[] = [];
  const noEpic: IssueId[] = [];
  const parentOf = new Map<IssueId, IssueId>();
  const children = new Map<IssueId, IssueId[]>();
  const place = (child: IssueId, parent: IssueId): void => {
    parentOf.set(child, parent);
    const list = children.get(parent);
    if (list === undefined) children.set(parent, [child]);
    else list.push(child);
  };
  const seen = new Set<IssueId>();
  for (const issue of data.issues) {
    if (seen.has(issue.id)) continue;
    seen.add(issue.id);
    const parent = issue.parentId == null ? undefined : byId.get(issue.parentId);
    if (issue.hierarchyLevel >= 1) top.push(issue.id);
    else if (issue.hierarchyLevel === 0) {
      if (parent !== undefined && parent.hierarchyLevel >= 1) place(issue.id, parent.id);
      else noEpic.push(issue.id);
    } else if (params.subtasks && parent !== undefined && parent.hierarchyLevel === 0) place(issue.id, parent.id);
  }
  if (params.subtasks) for (const [parent, list] of children) orderSubtasks(list, byId.get(parent)?.subtaskIds);
  const roots = [...top, ...noEpic];
  const rootSet = new Set(roots);
  return {
    childrenOf: (parent) => children.get(parent) ?? [],
    belongsUnder: (parent, child) => parentOf.get(child) === parent,
    roots,
    isRoot: (id) => rootSet.has(id),
    mayAdd: () => true,
    levels: Infinity,
    keyOf: (id) => byId.get(id)?.key ?? String(id),
  };
}

/**
 * Puts a parent's sub-tasks in Jira's `subtasks` order, as the Sub-tasks synchronizer does, so that both
 * synchronizers agree on one order (Structure documents Agile's sub-tasks as working "similarly to the
 * Sub-Tasks Synchronizer"). Sub-tasks the parent does not list keep rank order, after the listed ones.
 * The sort is stable and only ever sees one parent's sub-tasks (epics' children are never sub-tasks).
 */
function orderSubtasks(list: IssueId[], subtaskIds: readonly IssueId[] | undefined): void {
  if (subtaskIds === undefined || subtaskIds.length === 0) return;
  const position = new Map(subtaskIds.map((id, i) => [id, i]));
  const at = (id: IssueId) => position.get(id) ?? Infinity;
  list.sort((a, b) => (at(a) === at(b) ? 0 : at(a) < at(b) ? -1 : 1));
}

/**
 * Plans one Agile import (Structure for Jira's Agile synchronizer, reference §1.4), read-only on Jira.
 *
 * - Top level: epics (and any level above epic on the board) in rank order, then the issues without
 *   an epic in rank order — Structure's board view rather than a "no epic" folder, since a structure
 *   row is always an issue here. Epics with no issues on the board still appear.
 * - Under every row of an epic, its issues (`parent` of hierarchy level ≥ 1) in rank order; an issue
 *   whose epic changed since the last import is moved from the old epic's row to the new one's, and
 *   one whose epic is not among the data (invisible, or not fetched) counts as having none.
 * - With `subtasks`, sub-tasks under every row of their parent in Jira's `subtasks` order (the
 *   Sub-tasks synchronizer's order; rank order only for sub-tasks the parent does not list); sub-tasks
 *   whose parent is not on the board are left alone, as are all sub-tasks without the option.
 * - Rows of issues that are not on the board are left alone (Structure: "other issues in the
 *   structure are left alone"), and nothing is removed: an issue that left the board keeps its row.
 *   A board issue found elsewhere (not where it belongs) is moved to its place, with its subtree.
 * Hidden rows are never touched (see `planPlacement`).
 */
export function planAgileImport(input: AgileImportInput): ImportPlan {
  return planPlacement(input.forest, agileModel(input.params, input.data), input.visible);
}

/** Every issue `planAgileImport` may ask `visible` about that is not in `data`: ancestors of the rows of board issues. */
export function agileImportVisibilityQuestions(input: Omit<AgileImportInput, 'visible'>): IssueId[] {
  const ids = new Set(input.data.issues.map((i) => i.id));
  return placementVisibilityQuestions(input.forest, ids, [], (id) => ids.has(id));
}
