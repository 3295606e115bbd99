import { Forest } from '../../../../src/domain/forest';
import { ForestTree } from '../../../../src/domain/forest/tree';
import { random } from '../builders';
import { Model, randomForest } from './model';

/** Ancestry the slow way, by parent pointers, to check the Euler tour's answers. */
function naiveWithin(tree: ForestTree, slot: number, ancestor: number): boolean {
  for (let s = slot; ; s = tree.parentOf(s)) {
    if (s === ancestor) return true;
    if (s === 0) return false;
  }
}

describe('ForestTree ancestry (Euler tour)', () => {
  it.each(Array.from({ length: 30 }, (_, i) => i + 1))(
    'agrees with parent pointers through random edits #%i',
    (seed) => {
      // given
      const rnd = random(500 + seed);
      const start = randomForest(rnd, 2 + rnd.int(50), 10);
      const model = new Model(start);
      const tree = new ForestTree(start, 0, 0);
      tree.isWithin(2, 1); // builds the tour before the first edit, so every edit must keep it in step
      for (let k = 0; k < 40; k++) {
        // when
        const action = model.randomAction(rnd, 10);
        if (action.kind === 'add') tree.add(action, action.rows);
        else if (action.kind === 'move') tree.move(action.rowId, action);
        else tree.remove(action.rowId, action.children);
        // then
        const live = model.nodes().map((n) => tree.slotOf(n.rowId));
        for (let q = 0; q < 20 && live.length > 0; q++) {
          const a = rnd.pick(live);
          const b = rnd.next() < 0.2 ? 0 : rnd.pick(live);
          expect([a, b, tree.isWithin(a, b)]).toEqual([a, b, naiveWithin(tree, a, b)]);
        }
      }
      expect(tree.toForest().toString()).toBe(model.toForest().toString());
    },
  );

  it.each(Array.from({ length: 10 }, (_, i) => i + 1))(
    "refuses every move under the moved row's own subtree, random case #%i",
    (seed) => {
      const rnd = random(900 + seed);
      const forest = randomForest(rnd, 40, 10);
      const tree = new ForestTree(forest, 0, rnd.next() < 0.5 ? 0 : 64);
      // A few moves first, so the tour has been edited.
      const model = new Model(forest);
      for (let k = 0; k < 10; k++) {
        const action = model.randomAction(rnd, 10);
        if (action.kind === 'move') tree.move(action.rowId, action);
        else if (action.kind === 'add') tree.add(action, action.rows);
        else tree.remove(action.rowId, action.children);
      }
      const rows = model.nodes().map((n) => n.rowId);
      for (const a of rows) {
        for (const b of rows) {
          if (a !== b && naiveWithin(tree, tree.slotOf(b), tree.slotOf(a))) {
            expect(() => tree.move(a, { under: b })).toThrow(
              `Row ${a} cannot move under row ${b}, which is in its own subtree`,
            );
          }
        }
      }
    },
  );
});

describe('ForestTree on a deep forest', () => {
  it('switches to the Euler tour and still refuses a cycle at the bottom of a 5000-row chain', () => {
    const chain = Forest.fromRows(Array.from({ length: 5000 }, (_, d) => ({ rowId: d + 1, depth: d, issueId: 1 })));
    const tree = new ForestTree(chain);
    expect(tree.isWithin(5000, 1)).toBe(true);
    expect(tree.isWithin(1, 5000)).toBe(false);
    tree.move(5000, { under: 0, after: 0 });
    expect(() => tree.move(2, { under: 4999 })).toThrow(
      'Row 2 cannot move under row 4999, which is in its own subtree',
    );
    tree.move(4999, { under: 5000 });
    expect(tree.isWithin(tree.slotOf(4999), tree.slotOf(5000))).toBe(true);
    expect(tree.toForest().toString().startsWith('5000:0:1,4999:1:1,1:0:1,2:1:1')).toBe(true);
  });
});
