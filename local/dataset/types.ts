// The dataset format that seeds the Jira emulator. local/dataset/dataset.schema.json is the JSON Schema
// of the same shape; the loader validates a file against it before the emulator sees it.

/** Who a permission is granted to. An empty grant grants nothing. */
export interface Grant {
  anyone?: boolean;
  groups?: string[];
  users?: string[];
  /** Names of project roles (see DatasetProject.roles). */
  roles?: string[];
}

export interface DatasetUser {
  accountId: string;
  displayName: string;
  email: string;
  /** API token for HTTP Basic authentication (email:apiToken), as on Jira Cloud. */
  apiToken: string;
  groups: string[];
  /** Global ADMINISTER (Jira administrator). */
  siteAdmin: boolean;
  active?: boolean;
  timeZone?: string;
  /** Jira's `accountType`: `app` for an app's account, such as the one automation rules act as. Default `atlassian`. */
  accountType?: 'atlassian' | 'app';
}

export type ProjectPermissionKey =
  | 'BROWSE_PROJECTS'
  | 'EDIT_ISSUES'
  | 'SCHEDULE_ISSUES'
  | 'LINK_ISSUES'
  | 'CREATE_ISSUES'
  | 'TRANSITION_ISSUES'
  | 'RESOLVE_ISSUES';

export interface DatasetProject {
  id: string;
  key: string;
  name: string;
  projectTypeKey: 'software' | 'business' | 'service_desk';
  lead?: string;
  /** Project roles: role name → members. */
  roles?: Record<string, { users?: string[]; groups?: string[] }>;
  /** BROWSE_PROJECTS is required; any other missing grant defaults to the browse grant. */
  permissions: { BROWSE_PROJECTS: Grant } & Partial<Record<ProjectPermissionKey, Grant>>;
  /**
   * Name of the project's workflow (Dataset.workflows), used by every issue type of the project. Without
   * one the project has Jira's simplified workflow: every status of the site, reachable from any status.
   */
  workflow?: string;
}

export interface DatasetIssueType {
  id: string;
  name: string;
  /** Jira's hierarchy level: -1 sub-task, 0 standard, 1 epic, 2+ custom levels above epic. */
  hierarchyLevel: number;
  subtask: boolean;
  description?: string;
}

export interface DatasetStatus {
  id: string;
  name: string;
  category: 'new' | 'indeterminate' | 'done';
}

/** A workflow: the statuses an issue of a project can be in and the transitions between them. */
export interface DatasetWorkflow {
  name: string;
  /** Status names (Dataset.statuses); the first is where new issues start. */
  statuses: string[];
  transitions: DatasetTransition[];
}

export interface DatasetTransition {
  /** Numeric string, unique within the workflow (Jira's ids repeat from one workflow to another). */
  id: string;
  name: string;
  /** Names of the statuses it leaves from; absent: a global transition, from every other status. */
  from?: string[];
  /** Name of the status it reaches. */
  to: string;
  /**
   * The transition's screen shows the Resolution field (to users with Resolve Issues): required or not,
   * with an optional default. Absent: no screen.
   */
  resolutionScreen?: { required: boolean; default?: string };
  /**
   * Name of the resolution a "Set resolution" post function sets when the issue reaches a done status
   * without one from the screen. Absent: a transition into a done status leaves the resolution as it is.
   */
  setsResolution?: string;
}

export interface DatasetLinkType {
  id: string;
  name: string;
  /** e.g. "is blocked by" */
  inward: string;
  /** e.g. "blocks" */
  outward: string;
}

/** A link from the issue that holds it: "<this issue> <linkType.outward> <to>", e.g. A blocks B. */
export interface DatasetLink {
  id?: string;
  type: string;
  to: string;
}

export interface DatasetSecurityLevel {
  id: string;
  name: string;
  members: Grant;
}

