// The structure view's drops in editStructure's coordinates, and the forest shown before the answer.
import type { Instruction } from '@atlaskit/pragmatic-drag-and-drop-hitbox/tree-item';
import {
  draggedRows,
  dragRefusal,
  moveRows,
  placeFor,
  sameForest,
} from '../../static/structure-ui/src/components/tree/dnd/dropPlace';
import { buildIndex, type ForestRows } from '../../static/structure-ui/src/components/tree/forestIndex';

/**
 * A forest from "depth:name" lines; row ids count from 1 in order, the issue id is the name, and a
 * name of "?" is a placeholder (an issue the viewer cannot see).
 */
function forestOf(...lines: string[]): ForestRows {
  return {
    rowIds: lines.map((_, i) => i + 1),
    depths: lines.map((l) => Number(l.split(':')[0])),
    issueIds: lines.map((l) => (l.split(':')[1] === '?' ? null : l.split(':')[1]!)),
  };
}
const outline = (f: ForestRows) => f.issueIds.map((id, i) => `${f.depths[i]}:${id ?? '?'}`);
const rowOf = (f: ForestRows, name: string) => f.rowIds[f.issueIds.indexOf(name)]!;
const at = (f: ForestRows, name: string) => f.issueIds.indexOf(name);
type Desired = Exclude<Instruction, { type: 'instruction-blocked' }>;
const instruction = (type: 'reorder-above' | 'reorder-below' | 'make-child', currentLevel = 0): Desired => ({
  type,
  currentLevel,
  indentPerLevel: 20,
});

//   A
//     A1
//       A1a
//     A2
//   B
//   C
const tree = forestOf('0:A', '1:A1', '2:A1a', '1:A2', '0:B', '0:C');
const index = buildIndex(tree);

describe('a drop instruction as an edit place', () => {
  it('puts the rows above a row, before it among its siblings', () => {
    // when: C dropped on the top quarter of A2
    const outcome = placeFor(tree, index, [at(tree, 'C')], at(tree, 'A2'), instruction('reorder-above', 1));
    // then
    expect(outcome).toEqual({
      place: { under: rowOf(tree, 'A'), before: rowOf(tree, 'A2') },
      relation: 'above',
      target: at(tree, 'A2'),
    });
  });

  it('puts the rows below a row, after it among its siblings (the top level is under 0)', () => {
    const outcome = placeFor(tree, index, [at(tree, 'A2')], at(tree, 'B'), instruction('reorder-below'));
    expect(outcome).toEqual({ place: { under: 0, after: rowOf(tree, 'B') }, relation: 'below', target: at(tree, 'B') });
  });

  it('makes the rows the first children of the row they are dropped on', () => {
    const outcome = placeFor(tree, index, [at(tree, 'C')], at(tree, 'B'), instruction('make-child'));
    expect(outcome).toEqual({ place: { under: rowOf(tree, 'B'), after: 0 }, relation: 'under', target: at(tree, 'B') });
  });

  it("reparents after the last row's ancestor at the level the pointer asks for", () => {
    // when: C dropped left of A2 (the last child of A) at level 0: after A, at the top level
    const outcome = placeFor(tree, index, [at(tree, 'C')], at(tree, 'A2'), {
      type: 'reparent',
      currentLevel: 1,
      indentPerLevel: 20,
      desiredLevel: 0,
    });
    // then
    expect(outcome).toEqual({ place: { under: 0, after: rowOf(tree, 'A') }, relation: 'below', target: at(tree, 'A') });
  });

  it('refuses a drop on the dragged row itself or into its own subtree', () => {
    for (const target of ['A', 'A1', 'A1a', 'A2'])
      for (const type of ['reorder-above', 'reorder-below', 'make-child'] as const)
        expect(placeFor(tree, index, [at(tree, 'A')], at(tree, target), instruction(type))).toEqual({
          reason: 'A row cannot move under itself or one of its own sub-rows.',
        });
  });

  it('refuses a blocked instruction, and placing rows under an issue the viewer cannot see', () => {
    const hidden = forestOf('0:?', '1:X', '0:Y');
    const hiddenIndex = buildIndex(hidden);
    expect(placeFor(hidden, hiddenIndex, [at(hidden, 'Y')], at(hidden, 'X'), instruction('reorder-above', 1))).toEqual({
      reason: 'You cannot place rows under an issue you cannot see.',
    });
    expect(placeFor(hidden, hiddenIndex, [at(hidden, 'Y')], 0, instruction('make-child'))).toEqual({
      reason: 'You cannot place rows under an issue you cannot see.',
    });
    expect(
      placeFor(tree, index, [at(tree, 'C')], at(tree, 'B'), {
        type: 'instruction-blocked',
        desired: instruction('make-child'),
      }),
    ).toEqual({ reason: 'The rows cannot be dropped there.' });
  });
});

