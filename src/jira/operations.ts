// Every Jira operation the app calls, in one table: method, the path template exactly as Atlassian's OpenAPI
// documents spell it, who the call runs as, and the OAuth scopes the specs require for it. Calls in src/jira
// name an operation from here instead of writing a path, and `npm run manifest:check` reads this table: it
// looks each operation up in the specs and fails when manifest.yml lacks a scope (or its allowImpersonation).
// A path written anywhere else in src fails the same check, so a new call cannot slip past its scope.
import { route, type Route } from '@forge/api';

/**
 * Who Jira sees as the caller.
 * - `user`: `api.asUser(accountId)` — in resolvers the present user, in the worker and background sync an
 *   offline one, so every scope these calls need must allow impersonation.
 * - `app`: `api.asApp()`, for site configuration the app needs in order to decide what a user may do.
 * - `frontend`: `requestJira` from the Custom UI, as the user looking at it (no impersonation).
 */
export type Principal = 'user' | 'app' | 'frontend';

export interface JiraOperation<P extends Principal = Principal> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** As in the OpenAPI document, with `{name}` for each path parameter. */
  path: string;
  principal: P;
  /** The scopes of one of the operation's OAuth2 alternatives in the spec (the classic one when there is one). */
  scopes: readonly string[];
  /** What the call is for, in words a site admin reads in an error. */
  purpose: string;
}

const READ_WORK = ['read:jira-work'] as const;
const WRITE_WORK = ['write:jira-work'] as const;
const READ_USER = ['read:jira-user'] as const;

