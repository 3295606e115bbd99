// Who sees what. Jira answers every read from the caller's point of view: browse permission per
// project, then issue security levels. The app (X-Forge-As-App) sees and may do everything.
import type { DatasetFilter, DatasetProject, DatasetUser, Grant, ProjectPermissionKey } from '../dataset/types';
import type { EmulatorStore, StoredIssue } from './store';

export type Principal = { kind: 'user'; user: DatasetUser } | { kind: 'app' };

/** The accountId Jira gives the app's own user (asApp calls act as it). */
export const APP_ACCOUNT_ID = '712020:5e8f2c1a-structure-sync-app';
export const APP_DISPLAY_NAME = 'Structure Sync';

export const principalId = (p: Principal): string => (p.kind === 'app' ? APP_ACCOUNT_ID : p.user.accountId);

export function grantIncludes(
  grant: Grant | undefined,
  user: DatasetUser,
  project: DatasetProject | undefined,
): boolean {
  if (!grant) return false;
  if (grant.anyone) return true;
  if (grant.users?.includes(user.accountId)) return true;
  if (grant.groups?.some((g) => user.groups.includes(g))) return true;
  if (project && grant.roles) {
    for (const roleName of grant.roles) {
      const role = project.roles?.[roleName];
      if (!role) continue;
      if (role.users?.includes(user.accountId)) return true;
      if (role.groups?.some((g) => user.groups.includes(g))) return true;
    }
  }
  return false;
}

/**
 * A caller's view of the store. Built once per request; per-project answers are memoised because
 * a search over 100k issues asks the same question for every issue of a project.
 */
export class Viewer {
  private readonly projectPerms = new Map<string, boolean>();
  private readonly securityOk = new Map<string, boolean>();
  private readonly browse = new Map<DatasetProject, boolean>();

  constructor(
    readonly store: EmulatorStore,
    readonly principal: Principal,
  ) {}

  get accountId(): string {
    return principalId(this.principal);
  }

  get user(): DatasetUser | undefined {
    return this.principal.kind === 'user' ? this.principal.user : undefined;
  }

  get isSiteAdmin(): boolean {
    return this.principal.kind === 'user' && this.principal.user.siteAdmin;
  }

  hasProjectPermission(project: DatasetProject, permission: ProjectPermissionKey): boolean {
    if (this.principal.kind === 'app') return true;
    const memo = `${project.id}:${permission}`;
    const known = this.projectPerms.get(memo);
    if (known !== undefined) return known;
    const grant = project.permissions[permission] ?? project.permissions.BROWSE_PROJECTS;
    // Every project permission presupposes browsing the project.
    const answer =
      grantIncludes(project.permissions.BROWSE_PROJECTS, this.principal.user, project) &&
      grantIncludes(grant, this.principal.user, project);
    this.projectPerms.set(memo, answer);
    return answer;
  }

  canBrowseProject(project: DatasetProject): boolean {
    // Keyed by object: this runs once per issue in a search, string keys would dominate the cost.
    let ok = this.browse.get(project);
    if (ok === undefined) {
      ok = this.hasProjectPermission(project, 'BROWSE_PROJECTS');
      this.browse.set(project, ok);
    }
    return ok;
  }

  browsableProjects(): DatasetProject[] {
    return [...this.store.projectsById.values()].filter((p) => this.canBrowseProject(p));
  }

  canSeeIssue(issue: StoredIssue): boolean {
    if (!this.canBrowseProject(issue.project)) return false;
    if (!issue.security || this.principal.kind === 'app') return true;
    const memo = `${issue.project.id}:${issue.security.id}`;
    let ok = this.securityOk.get(memo);
    if (ok === undefined) {
      ok = grantIncludes(issue.security.members, this.principal.user, issue.project);
      this.securityOk.set(memo, ok);
    }
    return ok;
  }

  hasIssuePermission(issue: StoredIssue, permission: ProjectPermissionKey): boolean {
    return this.canSeeIssue(issue) && this.hasProjectPermission(issue.project, permission);
  }

  /** The issue if it exists and is visible: Jira does not distinguish the two for the caller. */
  visibleIssue(idOrKey: string): StoredIssue | undefined {
    const issue = this.store.issueByIdOrKey(idOrKey);
    return issue && this.canSeeIssue(issue) ? issue : undefined;
  }

  canSeeFilter(filter: DatasetFilter): boolean {
    if (this.principal.kind === 'app') return true;
    const user = this.principal.user;
    if (filter.owner === user.accountId) return true;
    return filter.sharePermissions.some((share) => {
      switch (share.type) {
        case 'global':
        case 'loggedin':
          return true;
        case 'group':
          return share.group !== undefined && user.groups.includes(share.group);
        case 'user':
          return share.user === user.accountId;
        case 'project': {
          const project = share.project === undefined ? undefined : this.store.projectByIdOrKey(share.project);
          return project !== undefined && this.canBrowseProject(project);
        }
        default:
          return false;
      }
    });
  }
}
