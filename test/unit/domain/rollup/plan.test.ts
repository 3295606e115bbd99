import type { IssueId } from '../../../../src/domain/forest';
import { planStatusRollup, RollupIssueFacts, RollupRule, rolledUpStatus } from '../../../../src/domain/rollup';
import { f, issue, keyOf, row } from '../builders';

// Status ids as a site would have them; names for the reasons.
const TODO = '1';
const PROGRESS = '3';
const REVIEW = '4';
const DONE = '5';
const BLOCKED = '9';
const NAMES = new Map([
  [TODO, 'To Do'],
  [PROGRESS, 'In Progress'],
  [REVIEW, 'In Review'],
  [DONE, 'Done'],
  [BLOCKED, 'Blocked'],
]);

// A common rollup: anything open keeps the parent open; all done makes it done.
const RULE: RollupRule = { statuses: [TODO, PROGRESS, REVIEW, DONE] };

interface Known {
  key: string;
  status: string;
  project?: string;
  type?: string;
}

function known(...list: Known[]): Map<IssueId, RollupIssueFacts> {
  return new Map(
    list.map((k) => [
      issue(k.key),
      {
        key: k.key,
        projectKey: k.project ?? k.key.replace(/-?\d+$/, ''),
        issueTypeId: k.type ?? 'story',
        statusId: k.status,
      },
    ]),
  );
}

function rollup(
  forest: ReturnType<typeof f>,
  facts: Map<IssueId, RollupIssueFacts>,
  rule = RULE,
  held?: Map<IssueId, string>,
) {
  const plan = planStatusRollup({ forest, facts, rule, held, statusNames: NAMES });
  return {
    plan,
    changes: plan.changes.map((c) => `${keyOf(c.issueId)}: ${NAMES.get(c.from)} -> ${NAMES.get(c.to)}`),
    skipped: plan.skipped.map((s) => s.reason),
  };
}

describe('rolledUpStatus', () => {
  it('takes the earliest listed status among the children', () => {
    expect(rolledUpStatus(RULE, [DONE, REVIEW, DONE])).toEqual({ kind: 'target', statusId: REVIEW });
    expect(rolledUpStatus(RULE, [DONE, DONE])).toEqual({ kind: 'target', statusId: DONE });
    expect(rolledUpStatus(RULE, [DONE, TODO, PROGRESS])).toEqual({ kind: 'target', statusId: TODO });
  });

  it('follows the list order, not the status ids', () => {
    const doneFirst: RollupRule = { statuses: [DONE, TODO] };
    expect(rolledUpStatus(doneFirst, [TODO, DONE])).toEqual({ kind: 'target', statusId: DONE });
  });

  it('answers unlisted, naming the child, when any child is in a status outside the list', () => {
    expect(rolledUpStatus(RULE, [DONE, BLOCKED, TODO])).toEqual({ kind: 'unlisted', childIndex: 1, statusId: BLOCKED });
  });

  it('refuses an empty list of children: a leaf has no say', () => {
    expect(() => rolledUpStatus(RULE, [])).toThrow(RangeError);
  });
});

