// Referential integrity of a dataset that already matches dataset.schema.json: every name, key and id a
// record refers to exists, identities are unique, and the issue hierarchy is one Jira could hold.
// JSON Schema cannot express cross-references, and the emulator trusts its data, so the loader runs
// this before the emulator sees a dataset. Linear in the dataset's size: one pass per array with maps.

import type {
  Dataset,
  DatasetChange,
  DatasetCustomField,
  DatasetIssue,
  DatasetIssueType,
  DatasetWorkflow,
  Grant,
} from './types';

/** The first problem found: where (a JSON path such as `issues[12].parent`) and what. */
export interface IntegrityProblem {
  path: string;
  problem: string;
}

class Found extends Error {
  constructor(readonly detail: IntegrityProblem) {
    super(`${detail.path} ${detail.problem}`);
  }
}

function fail(path: string, problem: string): never {
  throw new Found({ path, problem });
}

const quote = (value: string | number): string => JSON.stringify(value);
const a = (name: string): string => `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;

/** Indexes a list by one field, failing on the first duplicate. */
function indexUnique<T>(
  items: readonly T[],
  listPath: string,
  field: string,
  valueOf: (item: T) => string,
): Map<string, number> {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const value = valueOf(item);
    const earlier = seen.get(value);
    if (earlier !== undefined)
      fail(`${listPath}[${i}].${field}`, `${quote(value)} is a duplicate of ${listPath}[${earlier}].${field}`);
    seen.set(value, i);
  });
  return seen;
}

interface Context {
  users: Map<string, number>;
  groups: Set<string>;
  /** Role names defined by any project (security levels are global, so their roles resolve per issue's project). */
  anyRole: Set<string>;
}

function checkGrant(grant: Grant, path: string, ctx: Context, roles: ReadonlySet<string>): void {
  grant.users?.forEach((u, i) => {
    if (!ctx.users.has(u)) fail(`${path}.users[${i}]`, `${quote(u)} does not exist`);
  });
  grant.groups?.forEach((g, i) => {
    if (!ctx.groups.has(g)) fail(`${path}.groups[${i}]`, `${quote(g)} does not exist (no user is in this group)`);
  });
  grant.roles?.forEach((r, i) => {
    if (!roles.has(r)) fail(`${path}.roles[${i}]`, `${quote(r)} does not exist`);
  });
}

/** Returns the first integrity problem of the dataset, or undefined when there is none. */
export function findIntegrityProblem(ds: Dataset): IntegrityProblem | undefined {
  try {
    checkAll(ds);
    return undefined;
  } catch (error) {
    if (error instanceof Found) return error.detail;
    throw error;
  }
}

function checkAll(ds: Dataset): void {
  // Users and the groups they define.
  const users = indexUnique(ds.users, 'users', 'accountId', (u) => u.accountId);
  indexUnique(ds.users, 'users', 'email', (u) => u.email.toLowerCase());
  const groups = new Set<string>();
  for (const u of ds.users) for (const g of u.groups) groups.add(g);
  const anyRole = new Set<string>();
  for (const p of ds.projects) for (const r of Object.keys(p.roles ?? {})) anyRole.add(r);
  const ctx: Context = { users, groups, anyRole };

  // Projects, their roles and permission grants.
  indexUnique(ds.projects, 'projects', 'id', (p) => p.id);
  const projects = indexUnique(ds.projects, 'projects', 'key', (p) => p.key);
  indexUnique(ds.projects, 'projects', 'name', (p) => p.name);
  ds.projects.forEach((p, i) => {
    const path = `projects[${i}]`;
    if (p.lead !== undefined && !users.has(p.lead)) fail(`${path}.lead`, `${quote(p.lead)} does not exist`);
    const roleNames = new Set(Object.keys(p.roles ?? {}));
    for (const [role, members] of Object.entries(p.roles ?? {})) {
      checkGrant(members, `${path}.roles[${quote(role)}]`, ctx, new Set());
    }
    for (const [permission, grant] of Object.entries(p.permissions)) {
      if (grant) checkGrant(grant, `${path}.permissions.${permission}`, ctx, roleNames);
    }
  });

  // Issue types: the subtask flag and the hierarchy level must agree, or the emulator's two views of
  // "is this a sub-task" would disagree.
  indexUnique(ds.issueTypes, 'issueTypes', 'id', (t) => t.id);
  const typeIndex = indexUnique(ds.issueTypes, 'issueTypes', 'name', (t) => t.name);
  ds.issueTypes.forEach((t, i) => {
    if (t.subtask !== (t.hierarchyLevel === -1)) {
      fail(
        `issueTypes[${i}].subtask`,
        `is ${t.subtask} but hierarchyLevel is ${t.hierarchyLevel} (sub-task types, and only they, have level -1)`,
      );
    }
  });
  const types = new Map<string, DatasetIssueType>();
  for (const [name, i] of typeIndex) types.set(name, ds.issueTypes[i] as DatasetIssueType);

  indexUnique(ds.statuses, 'statuses', 'id', (s) => s.id);
  const statuses = indexUnique(ds.statuses, 'statuses', 'name', (s) => s.name);
  const workflows = checkWorkflows(ds, statuses, projects);
  const priorities = new Set(ds.priorities ?? []);
  indexUnique(ds.linkTypes, 'linkTypes', 'id', (t) => t.id);
  const linkTypes = indexUnique(ds.linkTypes, 'linkTypes', 'name', (t) => t.name);

  const levels = ds.securityLevels ?? [];
  indexUnique(levels, 'securityLevels', 'id', (l) => l.id);
  const securityLevels = indexUnique(levels, 'securityLevels', 'name', (l) => l.name);
  levels.forEach((l, i) => checkGrant(l.members, `securityLevels[${i}].members`, ctx, anyRole));

  const fields = checkIssueFields(ds, projects);
  checkIssues(ds, { ctx, projects, types, statuses, workflows, priorities, linkTypes, securityLevels, fields });
  checkFiltersAndBoards(ds, ctx, projects);
}

interface IssueContext {
  ctx: Context;
  projects: Map<string, number>;
  types: Map<string, DatasetIssueType>;
  statuses: Map<string, number>;
  /** Per project key that names a workflow: what its issues' statuses and status changes may be. */
  workflows: Map<string, WorkflowRules>;
  priorities: Set<string>;
  linkTypes: Map<string, number>;
  securityLevels: Map<string, number>;
  fields: FieldContext;
}

/** What the optional issue fields refer to: per project key, the names of its versions and components. */
interface FieldContext {
  resolutions: Set<string>;
  customFields: Map<string, DatasetCustomField>;
  versions: Map<string, Set<string>>;
  components: Map<string, Set<string>>;
  sprints: Set<number>;
}

interface WorkflowRules {
  name: string;
  statuses: Set<string>;
  /** "from\nto" for every move a transition allows. */
  moves: Set<string>;
}

/**
 * Workflows name existing statuses and resolutions, transitions stay within their workflow, ids are unique
 * per workflow, and every project's workflow exists. Returns the rules issues are checked against.
 */
function checkWorkflows(
  ds: Dataset,
  statuses: Map<string, number>,
  projects: Map<string, number>,
): Map<string, WorkflowRules> {
  const list = ds.workflows ?? [];
  const byName = indexUnique(list, 'workflows', 'name', (w) => w.name);
  const resolutions = new Set((ds.resolutions ?? []).map((r) => r.name));
  const rules = list.map((w, i) => workflowRules(w, `workflows[${i}]`, statuses, resolutions));
  const out = new Map<string, WorkflowRules>();
  ds.projects.forEach((p, i) => {
    if (p.workflow === undefined) return;
    const index = byName.get(p.workflow);
    if (index === undefined) fail(`projects[${i}].workflow`, `${quote(p.workflow)} does not exist`);
    if (projects.has(p.key)) out.set(p.key, rules[index] as WorkflowRules);
  });
  return out;
}

function workflowRules(
  w: DatasetWorkflow,
  path: string,
  statuses: Map<string, number>,
  resolutions: Set<string>,
): WorkflowRules {
  w.statuses.forEach((s, j) => {
    if (!statuses.has(s)) fail(`${path}.statuses[${j}]`, `${quote(s)} does not exist`);
  });
  const own = new Set(w.statuses);
  indexUnique(w.transitions, `${path}.transitions`, 'id', (t) => t.id);
  const moves = new Set<string>();
  w.transitions.forEach((t, j) => {
    const at = `${path}.transitions[${j}]`;
    if (!own.has(t.to)) fail(`${at}.to`, `${quote(t.to)} is not a status of workflow ${quote(w.name)}`);
    t.from?.forEach((f, k) => {
      if (!own.has(f)) fail(`${at}.from[${k}]`, `${quote(f)} is not a status of workflow ${quote(w.name)}`);
    });
    const def = t.resolutionScreen?.default;
    if (def !== undefined && !resolutions.has(def))
      fail(`${at}.resolutionScreen.default`, `${quote(def)} does not exist`);
    if (t.setsResolution !== undefined && !resolutions.has(t.setsResolution))
      fail(`${at}.setsResolution`, `${quote(t.setsResolution)} does not exist`);
    for (const from of t.from ?? w.statuses) if (from !== t.to || t.from) moves.add(`${from}\n${t.to}`);
  });
  return { name: w.name, statuses: own, moves };
}

function namesByProject(
  items: readonly { project: string; name: string }[],
  listPath: string,
  projects: Map<string, number>,
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  items.forEach((item, i) => {
    if (!projects.has(item.project)) fail(`${listPath}[${i}].project`, `${quote(item.project)} does not exist`);
    const names = out.get(item.project) ?? new Set<string>();
    if (names.has(item.name))
      fail(`${listPath}[${i}].name`, `${quote(item.name)} is a duplicate in project ${quote(item.project)}`);
    names.add(item.name);
    out.set(item.project, names);
  });
  return out;
}

function checkIssueFields(ds: Dataset, projects: Map<string, number>): FieldContext {
  const resolutions = ds.resolutions ?? [];
  indexUnique(resolutions, 'resolutions', 'id', (r) => r.id);
  indexUnique(resolutions, 'resolutions', 'name', (r) => r.name);
  const customFields = ds.customFields ?? [];
  indexUnique(customFields, 'customFields', 'id', (f) => f.id);
  indexUnique(customFields, 'customFields', 'name', (f) => f.name.toLowerCase());
  const versions = ds.versions ?? [];
  indexUnique(versions, 'versions', 'id', (v) => v.id);
  const components = ds.components ?? [];
  indexUnique(components, 'components', 'id', (c) => c.id);
  const sprints = ds.sprints ?? [];
  indexUnique(sprints, 'sprints', 'id', (s) => String(s.id));
  indexUnique(sprints, 'sprints', 'name', (s) => s.name);
  const scrumBoards = new Set(ds.boards.filter((b) => b.type === 'scrum').map((b) => b.id));
  sprints.forEach((s, i) => {
    if (!scrumBoards.has(s.boardId)) fail(`sprints[${i}].boardId`, `${s.boardId} is not a scrum board`);
  });
  return {
    resolutions: new Set(resolutions.map((r) => r.name)),
    customFields: new Map(customFields.map((f) => [f.id, f])),
    versions: namesByProject(versions, 'versions', projects),
    components: namesByProject(components, 'components', projects),
    sprints: new Set(sprints.map((s) => s.id)),
  };
}

/** The optional fields of one issue: every reference exists, dates sit within the issue's life. */
function checkOptionalFields(issue: DatasetIssue, path: string, x: IssueContext): void {
  const f = x.fields;
  const project = projectKeyOf(issue.key);
  const created = Date.parse(issue.created);
  const updated = Date.parse(issue.updated);
  issue.sprints?.forEach((id, j) => {
    if (!f.sprints.has(id)) fail(`${path}.sprints[${j}]`, `${id} does not exist`);
  });
  for (const [field, byProject] of [
    ['fixVersions', f.versions],
    ['affectedVersions', f.versions],
    ['components', f.components],
  ] as const) {
    issue[field]?.forEach((name, j) => {
      if (!byProject.get(project)?.has(name))
        fail(`${path}.${field}[${j}]`, `${quote(name)} does not exist in project ${quote(project)}`);
    });
  }
  if ((issue.resolution === undefined) !== (issue.resolved === undefined))
    fail(
      `${path}.${issue.resolution === undefined ? 'resolved' : 'resolution'}`,
      'is set without the other of resolution and resolved',
    );
  if (issue.resolution !== undefined && !f.resolutions.has(issue.resolution))
    fail(`${path}.resolution`, `${quote(issue.resolution)} does not exist`);
  if (issue.resolved !== undefined) {
    const at = Date.parse(issue.resolved);
    if (at < created || at > updated) fail(`${path}.resolved`, `${quote(issue.resolved)} is outside created..updated`);
  }
  for (const [id, value] of Object.entries(issue.customFields ?? {})) {
    const field = f.customFields.get(id);
    if (!field) fail(`${path}.customFields.${id}`, 'is not a custom field of the dataset');
    if (typeof value !== field.type) fail(`${path}.customFields.${id}`, `must be a ${field.type}`);
  }
  issue.watchers?.forEach((u, j) => {
    if (!x.ctx.users.has(u)) fail(`${path}.watchers[${j}]`, `${quote(u)} does not exist`);
  });
  issue.comments?.forEach((c, j) => {
    if (!x.ctx.users.has(c.author)) fail(`${path}.comments[${j}].author`, `${quote(c.author)} does not exist`);
    if (Date.parse(c.created) < created) fail(`${path}.comments[${j}].created`, 'is before the issue was created');
  });
  checkHistory(issue, path, x, created, updated);
}

function checkHistory(issue: DatasetIssue, path: string, x: IssueContext, created: number, updated: number): void {
  const exists: Record<DatasetChange['field'], (value: string) => boolean> = {
    status: (v) => x.statuses.has(v),
    priority: (v) => x.priorities.has(v),
    assignee: (v) => x.ctx.users.has(v),
  };
  const current: Record<DatasetChange['field'], string | undefined> = {
    status: issue.status,
    priority: issue.priority,
    assignee: issue.assignee,
  };
  const workflow = x.workflows.get(projectKeyOf(issue.key));
  const last = new Map<DatasetChange['field'], DatasetChange>();
  let previous = created;
  issue.history?.forEach((change, j) => {
    const at = `${path}.history[${j}]`;
    const time = Date.parse(change.at);
    if (time < previous || time > updated)
      fail(`${at}.at`, `${quote(change.at)} is out of order or outside created..updated`);
    previous = time;
    if (!x.ctx.users.has(change.by)) fail(`${at}.by`, `${quote(change.by)} does not exist`);
    for (const side of ['from', 'to'] as const) {
      const value = change[side];
      if (value !== null && !exists[change.field](value)) fail(`${at}.${side}`, `${quote(value)} does not exist`);
    }
    if (workflow && change.field === 'status' && !workflow.moves.has(`${String(change.from)}\n${String(change.to)}`))
      fail(
        at,
        `changes status from ${quote(String(change.from))} to ${quote(String(change.to))}, which no transition of workflow ${quote(workflow.name)} does`,
      );
    const before = last.get(change.field);
    if (before && before.to !== change.from)
      fail(`${at}.from`, `${quote(String(change.from))} is not the value the previous ${change.field} change left`);
    last.set(change.field, change);
  });
  for (const [field, change] of last) {
    if ((change.to ?? undefined) !== current[field])
      fail(`${path}.history`, `the last ${field} change leaves ${quote(String(change.to))}, not the issue's ${field}`);
  }
}

