import { IssueId } from '../../../../src/domain/forest';
import { applyRankOps } from '../../../../src/domain/export/rank-simulator';
import {
  MAX_ISSUES_PER_RANK_CALL,
  planRankExport,
  RankOperation,
  rankRequestBody,
} from '../../../../src/domain/export/rank';
import { structureOrderOf } from '../../../../src/domain/export/structure-order';
import { f, issue, issues, random, row } from '../builders';

/** Fisher–Yates with the seeded generator. */
function shuffled<T>(xs: readonly T[], rnd: ReturnType<typeof random>): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rnd.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const ids = (n: number): IssueId[] => Array.from({ length: n }, (_, i) => 10_000 + i);
const restrictTo = (order: readonly IssueId[], keep: ReadonlySet<IssueId>): IssueId[] =>
  order.filter((id) => keep.has(id));
const bound = (n: number): number => Math.ceil(n / MAX_ISSUES_PER_RANK_CALL) + 10;

/** Plans, replays on the simulator and returns the order Jira would end with. */
function exportRank(structureOrder: readonly IssueId[], jiraOrder: readonly IssueId[], maxIssuesPerCall?: number) {
  const plan = planRankExport({ structureOrder, jiraOrder, maxIssuesPerCall });
  return { plan, after: applyRankOps(jiraOrder, plan.operations) };
}

describe('planRankExport: small cases', () => {
  it.each<[string, string[], string[], number]>([
    ['equal orders need no call', ['A', 'B', 'C'], ['A', 'B', 'C'], 0],
    ['one issue moved to the front', ['C', 'A', 'B'], ['A', 'B', 'C'], 1],
    ['one issue moved to the end', ['B', 'C', 'A'], ['A', 'B', 'C'], 1],
    ['reversed three issues: keep C, move B and A after it', ['C', 'B', 'A'], ['A', 'B', 'C'], 1],
    ['two adjacent issues moved together', ['C', 'D', 'A', 'B'], ['A', 'B', 'C', 'D'], 1],
    ['empty', [], [], 0],
    ['single issue', ['A'], ['A'], 0],
  ])('%s', (_, structure, jira, calls) => {
    // when
    const { plan, after } = exportRank(issues(...structure), issues(...jira));
    // then
    expect(after).toEqual(issues(...structure));
    expect(plan.operations).toHaveLength(calls);
  });

  it('anchors a leading run before the first issue that stays', () => {
    // when
    const { plan } = exportRank(issues('X', 'A', 'B', 'C'), issues('A', 'B', 'C', 'X'));
    // then
    expect(plan.operations).toEqual([{ issues: issues('X'), rankBeforeIssue: issue('A') }]);
    expect(plan).toMatchObject({ moved: 1, kept: 3 });
  });

  it('anchors a later run after the issue before it', () => {
    // when
    const { plan } = exportRank(issues('A', 'B', 'X', 'Y', 'C'), issues('X', 'A', 'B', 'C', 'Y'));
    // then
    expect(plan.operations).toEqual([{ issues: issues('X', 'Y'), rankAfterIssue: issue('B') }]);
  });

  it('splits a run longer than the call limit into calls of at most the limit', () => {
    // given: the last 7 issues must move to the front, 3 per call
    const jira = ids(10);
    const structure = [...jira.slice(3), ...jira.slice(0, 3)];
    // when
    const { plan, after } = exportRank(structure, jira, 3);
    // then
    expect(after).toEqual(structure);
    expect(plan.operations.map((op) => op.issues.length)).toEqual([3]);
  });

  it('leaves out issues Jira did not list and keeps Jira-only issues unmoved', () => {
    // given
    const structure = issues('B', 'X', 'A');
    const jira = issues('A', 'J', 'B');
    // when
    const { plan, after } = exportRank(structure, jira);
    // then
    expect(plan.notInJira).toEqual(issues('X'));
    expect(restrictTo(after, new Set(issues('A', 'B')))).toEqual(issues('B', 'A'));
    expect(plan.operations.every((op) => !op.issues.includes(issue('J')))).toBe(true);
  });

  it('refuses a Jira order that lists an issue twice', () => {
    expect(() => planRankExport({ structureOrder: issues('A'), jiraOrder: issues('A', 'A') })).toThrow(/appears twice/);
  });

  it('writes ids as strings in the request body', () => {
    const op: RankOperation = { issues: [10001, 10002], rankAfterIssue: 10000 };
    expect(rankRequestBody(op, 10019)).toEqual({
      issues: ['10001', '10002'],
      rankAfterIssue: '10000',
      rankCustomFieldId: 10019,
    });
    expect(rankRequestBody({ issues: [5], rankBeforeIssue: 6 })).toEqual({ issues: ['5'], rankBeforeIssue: '6' });
  });
});

