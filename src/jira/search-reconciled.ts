// Enhanced search with `reconcileIssues`: Jira's search index may lag behind writes, and an issue the
// caller just changed can come back stale or be missing. Listing such issues (at most 50, Jira's
// limit) makes the search reflect their current state. Without any, this is the plain search.
import { IDS_PAGE_SIZE, searchWarnings, type IssuesPage, type JiraClient, type JiraIssue } from './client';
import { JIRA_OPERATIONS } from './operations';

export const RECONCILE_MAX = 50;

export async function searchIssuesReconciled(
  jira: JiraClient,
  jql: string,
  fields: string[],
  nextPageToken: string | undefined,
  maxResults: number,
  reconcileIssues: readonly number[] | undefined,
): Promise<IssuesPage> {
  if (!reconcileIssues || reconcileIssues.length === 0)
    return jira.searchIssues(jql, fields, nextPageToken, maxResults);
  const body: Record<string, unknown> = {
    jql,
    fields,
    maxResults,
    reconcileIssues: reconcileIssues.slice(0, RECONCILE_MAX),
  };
  if (nextPageToken) body.nextPageToken = nextPageToken;
  const json = await jira.call<{ issues?: JiraIssue[]; nextPageToken?: string; isLast?: boolean; warnings?: unknown }>({
    operation: JIRA_OPERATIONS.searchJql,
    body,
    objects: (j) => (j as { issues?: unknown[] }).issues?.length ?? 0,
    jql: true,
  });
  const page: IssuesPage = {
    issues: json.issues ?? [],
    nextPageToken: json.isLast === true ? undefined : json.nextPageToken || undefined,
  };
  const warnings = searchWarnings(json);
  if (warnings) page.warnings = warnings;
  return page;
}

/** Ids only (up to 5000 a page), reconciled. */
export async function searchIdsReconciled(
  jira: JiraClient,
  jql: string,
  nextPageToken: string | undefined,
  reconcileIssues: readonly number[] | undefined,
) {
  const page = await searchIssuesReconciled(jira, jql, ['id'], nextPageToken, IDS_PAGE_SIZE, reconcileIssues);
  return { ids: page.issues.map((i) => Number(i.id)), nextPageToken: page.nextPageToken, warnings: page.warnings };
}
