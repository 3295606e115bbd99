import { copiedRows, planEdit, planUndo, type EditAction } from '../../../../src/domain/edit';
import {
  decodeForest,
  encodeForest,
  folderIdOf,
  folderItemId,
  isFolder,
  issueIdToJira,
  type Forest,
} from '../../../../src/domain/forest';
import { f, issue, row, shape } from '../builders';

const HIDDEN = new Set(['HID'].map(issue));
// Asked about a folder, this would say "hidden": planEdit must not ask it about folders at all.
const visible = (id: number) => id > 0 && !HIDDEN.has(id);
const at = (forest: Forest, key: string) => forest.rowsOfIssue(issue(key))[0]!;

function plan(forest: Forest, names: Map<number, string>, ...actions: EditAction[]) {
  return planEdit({ forest, actions, visible, nameOf: (id) => names.get(id) });
}

/** The forest's shape with folders by name. */
function named(forest: Forest, names: Map<number, string>): string {
  const label = new Map<number, string>();
  for (let i = 0; i < forest.size; i++) {
    const id = forest.issueIdAt(i);
    if (isFolder(id)) label.set(id, `[${names.get(folderIdOf(id)) ?? '?'}]`);
  }
  return shape(forest).replace(/-\d+/g, (m) => label.get(Number(m)) ?? m);
}

describe('folders in planEdit', () => {
  const base = f(row('A'), row('B', row('C')), row('E'));

  it('adds a folder at a place: a row whose issue slot is minus its own row id, named by the edit', () => {
    const out = plan(base, new Map(), { kind: 'add-folder', name: '  Q3 themes ', under: 0, before: at(base, 'A') });
    if (!out.ok) throw new Error(out.refusal.message);
    const rowId = out.addedRowIds[0]!;
    expect(out.forest.issueOf(rowId)).toBe(folderItemId(rowId));
    expect(out.names).toEqual([{ folderId: rowId, to: 'Q3 themes' }]);
    expect(named(out.forest, new Map([[rowId, 'Q3 themes']]))).toBe('[Q3 themes] A B(C) E');
    expect(out.counts).toEqual({ added: 1, moved: 0, removed: 0 });
  });

  it('nests rows under a folder, and moves a folder with what is under it', () => {
    const added = plan(base, new Map(), { kind: 'add-folder', name: 'F' });
    if (!added.ok) throw new Error(added.refusal.message);
    const folderRow = added.addedRowIds[0]!;
    const names = new Map([[folderRow, 'F']]);
    const nested = plan(added.forest, names, { kind: 'move', rowIds: [at(base, 'B')], under: folderRow });
    if (!nested.ok) throw new Error(nested.refusal.message);
    expect(named(nested.forest, names)).toBe('A E [F](B(C))');
    const moved = plan(nested.forest, names, { kind: 'move', rowIds: [folderRow], under: 0, before: at(base, 'A') });
    if (!moved.ok) throw new Error(moved.refusal.message);
    expect(named(moved.forest, names)).toBe('[F](B(C)) A E');
    // A folder hides nothing: indenting under it and removing it need no answer about it from Jira.
    const removed = plan(moved.forest, names, { kind: 'remove', rowIds: [folderRow] });
    expect(removed.ok && shape(removed.forest)).toBe('A E');
  });

  it('renames a folder, noting the old name for undo; renaming to the same name notes nothing', () => {
    const added = plan(base, new Map(), { kind: 'add-folder', name: 'Old' });
    if (!added.ok) throw new Error(added.refusal.message);
    const folderRow = added.addedRowIds[0]!;
    const names = new Map([[folderRow, 'Old']]);
    const renamed = plan(added.forest, names, { kind: 'rename', rowId: folderRow, name: 'New' });
    expect(renamed.ok && renamed.names).toEqual([{ folderId: folderRow, from: 'Old', to: 'New' }]);
    expect(renamed.ok && renamed.update).toEqual([]);
    const same = plan(added.forest, names, { kind: 'rename', rowId: folderRow, name: ' Old ' });
    expect(same.ok && same.names).toEqual([]);
  });

  it.each([
    [{ kind: 'add-folder', name: '   ' }, 'actions.0.name', 'A folder needs a name.'],
    [{ kind: 'add-folder', name: 'x'.repeat(256) }, 'actions.0.name', 'at most 255 characters; this one has 256'],
    [{ kind: 'add-folder', name: 'a\nb' }, 'actions.0.name', 'line breaks'],
    [{ kind: 'rename', rowId: 2, name: 'X' }, 'actions.0.rowId', 'holds an issue, not a folder'],
    [{ kind: 'rename', rowId: 99, name: 'X' }, 'actions.0.rowId', 'not in the structure'],
  ] as Array<[EditAction, string, string]>)('refuses %j with a reason, changing nothing', (action, field, message) => {
    const out = plan(base, new Map(), action);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.refusal.field).toBe(field);
    expect(out.refusal.message).toContain(message);
  });

  it('refuses a folder name with line breaks or control characters in a later action too, keeping the batch all or nothing', () => {
    const out = plan(base, new Map(), { kind: 'add-folder', name: 'ok' }, { kind: 'add-folder', name: '\u0007' });
    expect(out.ok).toBe(false);
    expect(!out.ok && out.refusal.field).toBe('actions.1.name');
  });

  it('takes a new folder back on undo, and leaves a rename to the app (the forest did not change)', () => {
    const added = plan(base, new Map(), { kind: 'add-folder', name: 'F', under: at(base, 'B') });
    if (!added.ok) throw new Error(added.refusal.message);
    const undo = planUndo({ before: base, after: added.forest, current: added.forest, visible });
    expect(undo.ok && shape(undo.forest)).toBe('A B(C) E');
  });

  it('encodes folder rows next to issue rows and decodes them unchanged', () => {
    const added = plan(base, new Map(), { kind: 'add-folder', name: 'F', under: at(base, 'B') });
    if (!added.ok) throw new Error(added.refusal.message);
    const back = decodeForest(encodeForest(added.forest));
    expect(back.equals(added.forest)).toBe(true);
    expect(back.nextRowId).toBe(added.forest.nextRowId);
  });

  it('never lets a folder be sent to Jira as an issue', () => {
    expect(() => issueIdToJira(folderItemId(5))).toThrow(RangeError);
  });
});

