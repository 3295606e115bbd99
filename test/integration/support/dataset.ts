// A small site for the integration tests, built in code so each test can read who sees what:
//   olivia — owns the structures; staff; not a Jira admin
//   adam   — Jira admin (global ADMINISTER); staff
//   ed     — staff, in group "editors" (gets edit through a group rule)
//   pat    — partner: browses APP only, never OPS
// APP-1..APP-6 and OPS-1..OPS-4; APP-2 and APP-3 are children (parent) of APP-1.
import type { Dataset, DatasetIssue } from '../../../local/dataset/types';

export const people = {
  olivia: {
    accountId: 'acc-olivia',
    displayName: 'Olivia Owner',
    email: 'olivia@example.com',
    apiToken: 't-olivia',
    groups: ['staff'],
    siteAdmin: false,
  },
  adam: {
    accountId: 'acc-adam',
    displayName: 'Adam Admin',
    email: 'adam@example.com',
    apiToken: 't-adam',
    groups: ['staff', 'jira-admins'],
    siteAdmin: true,
  },
  ed: {
    accountId: 'acc-ed',
    displayName: 'Ed Editor',
    email: 'ed@example.com',
    apiToken: 't-ed',
    groups: ['staff', 'editors'],
    siteAdmin: false,
  },
  pat: {
    accountId: 'acc-pat',
    displayName: 'Pat Partner',
    email: 'pat@example.com',
    apiToken: 't-pat',
    groups: ['partners'],
    siteAdmin: false,
  },
};
export type Person = keyof typeof people;

const STAMP = '2026-03-01T10:00:00.000Z';

function issue(n: number, key: string, extra: Partial<DatasetIssue> = {}): DatasetIssue {
  return {
    id: String(10000 + n),
    key,
    type: 'Task',
    summary: `${key} summary`,
    status: 'To Do',
    rank: `0|i${String(n).padStart(5, '0')}:`,
    created: STAMP,
    updated: STAMP,
    ...extra,
  };
}

/** Issue ids by key, as numbers (the forest's issue ids). */
export const id = (key: string): number => {
  const [project, num] = key.split('-');
  return 10000 + (project === 'APP' ? Number(num) : project === 'OPS' ? 100 + Number(num) : 1000 + Number(num));
};

export function siteDataset(extraTasks = 0): Dataset {
  const issues: DatasetIssue[] = [];
  for (let n = 1; n <= 6; n++) issues.push(issue(n, `APP-${n}`, n === 2 || n === 3 ? { parent: 'APP-1' } : {}));
  for (let n = 1; n <= 4; n++) issues.push(issue(100 + n, `OPS-${n}`));
  for (let n = 1; n <= extraTasks; n++) issues.push(issue(1000 + n, `BIG-${n}`));
  return {
    site: { name: 'integration', cloudId: '00000000-0000-4000-8000-0000000000aa' },
    users: Object.values(people),
    projects: [
      {
        id: '20000',
        key: 'APP',
        name: 'App',
        projectTypeKey: 'software',
        permissions: { BROWSE_PROJECTS: { groups: ['staff', 'partners'] } },
      },
      {
        id: '20001',
        key: 'OPS',
        name: 'Ops',
        projectTypeKey: 'software',
        permissions: { BROWSE_PROJECTS: { groups: ['staff'] } },
      },
      {
        id: '20002',
        key: 'BIG',
        name: 'Big',
        projectTypeKey: 'software',
        permissions: { BROWSE_PROJECTS: { groups: ['staff'] } },
      },
    ],
    issueTypes: [
      { id: '1', name: 'Task', hierarchyLevel: 0, subtask: false },
      { id: '2', name: 'Sub-task', hierarchyLevel: -1, subtask: true },
    ],
    statuses: [
      { id: '1', name: 'To Do', category: 'new' },
      { id: '2', name: 'Done', category: 'done' },
    ],
    linkTypes: [{ id: '1', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' }],
    issues,
    filters: [
      {
        id: '10000',
        name: 'All work',
        owner: 'acc-adam',
        jql: 'project in (APP, OPS) ORDER BY key ASC',
        sharePermissions: [{ type: 'global' }],
      },
      { id: '10001', name: 'Adam private', owner: 'acc-adam', jql: 'project = OPS', sharePermissions: [] },
      {
        id: '10002',
        name: 'App only',
        owner: 'acc-olivia',
        jql: 'project = APP ORDER BY key ASC',
        sharePermissions: [{ type: 'global' }],
      },
    ],
    boards: [],
  };
}
