// Everything in a generated dataset except its issues: users and groups, projects sized unevenly with
// permissions and roles, security levels, saved filters and boards. Small enough to build in memory; the
// issues (generate-issues.ts) stream and draw their projects, teams and sizes from this plan.

import {
  BASIC_WORKFLOW,
  ISSUE_TRACKING_WORKFLOW,
  ISSUE_TYPES,
  LINK_TYPES,
  PRIORITIES,
  SOFTWARE_WORKFLOW,
  STATUSES,
  WORKFLOWS,
} from './catalog';
import type { Random } from './prng';
import type { DatasetBoard, DatasetFilter, DatasetProject, DatasetUser, DatasetWorkflow, Grant } from './types';
import { AREAS, FIRST_NAMES, LAST_NAMES, type ProductArea } from './vocabulary';

import type { DatasetHead } from './serialize';

export interface ProjectPlan {
  area: ProductArea;
  key: string;
  /** How many issues the project gets. */
  size: number;
  /** Account ids of the team that works in it (assignees and reporters). */
  team: string[];
  restricted: boolean;
  /** Every issue of the project is in one of its statuses. */
  workflow: DatasetWorkflow;
}

export interface GenerationPlan {
  head: DatasetHead;
  projects: ProjectPlan[];
}

/** The one project only the security team may browse. */
export const RESTRICTED_PROJECT = 'SEC';
/** The one project contractors may browse. */
export const CONTRACTOR_PROJECT = 'MOB';
export const CONFIDENTIAL_LEVEL = 'Confidential';
export const SECURITY_TEAM_LEVEL = 'Security team only';

const hex = (rnd: Random, length: number): string => {
  let out = '';
  while (out.length < length) out += rnd.uint32().toString(16).padStart(8, '0');
  return out.slice(0, length);
};

/** Zipf-like weights with jitter: real sites have one or two big projects and a tail of small ones. */
function projectSizes(total: number, count: number, rnd: Random): number[] {
  const weights = Array.from({ length: count }, (_, i) => (1 / Math.pow(i + 1, 0.9)) * (0.7 + 0.6 * rnd.next()));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
  // Rounding leaves a remainder (or, for tiny totals, an excess); settle it on the largest project.
  sizes[0] = (sizes[0] ?? 0) + total - sizes.reduce((a, b) => a + b, 0);
  if ((sizes[0] ?? 0) < 1) throw new RangeError(`${total} issues are too few for ${count} projects`);
  return sizes;
}

/**
 * The restricted project tracks findings in Jira's classic workflow (resolve, then close); every third
 * other project works in the basic one; the rest in the software one. The smallest dataset has all three.
 */
function workflowFor(key: string, index: number): DatasetWorkflow {
  if (key === RESTRICTED_PROJECT) return ISSUE_TRACKING_WORKFLOW;
  return index % 3 === 2 ? BASIC_WORKFLOW : SOFTWARE_WORKFLOW;
}

export function projectCountFor(issues: number): number {
  return Math.max(4, Math.min(AREAS.length, Math.round(Math.log2(issues / 250)) + 2));
}

export function planHead(issues: number, seed: number | string, rnd: Random): GenerationPlan {
  const areas = AREAS.slice(0, projectCountFor(issues));
  const sizes = projectSizes(issues, areas.length, rnd);
  const userCount = Math.max(16, Math.min(80, Math.round(12 + issues / 4000)));

  // Users: index 0 is the site admin, 1 and 2 are contractors, the rest are employees spread over teams.
  const firsts = [...FIRST_NAMES];
  const lasts = [...LAST_NAMES];
  const users: DatasetUser[] = [];
  for (let i = 0; i < userCount; i++) {
    const first = firsts[(i * 7 + 3) % firsts.length] as string;
    const last = lasts[(i * 11 + Math.floor(i / lasts.length)) % lasts.length] as string;
    const handle = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
    users.push({
      accountId: `5f${hex(rnd, 22)}`,
      displayName: `${first} ${last}`,
      email: `${handle}${i >= firsts.length ? i : ''}@example.com`,
      apiToken: `demo-token-${hex(rnd, 16)}`,
      groups:
        i === 0
          ? ['jira-administrators', 'jira-software-users', 'security-team']
          : i <= 2
            ? ['contractors']
            : ['jira-software-users'],
      siteAdmin: i === 0,
      timeZone: rnd.pick([
        'Europe/Berlin',
        'America/New_York',
        'Asia/Kolkata',
        'Europe/London',
        'America/Los_Angeles',
        'Australia/Sydney',
      ]),
    });
  }
  const employees = users.slice(3);
  const contractors = users.slice(1, 3);

  const projects: ProjectPlan[] = areas.map((area, i) => ({
    area,
    key: area.key,
    size: sizes[i] as number,
    team: [],
    restricted: area.key === RESTRICTED_PROJECT,
    workflow: workflowFor(area.key, i),
  }));
  // Every employee is on one team, some on two; teams are as uneven as the projects they work in.
  employees.forEach((user, i) => {
    const home = projects[i % projects.length] as ProjectPlan;
    home.team.push(user.accountId);
    user.groups.push(`team-${home.key.toLowerCase()}`);
    if (home.restricted) user.groups.push('security-team');
    if (rnd.chance(0.25)) {
      const other = rnd.pick(projects);
      if (other !== home && !other.restricted) {
        other.team.push(user.accountId);
        user.groups.push(`team-${other.key.toLowerCase()}`);
      }
    }
  });
  for (const c of contractors) {
    projects.find((p) => p.key === CONTRACTOR_PROJECT)?.team.push(c.accountId);
  }

  const datasetProjects: DatasetProject[] = projects.map((p, i) => {
    const lead = p.team[0] ?? (users[0] as DatasetUser).accountId;
    const browse: Grant = p.restricted
      ? { groups: ['security-team'] }
      : { groups: p.key === CONTRACTOR_PROJECT ? ['jira-software-users', 'contractors'] : ['jira-software-users'] };
    return {
      id: String(10000 + i),
      key: p.key,
      name: p.area.name,
      projectTypeKey: 'software',
      lead,
      roles: {
        Administrators: { users: [lead], groups: ['jira-administrators'] },
        Developers: { groups: [`team-${p.key.toLowerCase()}`] },
      },
      permissions: {
        BROWSE_PROJECTS: browse,
        EDIT_ISSUES: { roles: ['Administrators', 'Developers'] },
        SCHEDULE_ISSUES: { roles: ['Administrators', 'Developers'] },
        LINK_ISSUES: browse,
        CREATE_ISSUES: browse,
        // The team moves its work through the workflow: contractors browse MOB but transition nothing.
        TRANSITION_ISSUES: { roles: ['Administrators', 'Developers'] },
        RESOLVE_ISSUES: { roles: ['Administrators', 'Developers'] },
      },
      workflow: p.workflow.name,
    };
  });

  const { filters, boards } = filtersAndBoards(datasetProjects, projects, users, rnd);
  return {
    projects,
    head: {
      site: { name: `Generated site (${issues} issues, seed ${seed})`, cloudId: uuid(rnd) },
      users,
      projects: datasetProjects,
      issueTypes: [...ISSUE_TYPES],
      statuses: [...STATUSES],
      workflows: [...WORKFLOWS],
      priorities: [...PRIORITIES],
      linkTypes: [...LINK_TYPES],
      securityLevels: [
        {
          id: '10000',
          name: CONFIDENTIAL_LEVEL,
          members: { groups: ['jira-administrators'], roles: ['Administrators'] },
        },
        { id: '10001', name: SECURITY_TEAM_LEVEL, members: { groups: ['security-team'] } },
      ],
      filters,
      boards,
    },
  };
}

