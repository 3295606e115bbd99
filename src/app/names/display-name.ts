// Job log lines name people by display name, not account id ("as Priya Lead", not "as 5d1f…"). Read once
// per invocation per account (memo), as the invocation's user — who may be the app. An account Jira does
// not know or will not show, or a Jira that does not answer, shows the account id: a log line must never
// make a job fail.
import { getUserDisplayName } from '../../jira/metadata';
import { memo, type Invocation } from '../invocation';

export async function displayNameOf(inv: Invocation, accountId: string): Promise<string> {
  return memo(inv, `display-name:${accountId}`, async () => {
    try {
      return (await getUserDisplayName(inv.jira, accountId)) ?? accountId;
    } catch {
      return accountId;
    }
  });
}
