import { applyUpdate, diffForests, Forest, ForestAction } from '../../../../src/domain/forest';
import { f, random, row, shape } from '../builders';
import { Model, randomForest } from './model';

describe('applyUpdate against a naive model', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('agrees on random update #%i', (seed) => {
    // given
    const rnd = random(seed);
    const start = randomForest(rnd, rnd.int(40), 12);
    const model = new Model(start);
    const update: ForestAction[] = [];
    for (let k = rnd.int(30); k > 0; k--) update.push(model.randomAction(rnd, 12));
    // when
    const result = applyUpdate(start, update);
    // then
    const expected = model.toForest();
    expect(result.toString()).toBe(expected.toString());
    expect(result.nextRowId).toBe(expected.nextRowId);
  });
});

describe('diffForests', () => {
  it.each(Array.from({ length: 60 }, (_, i) => i + 1))('replays to the target forest for random update #%i', (seed) => {
    // given
    const rnd = random(1000 + seed);
    const from = randomForest(rnd, rnd.int(60), 20);
    const model = new Model(from);
    const update: ForestAction[] = [];
    for (let k = rnd.int(40); k > 0; k--) update.push(model.randomAction(rnd, 20));
    const to = applyUpdate(from, update);
    // when
    const diff = diffForests(from, to);
    // then
    expect(applyUpdate(from, diff).toString()).toBe(to.toString());
    expect(diffForests(to, to)).toEqual([]);
    expect(diff.filter((a) => a.kind === 'move').length).toBeLessThanOrEqual(to.size);
  });

  it('returns nothing, and replays to the same object, for equal forests', () => {
    const a = f(row('A', row('B')), row('C'));
    const b = Forest.fromRows(Array.from(a.rows()));
    expect(diffForests(a, b)).toEqual([]);
    expect(applyUpdate(a, diffForests(a, b))).toBe(a);
  });

  it('moves one row, not the rest, when one sibling jumps to the front', () => {
    // given: A B C D E → E A B C D
    const from = f(row('A'), row('B'), row('C'), row('D'), row('E'));
    const to = applyUpdate(from, [{ kind: 'move', rowId: 5, under: 0, after: 0 }]);
    // when
    const diff = diffForests(from, to);
    // then
    expect(diff).toEqual([{ kind: 'move', rowId: 5, under: 0, after: 0 }]);
  });

  it('makes no moves when rows are only added and removed around unchanged ones', () => {
    const from = f(row('A', row('B'), row('C')), row('D'));
    const to = applyUpdate(from, [
      { kind: 'remove', rowId: 3, children: 'remove' },
      { kind: 'add', under: 1, after: 0, rows: [{ depth: 0, issueId: 77 }] },
      {
        kind: 'add',
        under: 0,
        rows: [
          { depth: 0, issueId: 78 },
          { depth: 1, issueId: 79 },
        ],
      },
    ]);
    const diff = diffForests(from, to);
    expect(diff.map((a) => a.kind).sort()).toEqual(['add', 'add', 'remove']);
    expect(applyUpdate(from, diff).equals(to)).toBe(true);
  });

  it('moves rows out of a removed branch before removing it', () => {
    // given: A > B > C; the new forest drops A and B but keeps C at the top level
    const from = f(row('A', row('B', row('C'))));
    const to = applyUpdate(from, [
      { kind: 'move', rowId: 3, under: 0 },
      { kind: 'remove', rowId: 1, children: 'remove' },
    ]);
    // when
    const diff = diffForests(from, to);
    // then
    expect(diff).toEqual([
      { kind: 'move', rowId: 3, under: 0, after: 0 },
      { kind: 'remove', rowId: 1, children: 'remove' },
    ]);
    expect(shape(applyUpdate(from, diff))).toBe('C');
  });

  it('swaps a parent and its child without a cycle', () => {
    const from = f(row('A', row('B')));
    const to = Forest.fromRows([
      { rowId: 2, depth: 0, issueId: from.issueOf(2) },
      { rowId: 1, depth: 1, issueId: from.issueOf(1) },
    ]);
    expect(applyUpdate(from, diffForests(from, to)).equals(to)).toBe(true);
  });

  it('refuses a new row with an id the old forest may have handed out', () => {
    const from = Forest.fromRows([{ rowId: 1, depth: 0, issueId: 5 }], 10);
    const to = Forest.fromRows([{ rowId: 4, depth: 0, issueId: 5 }]);
    expect(() => diffForests(from, to)).toThrow(
      "Row 4 is new but below the old forest's nextRowId 10: rowIds are never reused",
    );
  });

  it('refuses a row that changed its issue', () => {
    const from = Forest.fromRows([{ rowId: 1, depth: 0, issueId: 5 }]);
    const to = Forest.fromRows([{ rowId: 1, depth: 0, issueId: 6 }]);
    expect(() => diffForests(from, to)).toThrow('Row 1 holds issue 5 in the old forest but issue 6 in the new one');
  });
});
