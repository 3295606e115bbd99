// The Filter import's preview: the same plan the job would make, computed in the resolver without changing anything.
// A resolver has 25 s, so the preview reads at most PREVIEW_MAX_ISSUES matching issues (4 ids pages) and
// checks the visibility of at most PREVIEW_MAX_VISIBILITY removal candidates. Beyond either bound the
// preview is partial: it says so (complete: false, a warning) and leaves removals out, because removal
// counts from a sample would claim rows go that the full import keeps. The job always runs in full.
import type { ImportPreview, PreviewAction } from '../../contract';
import type { Forest, ForestAction } from '../../domain/forest';
import { filterImportVisibilityQuestions, type FilterParams } from '../../domain/synchronizers/filter';
import type { Invocation } from '../invocation';
import { loadForest } from '../forest-store';
import type { PreviewRequest } from '../import-runner';
import { visibleIssueIds, VISIBILITY_BATCH } from '../visibility';

export const PREVIEW_MAX_ISSUES = 20_000;
export const PREVIEW_MAX_VISIBILITY = 5 * VISIBILITY_BATCH;
export const PREVIEW_ACTIONS = 50;

export async function previewFilterImport(inv: Invocation, request: PreviewRequest): Promise<ImportPreview> {
  const { synchronizer, resolved } = request;
  const params = request.params as FilterParams;
  const warnings: string[] = [];

  const matching: number[] = [];
  let token: string | undefined;
  let complete = true;
  do {
    const page = await inv.jira.searchIds(resolved.jql, token);
    matching.push(...page.ids);
    token = page.nextPageToken;
    if (token && matching.length >= PREVIEW_MAX_ISSUES) {
      complete = false;
      warnings.push(
        `The source matches more than ${PREVIEW_MAX_ISSUES} issues; this preview covers the first ${matching.length} and leaves removals out. The import itself uses all of them.`,
      );
      break;
    }
  } while (token);

  const { header, forest } = await loadForest(inv, request.structureId);
  const underIssueId = resolved.underIssueId ? Number(resolved.underIssueId) : undefined;
  const matchingSet = new Set(matching);
  let effective: FilterParams = params;
  const visible = new Set<number>(matchingSet);
  if (underIssueId !== undefined) visible.add(underIssueId);
  if (params.remove && complete) {
    const candidates = filterImportVisibilityQuestions({
      forest,
      params,
      matching,
      underIssueId: underIssueId ?? null,
    }).filter((id) => id !== underIssueId);
    if (candidates.length > PREVIEW_MAX_VISIBILITY) {
      complete = false;
      warnings.push(
        `More than ${PREVIEW_MAX_VISIBILITY} rows could be removed; this preview leaves removals out. The import itself checks them all.`,
      );
    } else {
      for (const id of await visibleIssueIds(inv.jira, candidates)) visible.add(id);
    }
  }
  if (!complete) effective = { ...params, remove: false, removeOnlyWhereAdded: false, doubleCheckSubIssues: false };

  if (!synchronizer.planImport) throw new Error(`${synchronizer.label} has no import planner`);
  const plan = synchronizer.planImport({
    forest,
    params: effective,
    data: { matching, underIssueId: underIssueId ?? null },
    visible: (id: number) => visible.has(id) || !effective.remove,
  });
  warnings.push(...plan.notes);

  const actions = await describe(inv, forest, plan.update.slice(0, PREVIEW_ACTIONS), PREVIEW_ACTIONS);
  return {
    forestVersion: header.version,
    counts: { ...plan.counts },
    totalActions: countActions(plan.update),
    actions,
    warnings,
    complete,
  };
}

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
    rowId === 0 || !forest.has(rowId) ? undefined : forest.issueOf(rowId);
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
