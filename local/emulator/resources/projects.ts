// Projects the caller can see: paged search by key or name, and one project. A project is visible
// with Browse Projects on it, and every project to Jira admins and the app.
import type { DatasetProject } from '../../dataset/types';
import type { RequestContext, Route } from '../context';
import { intParam, json, listParam, notFound } from '../http';
import type { Viewer } from '../visibility';

export const projectNotFound = (ref: string) => notFound(`No project could be found with key '${ref}'.`);

export function canViewProject(viewer: Viewer, project: DatasetProject): boolean {
  return viewer.principal.kind === 'app' || viewer.isSiteAdmin || viewer.canBrowseProject(project);
}

/** A project by id or key (case sensitive, as Jira documents) that the caller can see; 404 otherwise. */
export function visibleProject(ctx: RequestContext, ref: string): DatasetProject {
  const p =
    ctx.core.store.projectsById.get(ref) ?? [...ctx.core.store.projectsById.values()].find((x) => x.key === ref);
  if (!p || !canViewProject(ctx.viewer, p)) throw projectNotFound(ref);
  return p;
}

const ORDER: Record<string, (a: DatasetProject, b: DatasetProject) => number> = {
  key: (a, b) => a.key.localeCompare(b.key),
  name: (a, b) => a.name.localeCompare(b.name),
};

function searchProjects(ctx: RequestContext): ReturnType<Route['handle']> {
  const startAt = Math.max(0, intParam(ctx.query, 'startAt', 0));
  // Jira turns a maxResults above 100 into 100.
  const maxResults = Math.min(100, Math.max(1, intParam(ctx.query, 'maxResults', 50)));
  const query = (ctx.query.get('query') ?? '').toLowerCase();
  const keys = new Set(listParam(ctx.query, 'keys') ?? []);
  const ids = new Set(listParam(ctx.query, 'id') ?? []);
  const orderBy = ctx.query.get('orderBy') ?? 'key';
  const desc = orderBy.startsWith('-');
  const compare = ORDER[orderBy.replace(/^[-+]/, '')] ?? ORDER.key;
  const matches = [...ctx.core.store.projectsById.values()]
    .filter((p) => canViewProject(ctx.viewer, p))
    .filter((p) => (keys.size === 0 || keys.has(p.key)) && (ids.size === 0 || ids.has(p.id)))
    .filter((p) => query === '' || p.key.toLowerCase().includes(query) || p.name.toLowerCase().includes(query))
    .sort((a, b) => (desc ? -compare(a, b) : compare(a, b)));
  const page = matches.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= matches.length;
  const self = `${ctx.ser.baseUrl}/rest/api/3/project/search?startAt=${startAt}&maxResults=${maxResults}`;
  const body: Record<string, unknown> = {
    self,
    maxResults,
    startAt,
    total: matches.length,
    isLast,
    values: page.map((p) => ctx.ser.project(p)),
  };
  if (!isLast)
    body.nextPage = `${ctx.ser.baseUrl}/rest/api/3/project/search?startAt=${startAt + maxResults}&maxResults=${maxResults}`;
  return json(body, 200, page.length);
}

function getProject(ctx: RequestContext): ReturnType<Route['handle']> {
  const p = visibleProject(ctx, ctx.params.projectIdOrKey);
  return json({ ...ctx.ser.project(p), description: '', isPrivate: false }, 200, 1);
}

export const projectRoutes: Route[] = [
  { method: 'GET', path: '/rest/api/3/project/search', handle: searchProjects },
  { method: 'GET', path: '/rest/api/3/project/{projectIdOrKey}', handle: getProject },
];
