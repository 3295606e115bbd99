// What people read names a status by its name ("In Progress"), not its id. Jira's list is read once per
// invocation, as the invocation's user; a status Jira does not list, or a list it would not give, shows
// the id: a label must never make a summary, preview or job fail.
import { listStatuses } from '../../jira/metadata';
import { memo, type Invocation } from '../invocation';

export async function statusNames(inv: Invocation): Promise<ReadonlyMap<string, string>> {
  return memo(inv, 'status-names', async () => {
    try {
      return new Map((await listStatuses(inv.jira)).filter((s) => s.name !== '').map((s) => [s.id, s.name]));
    } catch {
      return new Map<string, string>();
    }
  });
}
