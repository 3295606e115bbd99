// The Filter import: an ids-only search of the filter's JQL (5000 ids a page), then — only when Remove
// is on — which rows' issues the user can see (the planner's removal candidates), then the apply.
import {
  filterImportVisibilityQuestions,
  filterSynchronizer,
  type FilterImportData,
  type FilterParams,
} from './synchronizer';
import { previewFilterImport } from './preview';
import { resolveFilterSource } from './source';
import type { ImportSpec } from '../../app/import/staged-import';
import { searchStage } from '../../app/import/stages';

const underIdOf = (underIssueId: string | undefined): number | null =>
  underIssueId !== undefined ? Number(underIssueId) : null;

export const filterImport: ImportSpec<FilterParams, FilterImportData> = {
  synchronizer: filterSynchronizer,
  resolve: resolveFilterSource,
  stages: () => [
    searchStage(
      'search',
      (_, r) => r.jql,
      'ids',
      (n) => `Jira found ${n} matching issues.`,
      // The bar is determinate: Jira's count (1 point) gives the total the enhanced search no longer answers.
      { count: true },
    ),
  ],
  data: (pages, _params, resolved) => ({
    matching: pages.filter((p) => p.stage === 'search').flatMap((p) => p.ids ?? []),
    underIssueId: underIdOf(resolved.underIssueId),
  }),
  // Without Remove only matching issues (visible by construction) and the place are ever looked at; the
  // issue to add under was checked when the import started.
  questions: (forest, params, data) =>
    params.remove
      ? filterImportVisibilityQuestions({ forest, params, ...data }).filter((id) => id !== data.underIssueId)
      : [],
  preview: previewFilterImport,
};
