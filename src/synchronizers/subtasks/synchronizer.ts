import { defineSynchronizer } from '../../domain/synchronizers/types';
import { SubtasksImportData } from './data';
import { SubtasksParams } from './params';
import { planSubtasksImport } from './plan-import';

export { SubtasksParams } from './params';
export type { SubtasksParamsInput } from './params';
export type { SubtasksImportData, SubtasksIssueFacts } from './data';
export { planSubtasksImport, subtasksImportVisibilityQuestions, subtasksModel } from './plan-import';
export type { SubtasksImportInput } from './plan-import';

export const subtasksSynchronizer = defineSynchronizer<SubtasksParams, SubtasksImportData>({
  key: 'subtasks',
  label: 'Sub-tasks',
  description:
    'Places every sub-task directly under its parent issue, in Jira’s order, and can add sub-tasks that are missing.',
  directions: ['import'],
  params: SubtasksParams,
  planImport: ({ forest, params, data, visible }) => planSubtasksImport({ forest, params, data, visible }),
});