describe('planRankExport: seeded properties', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))(
    'random orders reach the target within the bound (#%i)',
    (seed) => {
      // given
      const rnd = random(seed);
      const n = rnd.int(400);
      const batch = 1 + rnd.int(MAX_ISSUES_PER_RANK_CALL);
      const all = ids(n + 20);
      const jira = shuffled(all, rnd);
      // the structure lists most issues in another order, some Jira does not know
      const structure = shuffled(all.slice(0, n), rnd);
      // when
      const { plan, after } = exportRank(structure, jira, batch);
      // then
      const shared = new Set(structure);
      expect(restrictTo(after, shared)).toEqual(structure);
      expect(plan.operations.length).toBeLessThanOrEqual(Math.ceil(n / batch) + 1);
      expect(plan.operations.every((op) => op.issues.length <= batch)).toBe(true);
      expect(plan.moved + plan.kept).toBe(n);
    },
  );

  it.each(Array.from({ length: 30 }, (_, i) => i + 1))('a few issues out of place cost a few calls (#%i)', (seed) => {
    // given: the structure order with k issues moved elsewhere in Jira
    const rnd = random(500 + seed);
    const n = 50 + rnd.int(500);
    const structure = ids(n);
    const jira = [...structure];
    const k = 1 + rnd.int(5);
    for (let m = 0; m < k; m++) {
      const [id] = jira.splice(rnd.int(jira.length), 1);
      jira.splice(rnd.int(jira.length + 1), 0, id);
    }
    // when
    const { plan, after } = exportRank(structure, jira);
    // then
    expect(after).toEqual(structure);
    expect(plan.operations.length).toBeLessThanOrEqual(k);
  });

  it.each([1, 2, 3])('never beats brute force and matches it on tiny inputs (#%i)', (seed) => {
    // given: every permutation of 6 issues against the identity, batch 2
    const rnd = random(seed);
    const jira = ids(6);
    for (let trial = 0; trial < 60; trial++) {
      const structure = shuffled(jira, rnd);
      const { plan, after } = exportRank(structure, jira, 2);
      expect(after).toEqual(structure);
      expect(plan.operations.length).toBe(bruteForceCalls(structure, jira, 2));
    }
  });

  it('10k issues from a random order: at most ceil(N/50) + 10 calls', () => {
    // given
    const rnd = random(2026);
    const structure = ids(10_000);
    const jira = shuffled(structure, rnd);
    // when
    const { plan, after } = exportRank(structure, jira);
    // then
    expect(after).toEqual(structure);
    expect(plan.operations.length).toBeLessThanOrEqual(bound(10_000));
  });
});

/** Fewest calls over every increasing subsequence kept (the plan's model), by enumeration. */
function bruteForceCalls(structure: readonly IssueId[], jira: readonly IssueId[], batch: number): number {
  const pos = structure.map((id) => jira.indexOf(id));
  const n = pos.length;
  let best = Infinity;
  for (let mask = 1; mask < 1 << n; mask++) {
    let last = -1;
    let ok = true;
    let calls = 0;
    let gap = 0;
    for (let t = 0; t < n; t++) {
      if (mask & (1 << t)) {
        if (pos[t] < last) ok = false;
        last = pos[t];
        calls += Math.ceil(gap / batch);
        gap = 0;
      } else gap++;
    }
    calls += Math.ceil(gap / batch);
    if (ok) best = Math.min(best, calls);
  }
  return best;
}

describe('structureOrderOf', () => {
  it('lists rows in pre-order, first row of an issue only, restricted to the chosen issues', () => {
    // given: A > (B, C > B), D; D is not on the board
    const forest = f(row('A', row('B'), row('C', row('B'))), row('D'));
    const board = new Set(issues('A', 'B', 'C'));
    // when / then
    expect(structureOrderOf(forest, (id) => board.has(id))).toEqual(issues('A', 'B', 'C'));
  });
});
