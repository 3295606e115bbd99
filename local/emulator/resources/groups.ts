// Group picker: groups whose name contains the query, sorted. The dataset has no group list of its
// own, so the site's groups are every group a user belongs to or a project role or grant names.
import type { Grant } from '../../dataset/types';
import type { RequestContext, Route } from '../context';
import { boolParam, intParam, json, listParam } from '../http';
import type { EmulatorStore } from '../store';

/** Jira's `jira.ajax.autocomplete.limit` default. */
const DEFAULT_LIMIT = 20;

export function siteGroups(store: EmulatorStore): string[] {
  const names = new Set<string>();
  const addGrant = (g: Grant | undefined) => g?.groups?.forEach((n) => names.add(n));
  for (const u of store.users.values()) u.groups.forEach((g) => names.add(g));
  for (const p of store.projectsById.values()) {
    for (const r of Object.values(p.roles ?? {})) r.groups?.forEach((g) => names.add(g));
    for (const g of Object.values(p.permissions)) addGrant(g);
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function groupsPicker(ctx: RequestContext): ReturnType<Route['handle']> {
  // Without Browse Projects anywhere Jira answers an empty list rather than an error.
  if (ctx.viewer.principal.kind !== 'app' && !ctx.viewer.isSiteAdmin && ctx.viewer.browsableProjects().length === 0) {
    return json({ header: 'Showing 0 of 0 matching groups', total: 0, groups: [] }, 200, 0);
  }
  const query = ctx.query.get('query') ?? '';
  const caseInsensitive = boolParam(ctx.query, 'caseInsensitive', false);
  const limit = Math.max(0, intParam(ctx.query, 'maxResults', DEFAULT_LIMIT));
  const exclude = new Set([...(listParam(ctx.query, 'exclude') ?? []), ...(listParam(ctx.query, 'excludeId') ?? [])]);
  const norm = (s: string) => (caseInsensitive ? s.toLowerCase() : s);
  const matches = siteGroups(ctx.core.store).filter((g) => !exclude.has(g) && norm(g).includes(norm(query)));
  const groups = matches.slice(0, limit).map((name) => {
    const i = norm(name).indexOf(norm(query));
    const html =
      query === ''
        ? escapeHtml(name)
        : `${escapeHtml(name.slice(0, i))}<b>${escapeHtml(name.slice(i, i + query.length))}</b>${escapeHtml(name.slice(i + query.length))}`;
    // The dataset names groups only; the name doubles as the id, as /myself?expand=groups does.
    return { name, html, labels: [], groupId: name };
  });
  return json(
    { header: `Showing ${groups.length} of ${matches.length} matching groups`, total: matches.length, groups },
    200,
    2 * groups.length,
  );
}

export const groupRoutes: Route[] = [{ method: 'GET', path: '/rest/api/3/groups/picker', handle: groupsPicker }];
