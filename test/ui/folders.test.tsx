import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rowClipboard } from '../../static/structure-ui/src/api/rowClipboard';
import type { ForestRows } from '../../static/structure-ui/src/components/tree/forestIndex';
import { ForestView } from '../../static/structure-ui/src/pages/StructurePage';
import { fakeInvoke, jsonResponse } from './support/fakeBackend';
import { renderWithServices } from './support/renderApp';

// Folder "Q3 themes" (row 2) holding issue 12; issue 11 and 13 at the top.
const forest: ForestRows = {
  rowIds: [1, 2, 3, 4],
  depths: [0, 0, 1, 0],
  issueIds: ['11', null, '12', '13'],
  folderNames: { '2': 'Q3 themes' },
};

const requestJira = async (path: string, init?: RequestInit) => {
  if (path !== '/rest/api/3/issue/bulkfetch') return jsonResponse({}, 404);
  const ids = (JSON.parse(String(init?.body)) as { issueIdsOrKeys: string[] }).issueIdsOrKeys;
  return jsonResponse({
    issues: ids.map((id) => ({
      id,
      key: `DEMO-${id}`,
      fields: { summary: `Summary of ${id}`, issuetype: { name: 'Story' }, status: { name: 'To Do' }, assignee: null },
    })),
    issueErrors: [],
  });
};

function renderEditable() {
  const sent: unknown[] = [];
  const pasted: unknown[] = [];
  renderWithServices(
    <ForestView
      forest={forest}
      hiddenRows={0}
      height={400}
      edit={{
        onEdit: async (actions) => {
          sent.push(...actions);
          return { ok: true, addedRowIds: [9] };
        },
        structure: { id: 's-1', name: 'Plan' },
        onPaste: async (clip, place) => {
          pasted.push({ clip, place });
          return { ok: true, addedRowIds: [10] };
        },
      }}
    />,
    { invoke: fakeInvoke({}).invoke, requestJira },
  );
  return { sent, pasted };
}

beforeEach(() => rowClipboard.set(undefined));

describe('folders in the structure view', () => {
  it('shows a folder row with its name, not as a row of an issue the viewer cannot see', async () => {
    renderEditable();
    const folder = document.getElementById('row-2')!;
    expect(folder.getAttribute('aria-label')).toBe('Folder Q3 themes');
    expect(folder.textContent).toContain('Q3 themes');
    expect(screen.queryByText('1 issue you cannot see')).toBeNull();
    expect(screen.getByText(/^4 rows/)).toBeTruthy();
  });

  it('makes a folder after the active row from New folder, refusing an empty name first', async () => {
    const { sent } = renderEditable();
    const user = userEvent.setup();
    await user.click(document.getElementById('row-4')!);
    await user.click(screen.getByRole('button', { name: 'New folder' }));
    await user.keyboard('{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('A folder needs a name.');
    expect(sent).toEqual([]);
    await user.type(screen.getByLabelText('Folder name'), ' Later {Enter}');
    await waitFor(() => expect(sent).toEqual([{ kind: 'add-folder', name: 'Later', under: 0, after: 4 }]));
    await screen.findByText('Created the folder “Later”.');
  });

  it('renames the active folder with F2, and says why F2 on an issue row does nothing', async () => {
    const { sent } = renderEditable();
    const user = userEvent.setup();
    const tree = screen.getByRole('tree');
    tree.focus();
    await user.keyboard('{Home}{F2}');
    await screen.findByText('Only folders are renamed here: choose a folder row, then F2.');
    tree.focus();
    await user.keyboard('{ArrowDown}{F2}');
    const name = await screen.findByLabelText('Folder name');
    expect((name as HTMLInputElement).value).toBe('Q3 themes');
    await user.clear(name);
    await user.type(name, 'Q4 themes{Enter}');
    await waitFor(() => expect(sent).toEqual([{ kind: 'rename', rowId: 2, name: 'Q4 themes' }]));
  });

  it('copies the folder with Ctrl+C (with the row under it) and pastes it after the active row with Ctrl+V', async () => {
    const { pasted } = renderEditable();
    const user = userEvent.setup();
    const tree = screen.getByRole('tree');
    tree.focus();
    await user.keyboard('{ArrowDown}{Control>}c{/Control}');
    expect((await screen.findByTestId('clipboard')).textContent).toBe('Copied: 2 rows from “Plan”');
    await user.keyboard('{End}{Control>}v{/Control}');
    await screen.findByText('Pasted 2 rows.');
    expect(pasted).toEqual([
      {
        clip: { structureId: 's-1', structureName: 'Plan', rowIds: [2], rowCount: 2, mode: 'copy' },
        place: { under: 0, after: 4 },
      },
    ]);
  });
});
