import { applyUpdate, Forest, ForestAction } from '../../../../src/domain/forest';
import { f, issue, on, row, shape } from '../builders';

// A; B > C, D; E
const forest = f(row('A'), row('B', row('C'), row('D')), row('E'));
const { add, move, remove, apply } = on(forest);

describe('applyUpdate', () => {
  it.each([
    ['add X at the end of the top level', add('X'), 'A B(C D) E X'],
    ['add X at the end of the top level (before 0)', add('X').before(0), 'A B(C D) E X'],
    ['add X at the end (after 0, before 0 as Structure clients send)', add('X').after(0).before(0), 'A B(C D) E X'],
    ['add X first at top level', add('X').after(0), 'X A B(C D) E'],
    ['add X after A', add('X').after('A'), 'A X B(C D) E'],
    ['add X before E', add('X').before('E'), 'A B(C D) X E'],
    ['add X between A and B', add('X').after('A').before('B'), 'A X B(C D) E'],
    ['add X last under B', add('X').under('B'), 'A B(C D X) E'],
    ['add X first under B', add('X').under('B').after(0), 'A B(X C D) E'],
    ['add X after C under B', add('X').under('B').after('C'), 'A B(C X D) E'],
    ['add X before C under B', add('X').under('B').before('C'), 'A B(X C D) E'],
    ['add X under a leaf', add('X').under('A'), 'A(X) B(C D) E'],
    ['add X before D, after 0 read as not given', add('X').under('B').after(0).before('D'), 'A B(C X D) E'],
    ['add X after C, before 0 read as not given', add('X').under('B').after('C').before(0), 'A B(C X D) E'],
    ['add a sub-forest', add(row('X', row('Y', row('Z'))), row('W')).under('E'), 'A B(C D) E(X(Y(Z)) W)'],
    ['move E first', move('E').after(0), 'E A B(C D)'],
    ['move A last', move('A'), 'B(C D) E A'],
    ['move A after B', move('A').after('B'), 'B(C D) A E'],
    ['move C under A', move('C').under('A'), 'A(C) B(D) E'],
    ['move D before C', move('D').under('B').before('C'), 'A B(D C) E'],
    ['move B with its subtree under E', move('B').under('E'), 'A E(B(C D))'],
    ['move C to the top level between A and B', move('C').after('A').before('B'), 'A C B(D) E'],
    ['move E last under B (before 0)', move('E').under('B').before(0), 'A B(C D E)'],
    ['move E between C and D', move('E').under('B').after('C').before('D'), 'A B(C E D)'],
    ['move A under B after D', move('A').under('B').after('D'), 'B(C D A) E'],
    ['move D first at top level', move('D').after(0), 'D A B(C) E'],
    ['move D to the top level before B', move('D').before('B'), 'A D B(C) E'],
    ['move a row where it already is', move('C').under('B').before('D'), 'A B(C D) E'],
    ['remove a leaf', remove('C'), 'A B(D) E'],
    ['remove a row with its subtree', remove('B'), 'A E'],
    ['remove a row, lifting its children', remove('B', 'lift'), 'A C D E'],
    ['remove a leaf, lifting nothing', remove('E', 'lift'), 'A B(C D)'],
  ])('%s', (_, step, expected) => {
    expect(shape(apply(step))).toBe(expected);
  });

  it('gives added rows fresh rowIds, above every rowId ever handed out', () => {
    // given: rows 5 was the highest rowId and was removed
    const start = applyUpdate(
      Forest.fromRows([
        { rowId: 1, depth: 0, issueId: 1 },
        { rowId: 5, depth: 0, issueId: 2 },
      ]),
      [{ kind: 'remove', rowId: 5, children: 'remove' }],
    );
    // when
    const next = applyUpdate(start, [
      {
        kind: 'add',
        under: 0,
        rows: [
          { depth: 0, issueId: 3 },
          { depth: 1, issueId: 4 },
        ],
      },
    ]);
    // then
    expect(next.toString()).toBe('1:0:1,6:0:3,7:1:4');
    expect(next.nextRowId).toBe(8);
  });

  it('lets later actions address rows added earlier with explicit fresh rowIds', () => {
    const result = apply(
      { kind: 'add', under: 0, rows: [{ depth: 0, issueId: issue('X'), rowId: 10 }] },
      { kind: 'move', rowId: 1, under: 10 },
      { kind: 'add', under: 10, after: 0, rows: [{ depth: 0, issueId: issue('Y') }] },
    );
    expect(shape(result, true)).toBe('2:B(3:C 4:D) 5:E 10:X(11:Y 1:A)');
  });

  it('applies actions in order, each on the result of the previous', () => {
    expect(shape(apply(move('C').under('E'), move('E').under('A'), remove('B', 'lift')))).toBe('A(E(C)) D');
  });

  it('lifts children again after their new parent is removed with lift too', () => {
    const deep = f(row('P', row('Q', row('R', row('S'), row('T')))), row('U'));
    const { remove: rm, apply: ap } = on(deep);
    expect(
      shape(ap(rm('R', 'lift'), rm('Q', 'lift'), rm('P', 'lift'), { kind: 'move', rowId: 5, under: 0, after: 0 })),
    ).toBe('T S U');
  });

  it('returns the same forest when nothing changes', () => {
    expect(applyUpdate(forest, [])).toBe(forest);
    expect(apply(move('A').after(0))).toBe(forest);
    expect(apply(move('D').under('B').after('C'))).toBe(forest);
    expect(apply(move('C').under('E'), move('C').under('B').after(0))).toBe(forest);
  });

  it('leaves the input forest as it was', () => {
    const before = forest.toString();
    apply(remove('B'), add('X'));
    expect(forest.toString()).toBe(before);
  });

  it.each<[string, ForestAction, string]>([
    [
      'under a row that is not there',
      { kind: 'add', under: 42, rows: [{ depth: 0, issueId: 1 }] },
      'Action 0 (add): Row 42 (under) is not in the forest of 5 rows',
    ],
    [
      'after a row that is not a child of under',
      { kind: 'add', under: 2, after: 1, rows: [{ depth: 0, issueId: 1 }] },
      'Action 0 (add): Row 1 (after) is not a child of row 2',
    ],
    [
      'before a top-level row while under a row',
      { kind: 'move', rowId: 1, under: 2, before: 5 },
      'Action 0 (move): Row 5 (before) is not a child of row 2',
    ],
    [
      'after and before that are not neighbours',
      { kind: 'move', rowId: 5, under: 2, after: 3, before: 3 },
      'Action 0 (move): Row 3 (before) does not follow row 3 (after) under row 2',
    ],
    [
      'moving a row under its own descendant',
      { kind: 'move', rowId: 2, under: 3 },
      'Action 0 (move): Row 2 cannot move under row 3, which is in its own subtree',
    ],
    [
      'moving a row under itself',
      { kind: 'move', rowId: 2, under: 2 },
      'Action 0 (move): Row 2 cannot move under itself',
    ],
    [
      'moving a row after itself',
      { kind: 'move', rowId: 1, under: 0, after: 1 },
      'Action 0 (move): Row 1 cannot be placed after itself',
    ],
    [
      'moving a row that is not there',
      { kind: 'move', rowId: 17, under: 0 },
      'Action 0 (move): Row 17 is not in the forest of 5 rows',
    ],
    [
      'removing a row that is not there',
      { kind: 'remove', rowId: 17, children: 'remove' },
      'Action 0 (remove): Row 17 is not in the forest of 5 rows',
    ],
    [
      'adding a sub-forest that skips a depth',
      {
        kind: 'add',
        under: 0,
        rows: [
          { depth: 0, issueId: 1 },
          { depth: 2, issueId: 1 },
        ],
      },
      'Action 0 (add): Added row 1 has depth 2; expected an integer from 0 to 1',
    ],
    [
      'adding a row with a used rowId',
      { kind: 'add', under: 0, rows: [{ depth: 0, issueId: 1, rowId: 3 }] },
      'Action 0 (add): Row 3 was handed out before and cannot be added again',
    ],
  ])('refuses %s', (_, action, message) => {
    expect(() => applyUpdate(forest, [action])).toThrow(new RangeError(message));
  });

  it('refuses to address a row removed by an earlier action, naming the action', () => {
    expect(() => apply(remove('B'), move('C'))).toThrow(
      new RangeError('Action 1 (move): Row 3 is not in the forest of 2 rows'),
    );
  });

  it('refuses a row removed earlier in the same update being added back with its old rowId', () => {
    expect(() =>
      apply(
        { kind: 'add', under: 0, rows: [{ depth: 0, issueId: 1, rowId: 9 }] },
        { kind: 'remove', rowId: 9, children: 'remove' },
        { kind: 'add', under: 0, rows: [{ depth: 0, issueId: 1, rowId: 9 }] },
      ),
    ).toThrow('Action 2 (add): Row 9 was handed out before');
  });
});
