import {
  exportCounts,
  isEmptyExport,
  planRevert,
  preflightChangesOf,
  preflightExport,
  statusLogEntries,
  withOutcome,
  type StatusChange,
} from '../../../../src/domain/export';
import type { IssueFacts, StatusFact } from '../../../../src/domain/jira';
import { issue } from '../builders';

const TODO: StatusFact = { id: '1', name: 'To Do', done: false };
const PROGRESS: StatusFact = { id: '3', name: 'In Progress', done: false };
const DONE: StatusFact = { id: '5', name: 'Done', done: true };

const change = (key: string, from: StatusFact, to: StatusFact): StatusChange => ({ issueId: issue(key), from, to });

function fact(key: string, status: StatusFact): IssueFacts {
  return { id: issue(key), key, projectKey: key.split('-')[0], issueTypeId: '10001', hierarchyLevel: 0, status };
}

describe('status changes in an export', () => {
  const statuses = {
    changes: [{ ...change('PLAT-1', PROGRESS, DONE), withResolution: true }, change('MOB-1', TODO, PROGRESS)],
    policy: { allowed: {} },
    skipped: [],
    unchanged: 0,
  };

  it('counts them and makes the export non-empty', () => {
    expect(exportCounts({ statuses }).statusChanges).toBe(2);
    expect(isEmptyExport({ statuses })).toBe(false);
    expect(isEmptyExport({ statuses: { ...statuses, changes: [] } })).toBe(true);
  });

  it('needs Transition issues in each changed issue’s project, and Resolve issues where it sends a resolution', () => {
    const projectOf = (id: number) => (id === issue('PLAT-1') ? 'PLAT' : 'MOB');
    const none = preflightExport({ ...preflightChangesOf({ statuses }), projectOf, permissions: {} });
    expect(none.missing).toEqual([
      { permission: 'TRANSITION_ISSUES', project: 'MOB', changes: 1 },
      { permission: 'TRANSITION_ISSUES', project: 'PLAT', changes: 1 },
      { permission: 'RESOLVE_ISSUES', project: 'PLAT', changes: 1 },
    ]);
    expect(none.message).toBe(
      'You need Transition issues in MOB (1 status change), Transition issues in PLAT (1 status change) and Resolve issues in PLAT (1 change to a Done status) to run this export.',
    );
    const transitionOnly = preflightExport({
      ...preflightChangesOf({ statuses }),
      projectOf,
      permissions: { PLAT: { TRANSITION_ISSUES: true }, MOB: { TRANSITION_ISSUES: true } },
    });
    expect(transitionOnly.missing).toEqual([{ permission: 'RESOLVE_ISSUES', project: 'PLAT', changes: 1 }]);
    const all = preflightExport({
      ...preflightChangesOf({ statuses }),
      projectOf,
      permissions: { PLAT: { TRANSITION_ISSUES: true, RESOLVE_ISSUES: true }, MOB: { TRANSITION_ISSUES: true } },
    });
    expect(all).toEqual({ ok: true, missing: [], message: null });
  });

  it('logs each change with both statuses, and revert moves back only what Jira still holds', () => {
    const log = statusLogEntries([
      change('PLAT-2', TODO, PROGRESS),
      change('PLAT-1', PROGRESS, DONE),
      change('PLAT-3', TODO, DONE),
      change('PLAT-4', TODO, DONE),
    ]).map((e) =>
      e.issueId === issue('PLAT-4') ? withOutcome(e, 'failed', 'no transition') : withOutcome(e, 'applied'),
    );
    expect(log[0]).toEqual({
      kind: 'status',
      issueId: issue('PLAT-2'),
      before: TODO,
      after: PROGRESS,
      outcome: 'applied',
    });
    const plan = planRevert({
      log,
      facts: new Map([
        [issue('PLAT-1'), fact('PLAT-1', DONE)],
        [issue('PLAT-2'), fact('PLAT-2', PROGRESS)],
        // Someone reopened it since.
        [issue('PLAT-3'), fact('PLAT-3', TODO)],
        [issue('PLAT-4'), fact('PLAT-4', TODO)],
      ]),
    });
    // The parent written last is undone first.
    expect(plan.statuses).toEqual([change('PLAT-1', DONE, PROGRESS), change('PLAT-2', PROGRESS, TODO)]);
    expect(plan.skipped.map((s) => s.reason)).toEqual([
      'PLAT-3: status changed since export (export set Done, now To Do)',
    ]);
  });
});
