// The JQL engine: parse → compile → evaluate against the indexes → order. Search endpoints,
// filters and boards all go through `runJql`.
import type { EmulatorStore, StoredIssue } from '../store';
import type { Viewer } from '../visibility';
import { compileJql, type Plan } from './compile';
import { JqlError, jqlErrors, type SearchWarning } from './errors';
import { compileOrderBy, sortIssues, type SortSpec } from './order';

export { JqlError, jqlErrors, type SearchWarning } from './errors';

export interface JqlRunOptions {
  store: EmulatorStore;
  viewer: Viewer;
  now: Date;
  /** search/jql and approximate-count reject a query without a restriction. */
  requireBounded?: boolean;
  /** Extra restrictions ANDed to the query (board filter, sub-query, scrum board rules). */
  extra?: ((issue: StoredIssue) => boolean)[];
  /** Extra JQL ANDed to the query; its ORDER BY is ignored. */
  andJql?: string[];
  /** Order used when the query has no ORDER BY. */
  defaultOrder?: SortSpec[];
  /** Issue ids read with strong consistency despite search lag (search/jql `reconcileIssues`). */
  reconcile?: ReadonlySet<string>;
  /** Receives what Jira would answer in search/jql's `warnings` (a clause it cut short, ...). */
  warnings?: SearchWarning[];
}

/** Visible issues matching `jql`, ordered as the query says. Throws JqlError on any query problem. */
export function runJql(jql: string, opts: JqlRunOptions): StoredIssue[] {
  const { store, viewer, now } = opts;
  const ctx = { store, viewer, now, warnings: opts.warnings };
  const compiled = compileJql(jql, ctx);
  if (opts.requireBounded && !compiled.where) throw new JqlError([jqlErrors.unbounded()]);
  const order =
    compiled.orderBy && compiled.orderBy.fields.length > 0
      ? compileOrderBy(compiled.orderBy.fields, store)
      : (opts.defaultOrder ?? compileOrderBy(undefined));
  const plans: Plan[] = [];
  if (compiled.where) plans.push(compiled.where);
  for (const extraJql of opts.andJql ?? []) {
    const where = compileJql(extraJql, ctx).where;
    if (where) plans.push(where);
  }
  const tests = [...plans.map((p) => p.test), ...(opts.extra ?? [])];
  if (store.staleSearch.size > 0) return runLagging(opts, tests, order);
  let source: Iterable<StoredIssue> = store.issuesById.values();
  let best = Infinity;
  for (const p of plans) {
    if (!p.candidates) continue;
    const c = p.candidates();
    const n = Array.isArray(c) ? c.length : c.size;
    if (n < best) {
      best = n;
      source = c;
    }
  }
  const out: StoredIssue[] = [];
  outer: for (const issue of source) {
    if (!viewer.canSeeIssue(issue)) continue;
    for (const t of tests) if (!t(issue)) continue outer;
    out.push(issue);
  }
  return sortIssues(store, out, order);
}

/**
 * Evaluation under search lag: every issue is seen as search last indexed it (a stale copy), except
 * those the caller asked to reconcile. Indexes reflect current data, so this path scans everything.
 */
function runLagging(opts: JqlRunOptions, tests: ((issue: StoredIssue) => boolean)[], order: SortSpec[]): StoredIssue[] {
  const { store, viewer } = opts;
  const reconcile = opts.reconcile ?? new Set<string>();
  const out: StoredIssue[] = [];
  const consider = (issue: StoredIssue): void => {
    if (!viewer.canSeeIssue(issue)) return;
    for (const t of tests) if (!t(issue)) return;
    out.push(issue);
  };
  for (const live of store.issuesById.values()) {
    const stale = reconcile.has(live.id) ? undefined : store.staleSearch.get(live.id);
    if (stale === null) continue; // created since the last indexing
    consider(stale ?? live);
  }
  // Deleted since the last indexing: still found (unless reconciled).
  for (const [id, stale] of store.staleSearch)
    if (stale && !store.issuesById.has(id) && !reconcile.has(id)) consider(stale);
  return sortIssues(store, out, order, { byRankString: true });
}
