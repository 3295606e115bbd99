// A small site for the sub-tasks, links, agile and hierarchy imports, built in code so each test can
// read the graph. People as in dataset.ts (pat browses APP only, never OPS).
//   APP-1 Initiative
//     APP-2 Epic            APP-4 Story (sub-tasks APP-7, APP-8), APP-5 Story (sub-task OPS-2), OPS-1 Story
//     APP-3 Epic            APP-6 Story
//   APP-9 Epic with no children; APP-10 Story without an epic (Done)
//   Links "Blocks": APP-4 blocks APP-5, APP-5 blocks APP-6, APP-6 blocks APP-4 (a cycle), APP-10 blocks OPS-1
//   Rank order: APP-9, APP-2, APP-3, APP-6, APP-5, APP-4, OPS-1, APP-10, then the rest by number.
//   Boards: 1 "App scrum" (project = APP), 2 "Flow" kanban over APP and OPS with sub-query `status != Done`.
import type { Dataset, DatasetIssue } from '../../../local/dataset/types';
import { people } from './dataset';

const STAMP = '2026-03-01T10:00:00.000Z';
const RANKED = ['APP-9', 'APP-2', 'APP-3', 'APP-6', 'APP-5', 'APP-4', 'OPS-1', 'APP-10'];

/** Issue ids by key, as numbers (the forest's issue ids). */
export const wid = (key: string): number => {
  const [project, num] = key.split('-');
  return 30000 + (project === 'APP' ? Number(num) : 100 + Number(num));
};

function issue(key: string, type: string, extra: Partial<DatasetIssue> = {}): DatasetIssue {
  const at = RANKED.indexOf(key);
  const rank = at >= 0 ? `0|a${String(at).padStart(4, '0')}:` : `0|b${String(wid(key)).padStart(6, '0')}:`;
  return {
    id: String(wid(key)),
    key,
    type,
    summary: `${key} ${type.toLowerCase()}`,
    status: 'To Do',
    rank,
    created: STAMP,
    updated: STAMP,
    ...extra,
  };
}

export function workDataset(): Dataset {
  const issues: DatasetIssue[] = [
    issue('APP-1', 'Initiative'),
    issue('APP-2', 'Epic', { parent: 'APP-1' }),
    issue('APP-3', 'Epic', { parent: 'APP-1' }),
    issue('APP-4', 'Story', { parent: 'APP-2', links: [{ id: '501', type: 'Blocks', to: 'APP-5' }] }),
    issue('APP-5', 'Story', { parent: 'APP-2', links: [{ id: '502', type: 'Blocks', to: 'APP-6' }] }),
    issue('APP-6', 'Story', { parent: 'APP-3', links: [{ id: '503', type: 'Blocks', to: 'APP-4' }] }),
    issue('APP-7', 'Sub-task', { parent: 'APP-4' }),
    issue('APP-8', 'Sub-task', { parent: 'APP-4' }),
    issue('APP-9', 'Epic'),
    issue('APP-10', 'Story', { status: 'Done', links: [{ id: '504', type: 'Blocks', to: 'OPS-1' }] }),
    issue('OPS-1', 'Story', { parent: 'APP-2' }),
    issue('OPS-2', 'Sub-task', { parent: 'APP-5' }),
  ];
  return {
    site: { name: 'integration-work', cloudId: '00000000-0000-4000-8000-0000000000ab' },
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
    ],
    issueTypes: [
      { id: '10', name: 'Initiative', hierarchyLevel: 2, subtask: false },
      { id: '11', name: 'Epic', hierarchyLevel: 1, subtask: false },
      { id: '12', name: 'Story', hierarchyLevel: 0, subtask: false },
      { id: '13', name: 'Sub-task', hierarchyLevel: -1, subtask: true },
    ],
    statuses: [
      { id: '1', name: 'To Do', category: 'new' },
      { id: '2', name: 'Done', category: 'done' },
    ],
    linkTypes: [
      { id: '1', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
      { id: '2', name: 'Relates', inward: 'relates to', outward: 'relates to' },
    ],
    issues,
    filters: [
      {
        id: '10100',
        name: 'App board',
        owner: 'acc-olivia',
        jql: 'project = APP ORDER BY Rank ASC',
        sharePermissions: [{ type: 'global' }],
      },
      {
        id: '10101',
        name: 'Flow board',
        owner: 'acc-olivia',
        jql: 'project in (APP, OPS) ORDER BY Rank ASC',
        sharePermissions: [{ type: 'global' }],
      },
      { id: '10102', name: 'Ops private', owner: 'acc-adam', jql: 'project = OPS', sharePermissions: [] },
    ],
    boards: [
      { id: 1, name: 'App scrum', type: 'scrum', filterId: '10100', projectKey: 'APP' },
      { id: 2, name: 'Flow', type: 'kanban', filterId: '10101', subQuery: 'status != Done', projectKey: 'APP' },
      { id: 3, name: 'Ops secret', type: 'kanban', filterId: '10102', subQuery: '', projectKey: 'OPS' },
    ],
  };
}
