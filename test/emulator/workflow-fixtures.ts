// The small dataset with workflows (fixtures.ts has none, so its projects share the simplified one):
//   ALPHA — "Basic": To Do → In Progress → Done; Done sets the resolution by post function.
//           Everybody who browses transitions, except carol (guests): she browses only.
//   BETA  — "Issue tracking" (Jira's classic): Resolve Issue has a screen with a required Resolution;
//           Closed is reached only from Resolved. bob transitions but may not resolve; alice does both.
//   SECRET — no workflow: the simplified one over every status.
import type { Dataset } from '../../local/dataset/types';
import { smallDataset } from './fixtures';

export const BASIC = { start: '11', done: '21', stop: '31', reopen: '41' } as const;
export const CLASSIC = { start: '4', stop: '301', resolve: '5', close: '2', reopen: '3' } as const;

export function workflowDataset(): Dataset {
  const ds = smallDataset();
  ds.statuses.push(
    { id: '10002', name: 'Resolved', category: 'done' },
    { id: '10003', name: 'Closed', category: 'done' },
  );
  ds.resolutions = [
    { id: '10000', name: 'Done' },
    { id: '10001', name: "Won't Do" },
    { id: '10002', name: 'Duplicate' },
  ];
  ds.workflows = [
    {
      name: 'Basic',
      statuses: ['To Do', 'In Progress', 'Done'],
      transitions: [
        { id: BASIC.start, name: 'Start progress', from: ['To Do'], to: 'In Progress' },
        { id: BASIC.done, name: 'Done', from: ['In Progress'], to: 'Done', setsResolution: 'Done' },
        { id: BASIC.stop, name: 'Stop progress', from: ['In Progress'], to: 'To Do' },
        { id: BASIC.reopen, name: 'Reopen', from: ['Done'], to: 'To Do' },
      ],
    },
    {
      name: 'Issue tracking',
      statuses: ['To Do', 'In Progress', 'Resolved', 'Closed'],
      transitions: [
        { id: CLASSIC.start, name: 'Start Progress', from: ['To Do'], to: 'In Progress' },
        { id: CLASSIC.stop, name: 'Stop Progress', from: ['In Progress'], to: 'To Do' },
        {
          id: CLASSIC.resolve,
          name: 'Resolve Issue',
          from: ['To Do', 'In Progress'],
          to: 'Resolved',
          resolutionScreen: { required: true },
        },
        { id: CLASSIC.close, name: 'Close Issue', from: ['Resolved'], to: 'Closed' },
        { id: CLASSIC.reopen, name: 'Reopen Issue', from: ['Resolved', 'Closed'], to: 'To Do' },
      ],
    },
  ];
  const [alpha, beta] = ds.projects;
  alpha!.workflow = 'Basic';
  alpha!.permissions.TRANSITION_ISSUES = { groups: ['jira-software-users'] };
  beta!.workflow = 'Issue tracking';
  beta!.permissions.TRANSITION_ISSUES = { groups: ['jira-software-users'] };
  beta!.permissions.RESOLVE_ISSUES = { users: ['acc-alice'] };
  // BETA-3 was done; in the classic workflow that is Resolved, with a resolution.
  const refund = ds.issues.find((i) => i.key === 'BETA-3')!;
  refund.status = 'Resolved';
  refund.resolution = 'Done';
  refund.resolved = refund.updated;
  return ds;
}