export const JIRA_OPERATIONS = {
  // ── as the user (resolvers, worker, background sync) ──────────────────────────────────────────────────
  searchJql: {
    method: 'POST',
    path: '/rest/api/3/search/jql',
    principal: 'user',
    scopes: READ_WORK,
    purpose: 'search issues',
  },
  approximateCount: {
    method: 'POST',
    path: '/rest/api/3/search/approximate-count',
    principal: 'user',
    scopes: READ_WORK,
    purpose: 'count the issues a search finds',
  },
  bulkFetchIssues: {
    method: 'POST',
    path: '/rest/api/3/issue/bulkfetch',
    principal: 'user',
    scopes: READ_WORK,
    purpose: 'read issues',
  },
  getIssue: {
    method: 'GET',
    path: '/rest/api/3/issue/{issueIdOrKey}',
    principal: 'user',
    scopes: READ_WORK,
    purpose: 'read an issue',
  },
  editIssue: {
    method: 'PUT',
    path: '/rest/api/3/issue/{issueIdOrKey}',
    principal: 'user',
    scopes: WRITE_WORK,
    purpose: "set an issue's parent",
  },
  getFilter: {
    method: 'GET',
    path: '/rest/api/3/filter/{id}',
    principal: 'user',
    scopes: READ_WORK,
    purpose: 'read a saved filter',
  },
  myself: {
    method: 'GET',
    path: '/rest/api/3/myself',
    principal: 'user',
    scopes: READ_USER,
    purpose: 'read who the user is and their groups',
  },
  getUser: {
    method: 'GET',
    path: '/rest/api/3/user',
    principal: 'user',
    scopes: READ_USER,
    purpose: "read a user's name",
  },
  myPermissions: {
    method: 'GET',
    path: '/rest/api/3/mypermissions',
    principal: 'user',
    scopes: READ_WORK,
    purpose: "check the user's Jira permissions",
  },
  checkPermissions: {
    method: 'POST',
    path: '/rest/api/3/permissions/check',
    principal: 'user',
    scopes: [],
    purpose: "check the user's project permissions",
  },
  createIssueLink: {
    method: 'POST',
    path: '/rest/api/3/issueLink',
    principal: 'user',
    scopes: WRITE_WORK,
    purpose: 'create issue links',
  },
  getTransitions: {
    method: 'GET',
    path: '/rest/api/3/issue/{issueIdOrKey}/transitions',
    principal: 'user',
    scopes: READ_WORK,
    purpose: "read an issue's workflow transitions",
  },
  doTransition: {
    method: 'POST',
    path: '/rest/api/3/issue/{issueIdOrKey}/transitions',
    principal: 'user',
    scopes: WRITE_WORK,
    purpose: "change an issue's status through its workflow",
  },
  deleteIssueLink: {
    method: 'DELETE',
    path: '/rest/api/3/issueLink/{linkId}',
    principal: 'user',
    scopes: WRITE_WORK,
    purpose: 'delete issue links',
  },
  issueLinkTypes: {
    method: 'GET',
    path: '/rest/api/3/issueLinkType',
    principal: 'user',
    scopes: READ_WORK,
    purpose: 'read issue link types',
  },
  statuses: {
    method: 'GET',
    path: '/rest/api/3/status',
    principal: 'user',
    scopes: READ_WORK,
    purpose: 'read workflow statuses',
  },
  issueTypes: {
    method: 'GET',
    path: '/rest/api/3/issuetype',
    principal: 'user',
    scopes: READ_WORK,
    purpose: 'read issue types',
  },
  fields: {
    method: 'GET',
    path: '/rest/api/3/field',
    principal: 'user',
    scopes: READ_WORK,
    purpose: 'read fields',
  },
  boardIssues: {
    method: 'GET',
    path: '/rest/agile/1.0/board/{boardId}/issue',
    principal: 'user',
    scopes: ['read:board-scope:jira-software', 'read:issue-details:jira'],
    purpose: "read a board's issues",
  },
  boardConfiguration: {
    method: 'GET',
    path: '/rest/agile/1.0/board/{boardId}/configuration',
    principal: 'user',
    scopes: ['read:board-scope.admin:jira-software', 'read:project:jira'],
    purpose: "read a board's configuration",
  },
  rankIssues: {
    method: 'PUT',
    path: '/rest/agile/1.0/issue/rank',
    principal: 'user',
    scopes: ['write:issue:jira-software'],
    purpose: 'rank issues',
  },

  // ── as the app ────────────────────────────────────────────────────────────────────────────────────────
  projectRoles: {
    method: 'GET',
    path: '/rest/api/3/project/{projectIdOrKey}/role',
    principal: 'app',
    scopes: READ_WORK,
    purpose: "read a project's roles",
  },
  projectRole: {
    method: 'GET',
    path: '/rest/api/3/project/{projectIdOrKey}/role/{id}',
    principal: 'app',
    scopes: READ_WORK,
    purpose: "read a project role's members",
  },

  // ── from the Custom UI (static/structure-ui), as the user looking at it ──────────────────────────────
  uiGroupsPicker: {
    method: 'GET',
    path: '/rest/api/3/groups/picker',
    principal: 'frontend',
    scopes: READ_USER,
    purpose: 'find groups for permission rules',
  },
  uiUserSearch: {
    method: 'GET',
    path: '/rest/api/3/user/search',
    principal: 'frontend',
    scopes: READ_USER,
    purpose: 'find users for permission rules',
  },
  uiUsersBulk: {
    method: 'GET',
    path: '/rest/api/3/user/bulk',
    principal: 'frontend',
    scopes: READ_USER,
    purpose: "show users' names",
  },
  uiFavouriteFilters: {
    method: 'GET',
    path: '/rest/api/3/filter/favourite',
    principal: 'frontend',
    scopes: READ_WORK,
    purpose: 'list favourite filters',
  },
  uiIssueLinkTypes: {
    method: 'GET',
    path: '/rest/api/3/issueLinkType',
    principal: 'frontend',
    scopes: READ_WORK,
    purpose: 'list issue link types',
  },
  uiFields: {
    method: 'GET',
    path: '/rest/api/3/field',
    principal: 'frontend',
    scopes: READ_WORK,
    purpose: "list rank fields, and the fields a structure's columns can show",
  },
  uiBoards: {
    method: 'GET',
    path: '/rest/agile/1.0/board',
    principal: 'frontend',
    scopes: ['read:board-scope:jira-software', 'read:project:jira'],
    purpose: 'list boards',
  },
  uiStatuses: {
    method: 'GET',
    path: '/rest/api/3/status',
    principal: 'frontend',
    scopes: READ_WORK,
    purpose: 'list workflow statuses',
  },
  uiResolutions: {
    method: 'GET',
    path: '/rest/api/3/resolution',
    principal: 'frontend',
    scopes: READ_WORK,
    purpose: 'list resolutions',
  },
  uiIssueTypes: {
    method: 'GET',
    path: '/rest/api/3/issuetype',
    principal: 'frontend',
    scopes: READ_WORK,
    purpose: 'list issue types',
  },
  uiProjectSearch: {
    method: 'GET',
    path: '/rest/api/3/project/search',
    principal: 'frontend',
    scopes: READ_WORK,
    purpose: 'find projects',
  },
  uiProject: {
    method: 'GET',
    path: '/rest/api/3/project/{projectIdOrKey}',
    principal: 'frontend',
    scopes: READ_WORK,
    purpose: 'show a project',
  },
  uiProjectRoles: {
    method: 'GET',
    path: '/rest/api/3/project/{projectIdOrKey}/role',
    principal: 'frontend',
    scopes: READ_WORK,
    purpose: "list a project's roles",
  },
  uiSearchJql: {
    method: 'POST',
    path: '/rest/api/3/search/jql',
    principal: 'frontend',
    scopes: READ_WORK,
    purpose: 'filter a structure by JQL',
  },
  uiBulkFetchIssues: {
    method: 'POST',
    path: '/rest/api/3/issue/bulkfetch',
    principal: 'frontend',
    scopes: READ_WORK,
    purpose: 'show issues in a structure',
  },
  uiGetIssue: {
    method: 'GET',
    path: '/rest/api/3/issue/{issueIdOrKey}',
    principal: 'frontend',
    scopes: READ_WORK,
    purpose: 'find an issue by key',
  },
} as const satisfies Record<string, JiraOperation>;

