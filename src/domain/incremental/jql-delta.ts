// The delta queries of an incremental read. Relative minutes (`updated >= -90m`), never a date: JQL
// reads a date in the user's time zone, which the app does not know, while minutes mean the same
// everywhere. The window reaches back a margin before the base's read started, for the clocks of
// Jira's nodes and its search index, which lag behind writes.

/** How far before the base's read a delta looks back. */
export const CHANGED_MARGIN_MS = 5 * 60 * 1000;

/** The JQL without its ORDER BY clause, and that clause (empty when there is none). */
export function splitOrderBy(jql: string): { where: string; orderBy: string } {
  let quote: string | null = null;
  for (let i = 0; i < jql.length; i++) {
    const c = jql[i];
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      continue;
    }
    if ((c === 'o' || c === 'O') && (i === 0 || /[\s)]/.test(jql[i - 1]))) {
      const m = /^order\s+by\b/i.exec(jql.slice(i));
      if (m) return { where: jql.slice(0, i).trim(), orderBy: jql.slice(i).trim() };
    }
  }
  return { where: jql.trim(), orderBy: '' };
}

/** Whole minutes from `since` minus the margin to `now`, at least 1. */
export function minutesBack(now: number, since: number): number {
  return Math.max(1, Math.ceil((now - since + CHANGED_MARGIN_MS) / 60_000));
}

/** Every issue updated in the last `minutes`, wherever it is. */
export const changedJql = (minutes: number): string => `updated >= -${minutes}m ORDER BY id ASC`;

/** The issues of `jql` updated in the last `minutes`, in the query's own order. */
export function changedMatchingJql(jql: string, minutes: number): string {
  const { where, orderBy } = splitOrderBy(jql);
  const changed = `updated >= -${minutes}m`;
  const clause = where === '' ? changed : `(${where}) AND ${changed}`;
  return orderBy === '' ? clause : `${clause} ${orderBy}`;
}
