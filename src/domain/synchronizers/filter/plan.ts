import { AddedRow, ForestAction, IssueId, RowId } from '../../forest';
import { Forest } from '../../forest';
import { ForestTree } from '../../forest/tree';
import { ImportCounts, ImportPlan } from '../types';
import { FilterParams } from './params';

export interface FilterImportInput {
  readonly forest: Forest;
  readonly params: FilterParams;
  /** Issue ids of the search result, in result order, as the importing user sees it. */
  readonly matching: Iterable<IssueId>;
  readonly visible: (issueId: IssueId) => boolean;
  /** The issue of `params.add.issueKey`, resolved by the runner; null or absent when it does not exist. */
  readonly underIssueId?: IssueId | null;
}

/**
 * Plans one Filter import (Structure for Jira's Filter synchronizer, reference §1.2).
 *
 * The place: the top level, or the children of the first row (pre-order) of the `under` issue. When
 * that issue is not in the structure (or the user cannot see it), there is no place: nothing is added
 * or moved, and "remove only where added" removes nothing.
 *
 * Add and move, in result order so new rows keep the search order:
 * - A matching issue with no row anywhere is appended at the end of the place. An issue already in
 *   the structure is never added again, wherever it is.
 * - Allow move (only under an issue): a matching issue with no row inside the place's subtree has its
 *   first row that is not an ancestor of the place moved, with its subtree, to the end of the place.
 *   An issue nested deeper under the place (say a story under an epic under it) counts as in place.
 *
 * Remove (when on) works on the forest after the moves. A row is a candidate when its issue is visible,
 * does not match, it is not the place's own row, and — with "remove only where added" — it is a child of
 * the place. With "double-check sub-issues", every visible non-matching row under a candidate is a
 * candidate too; the branch stops at a row that matches (or is invisible): it stays on its own merits.
 * A candidate is removed only when none of its children stays, so a row keeps its place while anything
 * under it stays (Structure's "kept if it has sub-issues that should stay"). Without "remove only where
 * added", double-check changes nothing: every non-matching visible row is a candidate already.
 *
 * Rows of issues the user cannot see are never moved or removed, and their subtrees stay with them
 * (which keeps their ancestors too). `skippedNotVisible` counts such rows that would otherwise have been
 * removal candidates, plus matching issues the user cannot see (not added or moved).
 *
 * O(n + m) for n rows and m matching issues, plus the depth of the place for each move candidate.
 */
export function planFilterImport(input: FilterImportInput): ImportPlan {
  const { forest, params } = input;
  const notes: string[] = [];
  const seen = new Set<IssueId>();
  const order: IssueId[] = [];
  for (const id of input.matching) {
    if (!seen.has(id)) {
      seen.add(id);
      order.push(id);
    }
  }
  const visibility = new Map<IssueId, boolean>();
  const visible = (issueId: IssueId): boolean => {
    let v = visibility.get(issueId);
    if (v === undefined) visibility.set(issueId, (v = input.visible(issueId)));
    return v;
  };

  const tree = new ForestTree(forest, order.length);
  let place: RowId | null = 0;
  if (params.add.at === 'under') {
    const underIssueId = input.underIssueId ?? null;
    const rows = underIssueId !== null && visible(underIssueId) ? forest.rowsOfIssue(underIssueId) : [];
    place = rows.length > 0 ? rows[0] : null;
    if (place === null) notes.push(`Issue ${params.add.issueKey} is not in the structure, so nothing is added or moved.`);
  }
  const placeSlot = place === null ? -1 : place === 0 ? 0 : tree.slotOf(place);

  const actions: ForestAction[] = [];
  let added = 0;
  let moved = 0;
  let unchanged = 0;
  let skippedNotVisible = 0;
  let pending: AddedRow[] = [];
  const flushAdds = (): void => {
    if (pending.length === 0 || place === null) return;
    actions.push({ kind: 'add', under: place, before: 0, rows: pending });
    tree.add({ under: place, before: 0 }, pending);
    added += pending.length;
    pending = [];
  };
  const allowMove = params.allowMove && params.add.at === 'under' && place !== null && place !== 0;

  for (const issueId of order) {
    if (!visible(issueId)) {
      skippedNotVisible++;
      continue;
    }
    const rows = forest.rowsOfIssue(issueId);
    if (rows.length === 0) {
      if (place !== null) pending.push({ depth: 0, issueId });
      continue;
    }
    if (allowMove && place !== null) {
      const slots = rows.map((r) => tree.slotOf(r));
      if (!slots.some((s) => tree.isWithin(s, placeSlot))) {
        const movable = slots.find((s) => !tree.isWithin(placeSlot, s));
        if (movable !== undefined) {
          flushAdds();
          actions.push({ kind: 'move', rowId: tree.rowIdOf(movable), under: place, before: 0 });
          tree.move(tree.rowIdOf(movable), { under: place, before: 0 });
          moved++;
          continue;
        }
      }
    }
    unchanged++;
  }
  flushAdds();

  let removed = 0;
  if (params.remove && !(params.removeOnlyWhereAdded && place === null)) {
    const result = planRemovals(tree, params, placeSlot, (id) => seen.has(id), visible);
    actions.push(...result.actions);
    removed = result.removed;
    skippedNotVisible += result.skippedNotVisible;
  }

  const counts: ImportCounts = { added, moved, removed, unchanged, skippedNotVisible };
  return { update: actions, counts, notes };
}

