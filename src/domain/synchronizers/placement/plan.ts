import { AddedRow, Forest, ForestAction, IssueId, isFolder, Placement } from '../../forest';
import { longestIncreasingSubsequence } from '../../forest/lis';
import { ForestTree } from '../../forest/tree';
import { hiddenRows } from '../hidden';
import { ImportPlan } from '../types';
import { PlacementModel } from './model';

/** Notes beyond this many are summed up in one line, so a job log stays readable after a bad link graph. */
export const MAX_NOTES = 50;

/**
 * Plans the forest actions that make a structure follow a `PlacementModel`: under every visible row
 * of a parent issue, the children that belong there, in the model's order; at the top level (when the
 * model has roots), the roots in order.
 *
 * For each row R that gets children, and each child issue C that belongs under it:
 * - a row of C already directly under R stays (the one with the smaller rowId, when C sits there twice);
 * - otherwise a row of C that does not belong where it is (its parent row's issue is not a parent of
 *   C, or it is at the top level and C is not a root) is moved under R, with its subtree — a *free*
 *   row: rows that belong where they are are never taken away, so an issue with two parents, or a
 *   parent in two rows, ends up in every place it belongs;
 * - otherwise a new row is added when the model allows it (`mayAdd`), together with the descendants
 *   it would get that have no row anywhere yet, in one action.
 * The children that stay keep the longest run already in order (LIS), the others are moved or added
 * right after their predecessor in the model's order (or before the first child that stays, or at the
 * end), so rows the model does not place keep their positions, and a second run plans nothing.
 *
 * Never touched: rows the user cannot see — a row of an invisible issue and everything under it
 * (see `hiddenRows`): no children are placed under them and they are never moved or removed. An
 * issue is never placed under itself or its own descendant row (a cycle): it is left out there and a
 * note names the cycle by keys. Rows the model does not mention are left where they are, and nothing
 * is removed unless the model has `removesUnder` (after all moves and adds, a child row that does
 * not belong under its managed parent row is removed with its subtree, unless that subtree holds a
 * row the user cannot see).
 *
 * The planner walks the forest as it changes, in pre-order, so rows moved or added are arranged in
 * turn. O(n + a log a) for n rows and a placed children, plus one pass over the rows of each child
 * issue in search of a free one (with an ancestry test per candidate); the cycle check is O(1).
 */
export function planPlacement(
  forest: Forest,
  model: PlacementModel,
  visible: (issueId: IssueId) => boolean,
): ImportPlan {
  return new Placer(forest, model, visible).run();
}

const NONE = -1;

class Placer {
  private readonly tree: ForestTree;
  private readonly hiddenAt: (index: number) => boolean;
  private readonly actions: ForestAction[] = [];
  private readonly notes = new Set<string>();
  private readonly freeCursor = new Map<IssueId, number>();
  private readonly hasHiddenRow = new Set<IssueId>();
  /** Rows this plan placed (kept, moved or added), so none is counted twice. */
  private readonly settled = new Set<number>();
  private added = 0;
  private moved = 0;
  private removed = 0;
  private unchanged = 0;
  private skippedNotVisible = 0;
  /** Issues of the rows from the top level down to the row being arranged, for the cycle check. */
  private readonly path: IssueId[] = [];
  private readonly onPath = new Map<IssueId, number>();

  constructor(
    private readonly forest: Forest,
    private readonly model: PlacementModel,
    visible: (issueId: IssueId) => boolean,
  ) {
    const answers = new Map<IssueId, boolean>();
    const remembered = (issueId: IssueId): boolean => {
      let v = answers.get(issueId);
      if (v === undefined) answers.set(issueId, (v = visible(issueId)));
      return v;
    };
    this.hiddenAt = hiddenRows(forest, remembered);
    this.tree = new ForestTree(forest);
  }

  run(): ImportPlan {
    if (this.model.roots !== null) this.arrange(0, 0, -1);
    this.walk();
    if (this.model.removesUnder !== undefined) this.removeUnplaced(this.model.removesUnder);
    const notes = [...this.notes].slice(0, MAX_NOTES);
    if (this.notes.size > MAX_NOTES) notes.push(`… and ${this.notes.size - MAX_NOTES} more like these.`);
    return {
      update: this.actions,
      counts: {
        added: this.added,
        moved: this.moved,
        removed: this.removed,
        unchanged: this.unchanged,
        skippedNotVisible: this.skippedNotVisible,
      },
      notes,
    };
  }

