import { defineSynchronizer } from '../../domain/synchronizers/types';
import { HierarchyImportData } from './data';
import { HierarchyParams } from './params';
import { planHierarchyImport } from './plan-import';

export { HierarchyParams, HierarchyRoots, MAX_HIERARCHY_LEVELS } from './params';
export type { HierarchyParamsInput } from './params';
export type { HierarchyImportData, HierarchyIssueFacts } from './data';
export { planHierarchyImport, hierarchyImportVisibilityQuestions, hierarchyModel } from './plan-import';
export type { HierarchyImportInput } from './plan-import';
export { compareIssueKeys } from './natural-key';

export const hierarchySynchronizer = defineSynchronizer<HierarchyParams, HierarchyImportData>({
  key: 'hierarchy',
  label: 'Hierarchy',
  description:
    'Builds the hierarchy from Jira’s parent field across every level: initiatives, epics, stories, sub-tasks.',
  directions: ['import', 'export'],
  params: HierarchyParams,
  planImport: ({ forest, params, data, visible }) => planHierarchyImport({ forest, params, data, visible }),
});
