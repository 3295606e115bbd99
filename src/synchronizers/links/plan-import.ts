import { Forest, IssueId } from '../../domain/forest';
import { PlacementModel, planPlacement, placementVisibilityQuestions } from '../../domain/synchronizers/placement';
import { ImportPlan } from '../../domain/synchronizers/types';
import { LinksImportData } from './data';
import { LinksParams } from './params';

export interface LinksImportInput {
  readonly forest: Forest;
  readonly params: LinksParams;
  readonly data: LinksImportData;
  readonly visible: (issueId: IssueId) => boolean;
}

/**
 * Parent → children by the links of the chosen type that pass both filters. Children are ordered by
 * link id (the order the links were made), which does not depend on the order the runner fetched in.
 */
export function linksModel(forest: Forest, params: LinksParams, data: LinksImportData): PlacementModel {
  const parentOk = (id: IssueId): boolean => data.parentMatches === null || data.parentMatches.has(id);
  const childOk = (id: IssueId): boolean => data.childMatches === null || data.childMatches.has(id);
  const seen = new Set<string>();
  const edges: { linkId: number; parent: IssueId; child: IssueId }[] = [];
  for (const facts of data.issues.values()) {
    for (const link of facts.links ?? []) {
      if (link.linkTypeId !== params.linkTypeId || seen.has(link.linkId)) continue;
      seen.add(link.linkId);
      const [parent, child] =
        params.parentEnd === 'inward' ? [link.inwardId, link.outwardId] : [link.outwardId, link.inwardId];
      if (parentOk(parent) && childOk(child)) edges.push({ linkId: Number(link.linkId), parent, child });
    }
  }
  edges.sort((a, b) => a.linkId - b.linkId);
  const children = new Map<IssueId, IssueId[]>();
  const childSets = new Map<IssueId, Set<IssueId>>();
  const hasParent = new Set<IssueId>();
  for (const { parent, child } of edges) {
    let set = childSets.get(parent);
    if (set === undefined) {
      childSets.set(parent, (set = new Set()));
      children.set(parent, []);
    }
    if (set.has(child)) continue;
    set.add(child);
    (children.get(parent) as IssueId[]).push(child);
    hasParent.add(child);
  }
  const roots =
    params.scope === 'all' ? [...new Set(data.roots ?? [])].filter((id) => parentOk(id) && !hasParent.has(id)) : null;
  const rootSet = new Set(roots ?? []);
  const belongsUnder = (parent: IssueId, child: IssueId): boolean => childSets.get(parent)?.has(child) === true;
  return {
    childrenOf: (parent) => children.get(parent) ?? [],
    belongsUnder,
    roots,
    isRoot: (id) => rootSet.has(id),
    mayAdd: params.scope === 'structure' ? (id) => forest.rowsOfIssue(id).length > 0 : () => true,
    levels: params.levels,
    // Only where the synchronizer would place children: a parent it knows the links of, a child that passes its filter.
    removesUnder: params.removeUnlinked
      ? (parent, child) => data.issues.has(parent) && parentOk(parent) && childOk(child)
      : undefined,
    keyOf: (id) => data.issues.get(id)?.key ?? String(id),
  };
}

/**
 * Plans one Links import (Structure for Jira's Links synchronizer, reference §1.3).
 *
 * - Under every visible row of an issue, its linked children (links of the chosen type, the parent
 *   at `parentEnd`, both ends passing their filters), in link order; with scope `structure` only
 *   issues already in the structure are placed (moved there, or given one more row when they belong
 *   in several places), with `expand` and `all` missing children are added.
 * - Scope `all`: the issues matching the parent filter that are nobody's child are the top level.
 * - Levels: children are placed down to `levels` links below a row that is not itself a linked child
 *   (a top-level row, or one under an unrelated issue).
 * - An issue linked under two parents appears under both (one row each); one linked under a parent
 *   that appears twice appears under both rows of it. Structure behaves the same way (duplicates are
 *   possible with its Linked Issues extender).
 * - Cycles: an issue is never placed under itself or its own descendant; it is left out there and a
 *   note names the cycle, e.g. "Cycle PLAT-26 → PLAT-29 → PLAT-26: PLAT-26 not placed under PLAT-29".
 * - `removeUnlinked`: after placing, a child row under a parent row whose link is gone is removed
 *   with its subtree — only where the synchronizer would place children (a parent it has links for
 *   that passes the parent filter, within `levels`) and only if the child passes the child filter
 *   (a link whose end fails its filter is treated as absent, so such rows are not the synchronizer's).
 * Hidden rows are never touched (see `planPlacement`).
 */
export function planLinksImport(input: LinksImportInput): ImportPlan {
  return planPlacement(input.forest, linksModel(input.forest, input.params, input.data), input.visible);
}

/**
 * Every issue `planLinksImport` may ask `visible` about that is not in `data`: rows of linked
 * parents and children and their ancestors, every row's issue with `removeUnlinked`. A runner that
 * bulk-fetched every issue of the forest already knows all the answers.
 */
export function linksImportVisibilityQuestions(input: Omit<LinksImportInput, 'visible'>): IssueId[] {
  const { forest, params, data } = input;
  const model = linksModel(forest, params, data);
  const parents: IssueId[] = [];
  const children: IssueId[] = [];
  for (const id of data.issues.keys()) {
    const kids = model.childrenOf(id);
    if (kids.length === 0) continue;
    parents.push(id);
    children.push(...kids);
  }
  children.push(...(model.roots ?? []));
  const listed = new Set(children);
  return placementVisibilityQuestions(
    forest,
    parents,
    children,
    (id) => data.issues.has(id) || listed.has(id),
    params.removeUnlinked,
  );
}