  /** Rows added in this plan are visible; moves keep every row's hidden state (only visible rows move, under visible rows). */
  private hidden(slot: number): boolean {
    const index = this.tree.baseIndexOf(slot);
    return index >= 0 && this.hiddenAt(index);
  }

  /** Pre-order over the changing tree; each row's children are arranged before the walk goes down. */
  private walk(): void {
    const { tree, model } = this;
    // Parallel stacks: the row, the parent it was found under, its depth and its "belongs under" chain.
    const slots: number[] = [];
    const parents: number[] = [];
    const depths: number[] = [];
    const chains: number[] = [];
    const pushChildren = (parent: number, parentIssue: IssueId | null, depth: number, chain: number): void => {
      const start = slots.length;
      for (let c = tree.firstChild(parent); c !== NONE; c = tree.nextSibling(c)) {
        slots.push(c);
        parents.push(parent);
        depths.push(depth);
        chains.push(parentIssue !== null && model.belongsUnder(parentIssue, tree.issueIdOf(c)) ? chain + 1 : 0);
      }
      reverse(slots, start);
      reverse(parents, start);
      reverse(depths, start);
      reverse(chains, start);
    };
    pushChildren(0, null, 0, 0);
    while (slots.length > 0) {
      const slot = slots.pop() as number;
      const parent = parents.pop() as number;
      const depth = depths.pop() as number;
      const chain = chains.pop() as number;
      // A row moved away after it was queued is walked where it went.
      if (tree.parentOf(slot) !== parent) continue;
      this.truncatePath(depth);
      const issueId = tree.issueIdOf(slot);
      this.pushPath(issueId);
      // A row walked again (moved after it was walked) is arranged again: its new ancestors may
      // allow a child that was a cycle where it was before.
      if (chain < model.levels && model.childrenOf(issueId).length > 0) {
        if (this.hidden(slot)) this.skippedNotVisible++;
        else this.arrange(slot, issueId, chain);
      }
      pushChildren(slot, issueId, depth + 1, chain);
    }
    this.truncatePath(0);
  }

