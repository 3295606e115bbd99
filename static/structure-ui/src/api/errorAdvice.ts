import type { AppErrorDto } from '../../../../src/contract';

/** What the person on screen can do about an error: every error shown says this, not only what failed. */
export function errorAdvice(error: AppErrorDto): string {
  switch (error.code) {
    case 'PERMISSION_LEVEL':
      return `You need ${error.needed ? `the ${error.needed} level` : 'a higher level'} on this structure. Ask the structure's owner or someone with control to grant it.`;
    case 'NOT_JIRA_ADMIN':
      return 'Only Jira admins can do this. Ask a Jira admin.';
    case 'SYNCHRONIZERS_DISABLED':
      return 'Synchronizers are hidden by default. A Jira admin can turn them on in the Structure Sync administration page, under "Advanced configuration and dark features".';
    case 'STRUCTURE_NOT_FOUND':
      return 'The structure may have been deleted, or you have no access to it. Go back to Manage structures.';
    case 'JOB_NOT_FOUND':
      return "The job may have expired. Open the structure's job history to find recent jobs.";
    case 'JQL_INVALID':
      return 'Correct the JQL query and try again.';
    case 'FILTER_NOT_FOUND':
      return 'Pick another saved filter, or ask its owner to share it with you.';
    case 'PARENT_ISSUE_NOT_FOUND':
      return 'Check the issue key: the issue must exist and be visible to you.';
    case 'INVALID_PAYLOAD':
    case 'INVALID_PARAMS':
      return 'Correct the highlighted field and try again.';
    case 'PAYLOAD_TOO_LARGE':
      return 'Send less at once: shorten the text or split the change.';
    case 'UNKNOWN_SYNCHRONIZER':
      return 'The synchronizer is not installed any more. Choose another one.';
    case 'JOB_NOT_CANCELLABLE':
      return 'The job has already ended; reload to see its result.';
    case 'UNDO_NOT_POSSIBLE':
      return 'The structure has changed since, so this can no longer be undone; the message says what changed.';
    case 'RESTORE_NOT_POSSIBLE':
      return 'Someone who can see every issue the restore touches can restore this version.';
    case 'CONFLICT':
      return 'The structure changed while you were working. Reload and try again.';
    case 'APP_NOT_AUTHORIZED':
      return 'Ask a Jira site admin to update Structure Sync in Settings › Apps › Manage apps and accept the permissions it asks for; then run this again.';
    case 'JIRA_UNAVAILABLE':
      return 'Jira is not answering right now. Wait a minute and try again.';
    case 'JIRA_REFUSED':
      return 'Jira refused what the app asked for; its answer is above. If it keeps happening, tell your Jira admin.';
    case 'INTERNAL':
    default:
      return 'Try again. If it keeps happening, tell your Jira admin when it happened and what you were doing.';
  }
}
