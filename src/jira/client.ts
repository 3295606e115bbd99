// Typed Jira Cloud REST calls over a transport, with retries, rate-limit pauses and cost counting.
// Only the enhanced search (`/rest/api/3/search/jql`) is used: the old `/search` answers 410.
import { route, type Route } from '@forge/api';
import { JiraCostMeter } from './cost';
import { JiraHttpError, JiraJqlInvalid, JiraNotFound, JiraRateLimited, JiraUnavailable, jiraMessages } from './errors';
import { decideRetry, defaultRetryPolicy, isRetryableStatus, type RetryPolicy } from './retry-policy';
import type { JiraTransport } from './transport';

/** Jira's maximum page when only ids are requested. */
export const IDS_PAGE_SIZE = 5000;
/** Jira's maximum for bulkfetch. */
export const BULKFETCH_MAX = 100;

export interface IdsPage {
  ids: number[];
  nextPageToken?: string;
  /** What Jira said about the query while answering it (see searchWarnings); absent when nothing. */
  warnings?: string[];
}

export interface JiraIssue {
  id: string;
  key: string;
  fields?: Record<string, unknown>;
}

export interface IssuesPage {
  issues: JiraIssue[];
  nextPageToken?: string;
  warnings?: string[];
}

/**
 * The messages of search/jql's `warnings` (experimental in Jira, e.g. CLAUSE_LIMIT_EXCEEDED when a
 * clause was cut short): the search succeeded, but the user should know what Jira left out.
 */
export function searchWarnings(json: { warnings?: unknown }): string[] | undefined {
  if (!Array.isArray(json.warnings)) return undefined;
  const messages = json.warnings
    .map((w: { message?: unknown; type?: unknown } | null) =>
      typeof w?.message === 'string' ? w.message : typeof w?.type === 'string' ? w.type : undefined,
    )
    .filter((m): m is string => m !== undefined && m !== '');
  return messages.length > 0 ? messages : undefined;
}

export interface SavedFilter {
  id: string;
  name: string;
  jql: string;
}

export interface Myself {
  accountId: string;
  displayName?: string;
  groups: string[];
}

/** One typed Jira call: what other files of src/jira describe to `JiraClient.call`. */
export interface JiraCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: Route;
  body?: unknown;
  /** How many objects the answer holds, for points; and their point weight. */
  objects: (json: unknown) => number;
  pointsPerObject?: number;
  /** Statuses that mean "not found" for this call (Jira answers 400 for invisible filters). */
  notFound?: number[];
  /** Whether a 400 means "the JQL is invalid". */
  jql?: boolean;
}

export class JiraClient {
  readonly cost = new JiraCostMeter();
  private readonly policy: RetryPolicy;

  constructor(
    private readonly transport: JiraTransport,
    policy: Partial<RetryPolicy> = {},
  ) {
    this.policy = defaultRetryPolicy(policy);
  }

  async searchIds(jql: string, nextPageToken?: string, maxResults = IDS_PAGE_SIZE): Promise<IdsPage> {
    const page = await this.searchIssues(jql, ['id'], nextPageToken, maxResults);
    const ids: IdsPage = { ids: page.issues.map((i) => Number(i.id)), nextPageToken: page.nextPageToken };
    if (page.warnings) ids.warnings = page.warnings;
    return ids;
  }

  async searchIssues(jql: string, fields: string[], nextPageToken?: string, maxResults = 100): Promise<IssuesPage> {
    const body: Record<string, unknown> = { jql, fields, maxResults };
    if (nextPageToken) body.nextPageToken = nextPageToken;
    const json = await this.call<{
      issues?: JiraIssue[];
      nextPageToken?: string;
      isLast?: boolean;
      warnings?: unknown;
    }>({
      method: 'POST',
      path: route`/rest/api/3/search/jql`,
      body,
      objects: countIssues,
      jql: true,
    });
    const issues = json.issues ?? [];
    // The token is absent on the last page; `isLast` says the same thing and wins if both are present.
    const next = json.isLast === true ? undefined : json.nextPageToken || undefined;
    const page: IssuesPage = { issues, nextPageToken: next };
    const warnings = searchWarnings(json);
    if (warnings) page.warnings = warnings;
    return page;
  }

