import { IssueId, issueIdToJira } from '../forest';

/** Jira ranks at most 50 issues per `PUT /rest/agile/1.0/issue/rank` call. */
export const MAX_ISSUES_PER_RANK_CALL = 50;

/**
 * One rank call: `issues` end up next to each other, in this order, right before or right after the
 * anchor issue (which is never one of them).
 */
export type RankOperation =
  | { readonly issues: readonly IssueId[]; readonly rankBeforeIssue: IssueId }
  | { readonly issues: readonly IssueId[]; readonly rankAfterIssue: IssueId };

export interface RankExportInput {
  /** The structure's order of the board's issues (see `structureOrderOf`). */
  readonly structureOrder: readonly IssueId[];
  /** Jira's rank order of the board's issues, as the board (or `ORDER BY Rank`) lists them. */
  readonly jiraOrder: readonly IssueId[];
  /** Defaults to Jira's limit of 50; smaller values are for tests. */
  readonly maxIssuesPerCall?: number;
}

export interface RankExportPlan {
  /** Calls to make, in this order: each anchor is in its final place when its call runs. */
  readonly operations: readonly RankOperation[];
  /** Issues the plan moves (each exactly once). */
  readonly moved: number;
  /** Issues left where they are: the kept subsequence. */
  readonly kept: number;
  /** Issues in the structure order that Jira did not list: they have no rank to change and are left out. */
  readonly notInJira: readonly IssueId[];
}

/**
 * The fewest rank calls that make Jira's order of the issues both lists share equal the structure's.
 *
 * Some issues stay where they are — an increasing subsequence of Jira's order read in structure
 * order — and every other issue is moved. The moved issues between two kept ones sit next to each
 * other in the target order, so they travel together: a gap of g issues costs ceil(g / 50) calls,
 * each anchored right after the issue before it (the kept issue, or the last issue of the previous
 * call) — or, for the gap before the first kept issue, right before the issue after it.
 *
 * Which subsequence to keep is the whole question. The longest one (fewest issues moved) is not the
 * cheapest: from a random order of 10k issues it keeps ~200 and leaves ~200 gaps, ~280 calls, when
 * keeping a single issue needs 201. So the subsequence is chosen by dynamic programming for the
 * fewest calls, and among those the most issues kept (fewest per-issue writes). With
 * ceil((t − t′ − 1) / B) = ⌊t/B⌋ − ⌊t′/B⌋ + c(t mod B, t′ mod B), c ∈ {−1, 0, 1}, the best predecessor
 * of position t is a prefix minimum over Jira positions within each residue class mod B: B Fenwick
 * trees, O(N · B · log N) time and O(N) memory.
 *
 * Issues of the Jira order that are not in the structure order are never moved or used as anchors;
 * the issues moved around them may end up on either side of them.
 */
export function planRankExport(input: RankExportInput): RankExportPlan {
  const batch = input.maxIssuesPerCall ?? MAX_ISSUES_PER_RANK_CALL;
  if (!Number.isInteger(batch) || batch < 1 || batch > MAX_ISSUES_PER_RANK_CALL) {
    throw new RangeError(`maxIssuesPerCall ${batch} is not an integer from 1 to ${MAX_ISSUES_PER_RANK_CALL}`);
  }
  const jiraIndex = new Map<IssueId, number>();
  input.jiraOrder.forEach((id, i) => {
    if (jiraIndex.has(id))
      throw new RangeError(`Issue ${id} appears twice in Jira's rank order (positions ${jiraIndex.get(id)} and ${i})`);
    jiraIndex.set(id, i);
  });
  const target: IssueId[] = [];
  const notInJira: IssueId[] = [];
  const seen = new Set<IssueId>();
  for (const id of input.structureOrder) {
    if (seen.has(id)) continue;
    seen.add(id);
    if (jiraIndex.has(id)) target.push(id);
    else notInJira.push(id);
  }
  const n = target.length;
  if (n <= 1) return { operations: [], moved: 0, kept: n, notInJira };

  const cur = Int32Array.from(target, (id) => jiraIndex.get(id) as number);
  const keep = cheapestKeptSubsequence(cur, batch);
  const operations = operationsFor(target, keep, batch);
  const kept = keep.reduce((k, b) => k + (b ? 1 : 0), 0);
  return { operations, moved: n - kept, kept, notInJira };
}

/**
 * Which target positions stay: an increasing subsequence of `cur` (Jira positions in target order)
 * with the fewest calls for the gaps, ties broken by length. Never empty, so there is always an anchor.
 */
