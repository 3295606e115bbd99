// Jira failures that reach a user-facing answer outside the import's own checks.
import { JiraAccessRefused, JiraError, JiraHttpError, JiraRateLimited } from '../jira';
import { AppError } from './errors';

/**
 * An error a use case expected, as the AppError to answer with: AppErrors as they are, a refused scope or
 * consent as APP_NOT_AUTHORIZED, other Jira failures as JIRA_UNAVAILABLE. Anything else is unexpected: undefined, for the caller to log and answer as internal.
 * Entry points ask this instead of knowing the Jira client's error classes.
 */
export function expectedError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof JiraError) return jiraUnavailable(error);
  return undefined;
}

export function jiraUnavailable(error: JiraError): AppError {
  if (error instanceof JiraAccessRefused) return appNotAuthorized(error);
  if (error instanceof JiraRateLimited && error.quota) {
    const at = error.resetAt !== undefined ? ` at ${new Date(error.resetAt).toISOString().slice(11, 16)} UTC` : '';
    return new AppError(
      'JIRA_UNAVAILABLE',
      `The app has used the points Jira allows it this hour, for all its users; Jira answers again when the hour turns${at} (in ${error.retryAfterSeconds} seconds).`,
    );
  }
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
  if (error instanceof JiraHttpError && error.status >= 400 && error.status < 500)
    return new AppError('JIRA_REFUSED', `Jira refused the request (${error.message}).`);
  return new AppError('JIRA_UNAVAILABLE', 'Jira did not answer properly; try again in a moment.');
}

const SITE_ADMIN_FIX =
  'A Jira site admin must update Structure Sync in Settings › Apps › Manage apps and accept the permissions it asks for.';

/**
 * The platform refused the app, not the user: no retry or other input helps, only a site admin. The
 * message names what the app tried and which scope it needs, so the admin knows what they are accepting.
 */
export function appNotAuthorized(error: JiraAccessRefused): AppError {
  const scopes = error.scopes.join(', ');
  switch (error.reason) {
    case 'scope':
      return new AppError(
        'APP_NOT_AUTHORIZED',
        `Jira refused to let the app ${error.purpose}: this installation lacks the ${scopes} permission (scope). ${SITE_ADMIN_FIX}`,
      );
    case 'consent':
      return new AppError(
        'APP_NOT_AUTHORIZED',
        `Jira would not let the app ${error.purpose} on behalf of the user it runs as: the app needs to be re-consented by a site admin${scopes ? ` for ${scopes} with user impersonation` : ''}. ${SITE_ADMIN_FIX}`,
      );
    case 'platform':
      return new AppError(
        'APP_NOT_AUTHORIZED',
        `The Forge platform refused the app's request to ${error.purpose} (${error.message}). ${SITE_ADMIN_FIX}`,
      );
  }
}
