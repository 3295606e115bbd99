const NONE = -1;

/**
 * A forest's Euler tour — an "open" and a "close" token per row, in pre-order — kept in an implicit
 * treap, so "is row a inside the subtree of row b?" is two position lookups, O(log n), however deep
 * the forest, and cutting or pasting a whole subtree is O(log n) too. `ForestTree` keeps one only
 * once an update moves rows (the cycle check is the only question that needs it).
 *
 * Token ids are chosen by the caller (ForestTree uses 2·slot and 2·slot + 1).
 */
export class EulerTour {
  private left: Int32Array;
  private right: Int32Array;
  private up: Int32Array;
  private size: Int32Array;
  private prio: Uint32Array;
  private root = NONE;
  private seed = 0x2545f491;
  // Results of split(), kept in fields to spare an array per call.
  private splitLeft = NONE;
  private splitRight = NONE;

  constructor(capacity: number) {
    this.left = new Int32Array(capacity);
    this.right = new Int32Array(capacity);
    this.up = new Int32Array(capacity);
    this.size = new Int32Array(capacity);
    this.prio = new Uint32Array(capacity);
  }

  ensureCapacity(capacity: number): void {
    if (capacity <= this.left.length) return;
    const widen = <T extends Int32Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.left = widen(this.left, (n) => new Int32Array(n));
    this.right = widen(this.right, (n) => new Int32Array(n));
    this.up = widen(this.up, (n) => new Int32Array(n));
    this.size = widen(this.size, (n) => new Int32Array(n));
    this.prio = widen(this.prio, (n) => new Uint32Array(n));
  }

  /** Replaces the whole sequence. O(n). */
  reset(tokens: ArrayLike<number>): void {
    this.root = this.build(tokens);
  }

  /** Position of a token in the sequence, 0-based. */
  position(token: number): number {
    let t = token;
    let pos = this.sizeOf(this.left[t]);
    while (this.up[t] !== NONE) {
      const p = this.up[t];
      if (this.right[p] === t) pos += this.sizeOf(this.left[p]) + 1;
      t = p;
    }
    return pos;
  }

  /** Takes tokens [from, to) out of the sequence and returns them as a segment. */
  cut(from: number, to: number): number {
    this.split(this.root, from);
    const before = this.splitLeft;
    this.split(this.splitRight, to - from);
    const segment = this.splitLeft;
    const after = this.splitRight;
    this.root = this.merge(before, after);
    this.detach(this.root);
    this.detach(segment);
    return segment;
  }

  /** Puts a segment back so that its first token lands at `at`. */
  paste(at: number, segment: number): void {
    this.split(this.root, at);
    const before = this.splitLeft;
    const after = this.splitRight;
    this.root = this.merge(this.merge(before, segment), after);
    this.detach(this.root);
  }

  /** Builds a segment from new tokens, to `paste` it. */
  segment(tokens: ArrayLike<number>): number {
    return this.build(tokens);
  }

  private sizeOf(t: number): number {
    return t === NONE ? 0 : this.size[t];
  }

  private pull(t: number): void {
    this.size[t] = 1 + this.sizeOf(this.left[t]) + this.sizeOf(this.right[t]);
  }

  private detach(t: number): void {
    if (t !== NONE) this.up[t] = NONE;
  }

  private random(): number {
    // xorshift32: deterministic, so runs are reproducible.
    let x = this.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x >>> 0;
    return this.seed;
  }

  /** First k tokens of t into splitLeft, the rest into splitRight. */
  private split(t: number, k: number): void {
    if (t === NONE) {
      this.splitLeft = this.splitRight = NONE;
      return;
    }
    const leftSize = this.sizeOf(this.left[t]);
    if (k <= leftSize) {
      this.split(this.left[t], k);
      this.left[t] = this.splitRight;
      if (this.splitRight !== NONE) this.up[this.splitRight] = t;
      this.pull(t);
      this.splitRight = t;
    } else {
      this.split(this.right[t], k - leftSize - 1);
      this.right[t] = this.splitLeft;
      if (this.splitLeft !== NONE) this.up[this.splitLeft] = t;
      this.pull(t);
      this.splitLeft = t;
    }
  }

  private merge(a: number, b: number): number {
    if (a === NONE) return b;
    if (b === NONE) return a;
    if (this.prio[a] > this.prio[b]) {
      const r = this.merge(this.right[a], b);
      this.right[a] = r;
      this.up[r] = a;
      this.pull(a);
      return a;
    }
    const l = this.merge(a, this.left[b]);
    this.left[b] = l;
    this.up[l] = b;
    this.pull(b);
    return b;
  }

  /** Cartesian tree over the tokens in order, in O(n) with a stack. */
  private build(tokens: ArrayLike<number>): number {
    const n = tokens.length;
    if (n === 0) return NONE;
    const stack = new Int32Array(n);
    let sp = 0;
    for (let i = 0; i < n; i++) {
      const t = tokens[i];
      this.prio[t] = this.random();
      this.left[t] = this.right[t] = NONE;
      let last = NONE;
      while (sp > 0 && this.prio[stack[sp - 1]] < this.prio[t]) last = stack[--sp];
      this.left[t] = last;
      if (last !== NONE) this.up[last] = t;
      if (sp > 0) {
        this.right[stack[sp - 1]] = t;
        this.up[t] = stack[sp - 1];
      } else {
        this.up[t] = NONE;
      }
      stack[sp++] = t;
    }
    const root = stack[0];
    // Sizes bottom-up: an explicit post-order, since a treap this size is shallow but the walk need not be.
    const order: number[] = [root];
    for (let i = 0; i < order.length; i++) {
      const t = order[i];
      if (this.left[t] !== NONE) order.push(this.left[t]);
      if (this.right[t] !== NONE) order.push(this.right[t]);
    }
    for (let i = order.length - 1; i >= 0; i--) this.pull(order[i]);
    return root;
  }
}
