// Builds demo.json from the outline in demo-outline.ts plus the demo's users, projects, filters and
// boards. demo.json is committed (it is what `npm start` loads); a test checks that it still equals
// this script's output, so edit the outline and re-run: `npx tsx local/dataset/build-demo.ts`.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  ISSUE_TRACKING_WORKFLOW,
  ISSUE_TYPES,
  LINK_TYPES,
  PRIORITIES,
  SOFTWARE_WORKFLOW,
  STATUSES,
  WORKFLOWS,
} from './catalog';
import { DEMO_OUTLINE } from './demo-outline';
import { planFields, settleOnWorkflow, withFields } from './issue-fields';
import { createRandom } from './prng';
import { lexoRank } from './rank';
import { AREAS } from './vocabulary';
import { datasetToText } from './serialize';
import type { Dataset, DatasetIssue, DatasetUser } from './types';

/** The four demo accounts, each with a different view of the site. */
export const DEMO_USERS = {
  /** Site admin: sees and administers everything. */
  alice: {
    accountId: '5d1f0a11c2b3a40001a11ce0',
    displayName: 'Alice Nguyen',
    email: 'alice@demo.example',
    apiToken: 'demo-token-alice',
    groups: ['jira-administrators', 'jira-software-users', 'security-team'],
    siteAdmin: true,
    timeZone: 'Europe/Berlin',
  },
  /** Lead of Platform and Security: browses every project, but is not a Jira admin. */
  priya: {
    accountId: '5d1f0a11c2b3a40002b0b0b0',
    displayName: 'Priya Raman',
    email: 'priya@demo.example',
    apiToken: 'demo-token-priya',
    groups: ['jira-software-users', 'security-team'],
    siteAdmin: false,
    timeZone: 'Asia/Kolkata',
  },
  /** Developer: browses Platform and Mobile, not the restricted Security project. */
  dan: {
    accountId: '5d1f0a11c2b3a40003da0da0',
    displayName: 'Dan Okafor',
    email: 'dan@demo.example',
    apiToken: 'demo-token-dan',
    groups: ['jira-software-users'],
    siteAdmin: false,
    timeZone: 'Europe/London',
  },
  /** Contractor: browses only the Mobile project. */
  carla: {
    accountId: '5d1f0a11c2b3a40004ca71a0',
    displayName: 'Carla Mendes',
    email: 'carla@demo.example',
    apiToken: 'demo-token-carla',
    groups: ['contractors'],
    siteAdmin: false,
    timeZone: 'America/Sao_Paulo',
  },
} satisfies Record<string, DatasetUser>;

type Handle = keyof typeof DEMO_USERS;
const id = (handle: Handle): string => DEMO_USERS[handle].accountId;
const LEADS: Record<string, Handle> = { PLAT: 'priya', MOB: 'dan', SEC: 'priya' };

interface Parsed {
  depth: number;
  project: string;
  issue: DatasetIssue;
  tag?: string;
  links: { type: string; tag: string }[];
}

/** Parses the outline into issues (links still as tags), in line order. */
function parseOutline(outline: string): Parsed[] {
  const out: Parsed[] = [];
  const stack: Parsed[] = [];
  const counters = new Map<string, number>();
  let topProject: string | undefined;
  outline.split('\n').forEach((line, lineNo) => {
    if (!line.trim()) return;
    const depth = (line.length - line.trimStart().length) / 2;
    let text = line.trim();
    let project = depth === 0 ? topProject : stack[depth - 1]?.project;
    const at = /^@([A-Z]+) /.exec(text);
    if (at) {
      project = at[1];
      text = text.slice(at[0].length);
    }
    if (depth === 0) topProject = project;
    const [type, summary, status, assignee, labels, options = ''] = text.split(' | ');
    if (!project || !type || !summary || !status || !assignee || !labels)
      throw new Error(`demo outline line ${lineNo}: cannot parse ${JSON.stringify(line)}`);
    const number = (counters.get(project) ?? 0) + 1;
    counters.set(project, number);
    const parent = depth > 0 ? stack[depth - 1] : undefined;
    const issue: DatasetIssue = {
      id: '',
      key: `${project}-${number}`,
      type,
      summary,
      status,
      ...(parent ? { parent: parent.issue.key } : {}),
      rank: '',
      ...(labels !== '-' ? { labels: labels.split(',') } : {}),
      ...(assignee !== '-' ? { assignee: id(assignee as Handle) } : {}),
      reporter: id(LEADS[project] ?? 'alice'),
      priority: type === 'Bug' ? 'High' : 'Medium',
      created: '',
      updated: '',
    };
    const parsed: Parsed = { depth, project, issue, links: [] };
    for (const option of options.split(' ').filter(Boolean)) {
      if (option.startsWith('&')) parsed.tag = option.slice(1);
      else if (option.startsWith('>')) {
        const [linkType, tag] = option.slice(1).split(':');
        if (!linkType || !tag) throw new Error(`demo outline line ${lineNo}: bad link ${option}`);
        parsed.links.push({ type: linkType, tag });
      } else if (option.startsWith('!')) issue.security = option.slice(1);
      else if (option.startsWith('^')) issue.priority = option.slice(1);
      else throw new Error(`demo outline line ${lineNo}: unknown option ${option}`);
    }
    stack[depth] = parsed;
    stack.length = depth + 1;
    out.push(parsed);
  });
  return out;
}