  async bulkFetch(idsOrKeys: Array<string | number>, fields: string[]): Promise<JiraIssue[]> {
    if (idsOrKeys.length === 0) return [];
    if (idsOrKeys.length > BULKFETCH_MAX)
      throw new RangeError(`bulkfetch takes at most ${BULKFETCH_MAX} issues, got ${idsOrKeys.length}`);
    const json = await this.call<{ issues?: JiraIssue[] }>({
      method: 'POST',
      path: route`/rest/api/3/issue/bulkfetch`,
      body: { issueIdsOrKeys: idsOrKeys.map(String), fields },
      objects: countIssues,
    });
    return json.issues ?? [];
  }

  async getFilter(filterId: string): Promise<SavedFilter> {
    const json = await this.call<{ id: string | number; name?: string; jql?: string }>({
      method: 'GET',
      path: route`/rest/api/3/filter/${filterId}`,
      objects: () => 1,
      notFound: [400, 404],
    });
    if (typeof json.jql !== 'string') throw new JiraUnavailable(`Jira answered filter ${filterId} without its JQL`);
    return { id: String(json.id), name: json.name ?? '', jql: json.jql };
  }

  async getIssue(issueIdOrKey: string, fields: string[] = ['id']): Promise<JiraIssue> {
    const query = new URLSearchParams({ fields: fields.join(',') });
    return this.call<JiraIssue>({
      method: 'GET',
      path: route`/rest/api/3/issue/${issueIdOrKey}?${query}`,
      objects: () => 1,
      notFound: [404],
    });
  }

  async myself(): Promise<Myself> {
    const json = await this.call<{
      accountId: string;
      displayName?: string;
      groups?: { items?: Array<{ name?: string }> };
    }>({
      method: 'GET',
      path: route`/rest/api/3/myself?expand=groups`,
      objects: () => 1,
      pointsPerObject: 2,
    });
    const groups = (json.groups?.items ?? []).map((g) => g.name).filter((n): n is string => typeof n === 'string');
    return { accountId: json.accountId, displayName: json.displayName, groups };
  }

  /** Global permission of the calling user, e.g. ADMINISTER ("Administer Jira"). */
  async hasGlobalPermission(permission: string): Promise<boolean> {
    const query = new URLSearchParams({ permissions: permission });
    const json = await this.call<{ permissions?: Record<string, { havePermission?: boolean }> }>({
      method: 'GET',
      path: route`/rest/api/3/mypermissions?${query}`,
      objects: () => 1,
      pointsPerObject: 2,
    });
    return json.permissions?.[permission]?.havePermission === true;
  }

  /** Sends one call with retries, rate-limit pauses and cost counting; typed calls in other files of src/jira use it. */
  async call<T>(call: JiraCall): Promise<T> {
    const init = {
      method: call.method,
      headers: {
        Accept: 'application/json',
        ...(call.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: call.body !== undefined ? JSON.stringify(call.body) : undefined,
    };
    for (let attempt = 1; ; attempt++) {
      const response = await this.transport(call.path, init);
      const text = await response.text();
      if (response.status >= 200 && response.status < 300) {
        const json = parseJson(text, call.path.value) as T;
        this.cost.record(call.objects(json), call.pointsPerObject);
        return json;
      }
      // Failed calls still cost a call (and Jira charges the base point).
      this.cost.record(0);
      if (call.notFound?.includes(response.status))
        throw new JiraNotFound(jiraMessages(text).join('; ') || `Not found: ${call.path.value}`);
      if (call.jql && response.status === 400) {
        throw new JiraJqlInvalid(jiraMessages(text).join(' ') || 'Jira rejected the JQL query.');
      }
      if (!isRetryableStatus(response.status))
        throw new JiraHttpError(response.status, jiraMessages(text), call.path.value);
      const decision = decideRetry(response, attempt, this.policy);
      if (decision.kind === 'pause') throw new JiraRateLimited(decision.seconds, decision.reason);
      if (decision.kind === 'fail') {
        throw new JiraUnavailable(
          `Jira kept failing (HTTP ${response.status}) for ${call.path.value} after ${attempt} attempts`,
          response.status,
        );
      }
      await this.policy.sleep(decision.ms);
    }
  }
}

function countIssues(json: unknown): number {
  const issues = (json as { issues?: unknown[] }).issues;
  return Array.isArray(issues) ? issues.length : 0;
}

function parseJson(text: string, path: string): unknown {
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new JiraUnavailable(`Jira answered something that is not JSON for ${path}`);
  }
}
