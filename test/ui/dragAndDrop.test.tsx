// Dragging rows in the structure page, with the native drag events Pragmatic drag and drop listens to.
// jsdom has no layout: each test says what lies under the pointer (elementsFromPoint) and where a row is
// (getBoundingClientRect), as a browser would; the drop logic, the page and the edit it sends are the real ones.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { cleanup as removeLiveRegion } from '@atlaskit/pragmatic-drag-and-drop-live-region';
import { StructurePage } from '../../static/structure-ui/src/pages/StructurePage';
import type { PermissionLevel } from '../../src/contract';
import { fail, fakeInvoke, jsonResponse, ok } from './support/fakeBackend';
import { givenStructure } from './support/fixtures';
import { renderWithServices } from './support/renderApp';

/** DEMO-1, DEMO-2, DEMO-3 at the top level, rows 1–3, version 7. */
const forestPage = {
  structureId: 's1',
  version: 7,
  rowIds: [1, 2, 3],
  depths: [0, 0, 0],
  issueIds: ['1', '2', '3'],
  hiddenRows: 0,
  totalRows: 3,
};

async function requestJira(path: string, init?: RequestInit) {
  if (path === '/rest/api/3/issue/bulkfetch') {
    const ids = (JSON.parse(String(init?.body)) as { issueIdsOrKeys: string[] }).issueIdsOrKeys;
    return jsonResponse({
      issues: ids.map((id) => ({
        id,
        key: `DEMO-${id}`,
        fields: { summary: `Summary ${id}`, issuetype: { name: 'Story' }, status: { name: 'To Do' }, assignee: null },
      })),
      issueErrors: [],
    });
  }
  return jsonResponse({ errorMessages: ['Not here'] }, 404);
}

function givenPage(level: PermissionLevel, edit: Parameters<typeof fakeInvoke>[0]['editStructure']) {
  const backend = fakeInvoke({
    getStructure: () => ok<'getStructure'>(givenStructure({ level, rowCount: 3 })),
    getSettings: () => ok<'getSettings'>({ synchronizersEnabled: true, canChange: false }),
    getForest: () => ok<'getForest'>(forestPage),
    editStructure: edit,
  });
  renderWithServices(<StructurePage structureId="s1" />, { invoke: backend.invoke, requestJira });
  return backend;
}

/** The view's message (the live region says the same, in the body, after a delay). */
const said = (text: string) => within(screen.getByTestId('tree-message')).findByText(text);
const rowOf = (key: string) => screen.getByRole('treeitem', { name: new RegExp(`^${key} `) });
const keysOnShow = () =>
  screen
    .getAllByRole('treeitem')
    .map((r) => `${Number(r.getAttribute('aria-level')) - 1}:${r.getAttribute('aria-label')!.split(' ')[0]}`);

/** Drags `from`'s grip onto the middle of row `to` (its make-child zone), as the pointer would. */
async function dragOnto(from: string, to: string) {
  const grip = screen.getByRole('button', { name: `Move ${from}` });
  const target = rowOf(to);
  target.getBoundingClientRect = () => ({
    top: 100,
    bottom: 136,
    left: 0,
    right: 800,
    height: 36,
    width: 800,
    x: 0,
    y: 100,
    toJSON: () => ({}),
  });
  let under: Element = grip;
  document.elementsFromPoint = () => [under];
  const dataTransfer = {
    setData: () => undefined,
    setDragImage: () => undefined,
    clearData: () => undefined,
    getData: () => '',
    types: [] as string[],
    dropEffect: 'move',
    effectAllowed: 'all',
  };
  const at = { clientX: 300, clientY: 118, dataTransfer };
  await act(async () => {
    // The browser's dragstart is the draggable row's; the grip is what lies under the pointer.
    fireEvent.dragStart(rowOf(from), at);
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    under = target;
    fireEvent.dragEnter(target, at);
    fireEvent.dragOver(target, at);
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  });
  const indicator = target.querySelector('[data-testid="drop-indicator"]')?.getAttribute('data-instruction') ?? null;
  await act(async () => {
    fireEvent.drop(target, at);
  });
  return indicator;
}

