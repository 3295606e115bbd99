import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { HistoryEntryDto } from '../../src/contract';
import type { ForestRows } from '../../static/structure-ui/src/components/tree/forestIndex';
import { HistoryPage } from '../../static/structure-ui/src/pages/HistoryPage';
import { ForestView } from '../../static/structure-ui/src/pages/StructurePage';
import { fakeInvoke, jsonResponse, ok } from './support/fakeBackend';
import { givenStructure } from './support/fixtures';
import { renderWithServices } from './support/renderApp';

const who = { accountId: 'acc-ed', displayName: 'Ed Editor' };
const entry = (over: Partial<HistoryEntryDto>): HistoryEntryDto => ({
  version: 1,
  at: '2026-12-01T10:00:00Z',
  kind: 'edit',
  who,
  counts: { added: 0, moved: 0, removed: 0 },
  viewable: true,
  ...over,
});
const noJira = async () => jsonResponse({ issues: [], issueErrors: [] });

describe('History page', () => {
  const entries: HistoryEntryDto[] = [
    entry({ version: 4, kind: 'edit', counts: { added: 0, moved: 1, removed: 0 }, undoable: true }),
    entry({ version: 3, kind: 'export', issuesChanged: 12, state: 'finished', viewable: false }),
    entry({ version: 3, kind: 'import', counts: { added: 40, moved: 0, removed: 2 }, jobId: 'job-1' }),
    entry({ version: 2, kind: 'restore', of: 1, counts: { added: 0, moved: 0, removed: 5 } }),
  ];

  it('lists every change with who, what and row counts, and undoes the reader’s edit', async () => {
    // given
    const backend = fakeInvoke({
      getStructure: () => ok<'getStructure'>(givenStructure({ level: 'edit' })),
      listStructureHistory: () => ok<'listStructureHistory'>({ structureId: 's1', version: 4, entries }),
      undoEdit: () => ok<'undoEdit'>({ version: 5, counts: { added: 0, moved: 1, removed: 0 } }),
    });
    renderWithServices(<HistoryPage structureId="s1" />, { invoke: backend.invoke, requestJira: noJira });
    // then
    const rows = await screen.findAllByTestId('history-entry');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('Edited by hand'),
      expect.stringContaining('12 changes written to Jira'),
      expect.stringContaining('Rows: 40 added, 2 removed'),
      expect.stringContaining('back to version 1'),
    ]);
    // an editor may not restore: that needs control
    expect(screen.queryByRole('button', { name: /Restore version/ })).toBeNull();
    // when
    await userEvent.click(within(rows[0]!).getByRole('button', { name: 'Undo' }));
    // then
    await screen.findByText('Undid the edit of version 4 as version 5: 0 rows added, 1 moved, 0 removed.');
    expect(backend.callsOf('undoEdit')).toEqual([{ structureId: 's1', version: 4 }]);
  });

  it('shows an earlier version, and restores it after a confirmation (control)', async () => {
    // given
    const backend = fakeInvoke({
      getStructure: () => ok<'getStructure'>(givenStructure({ level: 'control' })),
      listStructureHistory: () => ok<'listStructureHistory'>({ structureId: 's1', version: 4, entries }),
      getForestAt: () =>
        ok<'getForestAt'>({
          structureId: 's1',
          version: 2,
          rowIds: [1, 2],
          depths: [0, 1],
          issueIds: ['10', '11'],
          hiddenRows: 0,
          totalRows: 2,
        }),
      restoreVersion: () => ok<'restoreVersion'>({ version: 5, counts: { added: 2, moved: 0, removed: 40 } }),
    });
    renderWithServices(<HistoryPage structureId="s1" />, { invoke: backend.invoke, requestJira: noJira });
    // when
    await userEvent.click(await screen.findByRole('button', { name: 'View version 2' }));
    // then
    const section = await screen.findByRole('region', { name: 'Version 2' });
    await waitFor(() => expect(within(section).getAllByTestId('tree-row')).toHaveLength(2));
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Restore version 2' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('as one new change');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Restore' }));
    // then
    await screen.findByText('Restored version 2 as version 5: 2 rows added, 0 moved, 40 removed.');
    expect(backend.callsOf('restoreVersion')).toEqual([{ structureId: 's1', version: 2 }]);
  });
});

describe('Ctrl+Z in the structure view', () => {
  it('takes back the viewer’s last edit, and says when there is none', async () => {
    // given
    const forest: ForestRows = { rowIds: [1, 2], depths: [0, 0], issueIds: ['11', '12'] };
    let undone = 0;
    renderWithServices(
      <ForestView
        forest={forest}
        hiddenRows={0}
        height={400}
        edit={{
          onEdit: async () => ({ ok: true, addedRowIds: [] }),
          onUndo: async () =>
            ++undone === 1 ? { ok: true, addedRowIds: [] } : { ok: false, message: 'Nothing of yours to undo here.' },
        }}
      />,
      { invoke: fakeInvoke({}).invoke, requestJira: noJira },
    );
    screen.getByRole('tree').focus();
    // when
    await userEvent.keyboard('{Control>}z{/Control}');
    // then
    await screen.findByText('Undid your last edit.');
    // when
    await userEvent.keyboard('{Control>}z{/Control}');
    // then
    await screen.findByText('Nothing of yours to undo here.');
  });
});
