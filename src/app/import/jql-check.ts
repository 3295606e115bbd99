// Before a job exists: Jira parses and bound-checks a JQL as the user (one id is enough, 2 points), and
// a refusal becomes JQL_INVALID with Jira's own message, naming the parameter the query came from.
import { JiraJqlInvalid } from '../../jira';
import { AppError } from '../errors';
import type { Invocation } from '../invocation';

export async function checkJql(inv: Invocation, jql: string, field: string): Promise<void> {
  try {
    await inv.jira.searchIds(jql, undefined, 1);
  } catch (error) {
    if (error instanceof JiraJqlInvalid) throw new AppError('JQL_INVALID', error.jiraMessage, { field });
    throw error;
  }
}

/** Whether a JQL finds at least one issue the user can see (1 call). */
export async function anyIssue(inv: Invocation, jql: string): Promise<boolean> {
  return (await inv.jira.searchIds(jql, undefined, 1)).ids.length > 0;
}

/** Project keys as a JQL list, each quoted. */
export const quoteKeys = (keys: readonly string[]): string => keys.map((k) => `"${k}"`).join(', ');

/** Jira answers an unknown or hidden project as a JQL error naming it ("The value 'NOPE' does not exist for the field 'project'."). */
export async function checkProjectsJql(inv: Invocation, jql: string, field: string): Promise<void> {
  try {
    await inv.jira.searchIds(jql, undefined, 1);
  } catch (error) {
    if (!(error instanceof JiraJqlInvalid)) throw error;
    const project = /field 'project'/i.test(error.jiraMessage);
    throw new AppError(project ? 'PROJECT_NOT_FOUND' : 'JQL_INVALID', error.jiraMessage, { field });
  }
}
