// Jira failures that reach a user-facing answer outside the import's own checks.
import { JiraError, JiraHttpError, JiraRateLimited } from '../jira';
import { AppError } from './errors';

/**
 * An error a use case expected, as the AppError to answer with: AppErrors as they are, Jira failures as
 * JIRA_UNAVAILABLE. Anything else is unexpected: undefined, for the caller to log and answer as internal.
 * Entry points ask this instead of knowing the Jira client's error classes.
 */
export function expectedError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof JiraError) return jiraUnavailable(error);
  return undefined;
}

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
