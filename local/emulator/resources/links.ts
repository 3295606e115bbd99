// Issue links. Direction: a link is stored source → destination and reads "source <outward>
// destination"; in POST /issueLink the source is `inwardIssue` ("inwardIssue <outward> outwardIssue").
import type { RequestContext, Route } from '../context';
import { badRequest, empty, isObject, JiraHttpError, json, notFound } from '../http';

function linkTypes(ctx: RequestContext): ReturnType<Route['handle']> {
  return json(
    { issueLinkTypes: ctx.core.store.linkTypes.map((t) => ctx.ser.linkType(t)) },
    200,
    ctx.core.store.linkTypes.length,
  );
}

function ref(v: unknown): string | undefined {
  if (!isObject(v)) return undefined;
  if (typeof v.key === 'string') return v.key;
  if (typeof v.id === 'string' || typeof v.id === 'number') return String(v.id);
  return undefined;
}

async function createLink(ctx: RequestContext): Promise<ReturnType<typeof empty>> {
  const { viewer, core } = ctx;
  const body = await ctx.body();
  if (!isObject(body)) throw badRequest('The request body must be a JSON object.');
  const typeRef = isObject(body.type)
    ? typeof body.type.name === 'string'
      ? body.type.name
      : typeof body.type.id === 'string'
        ? body.type.id
        : undefined
    : undefined;
  const sourceRef = ref(body.inwardIssue);
  const destinationRef = ref(body.outwardIssue);
  const errors: Record<string, string> = {};
  if (typeRef === undefined) errors.issueLinkType = 'Issue link type must be specified by name or id.';
  if (sourceRef === undefined) errors.inwardIssue = 'The inward issue must be specified by key or id.';
  if (destinationRef === undefined) errors.outwardIssue = 'The outward issue must be specified by key or id.';
  if (Object.keys(errors).length > 0) throw new JiraHttpError(400, [], errors);
  const type = core.store.findLinkType(typeRef!);
  if (!type) throw notFound(`No issue link type with name '${typeRef}' found.`);
  const source = viewer.visibleIssue(sourceRef!);
  if (!source) throw notFound(`Issue Does Not Exist: ${sourceRef}`);
  const destination = viewer.visibleIssue(destinationRef!);
  if (!destination) throw notFound(`Issue Does Not Exist: ${destinationRef}`);
  if (!viewer.hasIssuePermission(source, 'LINK_ISSUES'))
    throw notFound(`No Link Issue Permission for issue '${source.key}'.`);
  // A duplicate request succeeds without creating a second link (Jira is idempotent here).
  core.store.addLink(source.id, type.id, destination.id);
  return empty(201);
}

function linkOr404(ctx: RequestContext) {
  const id = ctx.params.linkId;
  if (!/^\d+$/.test(id)) throw badRequest(`The issue link ID '${id}' is invalid.`);
  const link = ctx.core.store.links.get(id);
  const source = link && ctx.core.store.issuesById.get(link.sourceId);
  const destination = link && ctx.core.store.issuesById.get(link.destinationId);
  if (!link || !source || !destination || !ctx.viewer.canSeeIssue(source) || !ctx.viewer.canSeeIssue(destination)) {
    throw notFound(`No issue link with id '${id}' exists.`);
  }
  return { link, source, destination };
}

function getLink(ctx: RequestContext): ReturnType<Route['handle']> {
  const { link, source, destination } = linkOr404(ctx);
  return json(
    {
      id: link.id,
      self: `${ctx.ser.baseUrl}/rest/api/3/issueLink/${link.id}`,
      type: ctx.ser.linkType(link.type),
      inwardIssue: ctx.ser.miniIssue(source),
      outwardIssue: ctx.ser.miniIssue(destination),
    },
    200,
    1,
  );
}

function deleteLink(ctx: RequestContext): ReturnType<Route['handle']> {
  const { link, source, destination } = linkOr404(ctx);
  if (
    !ctx.viewer.hasIssuePermission(source, 'LINK_ISSUES') &&
    !ctx.viewer.hasIssuePermission(destination, 'LINK_ISSUES')
  ) {
    throw new JiraHttpError(403, ['You do not have the permission to delete links in either of the projects.']);
  }
  ctx.core.store.removeLink(link.id);
  return empty(204);
}

export const linkRoutes: Route[] = [
  { method: 'GET', path: '/rest/api/3/issueLinkType', handle: linkTypes },
  { method: 'POST', path: '/rest/api/3/issueLink', write: true, handle: createLink },
  { method: 'GET', path: '/rest/api/3/issueLink/{linkId}', handle: getLink },
  { method: 'DELETE', path: '/rest/api/3/issueLink/{linkId}', write: true, handle: deleteLink },
];
