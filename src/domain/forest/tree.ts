import { ForestColumns, Forest, sameColumns } from './forest';
import { AddedRow, Placement } from './actions';
import { checkItemId, checkRowId, IssueId, MAX_DEPTH, RowId } from './types';
import { EulerTour } from './euler-tour';

const NONE = -1;
const ROOT = 0;
/** Longest parent-pointer climb before ancestry questions go to the Euler tour. */
const SHALLOW_CLIMB = 64;
const LIVE = 0;
const REMOVED = 1;
/** Removed with its children lifted: `parent` now forwards to where the children went. */
const FORWARDED = 2;

/**
 * A forest unfolded into an explicit tree for a batch of edits: parent, first/last child and
 * doubly linked siblings, indexed by slot (slot 0 is the invisible root, slot i+1 is row i).
 * Every edit is O(1) apart from what it must visit (a removed subtree, once), and the result is read
 * back in one pre-order walk. Moves also need "is the target inside the moved subtree?": a short climb
 * of parent pointers in shallow forests, an Euler tour in a treap (O(log n)) once a forest proves deep.
 * A whole update is O(n + k log n) instead of O(n·k) for splicing pre-order arrays k times.
 *
 * Lifting children does not touch them: the removed row forwards to its parent, and parent lookups
 * follow forwards with path compression (union–find), so repeated lifts stay near O(1) each.
 */
export class ForestTree {
  private rowId: Int32Array;
  private issueId: Float64Array;
  private parent: Int32Array;
  private first: Int32Array;
  private last: Int32Array;
  private next: Int32Array;
  private prev: Int32Array;
  private state: Uint8Array;
  private used = 0;
  private live: number;
  private readonly slotByRowId = new Map<RowId, number>();
  private nextFresh: number;
  private changed = false;
  /**
   * Built at the first deep ancestry question, then kept in step with every add and move. Removed
   * rows' tokens may stay in it: they never move again, and the order of the others is all it answers.
   */
  private tour: EulerTour | undefined;
  /** RowIds handed out in this batch, so one added and removed again is not handed out twice. */
  private readonly givenOut = new Set<RowId>();

  constructor(
    private readonly base: Forest,
    extraCapacity = 0,
    /** Tests set 0 to send every ancestry question to the Euler tour. */
    private readonly shallowClimb = SHALLOW_CLIMB,
  ) {
    const n = base.size;
    const cap = n + 1 + Math.max(0, extraCapacity);
    this.rowId = new Int32Array(cap);
    this.issueId = new Float64Array(cap);
    this.parent = new Int32Array(cap).fill(NONE);
    this.first = new Int32Array(cap).fill(NONE);
    this.last = new Int32Array(cap).fill(NONE);
    this.next = new Int32Array(cap).fill(NONE);
    this.prev = new Int32Array(cap).fill(NONE);
    this.state = new Uint8Array(cap);
    this.used = n + 1;
    this.live = n;
    this.nextFresh = base.nextRowId;
    const { rowIds, depths, issueIds } = base.columns;
    // stack[d] = slot of the open row at depth d - 1; stack[0] is the root.
    const stack = new Int32Array(Math.min(n, MAX_DEPTH + 1) + 2);
    stack[0] = ROOT;
    for (let i = 0; i < n; i++) {
      const slot = i + 1;
      this.rowId[slot] = rowIds[i];
      this.issueId[slot] = issueIds[i];
      this.slotByRowId.set(rowIds[i], slot);
      const d = depths[i];
      this.append(stack[d], slot);
      stack[d + 1] = slot;
    }
  }

  /** Slot of a live row, or a RangeError naming it. */
  slotOf(rowId: RowId): number {
    const slot = this.slotByRowId.get(rowId);
    if (slot === undefined) throw new RangeError(`Row ${rowId} is not in the forest of ${this.live} rows`);
    return slot;
  }

  /** Upper bound of slot numbers handed out so far (root included), for sizing per-slot arrays. */
  get slotCount(): number {
    return this.used;
  }

  has(rowId: RowId): boolean {
    return this.slotByRowId.has(rowId);
  }

  /** Pre-order index in the base forest of a slot, -1 for a row added in this batch. */
  baseIndexOf(slot: number): number {
    return slot >= 1 && slot <= this.base.size ? slot - 1 : -1;
  }

  rowIdOf(slot: number): RowId {
    return this.rowId[slot];
  }

