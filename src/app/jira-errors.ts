// Jira failures that reach a user-facing answer outside the import's own checks.
import { JiraError, JiraHttpError, JiraRateLimited } from '../jira';
import { AppError } from './errors';

export function jiraUnavailable(error: JiraError): AppError {
  if (error instanceof JiraRateLimited) {
    return new AppError(
      'JIRA_UNAVAILABLE',
      `Jira is rate limiting this app; try again in ${error.retryAfterSeconds} seconds.`,
    );
  }
  if (error instanceof JiraHttpError && (error.status === 401 || error.status === 403)) {
    return new AppError(
      'JIRA_UNAVAILABLE',
      'Jira refused the request on your behalf (not signed in, or the app lacks access).',
    );
  }
  return new AppError('JIRA_UNAVAILABLE', 'Jira did not answer properly; try again in a moment.');
}