function projectKeyOf(issueKey: string): string {
  return issueKey.slice(0, issueKey.lastIndexOf('-'));
}

function checkIssues(ds: Dataset, x: IssueContext): void {
  // First pass: identities, so that parents and links may refer forward.
  indexUnique(ds.issues, 'issues', 'id', (issue) => issue.id);
  const keys = indexUnique(ds.issues, 'issues', 'key', (issue) => issue.key);
  indexUnique(ds.issues, 'issues', 'rank', (issue) => issue.rank);
  const linkIds = new Map<string, string>();

  ds.issues.forEach((issue, i) => {
    const path = `issues[${i}]`;
    const project = projectKeyOf(issue.key);
    if (!x.projects.has(project))
      fail(`${path}.key`, `${quote(issue.key)} names project ${quote(project)}, which does not exist`);
    const type = x.types.get(issue.type);
    if (!type) fail(`${path}.type`, `${quote(issue.type)} does not exist`);
    if (!x.statuses.has(issue.status)) fail(`${path}.status`, `${quote(issue.status)} does not exist`);
    const workflow = x.workflows.get(project);
    if (workflow && !workflow.statuses.has(issue.status))
      fail(`${path}.status`, `${quote(issue.status)} is not a status of workflow ${quote(workflow.name)}`);

    if (issue.parent !== undefined) {
      const parentIndex = keys.get(issue.parent);
      if (parentIndex === undefined) fail(`${path}.parent`, `${quote(issue.parent)} does not exist`);
      if (parentIndex === i) fail(`${path}.parent`, `${quote(issue.parent)} is the issue itself`);
      const parent = ds.issues[parentIndex];
      const parentType = parent && x.types.get(parent.type);
      // The parent's own type is checked at its own index; an unknown one is reported there first
      // unless the parent comes later, in which case report it here rather than crash.
      if (!parent || !parentType) fail(`${path}.parent`, `${quote(issue.parent)} has an unknown issue type`);
      if (type.hierarchyLevel === -1) {
        if (parentType.hierarchyLevel !== 0) {
          fail(
            `${path}.parent`,
            `${quote(issue.parent)} is ${a(parentType.name)} (level ${parentType.hierarchyLevel}); a sub-task's parent must be a standard issue (level 0)`,
          );
        }
        if (projectKeyOf(issue.parent) !== project) {
          fail(
            `${path}.parent`,
            `${quote(issue.parent)} is in another project; a sub-task must be in its parent's project`,
          );
        }
      } else if (parentType.hierarchyLevel <= type.hierarchyLevel) {
        fail(
          `${path}.parent`,
          `${quote(issue.parent)} is ${a(parentType.name)} (level ${parentType.hierarchyLevel}); ${a(type.name)} (level ${type.hierarchyLevel}) needs a parent of a higher level`,
        );
      }
    } else if (type.hierarchyLevel === -1) {
      fail(`${path}.parent`, `is missing; ${a(type.name)} (sub-task) must have a parent`);
    }

    issue.links?.forEach((link, j) => {
      const linkPath = `${path}.links[${j}]`;
      if (!x.linkTypes.has(link.type)) fail(`${linkPath}.type`, `${quote(link.type)} does not exist`);
      if (!keys.has(link.to)) fail(`${linkPath}.to`, `${quote(link.to)} does not exist`);
      if (link.to === issue.key) fail(`${linkPath}.to`, `${quote(link.to)} links the issue to itself`);
      if (link.id !== undefined) {
        const earlier = linkIds.get(link.id);
        if (earlier !== undefined) fail(`${linkPath}.id`, `${quote(link.id)} is a duplicate of ${earlier}.id`);
        linkIds.set(link.id, linkPath);
      }
    });

    if (issue.assignee !== undefined && !x.ctx.users.has(issue.assignee))
      fail(`${path}.assignee`, `${quote(issue.assignee)} does not exist`);
    if (issue.reporter !== undefined && !x.ctx.users.has(issue.reporter))
      fail(`${path}.reporter`, `${quote(issue.reporter)} does not exist`);
    if (issue.priority !== undefined && !x.priorities.has(issue.priority))
      fail(`${path}.priority`, `${quote(issue.priority)} does not exist`);
    if (issue.security !== undefined && !x.securityLevels.has(issue.security))
      fail(`${path}.security`, `${quote(issue.security)} does not exist`);
    if (Date.parse(issue.updated) < Date.parse(issue.created))
      fail(`${path}.updated`, `${quote(issue.updated)} is before created ${quote(issue.created)}`);
    checkOptionalFields(issue, path, x);
  });
}

