// The Jira configuration every dataset here shares: Jira Cloud's default link types, a company-managed
// hierarchy with an Initiative level above Epic (as Premium plans add), statuses in all three categories
// and three workflows over them, and the default priorities. The demo and the generator both use it, so
// the app's tests can name these types, statuses and transitions without caring which dataset they run on.

import type {
  DatasetCustomField,
  DatasetIssueType,
  DatasetLinkType,
  DatasetResolution,
  DatasetStatus,
  DatasetWorkflow,
} from './types';

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
  // Jira's classic issue-tracking statuses: resolved work is closed later, after verification.
  { id: '10006', name: 'Resolved', category: 'done' },
  { id: '10007', name: 'Closed', category: 'done' },
];

/**
 * A software team's workflow: a backlog, code review, and no way from To Do straight to Done (work is
 * started first). Done and Won't Do set their resolution by post function, without a screen.
 */
export const SOFTWARE_WORKFLOW: DatasetWorkflow = {
  name: 'Software development',
  statuses: ['Backlog', 'To Do', 'In Progress', 'In Review', 'Done', "Won't Do"],
  transitions: [
    { id: '11', name: 'Select for development', from: ['Backlog'], to: 'To Do' },
    { id: '21', name: 'Start progress', from: ['Backlog', 'To Do'], to: 'In Progress' },
    { id: '31', name: 'Code review', from: ['In Progress'], to: 'In Review' },
    { id: '41', name: 'Request changes', from: ['In Review'], to: 'In Progress' },
    { id: '51', name: 'Done', from: ['In Progress', 'In Review'], to: 'Done', setsResolution: 'Done' },
    { id: '61', name: 'Stop progress', from: ['In Progress'], to: 'To Do' },
    {
      id: '71',
      name: "Won't do",
      from: ['Backlog', 'To Do', 'In Progress', 'In Review'],
      to: "Won't Do",
      setsResolution: "Won't Do",
    },
    { id: '81', name: 'Reopen', from: ['Done', "Won't Do"], to: 'To Do' },
  ],
};

/** The smallest workflow: To Do → In Progress → Done, and back. */
export const BASIC_WORKFLOW: DatasetWorkflow = {
  name: 'Basic',
  statuses: ['To Do', 'In Progress', 'Done'],
  transitions: [
    { id: '11', name: 'Start progress', from: ['To Do'], to: 'In Progress' },
    { id: '21', name: 'Done', from: ['To Do', 'In Progress'], to: 'Done', setsResolution: 'Done' },
    { id: '31', name: 'Stop progress', from: ['In Progress'], to: 'To Do' },
    { id: '41', name: 'Reopen', from: ['Done'], to: 'To Do' },
  ],
};

/**
 * Jira's classic issue-tracking workflow, with its transition ids: Resolve Issue has the Resolve screen,
 * whose Resolution is required; Closed is reached only from Resolved.
 */
export const ISSUE_TRACKING_WORKFLOW: DatasetWorkflow = {
  name: 'Issue tracking',
  statuses: ['To Do', 'In Progress', 'Resolved', 'Closed'],
  transitions: [
    { id: '4', name: 'Start Progress', from: ['To Do'], to: 'In Progress' },
    { id: '301', name: 'Stop Progress', from: ['In Progress'], to: 'To Do' },
    {
      id: '5',
      name: 'Resolve Issue',
      from: ['To Do', 'In Progress'],
      to: 'Resolved',
      resolutionScreen: { required: true },
    },
    { id: '2', name: 'Close Issue', from: ['Resolved'], to: 'Closed' },
    { id: '3', name: 'Reopen Issue', from: ['Resolved', 'Closed'], to: 'To Do' },
  ],
};

export const WORKFLOWS: readonly DatasetWorkflow[] = [SOFTWARE_WORKFLOW, BASIC_WORKFLOW, ISSUE_TRACKING_WORKFLOW];

const CATEGORY_OF = new Map(STATUSES.map((s) => [s.name, s.category]));

/**
 * The workflow's status for a status drawn from the full catalog: itself when the workflow has it, else one
 * of the workflow's statuses of the same category, chosen by `n` (no random draw, so streams do not move).
 */
export function statusIn(workflow: DatasetWorkflow, status: string, n: number): string {
  if (workflow.statuses.includes(status)) return status;
  const category = CATEGORY_OF.get(status);
  const same = workflow.statuses.filter((s) => CATEGORY_OF.get(s) === category);
  const pool = same.length > 0 ? same : workflow.statuses;
  return pool[n % pool.length] as string;
}

/**
 * A path of statuses from the workflow's first status to `status`, through its first In Progress status
 * when the target is not a To Do one: what a status history of an issue there can show. Breadth-first,
 * so it is the shortest such path; undefined when the workflow cannot reach `status`.
 */
export function workflowPath(workflow: DatasetWorkflow, status: string): string[] | undefined {
  const start = workflow.statuses[0] as string;
  const between = (from: string, to: string): string[] | undefined => {
    const previous = new Map<string, string | null>([[from, null]]);
    const queue = [from];
    while (queue.length > 0) {
      const at = queue.shift() as string;
      if (at === to) break;
      for (const t of workflow.transitions) {
        const leaves = t.from ? t.from.includes(at) : t.to !== at;
        if (leaves && !previous.has(t.to)) {
          previous.set(t.to, at);
          queue.push(t.to);
        }
      }
    }
    if (!previous.has(to)) return undefined;
    const path: string[] = [];
    for (let s: string | null = to; s !== null; s = previous.get(s) ?? null) path.unshift(s);
    return path;
  };
  const middle = workflow.statuses.find((s) => CATEGORY_OF.get(s) === 'indeterminate');
  if (middle && CATEGORY_OF.get(status) !== 'new' && status !== middle) {
    const first = between(start, middle);
    const rest = between(middle, status);
    if (first && rest) return [...first, ...rest.slice(1)];
  }
  return between(start, status);
}

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