  /**
   * Makes the children of row `slot` (0: the top level) follow the model. The path ends at its issue;
   * `chain` is the row's "belongs under" chain (-1 for the top level, whose rows start at 0).
   */
  private arrange(slot: number, issueId: IssueId, chain: number): void {
    const { tree, model } = this;
    const wanted = slot === 0 ? (model.roots ?? []) : model.childrenOf(issueId);
    if (wanted.length === 0) return;
    const wantedSet = new Set(wanted);
    // One row of each wanted issue among the current children, with its position. When an issue sits
    // there twice, the smaller rowId is the one arranged: rowIds never change, so a repeated import
    // picks the same row (the first in order would be a different one once the plan has moved it).
    const present = new Map<IssueId, number>();
    const position = new Map<number, number>();
    let pos = 0;
    for (let c = tree.firstChild(slot); c !== NONE; c = tree.nextSibling(c), pos++) {
      const id = tree.issueIdOf(c);
      if (!wantedSet.has(id)) continue;
      const other = present.get(id);
      if (other === undefined || tree.rowIdOf(c) < tree.rowIdOf(other)) {
        present.set(id, c);
        position.set(c, pos);
      }
    }
    // What each wanted child needs: a row that stays or is reordered, a free row to move, or a new row.
    const itemIssue: IssueId[] = [];
    const itemSlot: number[] = [];
    const existing: number[] = [];
    for (const c of wanted) {
      if (slot !== 0 && this.onPath.has(c)) {
        this.noteCycle(c, issueId);
        continue;
      }
      const s = present.get(c);
      if (s !== undefined) {
        existing.push(itemIssue.length);
        itemIssue.push(c);
        itemSlot.push(s);
        continue;
      }
      const free = this.freeRow(c, slot);
      if (free !== NONE || model.mayAdd(c)) {
        itemIssue.push(c);
        itemSlot.push(free);
      }
    }
    const kept = new Uint8Array(itemIssue.length);
    const runs = longestIncreasingSubsequence(existing.map((i) => position.get(itemSlot[i]) as number));
    for (const k of runs) kept[existing[k]] = 1;
    const nextKept = new Int32Array(itemIssue.length + 1).fill(NONE);
    for (let i = itemIssue.length - 1; i >= 0; i--) nextKept[i] = kept[i] === 1 ? itemSlot[i] : nextKept[i + 1];

    const under = slot === 0 ? 0 : tree.rowIdOf(slot);
    let prev = NONE;
    for (let i = 0; i < itemIssue.length;) {
      if (kept[i] === 1) {
        prev = itemSlot[i];
        // Unchanged: a row that was there before the plan and was not counted yet (a row is arranged
        // again when walked again; rows this plan added or moved are not unchanged).
        if (!this.settled.has(prev)) {
          this.settled.add(prev);
          this.unchanged++;
        }
        i++;
        continue;
      }
      const placement: Placement =
        prev !== NONE
          ? { under, after: tree.rowIdOf(prev) }
          : nextKept[i] !== NONE
            ? { under, before: tree.rowIdOf(nextKept[i]) }
            : { under };
      if (itemSlot[i] !== NONE) {
        const rowId = tree.rowIdOf(itemSlot[i]);
        this.actions.push({ kind: 'move', rowId, ...placement });
        tree.move(rowId, placement);
        this.moved++;
        prev = itemSlot[i];
        this.settled.add(prev);
        i++;
        continue;
      }
      // A run of new rows goes in one action, each with the new descendants it brings along.
      const rows: AddedRow[] = [];
      for (; i < itemIssue.length && itemSlot[i] === NONE; i++) this.newSubtree(itemIssue[i], chain + 1, rows);
      this.actions.push({ kind: 'add', ...placement, rows });
      const added = tree.add(placement, rows);
      for (const a of added) this.settled.add(a);
      for (let r = rows.length - 1; r >= 0; r--) {
        if (rows[r].depth === 0) {
          prev = added[r];
          break;
        }
      }
      this.added += rows.length;
    }
  }

  /**
   * A row of `issueId` that may be moved under row `target`: one from the forest as it was (rows
   * added in this plan are where they belong), visible, not where it belongs, and not holding `target`.
   * A row that belongs where it is, or is hidden, stays so for the whole plan (only free rows move,
   * and only to where they belong), so a cursor skips such rows for good: an issue with many rows is
   * scanned once, not once per parent row that wants it.
   */
  private freeRow(issueId: IssueId, target: number): number {
    const rows = this.forest.rowsOfIssue(issueId);
    let k = this.freeCursor.get(issueId) ?? 0;
    for (; k < rows.length; k++) {
      const s = this.tree.slotOf(rows[k]);
      if (this.belongsWhereItIs(s, issueId)) continue;
      if (!this.hidden(s)) break;
      this.hasHiddenRow.add(issueId);
    }
    this.freeCursor.set(issueId, k);
    for (let j = k; j < rows.length; j++) {
      const s = this.tree.slotOf(rows[j]);
      if (this.belongsWhereItIs(s, issueId)) continue;
      if (this.hidden(s)) {
        this.hasHiddenRow.add(issueId);
        continue;
      }
      if (!this.tree.isWithin(target, s)) return s;
    }
    // Counted once per place the issue could not be moved to only because of rows the user cannot see.
    if (this.hasHiddenRow.has(issueId)) this.skippedNotVisible++;
    return NONE;
  }

  private belongsWhereItIs(slot: number, issueId: IssueId): boolean {
    const parent = this.tree.parentOf(slot);
    // A person put it in a folder: it stays there (the folder keeps what is under it).
    if (parent !== 0 && isFolder(this.tree.issueIdOf(parent))) return true;
    return parent === 0 ? this.model.isRoot(issueId) : this.model.belongsUnder(this.tree.issueIdOf(parent), issueId);
  }

