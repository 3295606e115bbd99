// Which issues a JQL (or a text, searched as `text ~`) matches, as the viewer: ids-only pages of Jira's
// search, up to a cap; the structure view keeps the rows of those issues and their ancestors.
import type { AppServices } from './services';

export const MATCH_CAP = 50_000;
const PAGE = 5000;
const LOOKS_LIKE_JQL = /[=~<>!]|\b(AND|OR|NOT|IN|IS|WAS|ORDER BY|EMPTY)\b/i;

/** A query as typed: JQL when it reads as JQL, otherwise a text search. */
export function toJql(query: string): string {
  const q = query.trim();
  return LOOKS_LIKE_JQL.test(q) ? q : `text ~ ${JSON.stringify(q)}`;
}

interface SearchPage<F extends string> {
  issues?: Array<Record<F, string>>;
  nextPageToken?: string;
  isLast?: boolean;
}

/** One page of Jira's search as the viewer; a refusal throws with Jira's own words. */
async function searchPage<F extends string>(
  requestJira: AppServices['requestJira'],
  body: { jql: string; fields: F[]; maxResults: number; nextPageToken?: string },
): Promise<SearchPage<F>> {
  const res = await requestJira('/rest/api/3/search/jql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    const error = (await res.json().catch(() => ({}))) as { errorMessages?: string[] };
    throw new Error(error.errorMessages?.join(' ') || `Jira answered ${res.status}`);
  }
  return (await res.json()) as SearchPage<F>;
}

/** The keys of the first issues a text or JQL finds, as the viewer, for adding them to a structure. */
export async function jqlKeys(requestJira: AppServices['requestJira'], query: string, max = 100): Promise<string[]> {
  const page = await searchPage(requestJira, { jql: toJql(query), fields: ['key'], maxResults: max });
  return (page.issues ?? []).map((i) => i.key);
}

export async function jqlMatches(
  requestJira: AppServices['requestJira'],
  query: string,
): Promise<{ ids: Set<string>; capped: boolean }> {
  const ids = new Set<string>();
  let nextPageToken: string | undefined;
  do {
    const page = await searchPage(requestJira, {
      jql: toJql(query),
      fields: ['id'],
      maxResults: PAGE,
      ...(nextPageToken ? { nextPageToken } : {}),
    });
    for (const issue of page.issues ?? []) ids.add(String(issue.id));
    nextPageToken = page.isLast === true ? undefined : page.nextPageToken;
  } while (nextPageToken && ids.size < MATCH_CAP);
  return { ids, capped: nextPageToken !== undefined };
}
