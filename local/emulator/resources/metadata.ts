// Site metadata: issue types (with hierarchy levels), fields (including the Rank custom field, see
// field-catalog.ts) and resolutions. Statuses are in statuses.ts.
import type { RequestContext, Route } from '../context';
import { json } from '../http';

function issueTypes(ctx: RequestContext): ReturnType<Route['handle']> {
  // Admins and the app see every type; others only types of projects they can browse (all types
  // are shared by all projects in the dataset).
  const visible =
    ctx.viewer.principal.kind === 'app' || ctx.viewer.isSiteAdmin || ctx.viewer.browsableProjects().length > 0;
  const types = visible ? ctx.core.store.issueTypes.map((t) => ctx.ser.issueType(t)) : [];
  return json(types, 200, types.length);
}

function fields(ctx: RequestContext): ReturnType<Route['handle']> {
  const all = ctx.core.store.fields.all.map((f) => ({
    id: f.id,
    key: f.id,
    name: f.name,
    custom: f.custom,
    orderable: f.orderable,
    navigable: true,
    searchable: true,
    clauseNames: f.clauseNames,
    schema: f.schema,
  }));
  return json(all, 200, all.length);
}

function resolutions(ctx: RequestContext): ReturnType<Route['handle']> {
  const all = ctx.core.store.resolutions.map((r) => ctx.ser.resolution(r));
  return json(all, 200, all.length);
}

export const metadataRoutes: Route[] = [
  { method: 'GET', path: '/rest/api/3/resolution', handle: resolutions },
  { method: 'GET', path: '/rest/api/3/issuetype', handle: issueTypes },
  { method: 'GET', path: '/rest/api/3/field', handle: fields },
];
