// Enhanced JQL search (search/jql), approximate count, and the removed /search (410).
import type { RequestContext, Route } from '../context';
import { badRequest, isObject, json, JiraHttpError, listParam, type Reply } from '../http';
import { runJql, type SearchWarning } from '../jql';
import { decodeToken, encodeToken, hashText } from '../search-cache';
import { isIdsOnly } from '../serializers';
import type { StoredIssue } from '../store';

/** Jira returns at most 5000 issues a page when only ids/keys are requested. */
export const MAX_IDS_PAGE = 5000;
/** The emulator's cap with any other field (Jira's is unpublished and depends on the fields). */
export const MAX_FIELDS_PAGE = 100;
const DEFAULT_PAGE = 50;
const MAX_RECONCILE = 50;

interface SearchRequest {
  jql: string;
  nextPageToken?: string;
  maxResults?: number;
  fields?: string[];
  reconcileIssues?: number[];
  /** Comma-separated; `names` and `schema` are honoured, the rest are accepted and ignored. */
  expand?: string;
}

function fromQuery(q: URLSearchParams): SearchRequest {
  const max = q.get('maxResults');
  return {
    jql: q.get('jql') ?? '',
    nextPageToken: q.get('nextPageToken') ?? undefined,
    maxResults: max === null || max === '' ? undefined : Number(max),
    fields: listParam(q, 'fields'),
    reconcileIssues: listParam(q, 'reconcileIssues')?.map(Number),
    expand: q.get('expand') ?? undefined,
  };
}

function fromBody(body: unknown): SearchRequest {
  if (body !== undefined && !isObject(body)) throw badRequest('The request body must be a JSON object.');
  const b = body ?? {};
  const stringList = (v: unknown, name: string): string[] | undefined => {
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
      throw badRequest(`'${name}' must be an array of strings.`);
    return (v as string[])
      .flatMap((x) => x.split(','))
      .map((x) => x.trim())
      .filter((x) => x !== '');
  };
  if (b.jql !== undefined && b.jql !== null && typeof b.jql !== 'string') throw badRequest("'jql' must be a string.");
  if (b.maxResults !== undefined && typeof b.maxResults !== 'number')
    throw badRequest("'maxResults' must be a number.");
  if (
    b.reconcileIssues !== undefined &&
    (!Array.isArray(b.reconcileIssues) || b.reconcileIssues.some((x) => typeof x !== 'number'))
  ) {
    throw badRequest("'reconcileIssues' must be an array of issue ids (numbers).");
  }
  return {
    jql: (b.jql as string | null | undefined) ?? '',
    nextPageToken: typeof b.nextPageToken === 'string' ? b.nextPageToken : undefined,
    maxResults: b.maxResults as number | undefined,
    fields: stringList(b.fields, 'fields'),
    reconcileIssues: b.reconcileIssues as number[] | undefined,
    expand: typeof b.expand === 'string' ? b.expand : undefined,
  };
}

interface SearchResult {
  issues: StoredIssue[];
  warnings: SearchWarning[];
}

/** Runs a query for the caller through the per-(caller, data version, JQL) result cache. */
export function cachedSearch(
  ctx: RequestContext,
  jql: string,
  version: number,
  reconcile: number[] = [],
): SearchResult {
  const { core, viewer } = ctx;
  const key = `search\n${viewer.accountId}\n${version}\n${reconcile.join(',')}\n${jql}`;
  return core.searchCache.get(key, (): SearchResult => {
    const warnings: SearchWarning[] = [];
    const issues = runJql(jql, {
      store: core.store,
      viewer,
      now: core.now(),
      requireBounded: true,
      reconcile: new Set(reconcile.map(String)),
      warnings,
    });
    return { issues, warnings };
  });
}

function search(ctx: RequestContext, r: SearchRequest): Reply {
  const { store } = ctx.core;
  if (r.reconcileIssues && r.reconcileIssues.length > MAX_RECONCILE) {
    throw badRequest(`The number of issues to reconcile cannot exceed ${MAX_RECONCILE}.`);
  }
  if (r.maxResults !== undefined && (!Number.isInteger(r.maxResults) || r.maxResults < 0)) {
    throw badRequest("The value of 'maxResults' must be a positive integer.");
  }
  const idsOnly = isIdsOnly(r.fields);
  const cap = idsOnly ? MAX_IDS_PAGE : MAX_FIELDS_PAGE;
  const pageSize = Math.max(1, Math.min(r.maxResults ?? DEFAULT_PAGE, cap));
  const hash = hashText(`${ctx.viewer.accountId}\n${r.jql}`);

  let version = store.changeCounter;
  let offset = 0;
  if (r.nextPageToken !== undefined && r.nextPageToken !== '') {
    const token = decodeToken(r.nextPageToken);
    if (!token || token.hash !== hash) throw badRequest('The provided next page token is invalid or expired.');
    version = token.version;
    offset = token.offset;
  }
  // A token from an older data version pages through the snapshot it was cut from, if still cached;
  // otherwise the query is re-run on current data (as an expired snapshot would be).
  const { issues: results, warnings } = cachedSearch(ctx, r.jql, version, r.reconcileIssues);
  const page = results.slice(offset, offset + pageSize);
  const wanted = ctx.ser.resolveFields(r.fields, ['id']);
  const withKey = r.fields?.includes('key') ?? false;
  const issues = page.map((i) => ctx.ser.issue(i, wanted, ctx.viewer, idsOnly, withKey));
  const next = offset + page.length;
  const isLast = next >= results.length;
  const body: Record<string, unknown> = { issues };
  if (!isLast) body.nextPageToken = encodeToken({ version, offset: next, hash });
  body.isLast = isLast;
  // Jira's experimental `warnings` (jira.js 6.2 SearchAndReconcileResults): only when there is one.
  if (warnings.length > 0) body.warnings = warnings;
  Object.assign(body, ctx.ser.expansions(r.expand?.split(','), wanted));
  return json(body, 200, page.length);
}

const REMOVED =
  'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';

const removed = (): Reply => {
  throw new JiraHttpError(410, [REMOVED]);
};

export const searchRoutes: Route[] = [
  { method: 'GET', path: '/rest/api/3/search/jql', handle: (ctx) => search(ctx, fromQuery(ctx.query)) },
  { method: 'POST', path: '/rest/api/3/search/jql', handle: async (ctx) => search(ctx, fromBody(await ctx.body())) },
  {
    method: 'POST',
    path: '/rest/api/3/search/approximate-count',
    handle: async (ctx) => {
      const body = await ctx.body();
      const jql = isObject(body) && typeof body.jql === 'string' ? body.jql : '';
      const { core, viewer } = ctx;
      const count = runJql(jql, { store: core.store, viewer, now: core.now(), requireBounded: true }).length;
      return json({ count });
    },
  },
  ...(['2', '3', 'latest'] as const).flatMap((v): Route[] => [
    { method: 'GET', path: `/rest/api/${v}/search`, anonymous: true, handle: removed },
    { method: 'POST', path: `/rest/api/${v}/search`, anonymous: true, handle: removed },
  ]),
];
