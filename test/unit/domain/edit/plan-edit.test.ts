import { planEdit, type EditAction } from '../../../../src/domain/edit';
import { applyUpdate, isFolder, type Forest } from '../../../../src/domain/forest';
import { f, issue, keyOf, row, shape } from '../builders';

// A: B(C D) E — plus HID, an issue the editor cannot see, where a test puts it.
const HIDDEN = new Set(['HID', 'HID2'].map(issue));
const visible = (id: number) => !HIDDEN.has(id);
const at = (forest: Forest, key: string) => forest.rowsOfIssue(issue(key))[0];

function edit(forest: Forest, ...actions: EditAction[]) {
  const result = planEdit({ forest, actions, visible });
  return result.ok ? { shape: shape(result.forest), counts: result.counts, result } : { refusal: result.refusal };
}

describe('planEdit', () => {
  const base = f(row('A'), row('B', row('C'), row('D')), row('E'));

  it('adds issues side by side at a place, in order, and reports their rows', () => {
    const out = edit(base, {
      kind: 'add',
      issueIds: [issue('X'), issue('Y')],
      under: at(base, 'B'),
      after: at(base, 'C'),
    });
    expect(out.shape).toBe('A B(C X Y D) E');
    expect(out.counts).toEqual({ added: 2, moved: 0, removed: 0 });
    if (!out.result?.ok) throw new Error('refused');
    expect(out.result.addedRowIds.map((r) => keyOf(out.result.forest.issueOf(r)))).toEqual(['X', 'Y']);
  });

  it('adds at the end of the top level by default', () => {
    expect(edit(base, { kind: 'add', issueIds: [issue('X')] }).shape).toBe('A B(C D) E X');
  });

  it('moves a selection with its subtrees, keeping the selection order; a selected sub-row comes along', () => {
    const out = edit(base, {
      kind: 'move',
      rowIds: [at(base, 'E'), at(base, 'B'), at(base, 'C')],
      under: 0,
      before: at(base, 'A'),
    });
    expect(out.shape).toBe('E B(C D) A');
    expect(out.counts?.moved).toBe(2);
  });

  it('indents under the sibling above, and outdents after the parent, keeping order for several rows', () => {
    expect(edit(base, { kind: 'indent', rowIds: [at(base, 'B')] }).shape).toBe('A(B(C D)) E');
    expect(edit(base, { kind: 'indent', rowIds: [at(base, 'E'), at(base, 'B')] }).shape).toBe('A(B(C D) E)');
    expect(edit(base, { kind: 'outdent', rowIds: [at(base, 'C'), at(base, 'D')] }).shape).toBe('A B C D E');
  });

  it('removes rows with their subtrees, never counting a selected sub-row twice', () => {
    const out = edit(base, { kind: 'remove', rowIds: [at(base, 'C'), at(base, 'B')] });
    expect(out.shape).toBe('A E');
    expect(out.counts?.removed).toBe(3);
  });

  it('applies a batch in order, each edit on what the previous left', () => {
    const out = edit(
      base,
      { kind: 'add', issueIds: [issue('X')], under: 0, after: at(base, 'A') },
      { kind: 'indent', rowIds: [base.nextRowId] },
      { kind: 'move', rowIds: [at(base, 'E')], under: at(base, 'A') },
    );
    expect(out.shape).toBe('A(X E) B(C D)');
  });

  describe('refuses, changing nothing', () => {
    const withHidden = f(row('A', row('HID', row('K'))), row('B', row('C')), row('HID2'));
    it.each<[string, EditAction[], string, string]>([
      [
        'an unknown row',
        [{ kind: 'move', rowIds: [999], under: 0 }],
        'actions.0.rowIds.0',
        'Row 999 is not in the structure any more: reload the structure and try again.',
      ],
      [
        'a hidden row moved',
        [{ kind: 'move', rowIds: [at(withHidden, 'HID')], under: 0 }],
        'actions.0.rowIds.0',
        `Row ${at(withHidden, 'HID')} holds an issue you cannot see: you cannot move it.`,
      ],
      [
        'a hidden row removed',
        [{ kind: 'remove', rowIds: [at(withHidden, 'HID2')] }],
        'actions.0.rowIds.0',
        `Row ${at(withHidden, 'HID2')} holds an issue you cannot see: you cannot remove it.`,
      ],
      [
        'a visible row over hidden rows removed',
        [{ kind: 'remove', rowIds: [at(withHidden, 'A')] }],
        'actions.0.rowIds.0',
        `Row ${at(withHidden, 'A')} has rows under it that hold issues you cannot see: move your rows out, or ask someone who can see them to remove it.`,
      ],
      [
        'rows placed under a hidden row',
        [{ kind: 'move', rowIds: [at(withHidden, 'C')], under: at(withHidden, 'HID') }],
        'actions.0.under',
        'You cannot place rows under an issue you cannot see.',
      ],
      [
        'a move under its own sub-row',
        [{ kind: 'move', rowIds: [at(withHidden, 'B')], under: at(withHidden, 'C') }],
        'actions.0',
        'A row cannot move under itself or one of its own sub-rows.',
      ],
      [
        'a sibling that is not at the place',
        [{ kind: 'move', rowIds: [at(withHidden, 'C')], under: 0, after: at(withHidden, 'K') }],
        'actions.0.after',
        `Row ${at(withHidden, 'K')} is not directly under the place you chose: reload the structure and try again.`,
      ],
      [
        'indenting the first row',
        [{ kind: 'indent', rowIds: [at(withHidden, 'A')] }],
        'actions.0.rowIds.0',
        `Row ${at(withHidden, 'A')} has no row above it at its level to go under.`,
      ],
      [
        'indenting under a hidden row',
        [{ kind: 'indent', rowIds: [at(withHidden, 'HID2')] }],
        'actions.0.rowIds.0',
        `Row ${at(withHidden, 'HID2')} holds an issue you cannot see: you cannot indent it.`,
      ],
      [
        'outdenting a top-level row',
        [{ kind: 'outdent', rowIds: [at(withHidden, 'B')] }],
        'actions.0.rowIds.0',
        `Row ${at(withHidden, 'B')} is at the top level already.`,
      ],
      [
        'the second edit of a batch',
        [
          { kind: 'add', issueIds: [issue('X')] },
          { kind: 'outdent', rowIds: [at(withHidden, 'A')] },
        ],
        'actions.1.rowIds.0',
        `Row ${at(withHidden, 'A')} is at the top level already.`,
      ],
    ])('%s', (_, actions, field, message) => {
      expect(planEdit({ forest: withHidden, actions, visible })).toEqual({ ok: false, refusal: { field, message } });
    });
  });

  it('moves hidden rows with their visible ancestor, under their parent', () => {
    const withHidden = f(row('A', row('HID', row('K'))), row('B'));
    expect(edit(withHidden, { kind: 'move', rowIds: [at(withHidden, 'A')], under: at(withHidden, 'B') }).shape).toBe(
      'B(A(HID(K)))',
    );
  });

  it('keeps the forest valid and its diff replayable over random edit sequences', () => {
    // A small deterministic generator: seeded LCG.
    let seed = 42;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let run = 0; run < 200; run++) {
      let forest = f(row('R1', row('R2'), row('R3', row('R4'))), row('R5'), row('R6'));
      for (let step = 0; step < 15; step++) {
        const rows = Array.from({ length: forest.size }, (_, i) => forest.rowIdAt(i));
        const pick = () => rows[rand(rows.length)];
        const kinds = ['add', 'add-folder', 'rename', 'copy', 'move', 'indent', 'outdent', 'remove'] as const;
        const kind = rows.length === 0 ? 'add' : kinds[rand(kinds.length)];
        const under = () => (rows.length && rand(2) ? pick() : 0);
        const action: EditAction =
          kind === 'add'
            ? { kind, issueIds: [issue(`N${run}-${step}`)], under: under() }
            : kind === 'add-folder'
              ? { kind, name: `F${step}`, under: under() }
              : kind === 'rename'
                ? { kind, rowId: pick(), name: `R${step}` }
                : kind === 'move' || kind === 'copy'
                  ? { kind, rowIds: [pick()], under: under() }
                  : { kind, rowIds: [pick()] };
        // Folders are visible without asking: `visible` says no to them, and must never be asked.
        const result = planEdit({ forest, actions: [action], visible: (id) => id > 0 });
        if (action.kind === 'rename' && !isFolder(forest.issueOf(action.rowId))) expect(result.ok).toBe(false);
        if (!result.ok) continue;
        const next = result.forest;
        // Valid: rowIds unique, depths start at 0 and grow by at most one, so no row is its own ancestor.
        const ids = Array.from({ length: next.size }, (_, i) => next.rowIdAt(i));
        expect(new Set(ids).size).toBe(ids.length);
        for (let i = 0; i < next.size; i++)
          expect(next.depthAt(i)).toBeLessThanOrEqual(i === 0 ? 0 : next.depthAt(i - 1) + 1);
        // What the edit promised: rows counted match the size change; a moved row sits where it was sent.
        expect(next.size - forest.size).toBe(result.counts.added - result.counts.removed);
        if (action.kind === 'move') expect(next.parentOf(action.rowIds[0])).toBe(action.under ?? 0);
        if (action.kind === 'indent') expect(next.depthOf(action.rowIds[0])).toBe(forest.depthOf(action.rowIds[0]) + 1);
        if (action.kind === 'outdent')
          expect(next.parentOf(action.rowIds[0])).toBe(forest.parentOf(forest.parentOf(action.rowIds[0])));
        if (action.kind === 'remove') expect(next.has(action.rowIds[0])).toBe(false);
        if (action.kind === 'add-folder') {
          const rowId = result.addedRowIds[0]!;
          expect(next.issueOf(rowId)).toBe(-rowId);
          expect(result.names).toEqual([{ folderId: rowId, to: action.name }]);
        }
        if (action.kind === 'copy') expect(result.counts.added).toBe(forest.subtreeOf(action.rowIds[0]!).length);
        // Every folder row names a folder made in a row of this forest's history (ids never reused).
        for (let i = 0; i < next.size; i++)
          if (isFolder(next.issueIdAt(i))) expect(-next.issueIdAt(i)).toBeLessThan(next.nextRowId);
        // And replaying its update on `forest` gives it, added rows and all (what the edit log stores).
        const replayed = applyUpdate(forest, result.update);
        expect(replayed.equals(next)).toBe(true);
        expect(replayed.nextRowId).toBe(next.nextRowId);
        forest = result.forest;
      }
    }
  });
});