describe('copy and paste in planEdit', () => {
  it('copies rows with their subtrees as new rows; a copied folder becomes a new folder of the same name', () => {
    const added = plan(f(row('A', row('B')), row('C')), new Map(), { kind: 'add-folder', name: 'F', under: 1 });
    if (!added.ok) throw new Error(added.refusal.message);
    const folderRow = added.addedRowIds[0]!;
    const names = new Map([[folderRow, 'F']]);
    const copy = plan(added.forest, names, { kind: 'copy', rowIds: [1], under: 3 });
    if (!copy.ok) throw new Error(copy.refusal.message);
    const newFolder = copy.addedRowIds[2]!;
    expect(copy.names).toEqual([{ folderId: newFolder, to: 'F' }]);
    names.set(newFolder, 'F');
    expect(named(copy.forest, names)).toBe('A(B [F]) C(A(B [F]))');
    expect(copy.addedRowIds.every((r) => !added.forest.has(r))).toBe(true);
    expect(copy.forest.issueOf(newFolder)).not.toBe(added.forest.issueOf(folderRow));
    expect(copy.counts.added).toBe(3);
  });

  it('refuses to copy a row with rows under it that the editor cannot see', () => {
    const forest = f(row('A', row('HID')), row('C'));
    const out = plan(forest, new Map(), { kind: 'copy', rowIds: [at(forest, 'A')], under: at(forest, 'C') });
    expect(!out.ok && out.refusal).toEqual({
      field: 'actions.0.rowIds.0',
      message: expect.stringContaining('rows under it that hold issues you cannot see'),
    });
  });

  it('copies a selection in order once, a selected sub-row coming along with its parent', () => {
    const forest = f(row('A', row('B')), row('C'));
    const rows = copiedRows({
      forest,
      rowIds: [at(forest, 'C'), at(forest, 'B'), at(forest, 'A')],
      visible,
      nameOf: () => undefined,
      field: 'rowIds',
    });
    expect(rows).toEqual({
      ok: true,
      rows: [
        { depth: 0, issueId: issue('C') },
        { depth: 0, issueId: issue('A') },
        { depth: 1, issueId: issue('B') },
      ],
    });
  });

  it('pastes rows copied elsewhere, refusing a bad depth or an issue the editor cannot see', () => {
    const forest = f(row('A'));
    const ok = plan(forest, new Map(), {
      kind: 'paste',
      rows: [
        { depth: 0, folderName: 'From elsewhere' },
        { depth: 1, issueId: issue('X') },
      ],
      under: 0,
    });
    expect(ok.ok && named(ok.forest, new Map([[2, 'From elsewhere']]))).toBe('A [From elsewhere](X)');
    expect(plan(forest, new Map(), { kind: 'paste', rows: [{ depth: 1, issueId: issue('X') }] }).ok).toBe(false);
    const hidden = plan(forest, new Map(), { kind: 'paste', rows: [{ depth: 0, issueId: issue('HID') }] });
    expect(!hidden.ok && hidden.refusal.message).toContain('cannot see');
  });
});
