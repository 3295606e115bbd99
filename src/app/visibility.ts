// Which of some issues the user can see: Jira decides, by an ids-only JQL search run as the user.
// `id in (...)` in batches of 1000 keeps each query short (~8 KB) and each answer on one page.
import { isFolder } from '../domain/forest';
import { BULKFETCH_MAX, JiraJqlInvalid, type JiraClient } from '../jira';

export const VISIBILITY_BATCH = 1000;

export async function visibleIssueIds(
  jira: JiraClient,
  issueIds: Iterable<number>,
  beforeEachBatch?: () => void,
): Promise<Set<number>> {
  const visible = new Set<number>();
  // A folder row is seen by everyone who sees the structure: Jira is never asked about it.
  const unique = [...new Set(issueIds)]
    .filter((id) => (isFolder(id) ? (visible.add(id), false) : true))
    .sort((a, b) => a - b);
  for (let i = 0; i < unique.length; i += VISIBILITY_BATCH) {
    beforeEachBatch?.();
    for (const id of await visibleInBatch(jira, unique.slice(i, i + VISIBILITY_BATCH))) visible.add(id);
  }
  return visible;
}

/**
 * Jira may refuse `id in (...)` outright when some id does not exist or is hidden ("An issue with key
 * '10042' does not exist for field 'id'", as it does for keys). Those ids are invisible by definition:
 * drop the ones Jira names and ask again; if it names none, fall back to bulkfetch, which silently leaves
 * out what the user cannot see (100 ids a call).
 */
export async function visibleInBatch(jira: JiraClient, batch: number[]): Promise<number[]> {
  const folders = batch.filter(isFolder);
  if (folders.length > 0)
    return [
      ...folders,
      ...(await visibleInBatch(
        jira,
        batch.filter((id) => !isFolder(id)),
      )),
    ];
  let ids = batch;
  for (let attempt = 0; attempt < 3 && ids.length > 0; attempt++) {
    try {
      return await searchIdsIn(jira, ids);
    } catch (error) {
      if (!(error instanceof JiraJqlInvalid)) throw error;
      const named = new Set([...error.jiraMessage.matchAll(/'(\d+)'/g)].map((m) => Number(m[1])));
      const rest = ids.filter((id) => !named.has(id));
      if (rest.length === ids.length) break;
      ids = rest;
    }
  }
  if (ids.length === 0) return [];
  const out: number[] = [];
  for (let i = 0; i < ids.length; i += BULKFETCH_MAX) {
    for (const issue of await jira.bulkFetch(ids.slice(i, i + BULKFETCH_MAX), ['id'])) out.push(Number(issue.id));
  }
  return out;
}

async function searchIdsIn(jira: JiraClient, ids: number[]): Promise<number[]> {
  const out: number[] = [];
  let token: string | undefined;
  do {
    const page = await jira.searchIds(`id in (${ids.join(',')})`, token);
    out.push(...page.ids);
    token = page.nextPageToken;
  } while (token);
  return out;
}
