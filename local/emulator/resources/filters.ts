// Saved filters: GET filter/{id}, filter/favourite, filter/search. Missing and invisible filters
// are both 400 (not 404), as in Jira.
import type { DatasetFilter } from '../../dataset/types';
import type { RequestContext, Route } from '../context';
import { badRequest, intParam, json, listParam } from '../http';

const FILTER_EXPANDS = new Set([
  'description',
  'favourite',
  'favouritedCount',
  'jql',
  'owner',
  'searchUrl',
  'sharePermissions',
  'editPermissions',
  'isWritable',
  'approximateLastUsed',
  'subscriptions',
  'viewUrl',
  'sharedUsers',
]);

function sharePermissions(ctx: RequestContext, f: DatasetFilter): Record<string, unknown>[] {
  return f.sharePermissions.map((s, n) => {
    const base: Record<string, unknown> = { id: 10000 + n, type: s.type === 'loggedin' ? 'loggedin' : s.type };
    if (s.type === 'project' && s.project !== undefined) {
      const p = ctx.core.store.projectByIdOrKey(s.project);
      if (p) base.project = ctx.ser.project(p);
    }
    if (s.type === 'group' && s.group !== undefined)
      base.group = {
        name: s.group,
        groupId: s.group,
        self: `${ctx.ser.baseUrl}/rest/api/3/group?groupname=${encodeURIComponent(s.group)}`,
      };
    if (s.type === 'user' && s.user !== undefined) {
      const u = ctx.core.store.users.get(s.user);
      if (u)
        base.user = {
          accountId: u.accountId,
          displayName: u.displayName,
          active: u.active ?? true,
          self: ctx.ser.user(u).self,
        };
    }
    return base;
  });
}

function ownerOf(ctx: RequestContext, f: DatasetFilter): Record<string, unknown> {
  const u = ctx.core.store.users.get(f.owner);
  if (!u) return { accountId: f.owner, active: false, displayName: 'Former user', accountType: 'atlassian' };
  const { self, accountId, avatarUrls, displayName, active, accountType } = ctx.ser.user(u) as Record<string, unknown>;
  return { self, accountId, avatarUrls, displayName, active, accountType };
}

function fullFilter(ctx: RequestContext, f: DatasetFilter): Record<string, unknown> {
  const base = ctx.ser.baseUrl;
  const favouritedBy = f.favouritedBy ?? [];
  const out: Record<string, unknown> = {
    self: `${base}/rest/api/3/filter/${f.id}`,
    id: f.id,
    name: f.name,
    owner: ownerOf(ctx, f),
    jql: f.jql,
    viewUrl: `${base}/issues/?filter=${f.id}`,
    searchUrl: `${base}/rest/api/3/search/jql?jql=${encodeURIComponent(f.jql)}`,
    favourite: favouritedBy.includes(ctx.viewer.accountId),
    favouritedCount: favouritedBy.length,
    sharePermissions: sharePermissions(ctx, f),
    editPermissions: [],
    subscriptions: { size: 0, items: [], 'max-results': 0, 'start-index': 0, 'end-index': 0 },
  };
  if (f.description !== undefined) out.description = f.description;
  return out;
}

function getFilter(ctx: RequestContext): ReturnType<Route['handle']> {
  const f = ctx.core.store.filters.get(ctx.params.id);
  if (!f || !ctx.viewer.canSeeFilter(f)) {
    throw badRequest(
      `The selected filter is not available to you, perhaps it has been deleted or had its permissions changed.`,
    );
  }
  return json(fullFilter(ctx, f), 200, 1);
}

function favourites(ctx: RequestContext): ReturnType<Route['handle']> {
  const list = [...ctx.core.store.filters.values()].filter(
    (f) => (f.favouritedBy ?? []).includes(ctx.viewer.accountId) && ctx.viewer.canSeeFilter(f),
  );
  return json(
    list.map((f) => fullFilter(ctx, f)),
    200,
    list.length,
  );
}

