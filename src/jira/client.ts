// Typed Jira Cloud REST calls over a transport, with retries, rate-limit pauses and cost counting.
// Only the enhanced search (`/rest/api/3/search/jql`) is used: the old `/search` answers 410.
import { NeedsAuthenticationError, ProxyRequestError, type RequestInit, type Route } from '@forge/api';
import type { PoolSighting } from '../domain/points/pool';
import { JiraCostMeter } from './cost';
import { DEFAULT_LANES, Lanes } from './lanes';
import { laterSighting, poolSightingOf } from './pool-headers';
import {
  JiraAccessRefused,
  JiraHttpError,
  JiraJqlInvalid,
  JiraNotFound,
  JiraRateLimited,
  JiraUnavailable,
  jiraMessages,
} from './errors';
import { JIRA_OPERATIONS, operationRoute, type OperationOf, type ParamsOf, type Principal } from './operations';
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

/** One typed Jira call: an operation of the table (operations.ts) and what to send it. */
export type JiraCall<O extends OperationOf<Principal>> = O extends unknown ? JiraCallOf<O> : never;

type JiraCallOf<O extends OperationOf<Principal>> = {
  operation: O;
  query?: URLSearchParams;
  body?: unknown;
  /** How many objects the answer holds, for points; and their point weight. */
  objects: (json: unknown) => number;
  pointsPerObject?: number;
  /** Statuses that mean "not found" for this call (Jira answers 400 for invisible filters). */
  notFound?: number[];
  /** Whether a 400 means "the JQL is invalid". */
  jql?: boolean;
} & ParamsOf<O>;

/**
 * Calls as one principal: `JiraClient` (the default) as the user, `JiraClient<'app'>` as the app; an
 * operation of another principal does not type-check.
 */
export class JiraClient<P extends 'user' | 'app' = 'user'> {
  readonly cost = new JiraCostMeter();
  /** What Jira's answers said of the app's hourly points pool so far (src/app/points-pool.ts stores it). */
  pool: PoolSighting = {};
  /**
   * Told before every wait in place, so the job that is waiting can say so while it waits; an error it
   * throws (the job moved on) ends the call.
   */
  onWait: JiraWaitListener | undefined;
  /** Calls in flight at once (see lanes.ts): callers may start many; the lanes bound them. */
  readonly lanes: Lanes;
  private readonly policy: RetryPolicy;
  /** When this client was created: its retry budget (`budgetMs`) counts from here. */
  private readonly createdAt: number;

  constructor(
    private readonly transport: JiraTransport,
    policy: Partial<RetryPolicy> = {},
    lanes: number = DEFAULT_LANES,
  ) {
    this.policy = defaultRetryPolicy(policy);
    this.lanes = new Lanes(lanes);
    this.createdAt = this.policy.now();
  }

  async searchIds(this: JiraClient, jql: string, nextPageToken?: string, maxResults = IDS_PAGE_SIZE): Promise<IdsPage> {
    const page = await this.searchIssues(jql, ['id'], nextPageToken, maxResults);
    const ids: IdsPage = { ids: page.issues.map((i) => Number(i.id)), nextPageToken: page.nextPageToken };
    if (page.warnings) ids.warnings = page.warnings;
    return ids;
  }