export interface DatasetIssue {
  id: string;
  key: string;
  /** Issue type name. */
  type: string;
  summary: string;
  /** Status name (see Dataset.statuses). */
  status: string;
  /** Key of the parent issue (the unified parent field: sub-task → standard → epic → levels above). */
  parent?: string;
  links?: DatasetLink[];
  /** Lexicographically ordered rank string (smaller ranks first). */
  rank: string;
  labels?: string[];
  assignee?: string;
  reporter?: string;
  priority?: string;
  /** Name of an issue security level; only its members see the issue. */
  security?: string;
  created: string;
  updated: string;
  /** Plain text (Jira stores ADF; JQL `description ~` searches its words). */
  description?: string;
  /** Ids of the sprints the issue has been in (Dataset.sprints); the last open one is its current sprint. */
  sprints?: number[];
  /** Names of versions of the issue's project (Dataset.versions). */
  fixVersions?: string[];
  affectedVersions?: string[];
  /** Names of components of the issue's project (Dataset.components). */
  components?: string[];
  /** Resolution name (Dataset.resolutions); set exactly when `resolved` is. */
  resolution?: string;
  /** When the resolution was set; not before created, not after updated. */
  resolved?: string;
  /** Due date, "yyyy-MM-dd". */
  due?: string;
  /** Custom field values by field id ("customfield_10016"), of the type Dataset.customFields declares. */
  customFields?: Record<string, number | string>;
  /** Account ids of the users watching the issue. */
  watchers?: string[];
  comments?: DatasetComment[];
  /** Field changes, oldest first (what Jira's history holds): JQL `WAS` and `CHANGED` read them. */
  history?: DatasetChange[];
}

export interface DatasetComment {
  author: string;
  body: string;
  created: string;
}

/** One change of one field: values are names (status, priority) or account ids (assignee); null = empty. */
export interface DatasetChange {
  field: 'status' | 'assignee' | 'priority';
  from: string | null;
  to: string | null;
  at: string;
  /** Account id of who made the change. */
  by: string;
}

export interface DatasetSprint {
  id: number;
  name: string;
  state: 'active' | 'closed' | 'future';
  /** The scrum board the sprint belongs to. */
  boardId: number;
  startDate?: string;
  endDate?: string;
}

export interface DatasetVersion {
  id: string;
  /** Key of the project the version belongs to. */
  project: string;
  name: string;
  released: boolean;
  releaseDate?: string;
}

export interface DatasetComponent {
  id: string;
  /** Key of the project the component belongs to. */
  project: string;
  name: string;
}

export interface DatasetResolution {
  id: string;
  name: string;
}

export interface DatasetCustomField {
  /** "customfield_10016"; JQL names it `cf[10016]` or by its name. */
  id: string;
  name: string;
  type: 'number' | 'string';
}

export interface DatasetFilterShare {
  type: 'global' | 'project' | 'group' | 'user' | 'loggedin';
  project?: string;
  group?: string;
  user?: string;
}

export interface DatasetFilter {
  id: string;
  name: string;
  owner: string;
  jql: string;
  description?: string;
  sharePermissions: DatasetFilterShare[];
  favouritedBy?: string[];
}

export interface DatasetBoard {
  id: number;
  name: string;
  type: 'scrum' | 'kanban';
  filterId: string;
  /** Kanban boards only: JQL that further restricts the board's filter. */
  subQuery?: string;
  projectKey: string;
}

export interface Dataset {
  $schema?: string;
  site: { name: string; cloudId: string };
  users: DatasetUser[];
  projects: DatasetProject[];
  issueTypes: DatasetIssueType[];
  statuses: DatasetStatus[];
  /** Workflows that projects name (DatasetProject.workflow). */
  workflows?: DatasetWorkflow[];
  priorities?: string[];
  linkTypes: DatasetLinkType[];
  securityLevels?: DatasetSecurityLevel[];
  resolutions?: DatasetResolution[];
  customFields?: DatasetCustomField[];
  versions?: DatasetVersion[];
  components?: DatasetComponent[];
  sprints?: DatasetSprint[];
  issues: DatasetIssue[];
  filters: DatasetFilter[];
  boards: DatasetBoard[];
}
