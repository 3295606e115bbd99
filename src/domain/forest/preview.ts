import { AddedRow, ForestAction, ForestUpdate } from './actions';

/**
 * The first `limit` actions of an update for a preview, counting each top-level row of a
 * multi-row add as one action (a Filter import adds thousands of rows in one action, and a preview
 * of "the first 50" should show 50 issues, not one giant add).
 */
export function firstActions(update: ForestUpdate, limit: number): ForestAction[] {
  const out: ForestAction[] = [];
  for (const action of update) {
    if (out.length >= limit) break;
    if (action.kind !== 'add') {
      out.push(action);
      continue;
    }
    let group: AddedRow[] = [];
    const flush = (): void => {
      if (group.length > 0 && out.length < limit) out.push({ ...action, rows: group });
      group = [];
    };
    for (const row of action.rows) {
      if (row.depth === 0) flush();
      if (out.length >= limit) break;
      group.push(row);
    }
    flush();
  }
  return out;
}
