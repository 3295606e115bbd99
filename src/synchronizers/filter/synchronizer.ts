import { IssueId } from '../../domain/forest';
import { defineSynchronizer } from '../../domain/synchronizers/types';
import { FilterParams } from './params';
import { planFilterImport } from './plan-import';

export { FilterParams, FilterSource, FilterAddPlace } from './params';
export type { FilterParamsInput } from './params';
export { planFilterImport, filterImportVisibilityQuestions } from './plan-import';
export type { FilterImportInput } from './plan-import';

/** What the runner fetches for a Filter import. */
export interface FilterImportData {
  readonly matching: Iterable<IssueId>;
  readonly underIssueId?: IssueId | null;
}

export const filterSynchronizer = defineSynchronizer<FilterParams, FilterImportData>({
  key: 'filter',
  label: 'Filter',
  description:
    'Adds the issues a saved filter or JQL query finds, at the top level or under an issue, and can remove issues that no longer match.',
  directions: ['import'],
  params: FilterParams,
  planImport: ({ forest, params, data, visible }) =>
    planFilterImport({ forest, params, visible, matching: data.matching, underIssueId: data.underIssueId }),
});
