import { checkItemId, checkRowId, IssueId, MAX_DEPTH, Row, RowId } from './types';

/** The three parallel columns of a forest, in pre-order. */
export interface ForestColumns {
  readonly rowIds: Int32Array;
  readonly depths: Uint16Array;
  readonly issueIds: Float64Array;
}

/**
 * Everything derived from the columns by one walk: resolved once, read in O(1).
 * Kept out of Forest's fields so a forest nobody queries costs only its columns.
 */
interface Resolved {
  readonly indexByRowId: Map<RowId, number>;
  /** Pre-order index of the parent, -1 at top level. */
  readonly parentIndex: Int32Array;
  /** Exclusive end of each row's subtree, in pre-order indices. */
  readonly subtreeEnd: Int32Array;
}

/**
 * An ordered list of rows in pre-order, each `(rowId, depth, issueId)`.
 *
 * Immutable by contract: nothing changes a forest after construction; edits (see `applyUpdate`)
 * return a new forest, or this very object when they change nothing, so callers may compare by
 * identity. `nextRowId` is the high-water mark: every rowId this forest or its ancestors ever
 * handed out is below it, so a removed rowId is never handed out again.
 */
export class Forest {
  static readonly EMPTY: Forest = new Forest(
    { rowIds: new Int32Array(0), depths: new Uint16Array(0), issueIds: new Float64Array(0) },
    1,
  );

  private resolved: Resolved | undefined;
  private issueRows: Map<IssueId, RowId[]> | undefined;

  private constructor(
    private readonly cols: ForestColumns,
    /** Smallest rowId that may be handed out to a new row. */
    readonly nextRowId: number,
  ) {}

  /** Validates rows in pre-order. `nextRowId` defaults to one past the largest rowId. */
  static fromRows(rows: Iterable<Row>, nextRowId?: number): Forest {
    const list = Array.from(rows);
    const cols: ForestColumns = {
      rowIds: Int32Array.from(list, (r) => r.rowId),
      depths: new Uint16Array(list.length),
      issueIds: Float64Array.from(list, (r) => r.issueId),
    };
    list.forEach((r, i) => {
      if (!Number.isInteger(r.depth) || r.depth < 0 || r.depth > MAX_DEPTH) {
        throw new RangeError(`Depth ${r.depth} of row ${r.rowId} is not an integer from 0 to ${MAX_DEPTH}`);
      }
      checkRowId(r.rowId);
      cols.depths[i] = r.depth;
    });
    return Forest.fromColumns(cols, nextRowId);
  }

  /** Parses Structure's forest formula (`rowId:depth:issueId,…`), the inverse of `toString()`; issue rows only. */
  static fromFormula(formula: string, nextRowId?: number): Forest {
    if (formula.trim() === '') return Forest.fromRows([], nextRowId);
    const rows = formula.split(',').map((part): Row => {
      const m = /^\s*(\d+):(\d+):(\d+)(?::\d+)?\s*$/.exec(part);
      if (m === null) throw new RangeError(`Forest formula part ${JSON.stringify(part)} is not rowId:depth:issueId`);
      return { rowId: Number(m[1]), depth: Number(m[2]), issueId: Number(m[3]) };
    });
    return Forest.fromRows(rows, nextRowId);
  }

  /** Validates columns (pre-order depths, unique positive rowIds, issue ids) and takes ownership of them. */
  static fromColumns(cols: ForestColumns, nextRowId?: number): Forest {
    const { rowIds, depths, issueIds } = cols;
    const n = rowIds.length;
    if (depths.length !== n || issueIds.length !== n) {
      throw new RangeError(
        `Columns differ in length: ${n} rowIds, ${depths.length} depths, ${issueIds.length} issue ids`,
      );
    }
    let maxRowId = 0;
    for (let i = 0; i < n; i++) {
      const rowId = rowIds[i];
      checkRowId(rowId);
      checkItemId(issueIds[i]);
      if (rowId > maxRowId) maxRowId = rowId;
      const limit = i === 0 ? 0 : depths[i - 1] + 1;
      if (depths[i] > limit) {
        throw new RangeError(
          `Row ${rowId} at index ${i} has depth ${depths[i]}, deeper than ${limit} allowed after the previous row`,
        );
      }
    }
    const next = nextRowId ?? maxRowId + 1;
    if (!Number.isInteger(next) || next <= maxRowId) {
      throw new RangeError(`nextRowId ${next} must be above the largest rowId ${maxRowId}`);
    }
    const forest = new Forest(cols, next);
    // Resolving checks rowId uniqueness; the result is kept, so validation costs no extra walk later.
    forest.resolve();
    return forest;
  }

  /** For code in this folder that builds columns it has already checked (update, decoding). */
  static trusted(cols: ForestColumns, nextRowId: number): Forest {
    return new Forest(cols, nextRowId);
  }

  get size(): number {
    return this.cols.rowIds.length;
  }

  /** Read-only by contract: the arrays are shared, never copy-on-read, for encoding and updates. */
  get columns(): ForestColumns {
    return this.cols;
  }

  rowIdAt(index: number): RowId {
    return this.cols.rowIds[this.checkIndex(index)];
  }

  depthAt(index: number): number {
    return this.cols.depths[this.checkIndex(index)];
  }

  issueIdAt(index: number): IssueId {
    return this.cols.issueIds[this.checkIndex(index)];
  }

