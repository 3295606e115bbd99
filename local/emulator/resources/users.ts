// Users: one by account id, many by account ids (paged), search and picker by name or email prefix.
// Every active user holds "Browse users and groups" (Jira's default for product users), as does the app.
import type { DatasetUser } from '../../dataset/types';
import type { RequestContext, Route } from '../context';
import { badRequest, intParam, json, listParam, notFound } from '../http';
import { emailVisible, userForViewer } from '../user-privacy';

const USER_NOT_FOUND = 'Specified user does not exist or you do not have required permissions';
/** The user search endpoints stop at the thousandth match. */
const SEARCH_LIMIT = 1000;

function getUser(ctx: RequestContext): ReturnType<Route['handle']> {
  const accountId = ctx.query.get('accountId');
  if (!accountId) throw notFound(USER_NOT_FOUND);
  const user = ctx.core.store.users.get(accountId);
  if (!user) throw notFound(USER_NOT_FOUND);
  return json(userForViewer(ctx.ser, ctx.viewer, user), 200, 2);
}

function bulkUsers(ctx: RequestContext): ReturnType<Route['handle']> {
  const ids = listParam(ctx.query, 'accountId');
  if (!ids || ids.length === 0) throw badRequest('You must specify at least one accountId.');
  const startAt = Math.max(0, intParam(ctx.query, 'startAt', 0));
  const maxResults = Math.max(1, intParam(ctx.query, 'maxResults', 10));
  // Unknown account ids are left out, in the order asked, each once.
  const found = [...new Set(ids)]
    .map((id) => ctx.core.store.users.get(id))
    .filter((u): u is DatasetUser => u !== undefined);
  const page = found.slice(startAt, startAt + maxResults);
  const base = `${ctx.ser.baseUrl}/rest/api/3/user/bulk?${ids.map((id) => `accountId=${encodeURIComponent(id)}`).join('&')}`;
  const isLast = startAt + page.length >= found.length;
  const body: Record<string, unknown> = {
    self: `${base}&startAt=${startAt}&maxResults=${maxResults}`,
    maxResults,
    startAt,
    total: found.length,
    isLast,
    values: page.map((u) => userForViewer(ctx.ser, ctx.viewer, u)),
  };
  if (!isLast) body.nextPage = `${base}&startAt=${startAt + maxResults}&maxResults=${maxResults}`;
  return json(body, 200, 2 * page.length);
}

/** Prefix of the display name, of any word in it, or of the email when the caller may see it. */
function matchesQuery(ctx: RequestContext, user: DatasetUser, query: string): boolean {
  const q = query.toLowerCase();
  const name = user.displayName.toLowerCase();
  if (name.startsWith(q) || name.split(/\s+/).some((w) => w.startsWith(q))) return true;
  return emailVisible(ctx.viewer, user) && user.email.toLowerCase().startsWith(q);
}

function searchMatches(ctx: RequestContext, query: string): DatasetUser[] {
  return [...ctx.core.store.users.values()]
    .filter((u) => (u.active ?? true) && matchesQuery(ctx, u, query))
    .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.accountId.localeCompare(b.accountId))
    .slice(0, SEARCH_LIMIT);
}

function searchUsers(ctx: RequestContext): ReturnType<Route['handle']> {
  const query = ctx.query.get('query');
  const accountId = ctx.query.get('accountId');
  if (query !== null && accountId !== null)
    throw badRequest("The 'query' and 'accountId' parameters cannot be used together.");
  if (!query && !accountId) throw badRequest("One of 'query', 'accountId' or 'property' must be specified.");
  const startAt = Math.max(0, intParam(ctx.query, 'startAt', 0));
  const maxResults = Math.min(SEARCH_LIMIT, Math.max(0, intParam(ctx.query, 'maxResults', 50)));
  const matches = accountId
    ? [ctx.core.store.users.get(accountId)].filter((u): u is DatasetUser => u !== undefined && (u.active ?? true))
    : searchMatches(ctx, query ?? '');
  const page = matches.slice(startAt, startAt + maxResults).map((u) => userForViewer(ctx.ser, ctx.viewer, u));
  return json(page, 200, 2 * page.length);
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Jira's picker `html`: the matched prefix in <strong>, email after the name when visible. */
function highlight(text: string, query: string): string {
  const i = text.toLowerCase().indexOf(query.toLowerCase());
  if (query === '' || i < 0) return escapeHtml(text);
  return `${escapeHtml(text.slice(0, i))}<strong>${escapeHtml(text.slice(i, i + query.length))}</strong>${escapeHtml(text.slice(i + query.length))}`;
}

function userPicker(ctx: RequestContext): ReturnType<Route['handle']> {
  const query = ctx.query.get('query') ?? '';
  const maxResults = Math.max(0, intParam(ctx.query, 'maxResults', 50));
  const exclude = new Set(listParam(ctx.query, 'excludeAccountIds') ?? []);
  const matches = searchMatches(ctx, query).filter((u) => !exclude.has(u.accountId));
  const users = matches.slice(0, maxResults).map((u) => ({
    accountId: u.accountId,
    accountType: u.accountType ?? 'atlassian',
    html: highlight(u.displayName, query) + (emailVisible(ctx.viewer, u) ? ` - ${highlight(u.email, query)}` : ''),
    displayName: u.displayName,
    avatarUrl: ctx.ser.avatarUrls('user', u.accountId)['24x24'],
  }));
  return json(
    { users, total: matches.length, header: `Showing ${users.length} of ${matches.length} matching users` },
    200,
    2 * users.length,
  );
}

export const userRoutes: Route[] = [
  { method: 'GET', path: '/rest/api/3/user/bulk', handle: bulkUsers },
  { method: 'GET', path: '/rest/api/3/user/search', handle: searchUsers },
  { method: 'GET', path: '/rest/api/3/user/picker', handle: userPicker },
  { method: 'GET', path: '/rest/api/3/user', handle: getUser },
];