describe('Dragging rows', () => {
  // The live region lives in the body, outside what each test renders.
  afterEach(() => removeLiveRegion());

  it('puts a row under the row it is dropped on at once, sends the move, and keeps it without reloading every row', async () => {
    // given: the answer held back until the test lets it go
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const backend = givenPage('edit', async () => {
      await answered;
      return ok<'editStructure'>({ version: 8, counts: { added: 0, moved: 1, removed: 0 }, addedRowIds: [] });
    });
    await screen.findByRole('button', { name: 'Move DEMO-3' });
    // when
    const indicator = await dragOnto('DEMO-3', 'DEMO-1');
    // then: the make-child indicator showed, the row is under DEMO-1 before the answer, the move went out
    expect(indicator).toBe('make-child');
    expect(keysOnShow()).toEqual(['0:DEMO-1', '1:DEMO-3', '0:DEMO-2']);
    expect(backend.callsOf('editStructure')).toEqual([
      { structureId: 's1', version: 7, actions: [{ kind: 'move', rowIds: [3], under: 1, after: 0 }] },
    ]);
    // when: the backend agrees
    await act(async () => answer());
    // then: said, and no second read of the forest
    await said('DEMO-3 moved under DEMO-1.');
    // and: said to screen readers, through Pragmatic drag and drop's live region (after its short delay)
    await waitFor(
      () =>
        expect([...document.querySelectorAll('[role="status"]')].map((n) => n.textContent)).toContain(
          'DEMO-3 moved under DEMO-1.',
        ),
      { timeout: 3000 },
    );
    expect(keysOnShow()).toEqual(['0:DEMO-1', '1:DEMO-3', '0:DEMO-2']);
    expect(backend.callsOf('getForest')).toHaveLength(1);
  });

  it('carries the selection when the grabbed row is in it', async () => {
    // given: DEMO-2 and DEMO-3 selected with Shift+click
    const backend = givenPage('edit', () =>
      ok<'editStructure'>({ version: 8, counts: { added: 0, moved: 2, removed: 0 }, addedRowIds: [] }),
    );
    const user = userEvent.setup();
    await screen.findByRole('button', { name: 'Move DEMO-3' });
    await user.click(rowOf('DEMO-2'));
    await user.keyboard('{Shift>}');
    await user.click(rowOf('DEMO-3'));
    await user.keyboard('{/Shift}');
    // when
    await dragOnto('DEMO-3', 'DEMO-1');
    // then
    await said('2 rows moved under DEMO-1.');
    expect(keysOnShow()).toEqual(['0:DEMO-1', '1:DEMO-2', '1:DEMO-3']);
    expect(backend.callsOf('editStructure')).toEqual([
      { structureId: 's1', version: 7, actions: [{ kind: 'move', rowIds: [2, 3], under: 1, after: 0 }] },
    ]);
  });

  it('takes the rows back at once, reloads and says why when the backend refuses the move', async () => {
    // given: the reload after the refusal held back, so what shows before it is the view's own doing
    let reloads = 0;
    const never = new Promise<never>(() => undefined);
    const backend = fakeInvoke({
      getStructure: () => ok<'getStructure'>(givenStructure({ level: 'edit', rowCount: 3 })),
      getSettings: () => ok<'getSettings'>({ synchronizersEnabled: true, canChange: false }),
      getForest: () => (reloads++ === 0 ? ok<'getForest'>(forestPage) : never),
      editStructure: () => fail({ code: 'CONFLICT', message: 'The structure changed: your view was refreshed.' }),
    });
    renderWithServices(<StructurePage structureId="s1" />, { invoke: backend.invoke, requestJira });
    await screen.findByRole('button', { name: 'Move DEMO-3' });
    // when
    await dragOnto('DEMO-3', 'DEMO-1');
    // then
    await said('The structure changed: your view was refreshed.');
    expect(keysOnShow()).toEqual(['0:DEMO-1', '0:DEMO-2', '0:DEMO-3']);
    await waitFor(() => expect(backend.callsOf('getForest')).toHaveLength(2));
  });

  it('reloads the rows when the backend rebased the move on a newer forest', async () => {
    const backend = givenPage('edit', () =>
      ok<'editStructure'>({ version: 9, counts: { added: 0, moved: 1, removed: 0 }, addedRowIds: [], rebasedFrom: 7 }),
    );
    await screen.findByRole('button', { name: 'Move DEMO-3' });
    await dragOnto('DEMO-3', 'DEMO-1');
    await said('DEMO-3 moved under DEMO-1.');
    // Someone else's change landed first: only a reload shows the forest as it is now.
    await waitFor(() => expect(backend.callsOf('getForest')).toHaveLength(2));
  });

  it("offers the same moves in the grip's menu, for whoever cannot drag", async () => {
    // given
    const backend = givenPage('edit', () =>
      ok<'editStructure'>({ version: 8, counts: { added: 0, moved: 1, removed: 0 }, addedRowIds: [] }),
    );
    const user = userEvent.setup();
    const grip = await screen.findByRole('button', { name: 'Move DEMO-2' });
    expect(grip.getAttribute('aria-haspopup')).toBe('menu');
    // when: the menu opens and closes with Escape, back to the tree
    await user.click(grip);
    const menu = screen.getByRole('menu', { name: 'Move DEMO-2' });
    expect(document.activeElement?.textContent).toBe('Move up');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('tree'));
    expect(menu.isConnected).toBe(false);
    // when: Indent chosen with the keyboard (Enter must not reach the tree, where it opens the issue)
    await user.click(grip);
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    // then: DEMO-2 indented under DEMO-1, said
    await said('Indented.');
    expect(backend.callsOf('editStructure')).toEqual([
      { structureId: 's1', version: 7, actions: [{ kind: 'indent', rowIds: [2] }] },
    ]);
    // when: a move with nowhere to go says why and sends nothing
    await user.click(screen.getByRole('button', { name: 'Move DEMO-1' }));
    await user.click(screen.getByRole('menuitem', { name: 'Move up' }));
    await said('The row is first at its level already.');
    expect(backend.callsOf('editStructure')).toHaveLength(1);
  });

  it('offers no grip to a viewer who cannot edit', async () => {
    givenPage('view', undefined);
    await screen.findByRole('treeitem', { name: /^DEMO-1 / });
    expect(screen.queryByRole('button', { name: /^Move / })).toBeNull();
  });
});
