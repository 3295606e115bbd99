// A project's roles (name → URL) and one role's actors. Role membership is project configuration:
// Jira shows it to project admins and Jira admins (and to the app), to others it answers as if the
// project were not there.
import type { RequestContext, Route } from '../context';
import { JiraHttpError, json, notFound } from '../http';
import {
  ADMIN_ROLE_NAME,
  isAdminOfAnyProject,
  isProjectAdmin,
  roleById,
  roleMembers,
  siteRoles,
} from '../project-roles';
import { projectNotFound, visibleProject } from './projects';

function listRoles(ctx: RequestContext): ReturnType<Route['handle']> {
  const p = visibleProject(ctx, ctx.params.projectIdOrKey);
  // Documented: Administer Projects on any project, or Administer Jira; 401 otherwise.
  if (!isAdminOfAnyProject(ctx.viewer))
    throw new JiraHttpError(401, [
      'You cannot view the roles of this project: it needs the Administer Projects permission.',
    ]);
  // Roles are site-wide in Jira Cloud: every project lists every role, configured or not.
  const body = Object.fromEntries(
    siteRoles(ctx.core.store).map((r) => [r.name, `${ctx.ser.baseUrl}/rest/api/3/project/${p.id}/role/${r.id}`]),
  );
  return json(body, 200, siteRoles(ctx.core.store).length);
}

function getRole(ctx: RequestContext): ReturnType<Route['handle']> {
  const ref = ctx.params.projectIdOrKey;
  const p = visibleProject(ctx, ref);
  if (!isProjectAdmin(ctx.viewer, p)) throw projectNotFound(ref);
  const id = Number(ctx.params.id);
  const role = Number.isInteger(id) ? roleById(ctx.core.store, id) : undefined;
  if (!role) throw notFound(`Could not find project role with id '${ctx.params.id}'.`);
  const excludeInactive = ctx.query.get('excludeInactiveUsers') === 'true';
  const { users, groups } = roleMembers(p, role.name);
  const store = ctx.core.store;
  const userActors = users
    .map((accountId) => store.users.get(accountId))
    .filter((u) => u !== undefined && !(excludeInactive && u.active === false))
    .map((u) => ({
      displayName: u!.displayName,
      type: 'atlassian-user-role-actor' as const,
      actorUser: { accountId: u!.accountId },
      avatarUrl: ctx.ser.avatarUrls('user', u!.accountId)['48x48'],
    }));
  const groupActors = groups.map((name) => ({
    displayName: name,
    name,
    type: 'atlassian-group-role-actor' as const,
    actorGroup: { name, displayName: name, groupId: name },
  }));
  // Jira sorts actors by display name; actor ids are stable for a given dataset.
  const actors = [...userActors, ...groupActors]
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .map((a, i) => ({ id: role.id * 100 + i, ...a }));
  return json(
    {
      self: `${ctx.ser.baseUrl}/rest/api/3/project/${p.id}/role/${role.id}`,
      name: role.name,
      id: role.id,
      description: `Members of the ${role.name} role.`,
      actors,
      admin: role.name === ADMIN_ROLE_NAME,
      default: false,
      roleConfigurable: true,
    },
    200,
    1 + 2 * actors.length,
  );
}

export const projectRoleRoutes: Route[] = [
  { method: 'GET', path: '/rest/api/3/project/{projectIdOrKey}/role', handle: listRoles },
  { method: 'GET', path: '/rest/api/3/project/{projectIdOrKey}/role/{id}', handle: getRole },
];
