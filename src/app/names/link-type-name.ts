// What people read names a link type by its name ("Blocks"), not its id. Jira's list of link types is
// read once per invocation, as the invocation's user (memo, like other viewer facts). An id Jira does
// not list — the type was deleted, or is hidden from this user — or a list Jira would not give shows
// the id: a label must never make a summary, preview or job fail.
import { listIssueLinkTypes } from '../../jira/metadata';
import { memo, type Invocation } from '../invocation';

async function linkTypeNames(inv: Invocation): Promise<ReadonlyMap<string, string>> {
  return memo(inv, 'link-type-names', async () => {
    try {
      const types = await listIssueLinkTypes(inv.jira);
      return new Map(types.filter((t) => t.name !== '').map((t) => [t.id, t.name]));
    } catch {
      return new Map<string, string>();
    }
  });
}

/** The link type's name, or undefined when Jira does not know it (callers show the id then). */
export async function linkTypeNameOf(inv: Invocation, linkTypeId: string): Promise<string | undefined> {
  return (await linkTypeNames(inv)).get(linkTypeId);
}
