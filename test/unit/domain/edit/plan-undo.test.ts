import { planEdit, planUndo, type EditAction } from '../../../../src/domain/edit';
import type { Forest } from '../../../../src/domain/forest';
import { f, issue, row, shape } from '../builders';

const all = () => true;
const at = (forest: Forest, key: string) => forest.rowsOfIssue(issue(key))[0]!;

/** The forest an edit makes, for the "after" of an undo. */
function edited(forest: Forest, ...actions: EditAction[]): Forest {
  const result = planEdit({ forest, actions, visible: all });
  if (!result.ok) throw new Error(result.refusal.message);
  return result.forest;
}

describe('planUndo', () => {
  const base = f(row('A'), row('B', row('C'), row('D')), row('E'));

  it('takes back a move, an add and a remove on the unchanged forest', () => {
    const after = edited(
      base,
      { kind: 'move', rowIds: [at(base, 'C')], under: at(base, 'E') },
      { kind: 'add', issueIds: [issue('X')], under: at(base, 'A') },
      { kind: 'remove', rowIds: [at(base, 'D')] },
    );
    expect(shape(after)).toBe('A(X) B E(C)');
    const undo = planUndo({ before: base, after, current: after, visible: all });
    if (!undo.ok) throw new Error(undo.reason);
    expect(shape(undo.forest)).toBe('A B(C D) E');
    expect(undo.counts).toEqual({ added: 1, moved: 1, removed: 1 });
    // D comes back as a new row: row ids are never reused.
    expect(undo.forest.has(at(base, 'D'))).toBe(false);
  });

  it('keeps what others did since, putting rows back beside the siblings still there', () => {
    const after = edited(base, { kind: 'move', rowIds: [at(base, 'D')], under: 0 });
    // Since: someone adds Y at the top and removes C, which sat above D.
    const current = edited(
      after,
      { kind: 'add', issueIds: [issue('Y')], under: 0, after: 0 },
      { kind: 'remove', rowIds: [at(base, 'C')] },
    );
    const undo = planUndo({ before: base, after, current, visible: all });
    if (!undo.ok) throw new Error(undo.reason);
    expect(shape(undo.forest)).toBe('Y A B(D) E');
  });

  it('refuses when the row the edit moved is gone, or its old parent is, or rows were put under an added one', () => {
    const moved = edited(base, { kind: 'move', rowIds: [at(base, 'C')], under: at(base, 'A') });
    const cGone = edited(moved, { kind: 'remove', rowIds: [at(base, 'C')] });
    expect(planUndo({ before: base, after: moved, current: cGone, visible: all })).toEqual({
      ok: false,
      reason: `Row ${at(base, 'C')}, which this edit moved, is not in the structure any more.`,
    });
    const bGone = edited(moved, { kind: 'remove', rowIds: [at(base, 'B')] });
    expect(planUndo({ before: base, after: moved, current: bGone, visible: all })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('took row') as unknown,
    });
    const added = edited(base, { kind: 'add', issueIds: [issue('X')], under: 0 });
    const x = added.rowsOfIssue(issue('X'))[0]!;
    const under = edited(added, { kind: 'move', rowIds: [at(base, 'E')], under: x });
    expect(planUndo({ before: base, after: added, current: under, visible: all })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('Rows were placed under row') as unknown,
    });
  });

  it('refuses when a row it touches holds an issue the person cannot see now', () => {
    const after = edited(base, { kind: 'move', rowIds: [at(base, 'C')], under: 0 });
    const undo = planUndo({ before: base, after, current: after, visible: (id) => id !== issue('C') });
    expect(undo).toMatchObject({ ok: false, reason: expect.stringContaining('cannot see') as unknown });
  });
});
