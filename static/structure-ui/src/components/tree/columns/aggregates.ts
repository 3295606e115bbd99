// Aggregates over subtrees, from the forest's pre-order rows and depths in one pass: no tree of nodes,
// so 100k rows cost a few typed arrays. Pure: what a row's issue holds comes from `valueOf`.

/**
 * A row's own contribution to one measure: a number; `null` when it adds nothing (a placeholder, an issue
 * the viewer cannot see, an empty field); `undefined` while it is not known yet (still on its way from Jira).
 */
export type Contribution = number | null | undefined;

export interface SubtreeSums {
  /** Per row: its own value plus the values of every row under it. */
  sum: Float64Array;
  /** Per row: how many rows of that subtree (the row included) are not known yet; the sum is final at 0. */
  pending: Int32Array;
}

/**
 * Σ of each measure over every row's subtree. A row's subtree ends at the next row at its depth or above, so
 * a stack of open rows is enough: when a row closes, its totals go to the row it sits under. A row that
 * appears under two parents (the same issue in two rows) counts under each.
 */
export function subtreeSums(
  depths: ArrayLike<number>,
  measures: ReadonlyArray<(row: number) => Contribution>,
): SubtreeSums[] {
  const n = depths.length;
  const out = measures.map(() => ({ sum: new Float64Array(n), pending: new Int32Array(n) }));
  const open: number[] = [];
  const closeTo = (depth: number) => {
    while (open.length > depth) {
      const row = open.pop()!;
      const parent = open[open.length - 1];
      if (parent === undefined) continue;
      for (const m of out) {
        m.sum[parent] += m.sum[row]!;
        m.pending[parent] += m.pending[row]!;
      }
    }
  };
  for (let i = 0; i < n; i++) {
    closeTo(depths[i]!);
    measures.forEach((valueOf, k) => {
      const own = valueOf(i);
      if (own === undefined) out[k]!.pending[i] = 1;
      else if (own !== null && Number.isFinite(own)) out[k]!.sum[i] = own;
    });
    open.push(i);
  }
  closeTo(0);
  return out;
}

/** Progress of one row: resolved issues of the rows under it, out of all issues there that the viewer can see. */
export interface Progress {
  done: number;
  total: number;
  /** Rows under it (or the row itself, for a leaf) not known yet. */
  pending: number;
}

/**
 * Progress from two subtree sums: `issues` (1 for a row of an issue the viewer sees) and `resolved` (1 when
 * that issue is resolved, else 0), over the rows under the row. A row with nothing under it that counts
 * shows its own issue, 0 or 1 of 1. Rows the viewer cannot see count nowhere. `own`: the row's contributions.
 */
export function progressOf(
  issues: SubtreeSums,
  resolved: SubtreeSums,
  row: number,
  own: { issue: Contribution; done: Contribution },
): Progress {
  const ownPending = own.issue === undefined ? 1 : 0;
  const below: Progress = {
    total: issues.sum[row]! - (own.issue ?? 0),
    done: resolved.sum[row]! - (own.done ?? 0),
    pending: issues.pending[row]! - ownPending,
  };
  if (below.total > 0 || below.pending > 0) return below;
  return { total: own.issue ?? 0, done: own.done ?? 0, pending: ownPending };
}