const ORDER_KEYS: Record<string, (f: DatasetFilter, ctx: RequestContext) => string | number> = {
  name: (f) => f.name.toLowerCase(),
  id: (f) => Number(f.id),
  description: (f) => (f.description ?? '').toLowerCase(),
  owner: (f, ctx) => (ctx.core.store.users.get(f.owner)?.displayName ?? f.owner).toLowerCase(),
  favourite_count: (f) => (f.favouritedBy ?? []).length,
  is_favourite: (f, ctx) => ((f.favouritedBy ?? []).includes(ctx.viewer.accountId) ? 1 : 0),
  is_shared: (f) => (f.sharePermissions.length > 0 ? 1 : 0),
};

function searchFilters(ctx: RequestContext): ReturnType<Route['handle']> {
  const q = ctx.query;
  const expand = new Set(listParam(q, 'expand') ?? []);
  for (const e of expand) if (!FILTER_EXPANDS.has(e)) throw badRequest(`The expand value '${e}' is not valid.`);
  const orderRaw = q.get('orderBy') ?? 'name';
  const m = /^([+-]?)(\w+)$/.exec(orderRaw);
  const orderKey = m ? ORDER_KEYS[m[2]] : undefined;
  if (!m || !orderKey) throw badRequest(`'${orderRaw}' is not a valid value for the orderBy parameter.`);
  const ids = listParam(q, 'id');
  if (ids && ids.length > 200) throw badRequest('You can search for up to 200 filter IDs.');
  const name = q.get('filterName')?.toLowerCase();
  const substring = (q.get('isSubstringMatch') ?? 'false').toLowerCase() === 'true';
  const accountId = q.get('accountId');
  const projectId = q.get('projectId');
  const startAt = Math.max(0, intParam(q, 'startAt', 0));
  const maxResults = Math.max(1, Math.min(intParam(q, 'maxResults', 50), 100));

  let list = [...ctx.core.store.filters.values()].filter((f) => ctx.viewer.canSeeFilter(f));
  if (name) {
    // Without isSubstringMatch Jira matches the start of words in the name.
    list = list.filter((f) => {
      const n = f.name.toLowerCase();
      return substring ? n.includes(name) : n.split(/\s+/).some((w) => w.startsWith(name)) || n.startsWith(name);
    });
  }
  if (accountId) list = list.filter((f) => f.owner === accountId);
  if (ids) list = list.filter((f) => ids.includes(f.id));
  if (projectId)
    list = list.filter((f) =>
      f.sharePermissions.some(
        (s) => s.type === 'project' && ctx.core.store.projectByIdOrKey(s.project ?? '')?.id === projectId,
      ),
    );
  const dir = m[1] === '-' ? -1 : 1;
  list.sort((a, b) => {
    const x = orderKey(a, ctx);
    const y = orderKey(b, ctx);
    return (x < y ? -1 : x > y ? 1 : Number(a.id) - Number(b.id)) * dir;
  });
  const page = list.slice(startAt, startAt + maxResults);
  const values = page.map((f) => {
    const full = fullFilter(ctx, f);
    // Only id, name and self unless expanded: the jql in particular needs expand=jql.
    const out: Record<string, unknown> = {
      expand: [...FILTER_EXPANDS].join(','),
      self: full.self,
      id: full.id,
      name: full.name,
    };
    for (const e of expand) if (e in full) out[e] = full[e];
    // FilterDetails lists subscriptions as a plain array (Filter wraps them in a paged list).
    if (expand.has('subscriptions')) out.subscriptions = [];
    return out;
  });
  const isLast = startAt + page.length >= list.length;
  const body: Record<string, unknown> = {
    self: `${ctx.ser.baseUrl}/rest/api/3/filter/search?startAt=${startAt}&maxResults=${maxResults}`,
    maxResults,
    startAt,
    total: list.length,
    isLast,
    values,
  };
  if (!isLast)
    body.nextPage = `${ctx.ser.baseUrl}/rest/api/3/filter/search?startAt=${startAt + maxResults}&maxResults=${maxResults}`;
  return json(body, 200, page.length);
}

export const filterRoutes: Route[] = [
  { method: 'GET', path: '/rest/api/3/filter/favourite', handle: favourites },
  { method: 'GET', path: '/rest/api/3/filter/search', handle: searchFilters },
  { method: 'GET', path: '/rest/api/3/filter/{id}', handle: getFilter },
];
