// Small datasets built in code for the emulator tests. The cast of users and projects:
//   alice — site admin, sees everything (also the Confidential security level)
//   bob   — browses ALPHA and BETA, may rank in ALPHA only (team-a), not in BETA
//   carol — browses ALPHA only, may not rank anywhere
//   SECRET is browsable by alice alone.
import type { Dataset, DatasetIssue } from '../../local/dataset/types';

export const NOW = new Date('2026-03-10T12:00:00.000Z');

export const users = {
  alice: {
    accountId: 'acc-alice',
    displayName: 'Alice Admin',
    email: 'alice@example.com',
    apiToken: 'tok-alice',
    groups: ['jira-software-users', 'jira-admins'],
    siteAdmin: true,
  },
  bob: {
    accountId: 'acc-bob',
    displayName: 'Bob Builder',
    email: 'bob@example.com',
    apiToken: 'tok-bob',
    groups: ['jira-software-users', 'team-a'],
    siteAdmin: false,
  },
  carol: {
    accountId: 'acc-carol',
    displayName: 'Carol Viewer',
    email: 'carol@example.com',
    apiToken: 'tok-carol',
    groups: ['guests'],
    siteAdmin: false,
  },
};

const daysAgo = (d: number): string => new Date(NOW.getTime() - d * 86_400_000).toISOString();

type IssueSpec = Omit<DatasetIssue, 'id' | 'created' | 'updated'> & { ageDays?: number; updatedDaysAgo?: number };

function issues(specs: IssueSpec[]): DatasetIssue[] {
  return specs.map(({ ageDays = 30, updatedDaysAgo, ...s }, n) => ({
    id: String(10001 + n),
    created: daysAgo(ageDays),
    updated: daysAgo(updatedDaysAgo ?? ageDays),
    ...s,
  }));
}

