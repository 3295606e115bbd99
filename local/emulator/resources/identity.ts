// The caller and their permissions: myself, mypermissions, permissions/check.
import type { ProjectPermissionKey } from '../../dataset/types';
import type { RequestContext, Route } from '../context';
import { badRequest, isObject, ISSUE_NOT_FOUND, JiraHttpError, json, listParam, notFound } from '../http';
import type { StoredIssue } from '../store';
import { APP_ACCOUNT_ID, APP_DISPLAY_NAME, Viewer } from '../visibility';

interface PermissionInfo {
  id: string;
  name: string;
  type: 'GLOBAL' | 'PROJECT';
  description: string;
}

/** The permissions the emulator models, with Jira's ids, names and descriptions. */
export const PERMISSIONS: Record<string, PermissionInfo> = {
  ADMINISTER: {
    id: '0',
    name: 'Administer Jira',
    type: 'GLOBAL',
    description:
      'Create and administer projects, issue types, fields, workflows, and schemes for all projects. Users with this permission can perform most administration tasks, except: managing users, importing data, and editing system email settings.',
  },
  BROWSE_PROJECTS: {
    id: '10',
    name: 'Browse Projects',
    type: 'PROJECT',
    description: 'Ability to browse projects and the issues within them.',
  },
  CREATE_ISSUES: { id: '11', name: 'Create Issues', type: 'PROJECT', description: 'Ability to create issues.' },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.' },
  LINK_ISSUES: {
    id: '21',
    name: 'Link Issues',
    type: 'PROJECT',
    description: 'Ability to link issues together and create linked issues. Only useful if issue linking is turned on.',
  },
  RESOLVE_ISSUES: {
    id: '14',
    name: 'Resolve Issues',
    type: 'PROJECT',
    description: 'Ability to resolve and reopen issues. This includes the ability to set a fix version.',
  },
  TRANSITION_ISSUES: {
    id: '46',
    name: 'Transition Issues',
    type: 'PROJECT',
    description: 'Ability to transition issues.',
  },
  SCHEDULE_ISSUES: {
    id: '28',
    name: 'Schedule Issues',
    type: 'PROJECT',
    description: "Ability to set or edit an issue's due date.",
  },
};

function myself(ctx: RequestContext): ReturnType<Route['handle']> {
  const expand = new Set(listParam(ctx.query, 'expand') ?? []);
  const base = ctx.ser.baseUrl;
  const user = ctx.viewer.user;
  const groups = user?.groups ?? [];
  const body: Record<string, unknown> = user
    ? { ...ctx.ser.user(user), locale: 'en_US' }
    : {
        self: `${base}/rest/api/3/user?accountId=${APP_ACCOUNT_ID}`,
        accountId: APP_ACCOUNT_ID,
        avatarUrls: ctx.ser.avatarUrls('user', APP_ACCOUNT_ID),
        displayName: APP_DISPLAY_NAME,
        active: true,
        timeZone: 'Etc/UTC',
        locale: 'en_US',
        accountType: 'app',
      };
  body.groups = expand.has('groups')
    ? {
        size: groups.length,
        items: groups.map((g) => ({
          name: g,
          groupId: g,
          self: `${base}/rest/api/3/group?groupId=${encodeURIComponent(g)}`,
        })),
      }
    : { size: groups.length, items: [] };
  body.applicationRoles = { size: 1, items: [] };
  body.expand = 'groups,applicationRoles';
  // A user is an identity object: 2 points.
  return json(body, 200, 2);
}

function myPermissions(ctx: RequestContext): ReturnType<Route['handle']> {
  const { viewer, core } = ctx;
  const keys = listParam(ctx.query, 'permissions');
  if (!keys || keys.length === 0) {
    throw badRequest("The 'permissions' parameter is required; specify a comma-separated list of permission keys.");
  }
  const unknown = keys.filter((k) => !PERMISSIONS[k]);
  if (unknown.length > 0) throw badRequest(`Invalid permission key(s): ${unknown.join(', ')}.`);

  const q = ctx.query;
  let issue: StoredIssue | undefined;
  let projectCtx = undefined as ReturnType<typeof core.store.projectByIdOrKey>;
  const issueRef = q.get('issueKey') ?? q.get('issueId');
  const projectRef = q.get('projectKey') ?? q.get('projectId');
  if (issueRef) {
    issue = viewer.visibleIssue(issueRef);
    if (!issue) throw notFound(ISSUE_NOT_FOUND);
  } else if (projectRef) {
    projectCtx = core.store.projectByIdOrKey(projectRef);
    if (!projectCtx || !viewer.canBrowseProject(projectCtx))
      throw notFound(`No project could be found with key '${projectRef}'.`);
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const info = PERMISSIONS[key];
    let have: boolean;
    if (key === 'ADMINISTER') have = viewer.isSiteAdmin;
    else if (issue) have = viewer.hasIssuePermission(issue, key as ProjectPermissionKey);
    else if (projectCtx) have = viewer.hasProjectPermission(projectCtx, key as ProjectPermissionKey);
    // Without a context Jira answers whether the caller has it in any project.
    else
      have = [...core.store.projectsById.values()].some((p) =>
        viewer.hasProjectPermission(p, key as ProjectPermissionKey),
      );
    out[key] = {
      id: info.id,
      key,
      name: info.name,
      type: info.type,
      description: info.description,
      havePermission: have,
    };
  }
  return json({ permissions: out }, 200, 2 * keys.length);
}

