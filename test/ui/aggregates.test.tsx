// The aggregate computation, pure: pre-order depths and each row's contribution → subtree sums and progress.
import {
  progressOf,
  subtreeSums,
  type Contribution,
} from '../../static/structure-ui/src/components/tree/columns/aggregates';

// Rows in pre-order:        depth  points  resolved
//  0 Epic A                   0      5        no
//  1   Story A1               1      3        yes
//  2     Sub-task A1a         2      1        yes
//  3   Story A2 (hidden)      1      null     null   ← the viewer cannot see it
//  4     Sub-task A2a         2      2        no
//  5 Epic B                   0      undefined (still loading)
//  6   Story B1               1      8        yes
const depths = [0, 1, 2, 1, 2, 0, 1];
const points: Contribution[] = [5, 3, 1, null, 2, undefined, 8];
const issue: Contribution[] = [1, 1, 1, null, 1, undefined, 1];
const done: Contribution[] = [0, 1, 1, null, 0, undefined, 1];

describe('subtree sums', () => {
  it('adds each row and every row under it in one pass, leaving out what adds nothing', () => {
    // when
    const [sum] = subtreeSums(depths, [(i) => points[i]]);
    // then
    expect(Array.from(sum!.sum)).toEqual([11, 4, 1, 2, 2, 8, 8]);
    expect(Array.from(sum!.pending)).toEqual([0, 0, 0, 0, 0, 1, 0]);
  });

  it('computes several measures at once, each on its own', () => {
    // when
    const [a, b] = subtreeSums(depths, [(i) => points[i], () => 1]);
    // then: the second counts rows
    expect(Array.from(a!.sum)).toEqual([11, 4, 1, 2, 2, 8, 8]);
    expect(Array.from(b!.sum)).toEqual([5, 2, 1, 2, 1, 2, 1]);
  });

  it('counts a row under each parent it appears under, and handles a forest of one level', () => {
    expect(Array.from(subtreeSums([0, 0, 0], [() => 2])[0]!.sum)).toEqual([2, 2, 2]);
    expect(Array.from(subtreeSums([], [() => 2])[0]!.sum)).toEqual([]);
    // a deep chain closes all at once at the end
    expect(Array.from(subtreeSums([0, 1, 2, 3], [() => 1])[0]!.sum)).toEqual([4, 3, 2, 1]);
  });

  it('ignores values that are not finite numbers', () => {
    expect(Array.from(subtreeSums([0, 1], [(i) => (i === 1 ? Number.NaN : 1)])[0]!.sum)).toEqual([1, 0]);
  });
});

describe('progress', () => {
  const [issues, resolved] = subtreeSums(depths, [(i) => issue[i], (i) => done[i]]);
  const of = (row: number) => progressOf(issues!, resolved!, row, { issue: issue[row], done: done[row] });

  it('is the share of resolved issues under the row, the hidden ones counting nowhere', () => {
    // Epic A: A1, A1a, A2a visible under it (A2 hidden), of which A1 and A1a resolved
    expect(of(0)).toEqual({ done: 2, total: 3, pending: 0 });
    expect(of(1)).toEqual({ done: 1, total: 1, pending: 0 });
    // a hidden row with a visible one under it: the visible one counts
    expect(of(3)).toEqual({ done: 0, total: 1, pending: 0 });
  });

  it("is the row's own issue for a row with nothing under it, and waits for what is loading", () => {
    expect(of(2)).toEqual({ done: 1, total: 1, pending: 0 });
    expect(of(4)).toEqual({ done: 0, total: 1, pending: 0 });
    // Epic B's own issue is loading, but its progress is over B1: known
    expect(of(5)).toEqual({ done: 1, total: 1, pending: 0 });
    const [i2, r2] = subtreeSums([0, 1], [(i) => (i === 1 ? undefined : 1), (i) => (i === 1 ? undefined : 0)]);
    expect(progressOf(i2!, r2!, 0, { issue: 1, done: 0 })).toEqual({ done: 0, total: 0, pending: 1 });
  });
});
