// The Filter import's preview: the same plan the job would make, computed in the resolver without changing anything.
// A resolver has 25 s, so the preview reads at most PREVIEW_MAX_ISSUES matching issues (4 ids pages) and
// checks the visibility of at most PREVIEW_MAX_VISIBILITY removal candidates. Beyond either bound the
// preview is partial: it says so (complete: false, a warning) and leaves removals out, because removal
// counts from a sample would claim rows go that the full import keeps. The job always runs in full.
import type { ImportPreview } from '../../contract';
import { filterImportVisibilityQuestions, filterSynchronizer, type FilterParams } from './synchronizer';
import type { Invocation } from '../../app/invocation';
import { loadForest } from '../../app/forest-store';
import { previewOf } from '../../app/import/describe';
import { jiraWarningLine } from '../../app/import/stages';
import type { PreviewRequest } from '../../app/import/staged-import';
import { visibleIssueIds, VISIBILITY_BATCH } from '../../app/visibility';

export const PREVIEW_MAX_ISSUES = 20_000;
export const PREVIEW_MAX_VISIBILITY = 5 * VISIBILITY_BATCH;

export async function previewFilterImport(
  inv: Invocation,
  request: PreviewRequest<FilterParams>,
): Promise<ImportPreview> {
  const { resolved, params } = request;
  const synchronizer = filterSynchronizer;
  const warnings: string[] = [];

  const matching: number[] = [];
  let token: string | undefined;
  let complete = true;
  do {
    const page = await inv.jira.searchIds(resolved.jql, token);
    if (token === undefined) warnings.push(...(page.warnings ?? []).map(jiraWarningLine));
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
  return previewOf(inv, header.version, forest, plan, warnings, complete);
}