  rowAt(index: number): Row {
    const i = this.checkIndex(index);
    return { rowId: this.cols.rowIds[i], depth: this.cols.depths[i], issueId: this.cols.issueIds[i] };
  }

  *rows(): IterableIterator<Row> {
    for (let i = 0; i < this.size; i++) yield this.rowAt(i);
  }

  has(rowId: RowId): boolean {
    return this.resolve().indexByRowId.has(rowId);
  }

  /** Pre-order index of a row, or -1 when it is not in the forest. */
  tryIndexOf(rowId: RowId): number {
    return this.resolve().indexByRowId.get(rowId) ?? -1;
  }

  /** Pre-order index of a row. */
  indexOf(rowId: RowId): number {
    const index = this.resolve().indexByRowId.get(rowId);
    if (index === undefined) throw new RangeError(`Row ${rowId} is not in the forest of ${this.size} rows`);
    return index;
  }

  depthOf(rowId: RowId): number {
    return this.cols.depths[this.indexOf(rowId)];
  }

  issueOf(rowId: RowId): IssueId {
    return this.cols.issueIds[this.indexOf(rowId)];
  }

  /** The parent's rowId, 0 for a top-level row. */
  parentOf(rowId: RowId): RowId {
    const p = this.resolve().parentIndex[this.indexOf(rowId)];
    return p < 0 ? 0 : this.cols.rowIds[p];
  }

  /** Index of the parent, -1 at top level. */
  parentIndexAt(index: number): number {
    return this.resolve().parentIndex[this.checkIndex(index)];
  }

  /** Exclusive pre-order end of the subtree rooted at `index`. */
  subtreeEndAt(index: number): number {
    return this.resolve().subtreeEnd[this.checkIndex(index)];
  }

  /** Children of a row in order; `0` asks for the top-level rows. O(number of children). */
  childrenOf(rowId: RowId): RowId[] {
    const { subtreeEnd } = this.resolve();
    const [from, to] = rowId === 0 ? [0, this.size] : [this.indexOf(rowId) + 1, subtreeEnd[this.indexOf(rowId)]];
    const children: RowId[] = [];
    for (let i = from; i < to; i = subtreeEnd[i]) children.push(this.cols.rowIds[i]);
    return children;
  }

  /** The row and all its descendants, in pre-order. */
  subtreeOf(rowId: RowId): RowId[] {
    const index = this.indexOf(rowId);
    return Array.from(this.cols.rowIds.subarray(index, this.resolve().subtreeEnd[index]));
  }

  /** Rows holding an issue, in pre-order; empty when the issue is not in the forest. */
  rowsOfIssue(issueId: IssueId): readonly RowId[] {
    if (this.issueRows === undefined) {
      const map = new Map<IssueId, RowId[]>();
      for (let i = 0; i < this.size; i++) {
        const list = map.get(this.cols.issueIds[i]);
        if (list === undefined) map.set(this.cols.issueIds[i], [this.cols.rowIds[i]]);
        else list.push(this.cols.rowIds[i]);
      }
      this.issueRows = map;
    }
    return this.issueRows.get(issueId) ?? NO_ROWS;
  }

  /** Same rows in the same order; `nextRowId` is bookkeeping, not content, and is not compared. */
  equals(other: Forest): boolean {
    if (other === this) return true;
    return sameColumns(this.cols, other.cols);
  }

  /** Structure's forest formula: `rowId:depth:issueId` joined by commas. */
  toString(): string {
    const parts: string[] = [];
    for (let i = 0; i < this.size; i++)
      parts.push(`${this.cols.rowIds[i]}:${this.cols.depths[i]}:${this.cols.issueIds[i]}`);
    return parts.join(',');
  }

  private checkIndex(index: number): number {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) {
      throw new RangeError(`Index ${index} out of range for forest of ${this.size} rows`);
    }
    return index;
  }

  private resolve(): Resolved {
    if (this.resolved !== undefined) return this.resolved;
    const { rowIds, depths } = this.cols;
    const n = rowIds.length;
    const indexByRowId = new Map<RowId, number>();
    const parentIndex = new Int32Array(n);
    const subtreeEnd = new Int32Array(n);
    // Stack of open ancestors: stack[d] is the index of the open row at depth d.
    const stack = new Int32Array(Math.min(n, 0x10000) + 1);
    let top = -1;
    for (let i = 0; i < n; i++) {
      if (indexByRowId.has(rowIds[i])) {
        throw new RangeError(`Row ${rowIds[i]} appears twice, at indices ${indexByRowId.get(rowIds[i])} and ${i}`);
      }
      indexByRowId.set(rowIds[i], i);
      const d = depths[i];
      while (top >= d) subtreeEnd[stack[top--]] = i;
      parentIndex[i] = top >= 0 ? stack[top] : -1;
      stack[++top] = i;
    }
    while (top >= 0) subtreeEnd[stack[top--]] = n;
    this.resolved = { indexByRowId, parentIndex, subtreeEnd };
    return this.resolved;
  }
}

const NO_ROWS: readonly RowId[] = Object.freeze([]);

export function sameColumns(a: ForestColumns, b: ForestColumns): boolean {
  const n = a.rowIds.length;
  if (b.rowIds.length !== n) return false;
  for (let i = 0; i < n; i++) {
    if (a.rowIds[i] !== b.rowIds[i] || a.depths[i] !== b.depths[i] || a.issueIds[i] !== b.issueIds[i]) return false;
  }
  return true;
}
