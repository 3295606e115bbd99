// Project role membership: a role's actors in a project (users and groups), read from
// `GET /project/{key}/role` (name → URL, hence the role id) and `GET /project/{key}/role/{id}`.
// Kept apart from client.ts; asked as the app, with the client's retry and cost rules.
import { JiraClient } from './client';
import { JiraNotFound } from './errors';
import { JIRA_OPERATIONS } from './operations';
import type { RetryPolicy } from './retry-policy';
import type { JiraTransport } from './transport';
export interface RoleActors {
  accountIds: string[];
  groupNames: string[];
}

interface RoleActorJson {
  type?: string;
  actorUser?: { accountId?: string };
  actorGroup?: { name?: string };
}

export class ProjectRoles {
  private readonly jira: JiraClient<'app'>;
  /** One role list per project: several rules usually name roles of the same project. */
  private readonly lists = new Map<string, Promise<Record<string, string> | null>>();

  constructor(transport: JiraTransport, policy: Partial<RetryPolicy> = {}) {
    this.jira = new JiraClient<'app'>(transport, policy);
  }

  get cost() {
    return this.jira.cost;
  }

  /**
   * The actors of `roleName` in project `projectKey`, or null when Jira knows no such project or role:
   * a rule naming it then matches nobody (a deleted project must not open a structure to anyone).
   */
  async actors(projectKey: string, roleName: string): Promise<RoleActors | null> {
    const roles = await this.roleList(projectKey);
    if (!roles) return null;
    // Jira's role names are case-sensitive; a rule typed with another case still means that role.
    const url = roles[roleName] ?? Object.entries(roles).find(([n]) => n.toLowerCase() === roleName.toLowerCase())?.[1];
    const id = url === undefined ? undefined : /\/role\/(\d+)\/?$/.exec(url)?.[1];
    if (id === undefined) return null;
    const json = await orNull(
      this.jira.call<{ actors?: RoleActorJson[] }>({
        operation: JIRA_OPERATIONS.projectRole,
        params: { projectIdOrKey: projectKey, id },
        objects: (j) => 1 + 2 * ((j as { actors?: unknown[] }).actors?.length ?? 0),
        notFound: [404],
      }),
    );
    if (!json) return null;
    const accountIds: string[] = [];
    const groupNames: string[] = [];
    for (const a of json.actors ?? []) {
      if (a.type === 'atlassian-user-role-actor' && a.actorUser?.accountId) accountIds.push(a.actorUser.accountId);
      if (a.type === 'atlassian-group-role-actor' && a.actorGroup?.name) groupNames.push(a.actorGroup.name);
    }
    return { accountIds, groupNames };
  }

  private roleList(projectKey: string): Promise<Record<string, string> | null> {
    let found = this.lists.get(projectKey);
    if (!found) {
      found = orNull(
        this.jira.call<Record<string, string>>({
          operation: JIRA_OPERATIONS.projectRoles,
          params: { projectIdOrKey: projectKey },
          objects: (j) => Object.keys(j as object).length,
          notFound: [404],
        }),
      );
      this.lists.set(projectKey, found);
    }
    return found;
  }
}

/** null for 404: no such project or role. */
async function orNull<T>(answer: Promise<T>): Promise<T | null> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof JiraNotFound) return null;
    throw error;
  }
}
