import { PermissionLevel } from './levels';

export type PermissionSubject =
  | { readonly type: 'user'; readonly accountId: string }
  | { readonly type: 'group'; readonly groupName: string }
  | { readonly type: 'projectRole'; readonly projectKey: string; readonly roleName: string }
  | { readonly type: 'anyone' };

export interface PermissionRule {
  readonly subject: PermissionSubject;
  readonly level: PermissionLevel;
}

/** What the server knows about the person asking; gathered from Jira as that user. */
export interface Viewer {
  /** Null for an anonymous viewer: `anyone` rules still apply, but no owner or user rule can. */
  readonly accountId: string | null;
  /** Holds Jira's global ADMINISTER permission. */
  readonly isJiraAdmin: boolean;
  readonly groups: readonly string[];
  readonly projectRoles: readonly { readonly projectKey: string; readonly roleName: string }[];
}

export function matches(subject: PermissionSubject, viewer: Viewer): boolean {
  switch (subject.type) {
    case 'anyone':
      return true;
    case 'user':
      return viewer.accountId !== null && subject.accountId === viewer.accountId;
    case 'group':
      return viewer.groups.includes(subject.groupName);
    case 'projectRole':
      return viewer.projectRoles.some((r) => r.projectKey === subject.projectKey && r.roleName === subject.roleName);
  }
}
