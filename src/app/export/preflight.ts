// The permission preflight as the exporting user: one /mypermissions call per project the changes touch,
// then the domain decides what is missing and says it in one sentence.
import { preflightExport, type PreflightInput, type PreflightResult, type ProjectPermissions } from '../../domain/export';
import type { IssueId } from '../../domain/forest';
import { myProjectPermissions, JiraNotFound, type JiraClient } from '../../jira';
import { projectsOfChanges } from './plan';

const NEEDED = ['SCHEDULE_ISSUES', 'EDIT_ISSUES', 'LINK_ISSUES'];

export type PlannedChanges = Omit<PreflightInput, 'projectOf' | 'permissions'>;

export async function runPreflight(jira: JiraClient, changes: PlannedChanges, projectOf: (id: IssueId) => string | undefined): Promise<PreflightResult> {
  const permissions: Record<string, Record<string, boolean>> = {};
  for (const project of projectsOfChanges(changes, projectOf)) {
    try {
      permissions[project] = await myProjectPermissions(jira, project, NEEDED);
    } catch (error) {
      // A project the user cannot see holds no permission for them.
      if (!(error instanceof JiraNotFound)) throw error;
      permissions[project] = {};
    }
  }
  return preflightExport({ ...changes, projectOf, permissions: permissions as ProjectPermissions });
}
