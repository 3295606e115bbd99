// The caller's permission level on a structure, from Jira facts. Facts are fetched lazily and once per
// invocation, cheapest first, and only while they can still change the answer: the owner needs no Jira
// call at all, a user rule none either; groups (`/myself?expand=groups`) only with group rules (or
// group actors of a role), admin (`/mypermissions?permissions=ADMINISTER`) next, project roles last.
import type { PermissionLevel } from '../contract';
import { atLeast, effectiveLevel, rank, type PermissionRule, type Viewer } from '../domain/permissions';
import { forgeTransportAsApp } from '../jira/forge-app-transport';
import { ProjectRoles } from '../jira/roles';
import type { StructureRecord } from '../storage';
import { AppError } from './errors';
import { memo, RESOLVER_RETRY, type Invocation } from './invocation';

const groupsOf = (inv: Invocation): Promise<string[]> =>
  memo(inv, 'groups', async () => (await inv.jira.myself()).groups);
export const isJiraAdmin = (inv: Invocation): Promise<boolean> =>
  memo(inv, 'admin', () => inv.jira.hasGlobalPermission('ADMINISTER'));

/**
 * Role membership is read as the app, not as the user: it is project configuration, not issue data,
 * and Jira shows a role's actors only to admins of that project — most users could never read their
 * own roles. Jira also has no "my roles" call. The app reads only what decides access to the app's own
 * structures, and nothing of it is returned to the user. (The app holds Administer Projects through the
 * atlassian-addons-project-access role of Jira's default schemes; where a scheme removes it, Jira answers
 * 404 and the rule matches nobody: fail closed.)
 */
const projectRoles = (inv: Invocation): Promise<ProjectRoles> =>
  memo(inv, 'project-roles', async () => new ProjectRoles(forgeTransportAsApp(), RESOLVER_RETRY));

/** Whether the caller is an actor of the role: as a user actor, or through a group actor. */
function isInRole(inv: Invocation, projectKey: string, roleName: string): Promise<boolean> {
  return memo(inv, `role:${projectKey}:${roleName}`, async () => {
    const actors = await (await projectRoles(inv)).actors(projectKey, roleName);
    if (!actors) return false;
    if (actors.accountIds.includes(inv.accountId)) return true;
    if (actors.groupNames.length === 0) return false;
    const groups = await groupsOf(inv);
    return actors.groupNames.some((g) => groups.includes(g));
  });
}

function viewer(inv: Invocation, groups: readonly string[], roles: Viewer['projectRoles']): Viewer {
  return { accountId: inv.accountId, isJiraAdmin: false, groups, projectRoles: roles };
}

export async function levelOf(inv: Invocation, structure: StructureRecord): Promise<PermissionLevel> {
  return levelAtLeast(inv, structure, 'control');
}

/**
 * The caller's level, computed only as far as needed to decide whether it reaches `enough`: once it does,
 * further facts cannot change the answer to "may they?". Below `enough` the level is exact; with
 * `enough = 'control'` it always is.
 */
async function levelAtLeast(
  inv: Invocation,
  structure: StructureRecord,
  enough: PermissionLevel,
): Promise<PermissionLevel> {
  let groups: readonly string[] = [];
  let level = effectiveLevel(structure, viewer(inv, groups, []));
  if (atLeast(level, enough)) return level;
  if (structure.rules.some((r) => r.subject.type === 'group')) {
    groups = await groupsOf(inv);
    level = effectiveLevel(structure, viewer(inv, groups, []));
    if (atLeast(level, enough)) return level;
  }
  if (await isJiraAdmin(inv)) return 'control';
  return roleLevel(inv, structure, groups, level, enough);
}

/**
 * Adds project-role rules, strongest first, skipping any that cannot raise the level: each distinct
 * (project, role) costs two app calls the first time (the project's role list is shared), so a rule
 * at or below the level already held is never looked up, and the look-ups stop once `enough` is reached.
 */
async function roleLevel(
  inv: Invocation,
  structure: StructureRecord,
  groups: readonly string[],
  level: PermissionLevel,
  enough: PermissionLevel,
): Promise<PermissionLevel> {
  const roleRules = structure.rules
    .filter((r): r is PermissionRule & { subject: { type: 'projectRole' } } => r.subject.type === 'projectRole')
    .sort((a, b) => rank(b.level) - rank(a.level));
  const held: Array<{ projectKey: string; roleName: string }> = [];
  for (const rule of roleRules) {
    if (atLeast(level, rule.level)) break;
    const { projectKey, roleName } = rule.subject;
    if (!(await isInRole(inv, projectKey, roleName))) continue;
    held.push({ projectKey, roleName });
    level = effectiveLevel(structure, viewer(inv, groups, held));
    if (atLeast(level, enough)) break;
  }
  return level;
}

export async function requireLevel(
  inv: Invocation,
  structure: StructureRecord,
  needed: PermissionLevel,
): Promise<PermissionLevel> {
  const level = await levelAtLeast(inv, structure, needed);
  if (!atLeast(level, needed)) {
    throw new AppError(
      'PERMISSION_LEVEL',
      level === 'none'
        ? `You do not have access to structure "${structure.name}".`
        : `This needs the ${needed} permission level on structure "${structure.name}"; you have ${level}.`,
      { needed },
    );
  }
  return level;
}