function uuid(rnd: Random): string {
  const h = hex(rnd, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Per project: a board filter, an open-bugs filter and a board; plus a few global and private filters. */
function filtersAndBoards(
  projects: DatasetProject[],
  plans: ProjectPlan[],
  users: DatasetUser[],
  rnd: Random,
): { filters: DatasetFilter[]; boards: DatasetBoard[] } {
  const filters: DatasetFilter[] = [];
  const boards: DatasetBoard[] = [];
  const nextId = (): string => String(10000 + filters.length);
  projects.forEach((p, i) => {
    const team = (plans[i] as ProjectPlan).team;
    const owner = p.lead as string;
    const boardFilter: DatasetFilter = {
      id: nextId(),
      name: `${p.name} board`,
      owner,
      jql: `project = ${p.key} ORDER BY Rank ASC`,
      sharePermissions: [{ type: 'project', project: p.key }],
      favouritedBy: team.slice(0, 3),
    };
    filters.push(boardFilter);
    filters.push({
      id: nextId(),
      name: `${p.name}: open bugs`,
      owner,
      jql: `project = ${p.key} AND issuetype = Bug AND statusCategory != Done ORDER BY priority DESC, updated DESC`,
      sharePermissions: [{ type: 'project', project: p.key }],
      favouritedBy: team.filter(() => rnd.chance(0.3)),
    });
    const kanban = i % 3 === 1;
    boards.push({
      id: i + 1,
      name: `${p.key} ${kanban ? 'Kanban' : 'Scrum'} board`,
      type: kanban ? 'kanban' : 'scrum',
      filterId: boardFilter.id,
      ...(kanban ? { subQuery: 'statusCategory != Done OR updated >= -14d' } : {}),
      projectKey: p.key,
    });
  });
  const admin = users[0] as DatasetUser;
  const openProjects = projects.filter((p) => p.key !== RESTRICTED_PROJECT).map((p) => p.key);
  filters.push({
    id: nextId(),
    name: 'All open epics',
    owner: admin.accountId,
    jql: `issuetype = Epic AND statusCategory != Done ORDER BY Rank ASC`,
    description: 'Roadmap view across teams.',
    sharePermissions: [{ type: 'global' }],
    favouritedBy: users.filter(() => rnd.chance(0.2)).map((u) => u.accountId),
  });
  filters.push({
    id: nextId(),
    name: 'Release blockers',
    owner: admin.accountId,
    jql: `project in (${openProjects.join(', ')}) AND labels = release-blocker AND statusCategory != Done ORDER BY priority DESC`,
    sharePermissions: [{ type: 'loggedin' }],
  });
  filters.push({
    id: nextId(),
    name: 'Security findings',
    owner: admin.accountId,
    jql: `project = ${RESTRICTED_PROJECT} AND issuetype = Bug ORDER BY created DESC`,
    sharePermissions: [{ type: 'group', group: 'security-team' }],
  });
  // Private filters: shared with nobody, seen only by their owners.
  for (const user of users.slice(3, 8)) {
    filters.push({
      id: nextId(),
      name: 'My open work',
      owner: user.accountId,
      jql: `assignee = "${user.accountId}" AND statusCategory != Done ORDER BY updated DESC`,
      sharePermissions: [],
      favouritedBy: [user.accountId],
    });
  }
  return { filters, boards };
}