describe('planStatusRollup', () => {
  it('moves a story to Done when all its sub-tasks are done', () => {
    const forest = f(row('P-1', row('P-2'), row('P-3'), row('P-4')));
    const facts = known(
      { key: 'P-1', status: PROGRESS },
      { key: 'P-2', status: DONE },
      { key: 'P-3', status: DONE },
      { key: 'P-4', status: DONE },
    );
    expect(rollup(forest, facts).changes).toEqual(['P-1: In Progress -> Done']);
  });

  it('keeps a parent whose children already give its status as unchanged', () => {
    const forest = f(row('P-1', row('P-2'), row('P-3')));
    const facts = known(
      { key: 'P-1', status: PROGRESS },
      { key: 'P-2', status: DONE },
      { key: 'P-3', status: PROGRESS },
    );
    const { plan } = rollup(forest, facts);
    expect(plan.changes).toEqual([]);
    expect(plan.unchanged).toBe(1);
    expect(plan.skipped).toEqual([]);
  });

  it('moves a parent back when a child reopens (rollup is not only towards Done)', () => {
    const forest = f(row('P-1', row('P-2'), row('P-3')));
    const facts = known({ key: 'P-1', status: DONE }, { key: 'P-2', status: DONE }, { key: 'P-3', status: TODO });
    expect(rollup(forest, facts).changes).toEqual(['P-1: Done -> To Do']);
  });

  it('leaves a parent alone when one child is in an unlisted status, and says which', () => {
    const forest = f(row('P-1', row('P-2'), row('P-3')));
    const facts = known(
      { key: 'P-1', status: PROGRESS },
      { key: 'P-2', status: DONE },
      { key: 'P-3', status: BLOCKED },
    );
    const { changes, skipped } = rollup(forest, facts);
    expect(changes).toEqual([]);
    expect(skipped).toEqual(['P-1 is left as it is: P-3 is in Blocked, which is not rolled up']);
  });

  it('counts only direct children, not grandchildren', () => {
    // P-2 is done although its sub-task is not; only P-2 counts for P-1 (its own rollup moves it first).
    const forest = f(row('P-1', row('P-2', row('P-3'))));
    const facts = known({ key: 'P-1', status: TODO }, { key: 'P-2', status: DONE }, { key: 'P-3', status: DONE });
    expect(rollup(forest, facts).changes).toEqual(['P-1: To Do -> Done']);
    // With P-2 unlisted-free but its child open, P-2 moves back and P-1 follows it.
    const reopened = known(
      { key: 'P-1', status: DONE },
      { key: 'P-2', status: DONE },
      { key: 'P-3', status: PROGRESS },
    );
    expect(rollup(forest, reopened).changes).toEqual(['P-2: Done -> In Progress', 'P-1: Done -> In Progress']);
  });

  it('settles a deep tree bottom-up in one run, children before parents', () => {
    const forest = f(
      row('I-1', row('E-1', row('S-1', row('T-1'), row('T-2')), row('S-2', row('T-3'))), row('E-2', row('S-3'))),
    );
    const facts = known(
      { key: 'I-1', status: TODO },
      { key: 'E-1', status: TODO },
      { key: 'E-2', status: DONE },
      { key: 'S-1', status: PROGRESS },
      { key: 'S-2', status: TODO },
      { key: 'S-3', status: DONE },
      { key: 'T-1', status: DONE },
      { key: 'T-2', status: DONE },
      { key: 'T-3', status: DONE },
    );
    const { plan, changes } = rollup(forest, facts);
    expect([...changes].sort()).toEqual(
      ['E-1: To Do -> Done', 'I-1: To Do -> Done', 'S-1: In Progress -> Done', 'S-2: To Do -> Done'].sort(),
    );
    const order = plan.changes.map((c) => keyOf(c.issueId));
    expect(order.indexOf('S-1')).toBeLessThan(order.indexOf('E-1'));
    expect(order.indexOf('S-2')).toBeLessThan(order.indexOf('E-1'));
    expect(order.indexOf('E-1')).toBeLessThan(order.indexOf('I-1'));
    expect(plan.unchanged).toBe(1); // E-2
  });

  it('checks the project on the parent only: children may come from any project', () => {
    const rule: RollupRule = { ...RULE, parentProjects: new Set(['PLAT']) };
    const forest = f(row('PLAT-1', row('MOB-1'), row('SEC-1')), row('MOB-2', row('PLAT-2')));
    const facts = known(
      { key: 'PLAT-1', status: TODO },
      { key: 'MOB-1', status: DONE },
      { key: 'SEC-1', status: DONE },
      { key: 'MOB-2', status: TODO },
      { key: 'PLAT-2', status: DONE },
    );
    expect(rollup(forest, facts, rule).changes).toEqual(['PLAT-1: To Do -> Done']);
  });

  it('checks the issue type on the parent only, and a disabled parent counts with its own status above', () => {
    const rule: RollupRule = { ...RULE, parentIssueTypes: new Set(['epic']) };
    const forest = f(row('P-1', row('P-2', row('P-3'))));
    const facts = new Map([
      [issue('P-1'), { key: 'P-1', projectKey: 'P', issueTypeId: 'epic', statusId: TODO }],
      [issue('P-2'), { key: 'P-2', projectKey: 'P', issueTypeId: 'story', statusId: PROGRESS }],
      [issue('P-3'), { key: 'P-3', projectKey: 'P', issueTypeId: 'subtask', statusId: DONE }],
    ]);
    // P-2 (a story) is not rolled up, so P-1 takes P-2's current In Progress, not the Done P-2 would get.
    expect(rollup(forest, facts, rule).changes).toEqual(['P-1: To Do -> In Progress']);
  });

  it('never writes a hidden parent, and leaves a parent with hidden children alone', () => {
    const forest = f(row('P-1', row('P-2'), row('SEC-1')), row('SEC-2', row('P-3')));
    const facts = known({ key: 'P-1', status: TODO }, { key: 'P-2', status: DONE }, { key: 'P-3', status: DONE });
    const { changes, skipped } = rollup(forest, facts);
    expect(changes).toEqual([]);
    expect(skipped).toEqual(['P-1 has children you cannot see: left as it is']);
  });

  it('a parent held by the job (no allowed transition) keeps its status, and its parent counts that', () => {
    const forest = f(row('E-1', row('S-1', row('T-1'))));
    const facts = known({ key: 'E-1', status: TODO }, { key: 'S-1', status: TODO }, { key: 'T-1', status: DONE });
    expect(rollup(forest, facts).changes).toEqual(['S-1: To Do -> Done', 'E-1: To Do -> Done']);
    const held = new Map([[issue('S-1'), 'S-1: no transition from To Do reaches Done']]);
    const again = rollup(forest, facts, RULE, held);
    expect(again.changes).toEqual([]);
    expect(again.skipped).toEqual(['S-1: no transition from To Do reaches Done']);
    expect(again.plan.unchanged).toBe(1); // E-1 already To Do, like S-1 stays
  });

  it('an issue in two rows moves when both rows agree, and is skipped when they do not', () => {
    const agree = f(row('E-1', row('S-1')), row('E-1', row('S-2')));
    const facts = known({ key: 'E-1', status: TODO }, { key: 'S-1', status: DONE }, { key: 'S-2', status: DONE });
    expect(rollup(agree, facts).changes).toEqual(['E-1: To Do -> Done']);
    const disagree = known(
      { key: 'E-1', status: TODO },
      { key: 'S-1', status: DONE },
      { key: 'S-2', status: PROGRESS },
    );
    const { changes, skipped } = rollup(agree, disagree);
    expect(changes).toEqual([]);
    expect(skipped).toEqual(['E-1 is in several rows whose children ask for Done and In Progress: left as it is']);
  });

  it('an issue placed under itself cannot settle, and neither can the issues above it', () => {
    const forest = f(row('R-1', row('A-1', row('B-1', row('A-1', row('C-1'))))), row('D-1', row('E-1')));
    const facts = known(
      { key: 'R-1', status: TODO },
      { key: 'A-1', status: TODO },
      { key: 'B-1', status: TODO },
      { key: 'C-1', status: DONE },
      { key: 'D-1', status: TODO },
      { key: 'E-1', status: DONE },
    );
    const { changes, skipped } = rollup(forest, facts);
    expect(changes).toEqual(['D-1: To Do -> Done']);
    expect(skipped.sort()).toEqual(
      [
        'A-1 is placed under itself, or above an issue that is: its status cannot settle',
        'B-1 is placed under itself, or above an issue that is: its status cannot settle',
        'R-1 is placed under itself, or above an issue that is: its status cannot settle',
      ].sort(),
    );
  });

  it('ignores leaves and an empty structure', () => {
    expect(rollup(f(), new Map()).plan).toEqual({ changes: [], skipped: [], unchanged: 0 });
    const leaves = f(row('P-1'), row('P-2'));
    expect(rollup(leaves, known({ key: 'P-1', status: TODO }, { key: 'P-2', status: DONE })).plan).toEqual({
      changes: [],
      skipped: [],
      unchanged: 0,
    });
  });
});