  /** Rows for a new row of `issueId` and the new descendants it brings (issues with no row anywhere yet). */
  private newSubtree(issueId: IssueId, chain: number, rows: AddedRow[], depth = 0): void {
    const { model } = this;
    rows.push({ depth, issueId });
    if (chain >= model.levels) return;
    const children = model.childrenOf(issueId);
    if (children.length === 0) return;
    this.pushPath(issueId);
    for (const c of children) {
      if (this.forest.rowsOfIssue(c).length > 0 || !model.mayAdd(c)) continue;
      if (this.onPath.has(c)) {
        this.noteCycle(c, issueId);
        continue;
      }
      this.newSubtree(c, chain + 1, rows, depth + 1);
    }
    this.popPath();
  }

  /** After all moves and adds: child rows that do not belong under their managed parent row go, with their subtrees. */
  private removeUnplaced(removesUnder: (parent: IssueId, child: IssueId) => boolean): void {
    const { tree, model } = this;
    // Pre-order of the final tree with parents and chains, then subtree sizes and hidden rows bottom-up.
    const slots = tree.slotCount;
    const parentOf = new Int32Array(slots);
    const chainOf = new Int32Array(slots);
    const order: number[] = [];
    const stack: number[] = [];
    for (let c = tree.firstChild(0); c !== NONE; c = tree.nextSibling(c)) stack.push(c);
    reverse(stack, 0);
    while (stack.length > 0) {
      const s = stack.pop() as number;
      order.push(s);
      const start = stack.length;
      const issueId = tree.issueIdOf(s);
      for (let c = tree.firstChild(s); c !== NONE; c = tree.nextSibling(c)) {
        stack.push(c);
        parentOf[c] = s;
        chainOf[c] = model.belongsUnder(issueId, tree.issueIdOf(c)) ? chainOf[s] + 1 : 0;
      }
      reverse(stack, start);
    }
    const size = new Int32Array(slots);
    const holdsHidden = new Uint8Array(slots);
    for (let i = order.length - 1; i >= 0; i--) {
      const s = order[i];
      const p = parentOf[s];
      size[s] += 1;
      if (p === 0) continue;
      size[p] += size[s];
      if (holdsHidden[s] === 1 || this.hidden(s)) holdsHidden[p] = 1;
    }
    const gone = new Uint8Array(slots);
    for (const s of order) {
      const p = parentOf[s];
      if (p === 0) continue;
      if (gone[p] === 1) {
        gone[s] = 1;
        continue;
      }
      const parentIssue = tree.issueIdOf(p);
      const issueId = tree.issueIdOf(s);
      // A folder is placed by hand: an import never removes it.
      if (isFolder(issueId)) continue;
      if (chainOf[p] >= model.levels || model.belongsUnder(parentIssue, issueId) || !removesUnder(parentIssue, issueId))
        continue;
      if (this.hidden(p)) continue;
      if (this.hidden(s) || holdsHidden[s] === 1) {
        this.skippedNotVisible++;
        continue;
      }
      gone[s] = 1;
      this.actions.push({ kind: 'remove', rowId: tree.rowIdOf(s), children: 'remove' });
      this.removed += size[s];
    }
  }

  private noteCycle(issueId: IssueId, parent: IssueId): void {
    const from = this.path.lastIndexOf(issueId);
    const keys = [...this.path.slice(from), issueId].map((id) => this.model.keyOf(id));
    const note = `Cycle ${keys.join(' → ')}: ${this.model.keyOf(issueId)} not placed under ${this.model.keyOf(parent)}`;
    this.notes.add(note);
  }

  private pushPath(issueId: IssueId): void {
    this.path.push(issueId);
    this.onPath.set(issueId, (this.onPath.get(issueId) ?? 0) + 1);
  }

  private popPath(): void {
    const issueId = this.path.pop() as IssueId;
    const n = this.onPath.get(issueId) as number;
    if (n === 1) this.onPath.delete(issueId);
    else this.onPath.set(issueId, n - 1);
  }

  private truncatePath(depth: number): void {
    while (this.path.length > depth) this.popPath();
  }
}

function reverse(xs: number[], from: number): void {
  for (let i = from, j = xs.length - 1; i < j; i++, j--) {
    const t = xs[i];
    xs[i] = xs[j];
    xs[j] = t;
  }
}