  issueIdOf(slot: number): IssueId {
    return this.issueId[slot];
  }

  /** The live parent's slot (0 for the root). */
  parentOf(slot: number): number {
    let p = this.parent[slot];
    if (this.state[p] !== FORWARDED) return p;
    let root = p;
    while (this.state[root] === FORWARDED) root = this.parent[root];
    // Path compression: everything on the way now forwards straight to the live parent.
    while (this.state[p] === FORWARDED) {
      const up = this.parent[p];
      this.parent[p] = root;
      p = up;
    }
    this.parent[slot] = root;
    return root;
  }

  /** Children of a slot in order, 0 for the top level. */
  childrenOf(slot: number): number[] {
    const out: number[] = [];
    for (let c = this.first[slot]; c !== NONE; c = this.next[c]) out.push(c);
    return out;
  }

  firstChild(slot: number): number {
    return this.first[slot];
  }

  nextSibling(slot: number): number {
    return this.next[slot];
  }

  /**
   * Whether `slot` is `ancestor` or lies in its subtree. Climbs parent pointers while the forest is
   * shallow (real structures are a handful of levels deep); the first climb longer than
   * SHALLOW_CLIMB switches to the Euler tour for good, so the worst case is O(log n), not O(depth).
   */
  isWithin(slot: number, ancestor: number): boolean {
    if (ancestor === ROOT || slot === ancestor) return true;
    if (slot === ROOT) return false;
    if (this.tour === undefined) {
      let s = slot;
      for (let steps = 0; steps < this.shallowClimb; steps++) {
        s = this.parentOf(s);
        if (s === ancestor) return true;
        if (s === ROOT) return false;
      }
    }
    const tour = this.eulerTour();
    const at = tour.position(open(slot));
    return tour.position(open(ancestor)) < at && at < tour.position(close(ancestor));
  }

  add(placement: Placement, rows: readonly AddedRow[]): number[] {
    if (rows.length === 0) return [];
    const parentSlot = this.underSlot(placement.under);
    let prevTop = this.placementPrev(placement, parentSlot, NONE);
    const stack: number[] = [parentSlot];
    const slots: number[] = [];
    rows.forEach((row, i) => {
      const limit = i === 0 ? 0 : rows[i - 1].depth + 1;
      if (!Number.isInteger(row.depth) || row.depth < 0 || row.depth > limit) {
        throw new RangeError(`Added row ${i} has depth ${row.depth}; expected an integer from 0 to ${limit}`);
      }
      checkItemId(row.issueId);
      const slot = this.allocate(this.freshRowId(row.rowId), row.issueId);
      if (row.depth === 0) {
        this.insertAfter(parentSlot, prevTop, slot);
        prevTop = slot;
      } else {
        this.append(stack[row.depth], slot);
      }
      stack[row.depth + 1] = slot;
      stack.length = row.depth + 2;
      slots.push(slot);
    });
    if (this.tour !== undefined) {
      const tokens: number[] = [];
      const opened: number[] = [];
      rows.forEach((row, i) => {
        while (opened.length > row.depth) tokens.push(close(opened.pop() as number));
        tokens.push(open(slots[i]));
        opened.push(slots[i]);
      });
      while (opened.length > 0) tokens.push(close(opened.pop() as number));
      this.tour.paste(this.tourPositionAfter(parentSlot, this.prev[slots[0]]), this.tour.segment(tokens));
    }
    this.changed = true;
    return slots;
  }

  move(rowId: RowId, placement: Placement): void {
    const slot = this.slotOf(rowId);
    const parentSlot = this.underSlot(placement.under);
    if (this.isWithin(parentSlot, slot)) {
      throw new RangeError(
        placement.under === rowId
          ? `Row ${rowId} cannot move under itself`
          : `Row ${rowId} cannot move under row ${placement.under}, which is in its own subtree`,
      );
    }
    const oldParent = this.parentOf(slot);
    const oldPrev = this.prev[slot];
    this.unlink(slot, oldParent);
    let prevSlot: number;
    try {
      prevSlot = this.placementPrev(placement, parentSlot, slot);
    } catch (e) {
      this.insertAfter(oldParent, oldPrev, slot);
      throw e;
    }
    this.insertAfter(parentSlot, prevSlot, slot);
    if (parentSlot !== oldParent || prevSlot !== oldPrev) this.changed = true;
    if (this.tour !== undefined) {
      const segment = this.tour.cut(this.tour.position(open(slot)), this.tour.position(close(slot)) + 1);
      this.tour.paste(this.tourPositionAfter(parentSlot, prevSlot), segment);
    }
  }

