// Project roles as Jira Cloud models them: a role is site-wide (one id, shared by every project) and
// each project has its own actors for it. The dataset names roles per project; ids are given here.
import type { DatasetProject } from '../dataset/types';
import type { EmulatorStore } from './store';
import type { Viewer } from './visibility';

export interface SiteRole {
  id: number;
  name: string;
}

/**
 * Jira Cloud's default permission scheme grants Administer Projects to this role; the dataset has no
 * ADMINISTER_PROJECTS grant, so role membership is what makes a project admin here.
 */
export const ADMIN_ROLE_NAME = 'Administrators';

const FIRST_ROLE_ID = 10002;
const catalogues = new WeakMap<EmulatorStore, SiteRole[]>();

/**
 * Every role name any project defines, with a stable id: names sorted, numbered from 10002 (the id
 * Jira Cloud gives its first role). The same dataset always gives the same ids.
 */
export function siteRoles(store: EmulatorStore): SiteRole[] {
  let roles = catalogues.get(store);
  if (!roles) {
    const names = new Set<string>();
    for (const p of store.projectsById.values()) for (const n of Object.keys(p.roles ?? {})) names.add(n);
    roles = [...names].sort().map((name, i) => ({ id: FIRST_ROLE_ID + i, name }));
    catalogues.set(store, roles);
  }
  return roles;
}

export function roleById(store: EmulatorStore, id: number): SiteRole | undefined {
  return siteRoles(store).find((r) => r.id === id);
}

/** Actors of a role in a project: none when the project does not configure the role. */
export function roleMembers(project: DatasetProject, roleName: string): { users: string[]; groups: string[] } {
  const members = project.roles?.[roleName];
  return { users: members?.users ?? [], groups: members?.groups ?? [] };
}

/** Administer Projects on a project: the app, Jira admins, and the project's Administrators role. */
export function isProjectAdmin(viewer: Viewer, project: DatasetProject): boolean {
  if (viewer.principal.kind === 'app' || viewer.isSiteAdmin) return true;
  const user = viewer.principal.user;
  const admins = roleMembers(project, ADMIN_ROLE_NAME);
  return admins.users.includes(user.accountId) || admins.groups.some((g) => user.groups.includes(g));
}

export function isAdminOfAnyProject(viewer: Viewer): boolean {
  return [...viewer.store.projectsById.values()].some((p) => isProjectAdmin(viewer, p));
}
