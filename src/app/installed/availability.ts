// Whether an installed synchronizer can still run as its run-as user: that user must still have control
// of the structure and Jira must still accept them. Asked as that user (offline impersonation), so a
// deactivated account or a lost permission shows as "not available" with the reason.
import { atLeast } from '../../domain/permissions';
import { JiraAccessRefused, JiraHttpError, JiraNotFound } from '../../jira';
import type { StructureRecord } from '../../storage';
import { levelOf } from '../access';
import { createInvocation, WORKER_RETRY } from '../invocation';
import { appNotAuthorized } from '../jira-errors';

export async function unavailableReason(structure: StructureRecord, runAs: string): Promise<string | undefined> {
  const asRunAs = createInvocation(runAs, { retry: WORKER_RETRY });
  try {
    const level = await levelOf(asRunAs, structure);
    if (!atLeast(level, 'control'))
      return `The run-as user (${runAs}) no longer has control of structure "${structure.name}"; someone with control can reinstall it as themselves.`;
    return undefined;
  } catch (error) {
    if (error instanceof JiraHttpError && (error.status === 401 || error.status === 403)) {
      return `Jira refuses to act as the run-as user (${runAs}): HTTP ${error.status}. Their account may be deactivated or have lost access.`;
    }
    if (error instanceof JiraNotFound) return `Jira does not know the run-as user (${runAs}).`;
    // The platform, not the user, refuses (no scope or consent to act as them offline): only an admin helps.
    if (error instanceof JiraAccessRefused) return appNotAuthorized(error).message;
    throw error;
  }
}