export function buildDemo(): Dataset {
  const parsed = parseOutline(DEMO_OUTLINE);
  const byTag = new Map(parsed.filter((p) => p.tag).map((p) => [p.tag as string, p.issue.key]));
  const start = Date.UTC(2025, 0, 6, 9, 0, 0);
  const HOUR = 3600 * 1000;
  let linkId = 10000;
  const issues = parsed.map((p, i): DatasetIssue => {
    // Issues were created in outline order, about two days apart; finished work was last touched
    // a week after it was created, open work a day after.
    const created = start + i * 46 * HOUR;
    const done = STATUSES.find((s) => s.name === p.issue.status)?.category === 'done';
    const links = p.links.map((l) => {
      const to = byTag.get(l.tag);
      if (!to) throw new Error(`demo outline: ${p.issue.key} links to unknown tag ${l.tag}`);
      return { id: String(linkId++), type: l.type, to };
    });
    const { created: _c, updated: _u, ...rest } = p.issue;
    return {
      ...rest,
      id: String(10000 + i),
      ...(links.length > 0 ? { links } : {}),
      // Outline order is the backlog order; the gaps leave room for rank changes.
      rank: lexoRank([[(i + 1) * 4096, 6]]),
      created: new Date(created).toISOString(),
      updated: new Date(created + (done ? 7 * 24 : 24) * HOUR).toISOString(),
    };
  });

  const dataset: Dataset = {
    $schema: './dataset.schema.json',
    site: { name: 'Demo site', cloudId: '6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b' },
    users: Object.values(DEMO_USERS),
    projects: [
      {
        id: '10000',
        key: 'PLAT',
        name: 'Platform',
        projectTypeKey: 'software',
        lead: id('priya'),
        roles: {
          Administrators: { users: [id('priya')], groups: ['jira-administrators'] },
          Developers: { groups: ['jira-software-users'] },
        },
        permissions: {
          BROWSE_PROJECTS: { groups: ['jira-software-users'] },
          EDIT_ISSUES: { roles: ['Administrators', 'Developers'] },
          SCHEDULE_ISSUES: { roles: ['Administrators', 'Developers'] },
          TRANSITION_ISSUES: { roles: ['Administrators', 'Developers'] },
          RESOLVE_ISSUES: { roles: ['Administrators', 'Developers'] },
        },
        workflow: SOFTWARE_WORKFLOW.name,
      },
      {
        id: '10001',
        key: 'MOB',
        name: 'Mobile',
        projectTypeKey: 'software',
        lead: id('dan'),
        roles: {
          Administrators: { users: [id('dan')], groups: ['jira-administrators'] },
          Developers: { users: [id('carla')], groups: ['jira-software-users'] },
        },
        permissions: {
          BROWSE_PROJECTS: { groups: ['jira-software-users', 'contractors'] },
          EDIT_ISSUES: { roles: ['Administrators', 'Developers'] },
          // Contractors may work on issues but not reorder the team's backlog, nor move issues through
          // the workflow: Carla browses MOB but transitions nothing.
          SCHEDULE_ISSUES: { roles: ['Administrators'], groups: ['jira-software-users'] },
          TRANSITION_ISSUES: { roles: ['Administrators'], groups: ['jira-software-users'] },
          RESOLVE_ISSUES: { roles: ['Administrators'], groups: ['jira-software-users'] },
        },
        workflow: SOFTWARE_WORKFLOW.name,
      },
      {
        id: '10002',
        key: 'SEC',
        name: 'Security',
        projectTypeKey: 'software',
        lead: id('priya'),
        roles: {
          Administrators: { users: [id('priya')], groups: ['jira-administrators'] },
          Developers: { groups: ['security-team'] },
        },
        // Restricted: only the security team browses it (and so sees its links and filters' results).
        // Findings are resolved by the project's administrators and closed once verified.
        permissions: {
          BROWSE_PROJECTS: { groups: ['security-team'] },
          TRANSITION_ISSUES: { groups: ['security-team'] },
          RESOLVE_ISSUES: { roles: ['Administrators'] },
        },
        workflow: ISSUE_TRACKING_WORKFLOW.name,
      },
    ],
    issueTypes: [...ISSUE_TYPES],
    statuses: [...STATUSES],
    workflows: [...WORKFLOWS],
    priorities: [...PRIORITIES],
    linkTypes: [...LINK_TYPES],
    securityLevels: [
      { id: '10000', name: 'Confidential', members: { users: [id('priya')], groups: ['jira-administrators'] } },
    ],
    filters: [
      {
        id: '10000',
        name: 'Platform board',
        owner: id('priya'),
        jql: 'project = PLAT ORDER BY Rank ASC',
        sharePermissions: [{ type: 'project', project: 'PLAT' }],
        favouritedBy: [id('priya'), id('dan')],
      },
      {
        id: '10001',
        name: 'Mobile board',
        owner: id('dan'),
        jql: 'project = MOB ORDER BY Rank ASC',
        sharePermissions: [{ type: 'project', project: 'MOB' }],
        favouritedBy: [id('dan'), id('carla')],
      },
      {
        id: '10002',
        name: 'Open work across teams',
        owner: id('priya'),
        jql: 'project in (PLAT, MOB) AND statusCategory != Done ORDER BY Rank ASC',
        description: 'Everything not done in Platform and Mobile, in backlog order.',
        sharePermissions: [{ type: 'global' }],
        favouritedBy: [id('priya')],
      },
      {
        id: '10003',
        name: 'Release blockers',
        owner: id('alice'),
        jql: 'labels = release-blocker AND statusCategory != Done ORDER BY priority DESC, updated DESC',
        sharePermissions: [{ type: 'global' }],
        favouritedBy: [id('alice'), id('dan')],
      },
      {
        id: '10004',
        name: 'Roadmap: initiatives and epics',
        owner: id('alice'),
        jql: 'issuetype in (Initiative, Epic) ORDER BY Rank ASC',
        sharePermissions: [{ type: 'loggedin' }],
      },
      {
        id: '10005',
        name: 'My bugs',
        owner: id('dan'),
        jql: `assignee = "${id('dan')}" AND issuetype = Bug ORDER BY updated DESC`,
        description: 'Private: shared with nobody.',
        sharePermissions: [],
        favouritedBy: [id('dan')],
      },
      {
        id: '10006',
        name: 'Security backlog',
        owner: id('priya'),
        jql: 'project = SEC AND statusCategory != Done ORDER BY Rank ASC',
        sharePermissions: [{ type: 'group', group: 'security-team' }],
        favouritedBy: [id('priya'), id('alice')],
      },
    ],
    boards: [
      { id: 1, name: 'PLAT Scrum board', type: 'scrum', filterId: '10000', projectKey: 'PLAT' },
      {
        id: 2,
        name: 'MOB Kanban board',
        type: 'kanban',
        filterId: '10001',
        subQuery: 'statusCategory != Done OR updated >= -14d',
        projectKey: 'MOB',
      },
    ],
    issues,
  };
  return withDemoFields(dataset);
}

