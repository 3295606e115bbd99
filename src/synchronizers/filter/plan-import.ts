import { AddedRow, Forest, ForestAction, IssueId, isFolder, RowId } from '../../domain/forest';
import { ForestTree } from '../../domain/forest/tree';
import { ImportCounts, ImportPlan } from '../../domain/synchronizers/types';
import { hiddenRows, issuesWithAncestors } from '../../domain/synchronizers/hidden';
import { FilterParams } from './params';

export interface FilterImportInput {
  readonly forest: Forest;
  readonly params: FilterParams;
  /** Issue ids of the search result, in result order, as the importing user sees it. */
  readonly matching: Iterable<IssueId>;
  /**
   * Whether the importing user can see an issue. Asked about matching issues too (answer true: the
   * search ran as the user); `filterImportVisibilityQuestions` lists every other issue it may ask about.
   */
  readonly visible: (issueId: IssueId) => boolean;
  /** The issue of `params.add.issueKey`, resolved by the runner; null or absent when it does not exist. */
  readonly underIssueId?: IssueId | null;
}

/**
 * Plans one Filter import (Structure for Jira's Filter synchronizer, reference §1.2).
 *
 * Hidden rows: a row whose issue the user cannot see, and every row under it (the structure view
 * leaves such a subtree out). Hidden rows are never moved or removed and keep their ancestors, so the
 * import never changes what the user cannot see. A visible row that moves carries its subtree along,
 * hidden rows included: they keep their parent.
 *
 * The place: the top level, or the children of the first visible row (pre-order) of the `under` issue.
 * When that issue has no visible row in the structure there is no place: nothing is added or moved,
 * and "remove only where added" removes nothing.
 *
 * Add and move, in result order so new rows keep the search order:
 * - A matching issue with no row anywhere (hidden rows count) is appended at the end of the place.
 *   An issue already in the structure is never added again.
 * - Allow move (only under an issue): a matching issue with no row inside the place's subtree has its
 *   first visible row that is not an ancestor of the place moved, with its subtree, to the end of the
 *   place. An issue nested deeper under the place (a story under an epic under it) counts as in place.
 *
 * Remove (when on) works on the forest after the moves. A row is a candidate when its issue does not
 * match, it is not the place's own row, it is not hidden, it is not a folder nor inside one (rows a
 * person placed by hand), and — with "remove only where added" — it is
 * a child of the place. With "double-check sub-issues", every non-matching visible row under a
 * candidate is a candidate too; the branch stops at a row that matches or is hidden: it stays on its
 * own merits. A candidate is removed only when none of its children stays, so a row keeps its place
 * while anything under it stays (Structure's "kept if it has sub-issues that should stay"). Without
 * "remove only where added", double-check changes nothing: every such row is a candidate already.
 *
 * `skippedNotVisible` counts hidden rows that would otherwise have been removal candidates, matching
 * issues whose only movable rows are hidden, and matching issues the user cannot see.
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
  const hidden = hiddenRows(forest, visible);

  const tree = new ForestTree(forest, order.length);
  let place: RowId | null = 0;
  if (params.add.at === 'under') {
    const underIssueId = input.underIssueId ?? null;
    const rows = underIssueId !== null && visible(underIssueId) ? forest.rowsOfIssue(underIssueId) : [];
    place = rows.find((r) => !hidden(forest.indexOf(r))) ?? null;
    if (place === null) {
      notes.push(
        rows.length === 0
          ? `Issue ${params.add.issueKey} is not in the structure, so nothing is added or moved.`
          : `Issue ${params.add.issueKey} is in the structure only under issues you cannot see, so nothing is added or moved.`,
      );
    }
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
        const outside = slots.filter((s) => !tree.isWithin(placeSlot, s));
        const movable = outside.find((s) => !hidden(tree.baseIndexOf(s)));
        if (movable !== undefined) {
          flushAdds();
          actions.push({ kind: 'move', rowId: tree.rowIdOf(movable), under: place, before: 0 });
          tree.move(tree.rowIdOf(movable), { under: place, before: 0 });
          moved++;
          continue;
        }
        if (outside.length > 0) {
          skippedNotVisible++;
          continue;
        }
      }
    }
    unchanged++;
  }
  flushAdds();

  let removed = 0;
  if (params.remove && !(params.removeOnlyWhereAdded && place === null)) {
    const result = planRemovals(
      tree,
      params,
      placeSlot,
      (id) => seen.has(id),
      (slot) => {
        const index = tree.baseIndexOf(slot);
        return index >= 0 && hidden(index);
      },
    );
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
  hidden: (slot: number) => boolean,
): { actions: ForestAction[]; removed: number; skippedNotVisible: number } {
  const size = tree.slotCount;
  const candidate = new Uint8Array(size);
  const parentOf = new Int32Array(size);
  // Folders and what is under them were placed by hand: never removal candidates (Structure keeps
  // manually placed items), and a folder that stays keeps its ancestors like any row that stays.
  const inFolder = new Uint8Array(size);
  let skippedNotVisible = 0;
  // Pre-order, so candidacy flows down into double-checked branches; reversed, children come before parents.
  const order: number[] = [];
  const stack: number[] = tree.childrenOf(0).reverse();
  while (stack.length > 0) {
    const slot = stack.pop() as number;
    order.push(slot);
    const parent = parentOf[slot];
    const atPlace = !params.removeOnlyWhereAdded || parent === placeSlot;
    const inBranch = params.doubleCheckSubIssues && candidate[parent] === 1;
    if (inFolder[parent] === 1 || isFolder(tree.issueIdOf(slot))) inFolder[slot] = 1;
    if (inFolder[slot] === 0 && slot !== placeSlot && (atPlace || inBranch) && !matches(tree.issueIdOf(slot))) {
      if (hidden(slot)) skippedNotVisible++;
      else candidate[slot] = 1;
    }
    const children = tree.childrenOf(slot);
    for (let i = children.length - 1; i >= 0; i--) {
      parentOf[children[i]] = slot;
      stack.push(children[i]);
    }
  }
  // A candidate goes only if every child goes.
  const keepsParent = new Uint8Array(size);
  const removedFlag = new Uint8Array(size);
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
 * Every issue `planFilterImport` may ask `visible` about apart from the matching ones (visible by
 * construction), so a runner can check just these with Jira, in bulk, before planning: the rows the
 * plan may look at — rows of the `under` issue, removal candidates, rows that Allow move may move —
 * and all their ancestors (a row under an invisible issue is hidden too). A superset, never a miss.
 */
