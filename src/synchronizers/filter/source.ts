// Everything a Filter import needs from Jira before a job exists, checked as the user who starts it:
// the saved filter's JQL, that Jira accepts the JQL, and the issue to add under. A job is only recorded
// once all of this holds, so users get these errors at once instead of in a failed job.
import type { FilterParams } from './synchronizer';
import { JiraNotFound } from '../../jira';
import { checkJql } from '../../app/import/jql-check';
import type { ImportResolved } from '../../storage';
import { AppError } from '../../app/errors';
import type { Invocation } from '../../app/invocation';

export async function resolveFilterSource(inv: Invocation, params: FilterParams): Promise<ImportResolved> {
  let jql: string;
  let filterName: string | undefined;
  let jqlField = 'params.source.jql';
  if (params.source.kind === 'filter') {
    jqlField = 'params.source.filterId';
    try {
      const filter = await inv.jira.getFilter(params.source.filterId);
      jql = filter.jql;
      filterName = filter.name;
    } catch (error) {
      if (error instanceof JiraNotFound) {
        throw new AppError(
          'FILTER_NOT_FOUND',
          `Saved filter ${params.source.filterId} does not exist or is not shared with you.`,
          {
            field: 'params.source.filterId',
          },
        );
      }
      throw error;
    }
  } else {
    jql = params.source.jql;
  }

  await checkJql(inv, jql, jqlField);

  const resolved: ImportResolved = { jql, filterName };
  if (params.add.at === 'under') {
    try {
      const issue = await inv.jira.getIssue(params.add.issueKey, ['id']);
      resolved.underIssueId = String(issue.id);
      resolved.underIssueKey = issue.key ?? params.add.issueKey;
    } catch (error) {
      if (error instanceof JiraNotFound) {
        throw new AppError(
          'PARENT_ISSUE_NOT_FOUND',
          `Issue ${params.add.issueKey} does not exist or you cannot see it.`,
          {
            field: 'params.add.issueKey',
          },
        );
      }
      throw error;
    }
  }
  return resolved;
}
