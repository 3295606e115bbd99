// Errors are values users can act on: a stable code the UI can branch on, and a message a person can read.

export const ERROR_CODES = [
  'INVALID_PAYLOAD', // a payload failed its schema; `field` names the first bad field
  'INVALID_PARAMS', // synchronizer parameters failed their schema; `field` names the parameter
  'PAYLOAD_TOO_LARGE',
  'STRUCTURE_NOT_FOUND',
  'JOB_NOT_FOUND',
  'UNKNOWN_SYNCHRONIZER',
  'PERMISSION_LEVEL', // the caller's level on the structure is too low; `needed` says which level
  'NOT_JIRA_ADMIN',
  'SYNCHRONIZERS_DISABLED',
  'JQL_INVALID', // Jira's own message in `message`
  'FILTER_NOT_FOUND', // unknown saved filter, or not visible to the caller
  'PARENT_ISSUE_NOT_FOUND', // "under an issue" key unknown or not visible
  'LINK_TYPE_NOT_FOUND', // Links import: no issue link type with that id
  'BOARD_NOT_FOUND', // Agile import: unknown board, or its filter is not visible to the caller
  'PROJECT_NOT_FOUND', // a project key that does not exist or the caller cannot browse
  'FIELD_NOT_FOUND', // Agile import: the rank field id is not a field of this site
  'JOB_NOT_CANCELLABLE',
  'UNDO_NOT_POSSIBLE', // an import or edit that can no longer be undone; the message says why
  'RESTORE_NOT_POSSIBLE', // restoring an earlier version would touch rows the caller cannot see
  'CONFLICT', // the structure changed concurrently; retry
  'JIRA_UNAVAILABLE', // Jira kept failing (5xx) or rate-limited past our patience; trying again later helps
  'JIRA_REFUSED', // Jira answered a 4xx that is neither the user's parameters nor a missing scope; the message has Jira's words
  'APP_NOT_AUTHORIZED', // the app's installation lacks a scope or consent; a site admin must update or re-consent it
  'SYNCHRONIZER_NOT_FOUND', // no installed synchronizer with that id on that structure
  'DIRECTION_NOT_SUPPORTED', // the synchronizer does not run in the asked direction; `field` is "direction"
  'SYNCHRONIZER_NOT_AVAILABLE', // its run-as user lost access; the message says why
  'NOT_RUN_AS_USER', // only an installed synchronizer's run-as user may change its parameters or enable it
  'EXPORT_PERMISSIONS', // the export preflight found missing Jira permissions; the message lists what and where
  'REVERT_NOT_POSSIBLE', // not a finished export, or already reverted, or past the revert window
  'CHANGE_LOG_EXPIRED', // an export's change log is kept only as long as a revert is offered
  'JOB_RUNNING', // a job in the same direction is running on the structure; the message says whose and since when
  'JOB_STALLED', // a job stopped making progress and the watchdog ended it; the message says when
  'INVALID_EDIT', // a structure edit that cannot be made (unknown row, hidden row, a move under itself); `field` names the action
  'VERSION_NOT_STORED', // an earlier forest version that can no longer be rebuilt; the message says which can
  'ISSUE_NOT_FOUND', // an issue key that does not exist or the caller cannot see
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorDto {
  code: ErrorCode;
  message: string;
  /** Dotted path of the offending payload field or synchronizer parameter, e.g. "params.source.jql". */
  field?: string;
  /** For PERMISSION_LEVEL: the level the operation needs. */
  needed?: string;
}

/** Every resolver answers this envelope, so the UI never has to parse a thrown error. */
export type ResolverAnswer<T> = { ok: true; data: T } | { ok: false; error: AppErrorDto };
