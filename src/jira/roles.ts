// Project role membership: a role's actors in a project (users and groups), read from
// `GET /project/{key}/role` (name → URL, hence the role id) and `GET /project/{key}/role/{id}`.
// Kept apart from client.ts; same retry and cost rules as the client.
import { route, type Route } from '@forge/api';
import { JiraCostMeter } from './cost';
import { JiraHttpError, JiraRateLimited, JiraUnavailable, jiraMessages } from './errors';
import { decideRetry, defaultRetryPolicy, isRetryableStatus, type RetryPolicy } from './retry-policy';
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
  readonly cost = new JiraCostMeter();
  private readonly policy: RetryPolicy;
  /** One role list per project: several rules usually name roles of the same project. */
  private readonly lists = new Map<string, Promise<Record<string, string> | null>>();

  constructor(
    private readonly transport: JiraTransport,
    policy: Partial<RetryPolicy> = {},
  ) {
    this.policy = defaultRetryPolicy(policy);
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
    const json = await this.get<{ actors?: RoleActorJson[] }>(
      route`/rest/api/3/project/${projectKey}/role/${id}`,
      (j) => 1 + 2 * ((j as { actors?: unknown[] }).actors?.length ?? 0),
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
      found = this.get<Record<string, string>>(
        route`/rest/api/3/project/${projectKey}/role`,
        (j) => Object.keys(j as object).length,
      );
      this.lists.set(projectKey, found);
    }
    return found;
  }

  /** GET with the client's retry rules; null for 404 (no such project or role). */
  private async get<T>(path: Route, objects: (json: unknown) => number): Promise<T | null> {
    for (let attempt = 1; ; attempt++) {
      const response = await this.transport(path, { method: 'GET', headers: { Accept: 'application/json' } });
      const text = await response.text();
      if (response.status >= 200 && response.status < 300) {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          throw new JiraUnavailable(`Jira answered something that is not JSON for ${path.value}`);
        }
        this.cost.record(objects(json));
        return json as T;
      }
      this.cost.record(0);
      if (response.status === 404) return null;
      if (!isRetryableStatus(response.status)) throw new JiraHttpError(response.status, jiraMessages(text), path.value);
      const decision = decideRetry(response, attempt, this.policy);
      if (decision.kind === 'pause') throw new JiraRateLimited(decision.seconds, decision.reason);
      if (decision.kind === 'fail')
        throw new JiraUnavailable(
          `Jira kept failing (HTTP ${response.status}) for ${path.value} after ${attempt} attempts`,
          response.status,
        );
      await this.policy.sleep(decision.ms);
    }
  }
}