describe('folder rows', () => {
  // A folder has no issue (issueIds null) but a name: it is a row like any other, not a placeholder.
  const withFolder: ForestRows = { ...forestOf('0:?', '1:X', '0:Y'), folderNames: { '1': 'Q3 themes' } };
  const folderIndex = buildIndex(withFolder);

  it('takes rows under it and next to its children, and can be dragged itself', () => {
    expect(placeFor(withFolder, folderIndex, [2], 0, instruction('make-child'))).toEqual({
      place: { under: 1, after: 0 },
      relation: 'under',
      target: 0,
    });
    expect(placeFor(withFolder, folderIndex, [2], 1, instruction('reorder-above', 1))).toMatchObject({
      place: { under: 1, before: 2 },
    });
    expect(dragRefusal(withFolder, [0])).toBeUndefined();
  });

  it('keeps its name in the forest shown before the answer', () => {
    const moved = moveRows(withFolder, folderIndex, [2], { under: 1, after: 0 });
    expect(moved.folderNames).toEqual({ '1': 'Q3 themes' });
    expect(moved.rowIds).toEqual([1, 3, 2]);
  });
});

describe('the rows a drag carries', () => {
  it('is the grabbed row alone unless it is in a selection of several', () => {
    expect(draggedRows(tree, index, at(tree, 'B'), new Set([rowOf(tree, 'A'), rowOf(tree, 'C')]))).toEqual([
      at(tree, 'B'),
    ]);
    expect(draggedRows(tree, index, at(tree, 'B'), new Set([rowOf(tree, 'B')]))).toEqual([at(tree, 'B')]);
  });

  it('is the selection in forest order, without rows under other selected rows', () => {
    const selected = new Set([rowOf(tree, 'C'), rowOf(tree, 'A1a'), rowOf(tree, 'A1'), rowOf(tree, 'B')]);
    expect(draggedRows(tree, index, at(tree, 'C'), selected)).toEqual([at(tree, 'A1'), at(tree, 'B'), at(tree, 'C')]);
  });

  it('never carries a placeholder', () => {
    const hidden = forestOf('0:?', '1:X');
    expect(dragRefusal(hidden, [0])).toBe('A row that holds an issue you cannot see cannot be moved.');
    expect(dragRefusal(hidden, [1])).toBeUndefined();
  });
});

describe('the forest shown before the answer', () => {
  it('moves a row with its subtree under another row, first, one level deeper', () => {
    const moved = moveRows(tree, index, [at(tree, 'A1')], { under: rowOf(tree, 'B'), after: 0 });
    expect(outline(moved)).toEqual(['0:A', '1:A2', '0:B', '1:A1', '2:A1a', '0:C']);
    // Row ids travel with their rows.
    expect(moved.rowIds[at(moved, 'A1a')]).toBe(rowOf(tree, 'A1a'));
  });

  it('moves rows before and after a sibling, and to the end of the top level', () => {
    expect(
      outline(moveRows(tree, index, [at(tree, 'C')], { under: rowOf(tree, 'A'), before: rowOf(tree, 'A2') })),
    ).toEqual(['0:A', '1:A1', '2:A1a', '1:C', '1:A2', '0:B']);
    expect(outline(moveRows(tree, index, [at(tree, 'A1')], { under: 0, after: rowOf(tree, 'B') }))).toEqual([
      '0:A',
      '1:A2',
      '0:B',
      '0:A1',
      '1:A1a',
      '0:C',
    ]);
    expect(outline(moveRows(tree, index, [at(tree, 'A')], { under: 0 }))).toEqual([
      '0:B',
      '0:C',
      '0:A',
      '1:A1',
      '2:A1a',
      '1:A2',
    ]);
  });

  it('moves several rows of different levels side by side, each keeping its subtree', () => {
    const moved = moveRows(tree, index, [at(tree, 'A1'), at(tree, 'C')], { under: rowOf(tree, 'B'), after: 0 });
    expect(outline(moved)).toEqual(['0:A', '1:A2', '0:B', '1:A1', '2:A1a', '1:C']);
  });

  it('places rows next to rows that were carried away, as in the forest without them', () => {
    // A1 out of A, right after it: A's subtree end counted without A1
    expect(outline(moveRows(tree, index, [at(tree, 'A1')], { under: 0, after: rowOf(tree, 'A') }))).toEqual([
      '0:A',
      '1:A2',
      '0:A1',
      '1:A1a',
      '0:B',
      '0:C',
    ]);
    // First under A, where A1 (carried too) was
    expect(
      outline(moveRows(tree, index, [at(tree, 'A1'), at(tree, 'C')], { under: rowOf(tree, 'A'), after: 0 })),
    ).toEqual(['0:A', '1:A1', '2:A1a', '1:C', '1:A2', '0:B']);
  });

  it('tells a drop that changes nothing from one that does', () => {
    expect(sameForest(moveRows(tree, index, [at(tree, 'B')], { under: 0, after: rowOf(tree, 'A') }), tree)).toBe(true);
    expect(sameForest(moveRows(tree, index, [at(tree, 'B')], { under: 0, before: rowOf(tree, 'A') }), tree)).toBe(
      false,
    );
  });
});