export function filterImportVisibilityQuestions(input: Omit<FilterImportInput, 'visible'>): IssueId[] {
  const { forest, params } = input;
  const matching = new Set(input.matching);
  const looked: number[] = [];
  const anchorRows =
    params.add.at === 'under' && input.underIssueId != null
      ? forest.rowsOfIssue(input.underIssueId).map((r) => forest.indexOf(r))
      : [];
  looked.push(...anchorRows);
  if (params.allowMove) {
    for (const id of matching) for (const r of forest.rowsOfIssue(id)) looked.push(forest.indexOf(r));
  }
  if (params.remove) {
    if (!params.removeOnlyWhereAdded) {
      for (let i = 0; i < forest.size; i++) if (!matching.has(forest.issueIdAt(i))) looked.push(i);
    } else {
      // Children of every possible place (or the whole branch under them, with double-check).
      const places = params.add.at === 'top' ? [-1] : anchorRows;
      for (const p of places) {
        const end = p < 0 ? forest.size : forest.subtreeEndAt(p);
        for (let i = p + 1; i < end; i = params.doubleCheckSubIssues ? i + 1 : forest.subtreeEndAt(i)) looked.push(i);
      }
    }
  }
  const asked = issuesWithAncestors(forest, looked);
  if (params.add.at === 'under' && input.underIssueId != null) asked.add(input.underIssueId);
  for (const id of matching) asked.delete(id);
  return [...asked];
}
