import { Forest, IssueId } from '../../forest';
import { PlacementModel, planPlacement, placementVisibilityQuestions } from '../placement';
import { ImportPlan } from '../types';
import { HierarchyImportData, HierarchyIssueFacts } from './data';
import { compareIssueKeys } from './natural-key';
import { HierarchyParams } from './params';

export interface HierarchyImportInput {
  readonly forest: Forest;
  readonly params: HierarchyParams;
  readonly data: HierarchyImportData;
  readonly visible: (issueId: IssueId) => boolean;
}

/** Roots at the top, every issue under its `parent`, siblings by rank (then key) or by key. */
export function hierarchyModel(params: HierarchyParams, data: HierarchyImportData): PlacementModel {
  const { issues } = data;
  const byKey = (a: HierarchyIssueFacts, b: HierarchyIssueFacts): number => compareIssueKeys(a.key, b.key);
  // An issue without a rank goes after the ranked ones, as in Jira's ORDER BY Rank.
  const byRank = (a: HierarchyIssueFacts, b: HierarchyIssueFacts): number =>
    a.rank === b.rank ? byKey(a, b) : a.rank === undefined ? 1 : b.rank === undefined ? -1 : a.rank < b.rank ? -1 : 1;
  const compare = params.order === 'rank' ? byRank : byKey;
  const childLists = new Map<IssueId, HierarchyIssueFacts[]>();
  for (const facts of issues.values()) {
    if (facts.parentId == null || !issues.has(facts.parentId) || facts.parentId === facts.id) continue;
    const list = childLists.get(facts.parentId);
    if (list === undefined) childLists.set(facts.parentId, [facts]);
    else list.push(facts);
  }
  const children = new Map<IssueId, IssueId[]>();
  for (const [parent, list] of childLists) children.set(parent, list.sort(compare).map((f) => f.id));
  // A root whose parent is among the issues appears under that parent instead (no top-level copy).
  const roots = [...new Set(data.roots)]
    .map((id) => issues.get(id))
    .filter((f): f is HierarchyIssueFacts => f !== undefined && (f.parentId == null || !issues.has(f.parentId)))
    .sort(compare)
    .map((f) => f.id);
  const rootSet = new Set(roots);
  return {
    childrenOf: (parent) => children.get(parent) ?? [],
    belongsUnder: (parent, child) => {
      const p = issues.get(child)?.parentId;
      return p === parent && child !== parent;
    },
    roots,
    isRoot: (id) => rootSet.has(id),
    mayAdd: () => true,
    levels: params.levels,
    keyOf: (id) => issues.get(id)?.key ?? String(id),
  };
}

/**
 * Plans one Hierarchy import: Jira Cloud's unified `parent` field across all levels (custom levels
 * above Epic, Epic, standard issues, sub-tasks; levels as the issue types' `hierarchyLevel` say).
 *
 * - Top level: the roots, ordered like siblings; a root whose parent is also among the issues goes
 *   under that parent instead, so an "everything in the project" JQL does not list issues twice.
 * - Under every row of an issue, its children (`parent` = it), down to `levels` levels below a row
 *   that is not itself under its parent; siblings by rank (issues without rank last, ties by key) or
 *   by key in natural order (PROJ-9 before PROJ-10).
 * - An issue whose parent changed moves to its new parent's row; issues the data does not mention are
 *   left alone; nothing is removed.
 * Hidden rows are never touched (see `planPlacement`).
 */
export function planHierarchyImport(input: HierarchyImportInput): ImportPlan {
  return planPlacement(input.forest, hierarchyModel(input.params, input.data), input.visible);
}

/** Every issue `planHierarchyImport` may ask `visible` about that is not in `data`: ancestors of the rows of its issues. */
export function hierarchyImportVisibilityQuestions(input: Omit<HierarchyImportInput, 'visible'>): IssueId[] {
  const { issues } = input.data;
  return placementVisibilityQuestions(input.forest, issues.keys(), [], (id) => issues.has(id));
}