function planRemovals(
  tree: ForestTree,
  params: FilterParams,
  placeSlot: number,
  matches: (issueId: IssueId) => boolean,
  visible: (issueId: IssueId) => boolean,
): { actions: ForestAction[]; removed: number; skippedNotVisible: number } {
  const size = tree.slotCount;
  const candidate = new Uint8Array(size);
  const removedFlag = new Uint8Array(size);
  let skippedNotVisible = 0;
  const order: number[] = [];
  // Pre-order: candidacy flows down (double-check branches); post-order (reverse) decides removal.
  const stack: number[] = [];
  for (let c = tree.firstChild(0); c !== -1; c = tree.nextSibling(c)) stack.push(c);
  stack.reverse();
  const parentOf = new Int32Array(size);
  for (const s of stack) parentOf[s] = 0;
  while (stack.length > 0) {
    const slot = stack.pop() as number;
    order.push(slot);
    const parent = parentOf[slot];
    const issueId = tree.issueIdOf(slot);
    const atPlace = !params.removeOnlyWhereAdded || parent === placeSlot;
    const inBranch = params.doubleCheckSubIssues && parent !== 0 && candidate[parent] === 1;
    if (slot !== placeSlot && !matches(issueId) && (atPlace || inBranch)) {
      if (visible(issueId)) candidate[slot] = 1;
      else skippedNotVisible++;
    }
    const children: number[] = [];
    for (let c = tree.firstChild(slot); c !== -1; c = tree.nextSibling(c)) {
      parentOf[c] = slot;
      children.push(c);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  // A candidate goes only if all its children go: walk in reverse pre-order, children before parents.
  const keepsParent = new Uint8Array(size);
  let removed = 0;
  for (let i = order.length - 1; i >= 0; i--) {
    const slot = order[i];
    if (candidate[slot] === 1 && keepsParent[slot] === 0) {
      removedFlag[slot] = 1;
      removed++;
    } else {
      keepsParent[parentOf[slot]] = 1;
    }
  }
  const actions: ForestAction[] = [];
  for (const slot of order) {
    if (removedFlag[slot] === 1 && removedFlag[parentOf[slot]] === 0) {
      actions.push({ kind: 'remove', rowId: tree.rowIdOf(slot), children: 'remove' });
    }
  }
  return { actions, removed, skippedNotVisible };
}

/**
 * Every issue `planFilterImport` may ask `visible` about, apart from the matching ones (which the
 * search returned as the importing user, so they are visible) — so a runner can check just these
 * with Jira, in bulk, before planning. A superset: with double-check, whether a row is asked about
 * can depend on its ancestors' visibility.
 */
export function filterImportVisibilityQuestions(input: Omit<FilterImportInput, 'visible'>): IssueId[] {
  const { forest, params } = input;
  const matching = new Set(input.matching);
  const asked = new Set<IssueId>();
  if (params.add.at === 'under' && input.underIssueId != null) asked.add(input.underIssueId);
  if (params.remove) {
    if (params.removeOnlyWhereAdded && !params.doubleCheckSubIssues) {
      const place = params.add.at === 'top' ? 0 : (forest.rowsOfIssue(input.underIssueId ?? 0)[0] ?? null);
      if (place !== null) for (const rowId of forest.childrenOf(place)) asked.add(forest.issueOf(rowId));
    } else {
      for (const issueId of forest.columns.issueIds) asked.add(issueId);
    }
  }
  for (const id of matching) asked.delete(id);
  return [...asked];
}