/** Who works in each demo project: they watch and comment on its issues. */
const DEMO_TEAMS: Record<string, Handle[]> = {
  PLAT: ['priya', 'dan', 'alice'],
  MOB: ['dan', 'carla'],
  SEC: ['priya', 'alice'],
};

/** Sprints (PLAT's scrum board), versions, components, resolutions, story points, history... as generated datasets have. */
function withDemoFields(dataset: Dataset): Dataset {
  const plan = planFields(
    dataset.projects.map((p) => {
      const components = AREAS.find((a) => a.key === p.key)?.components.slice(0, 5) ?? [];
      return { key: p.key, components, team: (DEMO_TEAMS[p.key] ?? []).map(id), vocabulary: components };
    }),
    dataset.boards,
  );
  const rnd = createRandom('demo/fields');
  const workflowOf = (key: string) => {
    const name = dataset.projects.find((p) => p.key === key.slice(0, key.lastIndexOf('-')))?.workflow;
    return WORKFLOWS.find((w) => w.name === name) ?? SOFTWARE_WORKFLOW;
  };
  return {
    ...dataset,
    ...plan.head,
    issues: dataset.issues.map((issue) => settleOnWorkflow(withFields(issue, plan, rnd), workflowOf(issue.key))),
  };
}

export const DEMO_FILE = path.join(__dirname, 'demo.json');

if (require.main === module) {
  writeFileSync(DEMO_FILE, datasetToText(buildDemo()));
  console.log(`Wrote ${DEMO_FILE}`);
}
