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
}

export type ProjectPermissionKey =
  'BROWSE_PROJECTS' | 'EDIT_ISSUES' | 'SCHEDULE_ISSUES' | 'LINK_ISSUES' | 'CREATE_ISSUES';

export interface DatasetProject {
  id: string;
  key: string;
  name: string;
  projectTypeKey: 'software' | 'business' | 'service_desk';
  lead?: string;
  /** Project roles: role name → members. */
  roles?: Record<string, { users?: string[]; groups?: string[] }>;
  /** BROWSE_PROJECTS is required; a missing EDIT/SCHEDULE/LINK/CREATE grant defaults to the browse grant. */
  permissions: { BROWSE_PROJECTS: Grant } & Partial<Record<ProjectPermissionKey, Grant>>;
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
  priorities?: string[];
  linkTypes: DatasetLinkType[];
  securityLevels?: DatasetSecurityLevel[];
  issues: DatasetIssue[];
  filters: DatasetFilter[];
  boards: DatasetBoard[];
}
