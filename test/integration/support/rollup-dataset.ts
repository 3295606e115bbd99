// A site with workflows for Status Rollup, built in code so each test reads which transitions exist:
//   RU — the catalog's "Basic": To Do → In Progress → Done ("Done", from To Do too, sets the resolution),
//        In Progress → To Do ("Stop progress"), Done → To Do ("Reopen"). olivia and ed transition; pat
//        browses but may not transition.
//   RT — the catalog's Jira classic "Issue tracking": "Resolve Issue" asks for a resolution (required),
//        Closed is reached only from Resolved ("Close Issue"). olivia transitions and resolves.
// Issues RU-1..RU-12 and RT-1..RT-8, all tasks, no parents in Jira: the structure alone decides.
import { BASIC_WORKFLOW, ISSUE_TRACKING_WORKFLOW } from '../../../local/dataset/catalog';
import type { Dataset, DatasetIssue, DatasetResolution, DatasetStatus } from '../../../local/dataset/types';
import { people } from './dataset';

const STAMP = '2026-03-01T10:00:00.000Z';
const DONE_LIKE = new Set(['Done', 'Resolved', 'Closed']);

export const ROLLUP_STATUS = { todo: '1', progress: '3', done: '2', resolved: '4', closed: '5' } as const;

export const ROLLUP_STATUSES: readonly DatasetStatus[] = [
  { id: ROLLUP_STATUS.todo, name: 'To Do', category: 'new' },
  { id: ROLLUP_STATUS.progress, name: 'In Progress', category: 'indeterminate' },
  { id: ROLLUP_STATUS.done, name: 'Done', category: 'done' },
  { id: ROLLUP_STATUS.resolved, name: 'Resolved', category: 'done' },
  { id: ROLLUP_STATUS.closed, name: 'Closed', category: 'done' },
];
export const ROLLUP_RESOLUTIONS: readonly DatasetResolution[] = [
  { id: '10000', name: 'Done' },
  { id: '10001', name: 'Fixed' },
];

/** The account automation rules act as on Jira Cloud: an app's account, not a person's. */
export const AUTOMATION = {
  accountId: 'acc-automation',
  displayName: 'Automation for Jira',
  email: 'automation@example.invalid',
  apiToken: 't-automation',
  groups: ['staff'],
  siteAdmin: false,
  accountType: 'app',
} as const;

export const rollupId = (key: string): number => {
  const [project, num] = key.split('-');
  return 30000 + (project === 'RU' ? 0 : 100) + Number(num);
};

function issue(key: string, status: string): DatasetIssue {
  return {
    id: String(rollupId(key)),
    key,
    type: 'Task',
    summary: `${key} summary`,
    status,
    rank: `0|i${String(rollupId(key)).padStart(6, '0')}:`,
    created: STAMP,
    updated: STAMP,
    ...(DONE_LIKE.has(status) ? { resolution: 'Done', resolved: STAMP } : {}),
  };
}

/** Statuses by key; every other issue of RU-1..12, RT-1..8 is To Do. */
export function rollupDataset(statuses: Record<string, string>): Dataset {
  const issues: DatasetIssue[] = [];
  for (let n = 1; n <= 12; n++) issues.push(issue(`RU-${n}`, statuses[`RU-${n}`] ?? 'To Do'));
  for (let n = 1; n <= 8; n++) issues.push(issue(`RT-${n}`, statuses[`RT-${n}`] ?? 'To Do'));
  return {
    site: { name: 'rollup', cloudId: '00000000-0000-4000-8000-0000000000bb' },
    users: [...Object.values(people), { ...AUTOMATION, groups: [...AUTOMATION.groups] }],
    projects: [
      {
        id: '20100',
        key: 'RU',
        name: 'Rollup basic',
        projectTypeKey: 'software',
        workflow: 'Basic',
        permissions: {
          BROWSE_PROJECTS: { groups: ['staff', 'partners'] },
          TRANSITION_ISSUES: { groups: ['staff'] },
          RESOLVE_ISSUES: { groups: ['staff'] },
        },
      },
      {
        id: '20101',
        key: 'RT',
        name: 'Rollup classic',
        projectTypeKey: 'software',
        workflow: 'Issue tracking',
        permissions: {
          BROWSE_PROJECTS: { groups: ['staff'] },
          TRANSITION_ISSUES: { groups: ['staff'] },
          RESOLVE_ISSUES: { groups: ['staff'] },
        },
      },
    ],
    issueTypes: [{ id: '1', name: 'Task', hierarchyLevel: 0, subtask: false }],
    statuses: [...ROLLUP_STATUSES],
    resolutions: [...ROLLUP_RESOLUTIONS],
    workflows: [BASIC_WORKFLOW, ISSUE_TRACKING_WORKFLOW],
    linkTypes: [],
    issues,
    filters: [],
    boards: [],
  };
}
