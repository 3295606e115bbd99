import { Forest, IssueId } from '../../domain/forest';
import { PlacementModel, planPlacement, placementVisibilityQuestions } from '../../domain/synchronizers/placement';
import { ImportPlan } from '../../domain/synchronizers/types';
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
  for (const [parent, list] of childLists)
    children.set(
      parent,
      list.sort(compare).map((f) => f.id),
    );
  const roots = topRoots(data, children, params.levels)
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
 * The roots that go to the top level: a root that the hierarchy already places under its parent
 * (within `levels` of another top-level root) appears there instead, so an "everything in the
 * project" JQL does not list issues twice; one whose parent is out of reach stays a top-level root.
 * Higher levels are settled first, so the answer does not depend on the order of `roots`.
 */
function topRoots(
  data: HierarchyImportData,
  children: ReadonlyMap<IssueId, readonly IssueId[]>,
  levels: number,
): HierarchyIssueFacts[] {
  const candidates = [...new Set(data.roots)]
    .map((id) => data.issues.get(id))
    .filter((f): f is HierarchyIssueFacts => f !== undefined)
    .sort((a, b) => b.hierarchyLevel - a.hierarchyLevel || (a.id < b.id ? -1 : 1));
  const depth = new Map<IssueId, number>();
  const reach = (from: IssueId): void => {
    depth.set(from, 0);
    const queue = [from];
    for (let q = 0; q < queue.length; q++) {
      const d = depth.get(queue[q]) as number;
      if (d >= levels) continue;
      for (const c of children.get(queue[q]) ?? []) {
        const known = depth.get(c);
        if (known !== undefined && known <= d + 1) continue;
        depth.set(c, d + 1);
        queue.push(c);
      }
    }
  };
  const top: HierarchyIssueFacts[] = [];
  // Roots whose parent is not among the issues first: they are the top whatever else happens.
  for (const f of candidates) {
    if (f.parentId == null || !data.issues.has(f.parentId)) {
      top.push(f);
      reach(f.id);
    }
  }
  for (const f of candidates) {
    if (depth.has(f.id)) continue;
    top.push(f);
    reach(f.id);
  }
  return top;
}

/**
 * Plans one Hierarchy import: Jira Cloud's unified `parent` field across all levels (custom levels
 * above Epic, Epic, standard issues, sub-tasks; levels as the issue types' `hierarchyLevel` say).
 *
 * - Top level: the roots, ordered like siblings; a root that the hierarchy places under its parent
 *   (within `levels`) goes there instead, so an "everything in the project" JQL does not list issues twice.
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
