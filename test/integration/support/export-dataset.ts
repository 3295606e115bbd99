// A site for export and background-sync tests: project EXP with epics, stories and a sub-task, a
// "Blocks" link type, and a kanban board over EXP in rank order. Everyone on staff may edit, rank and
// link in EXP; pat (partner) may browse EXP but not rank (no SCHEDULE_ISSUES), edit or link.
//   EXP-1, EXP-2 epics; EXP-3..EXP-8 stories (EXP-3, EXP-4 in EXP-1); EXP-9 a sub-task of EXP-3.
import type { Dataset, DatasetIssue } from '../../../local/dataset/types';
import { people } from './dataset';

const STAMP = '2026-03-01T10:00:00.000Z';

export const exp = (n: number): number => 30000 + n;
export const BOARD_ID = 7;

function issue(n: number, type: string, extra: Partial<DatasetIssue> = {}): DatasetIssue {
  return {
    id: String(exp(n)),
    key: `EXP-${n}`,
    type,
    summary: `EXP-${n} summary`,
    status: 'To Do',
    rank: `0|i${String(n).padStart(5, '0')}:`,
    created: STAMP,
    updated: STAMP,
    ...extra,
  };
}

export function exportDataset(stories = 6): Dataset {
  const issues: DatasetIssue[] = [issue(1, 'Epic'), issue(2, 'Epic')];
  for (let n = 3; n < 3 + stories; n++) issues.push(issue(n, 'Story', n === 3 || n === 4 ? { parent: 'EXP-1' } : {}));
  issues.push(issue(3 + stories, 'Sub-task', { parent: 'EXP-3' }));
  const staff = { groups: ['staff'] };
  return {
    site: { name: 'export', cloudId: '00000000-0000-4000-8000-0000000000bb' },
    users: Object.values(people),
    projects: [
      {
        id: '20010',
        key: 'EXP',
        name: 'Export',
        projectTypeKey: 'software',
        permissions: {
          BROWSE_PROJECTS: { groups: ['staff', 'partners'] },
          EDIT_ISSUES: staff,
          SCHEDULE_ISSUES: staff,
          LINK_ISSUES: staff,
        },
      },
    ],
    issueTypes: [
      { id: '10', name: 'Epic', hierarchyLevel: 1, subtask: false },
      { id: '11', name: 'Story', hierarchyLevel: 0, subtask: false },
      { id: '12', name: 'Sub-task', hierarchyLevel: -1, subtask: true },
    ],
    statuses: [
      { id: '1', name: 'To Do', category: 'new' },
      { id: '2', name: 'Done', category: 'done' },
    ],
    linkTypes: [{ id: '1', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' }],
    issues,
    filters: [
      {
        id: '10100',
        name: 'Export board',
        owner: 'acc-adam',
        jql: 'project = EXP ORDER BY Rank ASC',
        sharePermissions: [{ type: 'global' }],
      },
    ],
    boards: [{ id: BOARD_ID, name: 'EXP board', type: 'kanban', filterId: '10100', projectKey: 'EXP' }],
  };
}
