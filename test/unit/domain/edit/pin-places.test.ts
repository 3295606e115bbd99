import { pinPlaces, planEdit } from '../../../../src/domain/edit';
import type { Forest } from '../../../../src/domain/forest';
import { f, issue, row, shape } from '../builders';

const at = (forest: Forest, key: string) => forest.rowsOfIssue(issue(key))[0]!;
const all = () => true;

describe('pinPlaces', () => {
  const view = f(row('A'), row('B', row('C'), row('D')), row('E'));

  it('pins an indent under the row that was above, and an outdent after the old parent', () => {
    const pinned = pinPlaces(view, [
      { kind: 'indent', rowIds: [at(view, 'E')] },
      { kind: 'outdent', rowIds: [at(view, 'C')] },
    ]);
    expect(pinned.actions).toEqual([
      { kind: 'move', rowIds: [at(view, 'E')], under: at(view, 'B'), before: 0 },
      { kind: 'move', rowIds: [at(view, 'C')], under: 0, after: at(view, 'B') },
    ]);
    expect(pinned.origin).toEqual([0, 1]);
  });

  it('keeps the meaning when a row was put between since: the indent still goes under the row the editor saw', () => {
    const { actions } = pinPlaces(view, [{ kind: 'indent', rowIds: [at(view, 'E')] }]);
    const changed = planEdit({
      forest: view,
      actions: [{ kind: 'add', issueIds: [issue('X')], under: 0, after: at(view, 'B') }],
      visible: all,
    });
    if (!changed.ok) throw new Error(changed.refusal.message);
    const rebased = planEdit({ forest: changed.forest, actions, visible: all });
    if (!rebased.ok) throw new Error(rebased.refusal.message);
    expect(shape(rebased.forest)).toBe('A B(C D E) X');
  });

  it('leaves adds, moves, removes and what the view refuses as they are', () => {
    const actions = [
      { kind: 'add' as const, issueIds: [issue('X')] },
      { kind: 'indent' as const, rowIds: [at(view, 'A')] },
      { kind: 'remove' as const, rowIds: [at(view, 'D')] },
    ];
    expect(pinPlaces(view, actions).actions).toEqual(actions);
  });
});