export type OperationKey = keyof typeof JIRA_OPERATIONS;
export type OperationOf<P extends Principal> = {
  [K in OperationKey]: (typeof JIRA_OPERATIONS)[K]['principal'] extends P ? (typeof JIRA_OPERATIONS)[K] : never;
}[OperationKey];

type ParamNames<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;

/** The values of an operation's path parameters, by name: required exactly when its path has some. */
export type ParamsOf<O extends JiraOperation> = [ParamNames<O['path']>] extends [never]
  ? { params?: undefined }
  : { params: Record<ParamNames<O['path']>, string | number> };

/**
 * The request path of an operation: its template with each parameter encoded by `route` (which refuses
 * path manipulation), then the query.
 */
export function operationRoute(
  operation: JiraOperation,
  params: Record<string, string | number> | undefined,
  query?: URLSearchParams,
): Route {
  const fragments: string[] = [];
  const values: Array<string | URLSearchParams> = [];
  let rest = operation.path;
  for (let m = /\{(\w+)\}/.exec(rest); m; m = /\{(\w+)\}/.exec(rest)) {
    const value = params?.[m[1]];
    if (value === undefined) throw new RangeError(`${operation.method} ${operation.path} needs a value for {${m[1]}}`);
    fragments.push(rest.slice(0, m.index));
    values.push(String(value));
    rest = rest.slice(m.index + m[0].length);
  }
  if (query && [...query.keys()].length > 0) {
    fragments.push(`${rest}?`);
    values.push(query);
    fragments.push('');
  } else fragments.push(rest);
  const template = Object.assign([...fragments], { raw: [...fragments] }) as unknown as TemplateStringsArray;
  return route(template, ...values);
}
