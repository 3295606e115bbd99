// The Sub-tasks import: the `subtasks` field of every issue in the structure (bulkfetch, 100 a call),
// which also tells which rows the user can see; sub-tasks go under every row of their parent.
import {
  subtasksImportVisibilityQuestions,
  subtasksSynchronizer,
  type SubtasksImportData,
  type SubtasksParams,
} from './synchronizer';
import { issuesOf } from '../../app/import/facts';
import { forestIssuesStage } from '../../app/import/stages';
import { type ImportSpec } from '../../app/import/staged-import';

export const subtasksImport: ImportSpec<SubtasksParams, SubtasksImportData> = {
  synchronizer: subtasksSynchronizer,
  // Nothing to ask Jira before the job: the structure is the source.
  resolve: async () => ({ jql: '', source: 'the sub-tasks of the issues in the structure' }),
  // A sub-task its parent listed is visible and has no sub-tasks: not fetched again.
  stages: () => [forestIssuesStage('forest', ['subtasks'], (issue) => issue.subtasks ?? [])],
  data: (pages) => {
    const issues = new Map();
    for (const issue of issuesOf(pages).values()) {
      if ((issue.subtasks ?? []).length > 0)
        issues.set(issue.id, { id: issue.id, key: issue.key, subtaskIds: issue.subtasks });
    }
    return { issues };
  },
  questions: (forest, params, data) => subtasksImportVisibilityQuestions({ forest, params, data }),
};