  remove(rowId: RowId, children: 'remove' | 'lift'): void {
    const slot = this.slotOf(rowId);
    const parentSlot = this.parentOf(slot);
    this.changed = true;
    if (children === 'lift' && this.first[slot] !== NONE) {
      const firstChild = this.first[slot];
      const lastChild = this.last[slot];
      const before = this.prev[slot];
      const after = this.next[slot];
      this.prev[firstChild] = before;
      if (before === NONE) this.first[parentSlot] = firstChild;
      else this.next[before] = firstChild;
      this.next[lastChild] = after;
      if (after === NONE) this.last[parentSlot] = lastChild;
      else this.prev[after] = lastChild;
      this.state[slot] = FORWARDED;
      this.parent[slot] = parentSlot;
      this.first[slot] = this.last[slot] = this.next[slot] = this.prev[slot] = NONE;
      this.slotByRowId.delete(rowId);
      this.live--;
      return;
    }
    this.unlink(slot, parentSlot);
    // Visit the subtree once so its rows can no longer be addressed; each row is removed at most once.
    const pending = [slot];
    while (pending.length > 0) {
      const s = pending.pop() as number;
      this.state[s] = REMOVED;
      this.slotByRowId.delete(this.rowId[s]);
      this.live--;
      for (let c = this.first[s]; c !== NONE; c = this.next[c]) pending.push(c);
    }
  }

  /** The forest after all edits, in one pre-order walk; the base forest itself when nothing changed. */
  toForest(): Forest {
    const nextRowId = Math.max(this.base.nextRowId, this.nextFresh);
    if (!this.changed) return this.base;
    const n = this.live;
    const cols: ForestColumns = {
      rowIds: new Int32Array(n),
      depths: new Uint16Array(n),
      issueIds: new Float64Array(n),
    };
    let i = 0;
    const stack: number[] = [];
    let slot = this.first[ROOT];
    while (slot !== NONE) {
      const depth = stack.length;
      if (depth > MAX_DEPTH) {
        throw new RangeError(`Row ${this.rowId[slot]} would sit at depth ${depth}, deeper than ${MAX_DEPTH}`);
      }
      cols.rowIds[i] = this.rowId[slot];
      cols.depths[i] = depth;
      cols.issueIds[i] = this.issueId[slot];
      i++;
      if (this.first[slot] !== NONE) {
        stack.push(slot);
        slot = this.first[slot];
        continue;
      }
      while (this.next[slot] === NONE && stack.length > 0) slot = stack.pop() as number;
      slot = this.next[slot];
    }
    const old = this.base.columns;
    if (nextRowId === this.base.nextRowId && sameColumns(old, cols)) return this.base;
    return Forest.trusted(cols, nextRowId);
  }

  private underSlot(under: RowId): number {
    if (under === 0) return ROOT;
    const slot = this.slotByRowId.get(under);
    if (slot === undefined) throw new RangeError(`Row ${under} (under) is not in the forest of ${this.live} rows`);
    return slot;
  }

  /** The slot after which to insert (NONE = first). `moving` is the detached row being placed, if any. */
  private placementPrev(p: Placement, parentSlot: number, moving: number): number {
    const where = p.under === 0 ? 'the top level' : `row ${p.under}`;
    const sibling = (rowId: RowId, role: string): number => {
      const slot = this.slotByRowId.get(rowId);
      if (slot === undefined) throw new RangeError(`Row ${rowId} (${role}) is not in the forest of ${this.live} rows`);
      if (slot === moving) throw new RangeError(`Row ${rowId} cannot be placed ${role} itself`);
      if (this.parentOf(slot) !== parentSlot) throw new RangeError(`Row ${rowId} (${role}) is not a child of ${where}`);
      return slot;
    };
    if (p.after !== undefined && p.after !== 0) {
      const a = sibling(p.after, 'after');
      if (p.before !== undefined && p.before !== 0) {
        const b = sibling(p.before, 'before');
        if (this.next[a] !== b)
          throw new RangeError(`Row ${p.before} (before) does not follow row ${p.after} (after) under ${where}`);
      }
      return a;
    }
    if (p.before !== undefined && p.before !== 0) return this.prev[sibling(p.before, 'before')];
    if (p.after === 0 && p.before === undefined) return NONE;
    return this.last[parentSlot];
  }

