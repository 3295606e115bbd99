// Which of some issues the user can see: Jira decides, by an ids-only JQL search run as the user.
// `id in (...)` in batches of 1000 keeps each query short (~8 KB) and each answer on one page.
import type { JiraClient } from '../jira';

export const VISIBILITY_BATCH = 1000;

export async function visibleIssueIds(jira: JiraClient, issueIds: Iterable<number>, beforeEachBatch?: () => void): Promise<Set<number>> {
  const unique = [...new Set(issueIds)].sort((a, b) => a - b);
  const visible = new Set<number>();
  for (let i = 0; i < unique.length; i += VISIBILITY_BATCH) {
    beforeEachBatch?.();
    for (const id of await visibleInBatch(jira, unique.slice(i, i + VISIBILITY_BATCH))) visible.add(id);
  }
  return visible;
}

export async function visibleInBatch(jira: JiraClient, batch: number[]): Promise<number[]> {
  if (batch.length === 0) return [];
  const out: number[] = [];
  let token: string | undefined;
  do {
    const page = await jira.searchIds(`id in (${batch.join(',')})`, token);
    out.push(...page.ids);
    token = page.nextPageToken;
  } while (token);
  return out;
}