async function checkPermissions(ctx: RequestContext): Promise<ReturnType<typeof json>> {
  const { core } = ctx;
  let { viewer } = ctx;
  const body = await ctx.body();
  if (!isObject(body)) throw badRequest('The request body must be a JSON object.');
  if (typeof body.accountId === 'string' && body.accountId !== viewer.accountId) {
    // Checking someone else needs Administer Jira (the app may: that is what Forge's authorize() does).
    if (viewer.principal.kind !== 'app' && !viewer.isSiteAdmin) {
      throw new JiraHttpError(403, ['Only Jira administrators can perform this operation.']);
    }
    const user = core.store.users.get(body.accountId);
    if (!user) throw badRequest(`The user with account ID '${body.accountId}' does not exist.`);
    viewer = new Viewer(core.store, { kind: 'user', user });
  }
  const errors: Record<string, string> = {};
  const global = Array.isArray(body.globalPermissions) ? body.globalPermissions : [];
  for (const g of global)
    if (typeof g !== 'string' || PERMISSIONS[g]?.type !== 'GLOBAL')
      errors[`PERMISSION_${String(g)}`] = 'Unrecognized permission';
  const projectRequests = Array.isArray(body.projectPermissions) ? body.projectPermissions : [];
  for (const r of projectRequests) {
    const perms = isObject(r) && Array.isArray(r.permissions) ? r.permissions : [];
    for (const p of perms)
      if (typeof p !== 'string' || PERMISSIONS[p]?.type !== 'PROJECT')
        errors[`PERMISSION_${String(p)}`] = 'Unrecognized permission';
    if (
      isObject(r) &&
      ((Array.isArray(r.projects) && r.projects.length > 1000) || (Array.isArray(r.issues) && r.issues.length > 1000))
    ) {
      throw badRequest('You can check permissions for up to 1000 projects and 1000 issues at a time.');
    }
  }
  if (Object.keys(errors).length > 0) throw new JiraHttpError(400, [], errors);

  const grantedGlobal = (global as string[]).filter((g) => g === 'ADMINISTER' && viewer.isSiteAdmin);
  const byPermission = new Map<string, { projects: Set<number>; issues: Set<number> }>();
  for (const r of projectRequests as Record<string, unknown>[]) {
    for (const perm of r.permissions as string[]) {
      const entry = byPermission.get(perm) ?? { projects: new Set<number>(), issues: new Set<number>() };
      byPermission.set(perm, entry);
      // Invalid ids are ignored, as Jira does.
      for (const pid of Array.isArray(r.projects) ? r.projects : []) {
        const p = core.store.projectsById.get(String(pid));
        if (p && viewer.hasProjectPermission(p, perm as ProjectPermissionKey)) entry.projects.add(Number(pid));
      }
      for (const iid of Array.isArray(r.issues) ? r.issues : []) {
        const i = core.store.issuesById.get(String(iid));
        if (i && viewer.hasIssuePermission(i, perm as ProjectPermissionKey)) entry.issues.add(Number(iid));
      }
    }
  }
  return json(
    {
      globalPermissions: grantedGlobal,
      projectPermissions: [...byPermission].map(([permission, e]) => ({
        permission,
        projects: [...e.projects].sort((a, b) => a - b),
        issues: [...e.issues].sort((a, b) => a - b),
      })),
    },
    200,
    2 * (global.length + byPermission.size),
  );
}

export const identityRoutes: Route[] = [
  { method: 'GET', path: '/rest/api/3/myself', handle: myself },
  { method: 'GET', path: '/rest/api/3/mypermissions', handle: myPermissions },
  { method: 'POST', path: '/rest/api/3/permissions/check', handle: checkPermissions },
];