function cheapestKeptSubsequence(cur: Int32Array, batch: number): boolean[] {
  const n = cur.length;
  // Lexicographic cost in one number: calls first, then issues moved. Exact in doubles up to ~1e7 issues.
  const W = n + 1;
  const calls = (gap: number): number => Math.ceil(gap / batch);

  // Per residue class r = t mod batch: the Jira positions of its members, sorted, and a Fenwick tree
  // over them holding min(dp[t] − ⌊t/B⌋·W − t) and the t that reaches it.
  const members: number[][] = Array.from({ length: Math.min(batch, n) }, () => []);
  for (let t = 0; t < n; t++) members[t % batch].push(cur[t]);
  const sorted = members.map((m) => Int32Array.from(m).sort());
  const treeValue = sorted.map((s) => new Float64Array(s.length + 1).fill(Infinity));
  const treeArg = sorted.map((s) => new Int32Array(s.length + 1).fill(-1));
  // Number of members of class r with a Jira position below p.
  const below = (r: number, p: number): number => {
    const s = sorted[r];
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid] < p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const dp = new Float64Array(n);
  const previous = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    const q = Math.floor(t / batch);
    const r = t % batch;
    // t is the first issue kept: everything before it moves.
    let best = calls(t) * W + t;
    let arg = -1;
    for (let r2 = 0; r2 < sorted.length; r2++) {
      const c = Math.floor((r - r2 + batch - 2) / batch);
      let k = below(r2, cur[t]);
      let value = Infinity;
      let at = -1;
      const tv = treeValue[r2];
      const ta = treeArg[r2];
      for (; k > 0; k -= k & -k) {
        if (tv[k] < value) {
          value = tv[k];
          at = ta[k];
        }
      }
      if (at < 0) continue;
      const candidate = q * W + (t - 1) + c * W + value;
      if (candidate < best) {
        best = candidate;
        arg = at;
      }
    }
    dp[t] = best;
    previous[t] = arg;
    const own = dp[t] - q * W - t;
    const tv = treeValue[r];
    const ta = treeArg[r];
    for (let k = below(r, cur[t]) + 1; k < tv.length; k += k & -k) {
      if (own < tv[k]) {
        tv[k] = own;
        ta[k] = t;
      }
    }
  }

  let last = 0;
  let total = Infinity;
  for (let t = 0; t < n; t++) {
    const tail = n - 1 - t;
    const cost = dp[t] + calls(tail) * W + tail;
    if (cost < total) {
      total = cost;
      last = t;
    }
  }
  const keep = new Array<boolean>(n).fill(false);
  for (let t = last; t >= 0; t = previous[t]) keep[t] = true;
  return keep;
}

/** Turns the gaps between kept positions into calls, ordered so that every anchor is already in place. */
function operationsFor(target: readonly IssueId[], keep: readonly boolean[], batch: number): RankOperation[] {
  const n = target.length;
  const first = keep.indexOf(true);
  const ops: RankOperation[] = [];
  // The leading gap has no issue before it: fill it backwards, each call right before the next one.
  for (let end = first; end > 0; end -= batch) {
    const start = Math.max(0, end - batch);
    ops.push({ issues: target.slice(start, end), rankBeforeIssue: target[end] });
  }
  let t = first + 1;
  while (t < n) {
    if (keep[t]) {
      t++;
      continue;
    }
    let end = t;
    while (end < n && !keep[end]) end++;
    for (let start = t; start < end; start += batch) {
      ops.push({ issues: target.slice(start, Math.min(end, start + batch)), rankAfterIssue: target[start - 1] });
    }
    t = end;
  }
  return ops;
}

/** The body of `PUT /rest/agile/1.0/issue/rank` for one operation: Jira takes ids as strings. */
export function rankRequestBody(
  op: RankOperation,
  rankCustomFieldId?: number,
): { issues: string[]; rankBeforeIssue?: string; rankAfterIssue?: string; rankCustomFieldId?: number } {
  const body: { issues: string[]; rankBeforeIssue?: string; rankAfterIssue?: string; rankCustomFieldId?: number } = {
    issues: op.issues.map(issueIdToJira),
  };
  if ('rankBeforeIssue' in op) body.rankBeforeIssue = issueIdToJira(op.rankBeforeIssue);
  else body.rankAfterIssue = issueIdToJira(op.rankAfterIssue);
  if (rankCustomFieldId !== undefined) body.rankCustomFieldId = rankCustomFieldId;
  return body;
}