export function smallDataset(): Dataset {
  return {
    site: { name: 'emulator-test', cloudId: '00000000-0000-4000-8000-000000000001' },
    users: Object.values(users),
    projects: [
      {
        id: '10000',
        key: 'ALPHA',
        name: 'Alpha',
        projectTypeKey: 'software',
        roles: { Developers: { groups: ['team-a'] } },
        permissions: {
          BROWSE_PROJECTS: { groups: ['jira-software-users', 'guests'] },
          SCHEDULE_ISSUES: { roles: ['Developers'], users: ['acc-alice'] },
          EDIT_ISSUES: { groups: ['jira-software-users'] },
          LINK_ISSUES: { groups: ['jira-software-users'] },
        },
      },
      {
        id: '10001',
        key: 'BETA',
        name: 'Beta',
        projectTypeKey: 'software',
        permissions: {
          BROWSE_PROJECTS: { groups: ['jira-software-users'] },
          SCHEDULE_ISSUES: { users: ['acc-alice'] },
        },
      },
      {
        id: '10002',
        key: 'SECRET',
        name: 'Secret',
        projectTypeKey: 'software',
        permissions: { BROWSE_PROJECTS: { users: ['acc-alice'] } },
      },
    ],
    issueTypes: [
      { id: '10100', name: 'Initiative', hierarchyLevel: 2, subtask: false },
      { id: '10000', name: 'Epic', hierarchyLevel: 1, subtask: false },
      { id: '10001', name: 'Story', hierarchyLevel: 0, subtask: false },
      { id: '10002', name: 'Task', hierarchyLevel: 0, subtask: false },
      { id: '10004', name: 'Bug', hierarchyLevel: 0, subtask: false },
      { id: '10003', name: 'Sub-task', hierarchyLevel: -1, subtask: true },
    ],
    statuses: [
      { id: '1', name: 'To Do', category: 'new' },
      { id: '3', name: 'In Progress', category: 'indeterminate' },
      { id: '10001', name: 'Done', category: 'done' },
    ],
    priorities: ['Highest', 'High', 'Medium', 'Low', 'Lowest'],
    linkTypes: [
      { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
      { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
    ],
    securityLevels: [{ id: '10100', name: 'Confidential', members: { users: ['acc-alice'] } }],
    issues: issues([
      /* 10001 */ {
        key: 'ALPHA-1',
        type: 'Initiative',
        summary: 'Platform initiative',
        status: 'In Progress',
        rank: '0|i0000k:',
        priority: 'Medium',
        reporter: 'acc-alice',
      },
      /* 10002 */ {
        key: 'ALPHA-2',
        type: 'Epic',
        summary: 'Login epic',
        status: 'In Progress',
        parent: 'ALPHA-1',
        rank: '0|i0000c:',
        priority: 'High',
        reporter: 'acc-alice',
      },
      /* 10003 */ {
        key: 'ALPHA-3',
        type: 'Story',
        summary: 'Login form story',
        status: 'To Do',
        parent: 'ALPHA-2',
        rank: '0|i0000a:',
        labels: ['frontend'],
        assignee: 'acc-bob',
        priority: 'Medium',
        ageDays: 3,
      },
      /* 10004 */ {
        key: 'ALPHA-4',
        type: 'Sub-task',
        summary: 'Validate password field',
        status: 'To Do',
        parent: 'ALPHA-3',
        rank: '0|i0000b:',
        priority: 'Low',
        ageDays: 2,
      },
      /* 10005 */ {
        key: 'ALPHA-5',
        type: 'Sub-task',
        summary: 'Confidential audit subtask',
        status: 'To Do',
        parent: 'ALPHA-3',
        rank: '0|i0000e:',
        security: 'Confidential',
        priority: 'Low',
      },
      /* 10006 */ {
        key: 'ALPHA-6',
        type: 'Bug',
        summary: 'Crash on logout',
        status: 'Done',
        rank: '0|i0000g:',
        labels: ['backend', 'urgent'],
        priority: 'Highest',
        assignee: 'acc-alice',
        links: [{ type: 'Blocks', to: 'ALPHA-3' }],
        updatedDaysAgo: 1,
      },
      /* 10007 */ {
        key: 'ALPHA-7',
        type: 'Task',
        summary: 'Write the docs',
        status: 'To Do',
        rank: '0|i0000i:',
        ageDays: 1,
      },
      /* 10008 */ {
        key: 'BETA-1',
        type: 'Epic',
        summary: 'Payments epic',
        status: 'To Do',
        rank: '0|i0000m:',
        priority: 'Medium',
      },
      /* 10009 */ {
        key: 'BETA-2',
        type: 'Story',
        summary: 'Checkout story',
        status: 'In Progress',
        parent: 'BETA-1',
        rank: '0|i0000o:',
        priority: 'Medium',
        links: [{ type: 'Relates', to: 'ALPHA-3' }],
      },
      /* 10010 */ {
        key: 'BETA-3',
        type: 'Story',
        summary: 'Refund story',
        status: 'Done',
        rank: '0|i0000q:',
        priority: 'Medium',
      },
      /* 10011 */ {
        key: 'SECRET-1',
        type: 'Story',
        summary: 'Hidden story',
        status: 'To Do',
        rank: '0|i0000s:',
        priority: 'Medium',
        links: [{ type: 'Blocks', to: 'ALPHA-6' }],
      },
    ]),
    filters: [
      {
        id: '10000',
        name: 'Alpha everything',
        owner: 'acc-alice',
        jql: 'project = ALPHA ORDER BY Rank',
        sharePermissions: [{ type: 'global' }],
        favouritedBy: ['acc-bob', 'acc-carol'],
      },
      {
        id: '10001',
        name: 'Secret only',
        owner: 'acc-alice',
        jql: 'project = SECRET',
        sharePermissions: [],
        favouritedBy: ['acc-alice', 'acc-bob'],
      },
      {
        id: '10002',
        name: 'Beta board',
        owner: 'acc-bob',
        jql: 'project = BETA ORDER BY Rank',
        description: 'Board filter',
        sharePermissions: [{ type: 'group', group: 'jira-software-users' }],
        favouritedBy: ['acc-bob'],
      },
      {
        id: '10003',
        name: 'Alpha open via filter',
        owner: 'acc-alice',
        jql: 'filter = 10000 AND statusCategory != Done',
        sharePermissions: [{ type: 'project', project: 'ALPHA' }],
      },
    ],
    boards: [
      { id: 1, name: 'ALPHA scrum', type: 'scrum', filterId: '10000', projectKey: 'ALPHA' },
      {
        id: 2,
        name: 'BETA kanban',
        type: 'kanban',
        filterId: '10002',
        subQuery: 'statusCategory != Done',
        projectKey: 'BETA',
      },
    ],
  };
}

/** ALPHA with `count` extra tasks (ALPHA-8 ...), for paging tests. Rank order = reverse key order. */
export function largeDataset(count: number): Dataset {
  const base = smallDataset();
  const pad = (n: number): string => n.toString(36).padStart(6, '0');
  for (let n = 0; n < count; n++) {
    const keyNum = 8 + n;
    base.issues.push({
      id: String(20000 + n),
      key: `ALPHA-${keyNum}`,
      type: 'Task',
      summary: `Generated task ${keyNum}`,
      status: n % 3 === 0 ? 'Done' : 'To Do',
      rank: `1|${pad(count - n)}:`,
      created: NOW.toISOString(),
      updated: NOW.toISOString(),
    });
  }
  return base;
}