  private freshRowId(requested: RowId | undefined): RowId {
    if (requested === undefined) {
      while (this.slotByRowId.has(this.nextFresh)) this.nextFresh++;
      checkRowId(this.nextFresh);
      this.givenOut.add(this.nextFresh);
      return this.nextFresh++;
    }
    checkRowId(requested);
    if (requested < this.base.nextRowId || this.slotByRowId.has(requested) || this.givenOut.has(requested)) {
      throw new RangeError(`Row ${requested} was handed out before and cannot be added again`);
    }
    this.givenOut.add(requested);
    if (requested >= this.nextFresh) this.nextFresh = requested + 1;
    return requested;
  }

  private allocate(rowId: RowId, issueId: IssueId): number {
    if (this.used === this.rowId.length) this.grow();
    const slot = this.used++;
    this.rowId[slot] = rowId;
    this.issueId[slot] = issueId;
    this.slotByRowId.set(rowId, slot);
    this.live++;
    return slot;
  }

  private grow(): void {
    const cap = this.rowId.length * 2;
    const widen = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T, fill: number): T => {
      const b = make(cap);
      b.fill(fill);
      b.set(a);
      return b;
    };
    this.rowId = widen(this.rowId, (n) => new Int32Array(n), 0);
    this.issueId = widen(this.issueId, (n) => new Float64Array(n), 0);
    this.parent = widen(this.parent, (n) => new Int32Array(n), NONE);
    this.first = widen(this.first, (n) => new Int32Array(n), NONE);
    this.last = widen(this.last, (n) => new Int32Array(n), NONE);
    this.next = widen(this.next, (n) => new Int32Array(n), NONE);
    this.prev = widen(this.prev, (n) => new Int32Array(n), NONE);
    this.state = widen(this.state, (n) => new Uint8Array(n), LIVE);
    this.tour?.ensureCapacity(2 * cap);
  }

  private eulerTour(): EulerTour {
    if (this.tour !== undefined) return this.tour;
    const tokens: number[] = [open(ROOT)];
    const stack: number[] = [];
    let slot = this.first[ROOT];
    while (slot !== NONE) {
      tokens.push(open(slot));
      if (this.first[slot] !== NONE) {
        stack.push(slot);
        slot = this.first[slot];
        continue;
      }
      tokens.push(close(slot));
      while (this.next[slot] === NONE && stack.length > 0) {
        slot = stack.pop() as number;
        tokens.push(close(slot));
      }
      slot = this.next[slot];
    }
    tokens.push(close(ROOT));
    this.tour = new EulerTour(2 * this.rowId.length);
    this.tour.reset(tokens);
    return this.tour;
  }

  /** Tour position for a subtree placed under `parentSlot` right after `prevSlot` (NONE = first). */
  private tourPositionAfter(parentSlot: number, prevSlot: number): number {
    const tour = this.tour as EulerTour;
    return prevSlot === NONE ? tour.position(open(parentSlot)) + 1 : tour.position(close(prevSlot)) + 1;
  }

  private append(parentSlot: number, slot: number): void {
    this.insertAfter(parentSlot, this.last[parentSlot], slot);
  }

  private insertAfter(parentSlot: number, prevSlot: number, slot: number): void {
    const nextSlot = prevSlot === NONE ? this.first[parentSlot] : this.next[prevSlot];
    this.parent[slot] = parentSlot;
    this.prev[slot] = prevSlot;
    this.next[slot] = nextSlot;
    if (prevSlot === NONE) this.first[parentSlot] = slot;
    else this.next[prevSlot] = slot;
    if (nextSlot === NONE) this.last[parentSlot] = slot;
    else this.prev[nextSlot] = slot;
  }

  private unlink(slot: number, parentSlot: number): void {
    const p = this.prev[slot];
    const n = this.next[slot];
    if (p === NONE) this.first[parentSlot] = n;
    else this.next[p] = n;
    if (n === NONE) this.last[parentSlot] = p;
    else this.prev[n] = p;
    this.prev[slot] = this.next[slot] = NONE;
    this.parent[slot] = NONE;
  }
}

function open(slot: number): number {
  return 2 * slot;
}

function close(slot: number): number {
  return 2 * slot + 1;
}
