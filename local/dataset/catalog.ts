// The Jira configuration every dataset here shares: Jira Cloud's default link types, a company-managed
// hierarchy with an Initiative level above Epic (as Premium plans add), a small workflow with statuses
// in all three categories, and the default priorities. The demo and the generator both use it, so the
// app's tests can name these types and statuses without caring which dataset they run on.

import type { DatasetCustomField, DatasetIssueType, DatasetLinkType, DatasetResolution, DatasetStatus } from './types';

export const ISSUE_TYPES: readonly DatasetIssueType[] = [
  {
    id: '10000',
    name: 'Initiative',
    hierarchyLevel: 2,
    subtask: false,
    description: 'A large goal spanning several epics and teams.',
  },
  {
    id: '10001',
    name: 'Epic',
    hierarchyLevel: 1,
    subtask: false,
    description: 'A body of work that groups stories, tasks and bugs.',
  },
  {
    id: '10002',
    name: 'Story',
    hierarchyLevel: 0,
    subtask: false,
    description: 'A user-facing increment of functionality.',
  },
  {
    id: '10003',
    name: 'Task',
    hierarchyLevel: 0,
    subtask: false,
    description: 'Work that needs doing but is not a feature.',
  },
  { id: '10004', name: 'Bug', hierarchyLevel: 0, subtask: false, description: 'A problem that impairs the product.' },
  { id: '10005', name: 'Sub-task', hierarchyLevel: -1, subtask: true, description: 'A piece of a story, task or bug.' },
];

export const STATUSES: readonly DatasetStatus[] = [
  { id: '10000', name: 'Backlog', category: 'new' },
  { id: '10001', name: 'To Do', category: 'new' },
  { id: '10002', name: 'In Progress', category: 'indeterminate' },
  { id: '10003', name: 'In Review', category: 'indeterminate' },
  { id: '10004', name: 'Done', category: 'done' },
  { id: '10005', name: "Won't Do", category: 'done' },
];

/** Highest first: ORDER BY priority follows this order. */
export const PRIORITIES: readonly string[] = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];

/** Jira Cloud's four default link types, with their usual ids. */
export const LINK_TYPES: readonly DatasetLinkType[] = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
];

/** Jira Cloud's default resolutions. */
export const RESOLUTIONS: readonly DatasetResolution[] = [
  { id: '10000', name: 'Done' },
  { id: '10001', name: "Won't Do" },
  { id: '10002', name: 'Duplicate' },
  { id: '10003', name: 'Cannot Reproduce' },
];

/** The estimate field of company-managed software projects (JQL `cf[10016]` or "Story Points"). */
export const STORY_POINTS_FIELD: DatasetCustomField = { id: 'customfield_10016', name: 'Story Points', type: 'number' };

/** A fixed "now" for generated data: dates are spread over the two years before it, never after. */
export const EPOCH = Date.UTC(2026, 0, 1);
export const TWO_YEARS_MS = 730 * 24 * 3600 * 1000;
