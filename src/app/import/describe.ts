// What every import preview shows: how many actions the plan has, and the first ones as issues a
// person recognises (keys from one bulkfetch of ≤100 issues).
import type { ImportPreview, PreviewAction } from '../../contract';
import type { ImportPlan } from '../../domain/synchronizers/types';
import { isFolder, type Forest, type ForestAction } from '../../domain/forest';
import type { Invocation } from '../invocation';

export const PREVIEW_ACTIONS = 50;

export function countActions(update: readonly ForestAction[]): number {
  return update.reduce((n, a) => n + (a.kind === 'add' ? a.rows.length : 1), 0);
}

/** The first actions as issues a person recognises (keys from one bulkfetch of ≤100 issues). */
export async function describe(
  inv: Invocation,
  forest: Forest,
  update: readonly ForestAction[],
  limit: number,
): Promise<PreviewAction[]> {
  const issueOfRow = (rowId: number): number | undefined =>
    rowId === 0 || !forest.has(rowId) || isFolder(forest.issueOf(rowId)) ? undefined : forest.issueOf(rowId);
  const out: PreviewAction[] = [];
  for (const action of update) {
    if (action.kind === 'add') {
      // Rows of one add are a pre-order run: a row at depth d > 0 goes under the last row at depth d - 1.
      const path: number[] = [];
      for (const row of action.rows) {
        if (out.length >= limit) break;
        path.length = row.depth;
        const under = row.depth === 0 ? issueOfRow(action.under) : path[row.depth - 1];
        path.push(row.issueId);
        out.push({ kind: 'add', issueId: String(row.issueId), underIssueId: optional(under) });
      }
    } else if (action.kind === 'move') {
      out.push({
        kind: 'move',
        issueId: String(forest.issueOf(action.rowId)),
        underIssueId: optional(issueOfRow(action.under)),
      });
    } else {
      out.push({
        kind: 'remove',
        issueId: String(forest.issueOf(action.rowId)),
        withSubtree: action.children === 'remove' && forest.childrenOf(action.rowId).length > 0,
      });
    }
    if (out.length >= limit) break;
  }
  const ids = [
    ...new Set(out.flatMap((a) => [a.issueId, a.underIssueId].filter((x): x is string => x !== undefined))),
  ].slice(0, 100);
  if (ids.length > 0) {
    const keyOf = new Map((await inv.jira.bulkFetch(ids, ['id'])).map((i) => [String(i.id), i.key]));
    for (const a of out) {
      a.issueKey = keyOf.get(a.issueId);
      if (a.underIssueId) a.underIssueKey = keyOf.get(a.underIssueId);
    }
  }
  return out;
}

const optional = (id: number | undefined): string | undefined => (id === undefined ? undefined : String(id));

/** What a preview answers for a plan against `forest`: counts, the first actions in words, notes as warnings. */
export async function previewOf(
  inv: Invocation,
  forestVersion: number,
  forest: Forest,
  plan: ImportPlan,
  warnings: string[],
  complete: boolean,
): Promise<ImportPreview> {
  return {
    forestVersion,
    counts: { ...plan.counts },
    totalActions: countActions(plan.update),
    actions: await describe(inv, forest, plan.update.slice(0, PREVIEW_ACTIONS), PREVIEW_ACTIONS),
    warnings: [...warnings, ...plan.notes],
    complete,
  };
}