function checkFiltersAndBoards(ds: Dataset, ctx: Context, projects: Map<string, number>): void {
  const filters = indexUnique(ds.filters, 'filters', 'id', (f) => f.id);
  ds.filters.forEach((f, i) => {
    const path = `filters[${i}]`;
    if (!ctx.users.has(f.owner)) fail(`${path}.owner`, `${quote(f.owner)} does not exist`);
    f.sharePermissions.forEach((share, j) => {
      const sharePath = `${path}.sharePermissions[${j}]`;
      if (share.project !== undefined && !projects.has(share.project))
        fail(`${sharePath}.project`, `${quote(share.project)} does not exist`);
      if (share.group !== undefined && !ctx.groups.has(share.group))
        fail(`${sharePath}.group`, `${quote(share.group)} does not exist (no user is in this group)`);
      if (share.user !== undefined && !ctx.users.has(share.user))
        fail(`${sharePath}.user`, `${quote(share.user)} does not exist`);
    });
    f.favouritedBy?.forEach((u, j) => {
      if (!ctx.users.has(u)) fail(`${path}.favouritedBy[${j}]`, `${quote(u)} does not exist`);
    });
  });

  indexUnique(ds.boards, 'boards', 'id', (b) => String(b.id));
  ds.boards.forEach((b, i) => {
    const path = `boards[${i}]`;
    if (!filters.has(b.filterId)) fail(`${path}.filterId`, `${quote(b.filterId)} does not exist`);
    if (!projects.has(b.projectKey)) fail(`${path}.projectKey`, `${quote(b.projectKey)} does not exist`);
  });
}