  async searchIssues(
    this: JiraClient,
    jql: string,
    fields: string[],
    nextPageToken?: string,
    maxResults = 100,
  ): Promise<IssuesPage> {
    const body: Record<string, unknown> = { jql, fields, maxResults };
    if (nextPageToken) body.nextPageToken = nextPageToken;
    const json = await this.call<{
      issues?: JiraIssue[];
      nextPageToken?: string;
      isLast?: boolean;
      warnings?: unknown;
    }>({
      operation: JIRA_OPERATIONS.searchJql,
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

  /**
   * How many issues a JQL finds, as Jira estimates it (1 point): a search's progress total. The enhanced
   * search no longer answers `total`, and this count may lag behind recent changes.
   */
  async approximateCount(this: JiraClient, jql: string): Promise<number> {
    const json = await this.call<{ count?: unknown }>({
      operation: JIRA_OPERATIONS.approximateCount,
      body: { jql },
      objects: () => 0,
      jql: true,
    });
    if (typeof json.count !== 'number') throw new JiraUnavailable('Jira answered the count without a number');
    return json.count;
  }

  async bulkFetch(this: JiraClient, idsOrKeys: Array<string | number>, fields: string[]): Promise<JiraIssue[]> {
    if (idsOrKeys.length === 0) return [];
    if (idsOrKeys.length > BULKFETCH_MAX)
      throw new RangeError(`bulkfetch takes at most ${BULKFETCH_MAX} issues, got ${idsOrKeys.length}`);
    const json = await this.call<{ issues?: JiraIssue[] }>({
      operation: JIRA_OPERATIONS.bulkFetchIssues,
      body: { issueIdsOrKeys: idsOrKeys.map(String), fields },
      objects: countIssues,
    });
    return json.issues ?? [];
  }

  async getFilter(this: JiraClient, filterId: string): Promise<SavedFilter> {
    const json = await this.call<{ id: string | number; name?: string; jql?: string }>({
      operation: JIRA_OPERATIONS.getFilter,
      params: { id: filterId },
      objects: () => 1,
      notFound: [400, 404],
    });
    if (typeof json.jql !== 'string') throw new JiraUnavailable(`Jira answered filter ${filterId} without its JQL`);
    return { id: String(json.id), name: json.name ?? '', jql: json.jql };
  }

  async getIssue(this: JiraClient, issueIdOrKey: string, fields: string[] = ['id']): Promise<JiraIssue> {
    const query = new URLSearchParams({ fields: fields.join(',') });
    return this.call<JiraIssue>({
      operation: JIRA_OPERATIONS.getIssue,
      params: { issueIdOrKey },
      query,
      objects: () => 1,
      notFound: [404],
    });
  }

  async myself(this: JiraClient): Promise<Myself> {
    const json = await this.call<{
      accountId: string;
      displayName?: string;
      groups?: { items?: Array<{ name?: string }> };
    }>({
      operation: JIRA_OPERATIONS.myself,
      query: new URLSearchParams({ expand: 'groups' }),
      objects: () => 1,
      pointsPerObject: 2,
    });
    const groups = (json.groups?.items ?? []).map((g) => g.name).filter((n): n is string => typeof n === 'string');
    return { accountId: json.accountId, displayName: json.displayName, groups };
  }

  /** Global permission of the calling user, e.g. ADMINISTER ("Administer Jira"). */
  async hasGlobalPermission(this: JiraClient, permission: string): Promise<boolean> {
    const query = new URLSearchParams({ permissions: permission });
    const json = await this.call<{ permissions?: Record<string, { havePermission?: boolean }> }>({
      operation: JIRA_OPERATIONS.myPermissions,
      query,
      objects: () => 1,
      pointsPerObject: 2,
    });
    return json.permissions?.[permission]?.havePermission === true;
  }

  /** Sends one call with retries, rate-limit pauses and cost counting; typed calls in other files of src/jira use it. */
  async call<T>(call: JiraCall<OperationOf<P>>): Promise<T> {
    const operation: OperationOf<Principal> = call.operation;
    const path = operationRoute(operation, call.params, call.query);
    const where = `${operation.method} ${operation.path}`;
    const init = {
      method: operation.method,
      headers: {
        Accept: 'application/json',
        ...(call.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: call.body !== undefined ? JSON.stringify(call.body) : undefined,
    };
    for (let attempt = 1; ; attempt++) {
      // A lane is held for the request only, never while waiting to retry.
      const { response, text } = await this.lanes.run(async () => {
        const answer = await this.send(operation, path, init);
        return { response: answer, text: await answer.text() };
      });
      this.notePool(response);
      if (response.status === 429 && !isQuotaReason(rateLimitReason(response.headers))) this.lanes.burst();
      else if (response.status < 500) this.lanes.succeeded();
      if (response.status >= 200 && response.status < 300) {
        const json = parseJson(text, where) as T;
        this.cost.record(call.objects(json), call.pointsPerObject);
        return json;
      }
      // Failed calls still cost a call (and Jira charges the base point).
      this.cost.record(0);
      if (response.status === 401 && isScopeMismatch(text))
        throw new JiraAccessRefused(
          'scope',
          operation.purpose,
          operation.scopes,
          `Jira answered 401 for ${where}: ${text}`,
        );
      if (call.notFound?.includes(response.status))
        throw new JiraNotFound(jiraMessages(text).join('; ') || `Not found: ${where}`);
      if (call.jql && response.status === 400) {
        throw new JiraJqlInvalid(jiraMessages(text).join(' ') || 'Jira rejected the JQL query.');
      }
      if (!isRetryableStatus(response.status)) throw new JiraHttpError(response.status, jiraMessages(text), where);
      const decision = decideRetry(response, attempt, this.policy, this.policy.now() - this.createdAt);
      if (decision.kind === 'pause')
        throw new JiraRateLimited(decision.seconds, decision.reason, decision.quota, decision.resetAt);
      if (decision.kind === 'fail') {
        throw new JiraUnavailable(
          `Jira kept failing (HTTP ${response.status}) for ${where} after ${attempt} attempts`,
          response.status,
        );
      }
      await this.onWait?.({ ms: decision.ms, status: response.status, reason: rateLimitReason(response.headers) });
      await this.policy.sleep(decision.ms);
    }
  }

  private notePool(response: { status: number; headers: { get(name: string): string | null } }): void {
    const quota = response.status === 429 && isQuotaReason(rateLimitReason(response.headers));
    this.pool = laterSighting(this.pool, poolSightingOf(response.headers, this.policy.now(), quota));
  }

  /** The transport, with the Forge proxy's refusals (thrown by @forge/api) as JiraAccessRefused. */
  private async send(operation: OperationOf<Principal>, path: Route, init: RequestInit) {
    try {
      return await this.transport(path, init);
    } catch (error) {
      const where = `${operation.method} ${operation.path}`;
      if (error instanceof NeedsAuthenticationError)
        throw new JiraAccessRefused('consent', operation.purpose, operation.scopes, `${error.name} for ${where}`);
      if (error instanceof ProxyRequestError)
        throw new JiraAccessRefused('platform', operation.purpose, operation.scopes, `${error.message} (${where})`);
      throw error;
    }
  }
}

/** One wait in place before a retry: how long, and what Jira answered (429 with its reason, or a 5xx). */
export interface JiraWait {
  ms: number;
  status: number;
  reason?: string;
}

export type JiraWaitListener = (wait: JiraWait) => Promise<void> | void;

function rateLimitReason(headers: { get(name: string): string | null }): string | undefined {
  return headers.get('ratelimit-reason') ?? headers.get('x-ratelimit-reason') ?? undefined;
}

const isQuotaReason = (reason: string | undefined): boolean => reason !== undefined && /quota|cost-based/.test(reason);

/** Jira's (the API gateway's) answer when the app's token lacks a scope the operation needs. */
function isScopeMismatch(body: string): boolean {
  return /scope does not match/i.test(body);
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
