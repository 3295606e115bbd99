/**
 * A small language for forests in tests:
 *
 *   f(row('A'), row('B', row('C')))   // A; B > C — rowIds 1, 2, 3 in pre-order
 *   f(row('A#7'))                      // issue A in row 7
 *   shape(forest)                      // 'A B(C)'
 *
 * Issue keys map to numeric issue ids (first use wins), so tests speak in keys and the forest in ids.
 */
import {
  AddedRow,
  applyUpdate,
  Forest,
  ForestAction,
  IssueId,
  Placement,
  Row,
  RowId,
} from '../../../src/domain/forest';

const idByKey = new Map<string, IssueId>();
const keyById = new Map<IssueId, string>();

export function issue(key: string): IssueId {
  let id = idByKey.get(key);
  if (id === undefined) {
    id = 10_000 + idByKey.size * 7;
    idByKey.set(key, id);
    keyById.set(id, key);
  }
  return id;
}

export function keyOf(issueId: IssueId): string {
  return keyById.get(issueId) ?? String(issueId);
}

export function issues(...keys: string[]): IssueId[] {
  return keys.map(issue);
}

export interface RowSpec {
  readonly key: string;
  readonly rowId?: RowId;
  readonly children: readonly RowSpec[];
}

/** `row('A', ...children)`; `row('A#7')` pins rowId 7. */
export function row(label: string, ...children: RowSpec[]): RowSpec {
  const [key, id] = label.split('#');
  return { key, rowId: id === undefined ? undefined : Number(id), children };
}

function flatten(specs: readonly RowSpec[], depth: number, out: { key: string; rowId?: RowId; depth: number }[]): void {
  for (const s of specs) {
    out.push({ key: s.key, rowId: s.rowId, depth });
    flatten(s.children, depth + 1, out);
  }
}

/** A forest; unpinned rows get rowIds 1, 2, 3… in pre-order, skipping pinned ones. */
export function f(...specs: RowSpec[]): Forest {
  const flat: { key: string; rowId?: RowId; depth: number }[] = [];
  flatten(specs, 0, flat);
  const pinned = new Set(flat.filter((r) => r.rowId !== undefined).map((r) => r.rowId));
  let next = 1;
  const rows: Row[] = flat.map((r) => {
    if (r.rowId !== undefined) return { rowId: r.rowId, depth: r.depth, issueId: issue(r.key) };
    while (pinned.has(next)) next++;
    return { rowId: next++, depth: r.depth, issueId: issue(r.key) };
  });
  return Forest.fromRows(rows);
}

/** Rows to add, depth relative to the place they go. */
export function sub(...specs: RowSpec[]): AddedRow[] {
  const flat: { key: string; rowId?: RowId; depth: number }[] = [];
  flatten(specs, 0, flat);
  return flat.map((r) =>
    r.rowId === undefined
      ? { depth: r.depth, issueId: issue(r.key) }
      : { depth: r.depth, issueId: issue(r.key), rowId: r.rowId },
  );
}

/** 'A B(C D(E))': keys in pre-order, children in parentheses. */
export function shape(forest: Forest, withIds = false): string {
  const parts: string[] = [];
  let depth = 0;
  for (let i = 0; i < forest.size; i++) {
    const d = forest.depthAt(i);
    if (d > depth) parts.push('(');
    else {
      parts.push(')'.repeat(depth - d));
      if (i > 0) parts.push(' ');
    }
    depth = d;
    const label = keyOf(forest.issueIdAt(i));
    parts.push(withIds ? `${forest.rowIdAt(i)}:${label}` : label);
  }
  parts.push(')'.repeat(depth));
  return parts.join('');
}

/** One action being built; `toAction()` gives the plain data `applyUpdate` takes. */
export class Step {
  constructor(
    readonly action: ForestAction,
    private readonly at: (ref: string | number) => RowId,
  ) {}

  under(ref: string | number): Step {
    return this.with({ under: this.at(ref) });
  }

  after(ref: string | number): Step {
    return this.with({ after: this.at(ref) });
  }

  before(ref: string | number): Step {
    return this.with({ before: this.at(ref) });
  }

  private with(p: Partial<Placement>): Step {
    if (this.action.kind === 'remove') throw new Error('remove takes no placement');
    return new Step({ ...this.action, ...p } as ForestAction, this.at);
  }
}

/**
 * Actions addressed by issue key (the first row of that issue in `forest`) or by rowId (a number).
 *   const { add, move, remove, apply } = on(forest);
 *   apply(move('C').under('A').after(0))
 */
export function on(forest: Forest) {
  const at = (ref: string | number): RowId => {
    if (typeof ref === 'number') return ref;
    const rows = forest.rowsOfIssue(issue(ref));
    if (rows.length === 0) throw new Error(`Test forest has no row of ${ref}`);
    return rows[0];
  };
  return {
    at,
    add: (...what: (string | RowSpec)[]) =>
      new Step({ kind: 'add', under: 0, rows: sub(...what.map((w) => (typeof w === 'string' ? row(w) : w))) }, at),
    move: (ref: string | number) => new Step({ kind: 'move', rowId: at(ref), under: 0 }, at),
    remove: (ref: string | number, children: 'remove' | 'lift' = 'remove') =>
      new Step({ kind: 'remove', rowId: at(ref), children }, at),
    apply: (...steps: (Step | ForestAction)[]): Forest =>
      applyUpdate(
        forest,
        steps.map((s) => (s instanceof Step ? s.action : s)),
      ),
  };
}

/** Seeded PRNG (mulberry32) so property tests are reproducible. */
export function random(seed: number): { next(): number; int(n: number): number; pick<T>(xs: readonly T[]): T } {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)] };
}
