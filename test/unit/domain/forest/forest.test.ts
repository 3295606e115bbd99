import { Forest } from '../../../../src/domain/forest';
import { f, issue, row, shape } from '../builders';

describe('Forest', () => {
  // A; B > (C > D), E; F
  const forest = f(row('A'), row('B', row('C', row('D')), row('E')), row('F'));

  it('reads rows by index in pre-order', () => {
    expect(forest.size).toBe(6);
    expect(shape(forest, true)).toBe('1:A 2:B(3:C(4:D) 5:E) 6:F');
    expect(forest.rowAt(3)).toEqual({ rowId: 4, depth: 2, issueId: issue('D') });
    expect(forest.nextRowId).toBe(7);
  });

  it.each([
    ['top level', 0, [1, 2, 6]],
    ['B', 2, [3, 5]],
    ['C', 3, [4]],
    ['a leaf', 4, []],
  ])('lists the children of %s', (_, rowId, children) => {
    expect(forest.childrenOf(rowId)).toEqual(children);
  });

  it.each([
    [1, 0],
    [3, 2],
    [4, 3],
    [5, 2],
    [6, 0],
  ])('finds the parent of row %i', (rowId, parent) => {
    expect(forest.parentOf(rowId)).toBe(parent);
  });

  it('answers subtree, depth and index of a row', () => {
    expect(forest.subtreeOf(2)).toEqual([2, 3, 4, 5]);
    expect(forest.subtreeOf(6)).toEqual([6]);
    expect(forest.depthOf(4)).toBe(2);
    expect(forest.indexOf(5)).toBe(4);
    expect(forest.subtreeEndAt(1)).toBe(5);
    expect(forest.parentIndexAt(3)).toBe(2);
  });

  it('finds every row of an issue that appears twice, in pre-order', () => {
    const twice = f(row('A', row('X')), row('B', row('X')));
    expect(twice.rowsOfIssue(issue('X'))).toEqual([2, 4]);
    expect(twice.rowsOfIssue(issue('nowhere'))).toEqual([]);
  });

  it.each([
    ['indexOf', () => forest.indexOf(17), 'Row 17 is not in the forest of 6 rows'],
    ['parentOf', () => forest.parentOf(0), 'Row 0 is not in the forest of 6 rows'],
    ['childrenOf', () => forest.childrenOf(99), 'Row 99 is not in the forest of 6 rows'],
    ['rowAt', () => forest.rowAt(6), 'Index 6 out of range for forest of 6 rows'],
    ['depthAt', () => forest.depthAt(-1), 'Index -1 out of range for forest of 6 rows'],
  ])('%s names the bad value', (_, call, message) => {
    expect(call).toThrow(new RangeError(message));
  });

  it.each([
    [
      'a first row below top level',
      [{ rowId: 1, depth: 1, issueId: 5 }],
      'Row 1 at index 0 has depth 1, deeper than 0',
    ],
    [
      'a depth jump of two',
      [
        { rowId: 1, depth: 0, issueId: 5 },
        { rowId: 2, depth: 2, issueId: 5 },
      ],
      'Row 2 at index 1 has depth 2, deeper than 1',
    ],
    [
      'a repeated rowId',
      [
        { rowId: 3, depth: 0, issueId: 5 },
        { rowId: 3, depth: 0, issueId: 6 },
      ],
      'Row 3 appears twice, at indices 0 and 1',
    ],
    ['rowId 0', [{ rowId: 0, depth: 0, issueId: 5 }], 'Row id 0 is not a positive integer'],
    ['a fractional issue id', [{ rowId: 1, depth: 0, issueId: 1.5 }], 'Issue id 1.5 is not a positive integer'],
  ])('refuses %s', (_, rows, message) => {
    expect(() => Forest.fromRows(rows)).toThrow(message);
  });

  it('refuses a nextRowId that would hand out an existing rowId again', () => {
    expect(() => Forest.fromRows([{ rowId: 4, depth: 0, issueId: 1 }], 4)).toThrow(
      'nextRowId 4 must be above the largest rowId 4',
    );
  });

  it('compares content, not bookkeeping', () => {
    const a = Forest.fromRows([{ rowId: 1, depth: 0, issueId: 9 }], 2);
    const b = Forest.fromRows([{ rowId: 1, depth: 0, issueId: 9 }], 50);
    const c = Forest.fromRows([{ rowId: 1, depth: 0, issueId: 8 }]);
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
    expect(Forest.EMPTY.equals(Forest.fromRows([]))).toBe(true);
  });

  it("prints and parses Structure's forest formula", () => {
    const forest = f(row('A#5', row('B#6')));
    expect(forest.toString()).toBe(`5:0:${issue('A')},6:1:${issue('B')}`);
    expect(Forest.fromFormula(forest.toString()).equals(forest)).toBe(true);
    expect(Forest.fromFormula('10394:0:4,10332:1:14707:1').toString()).toBe('10394:0:4,10332:1:14707');
    expect(Forest.fromFormula('').size).toBe(0);
  });

  it('refuses a formula row that is not an issue row', () => {
    expect(() => Forest.fromFormula('1:0:5/356')).toThrow('Forest formula part "1:0:5/356" is not rowId:depth:issueId');
  });
});
