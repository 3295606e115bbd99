// The structure view's columns: the Columns dialog (add from the site's fields, Σ, reorder, remove, save),
// the header and rows rendering the saved columns, and the rows read with only the fields they show.
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { StructureColumn, StructureColumnsDto } from '../../src/contract';
import type { ForestRows } from '../../static/structure-ui/src/components/tree/forestIndex';
import { ForestView } from '../../static/structure-ui/src/pages/StructurePage';
import { fail, fakeInvoke, jsonResponse, ok } from './support/fakeBackend';
import { renderWithServices } from './support/renderApp';

// The machine is shared: give Jira's fake answers and Atlaskit's transitions time under load.
configure({ asyncUtilTimeout: 5000 });

const STORY_POINTS = 'customfield_10016';
const SPRINT = 'customfield_10020';

// An epic with two stories (3 and 5 points; the second resolved), then a story on its own (2 points).
const forest: ForestRows = { rowIds: [1, 2, 3, 4], depths: [0, 1, 1, 0], issueIds: ['10', '11', '12', '13'] };
const points: Record<string, number | null> = { '10': null, '11': 3, '12': 5, '13': 2 };

function givenJira() {
  const bulkfetches: Array<{ ids: string[]; fields: string[] }> = [];
  const issueReads: string[] = [];
  const requestJira = async (path: string, init?: RequestInit) => {
    if (path.startsWith('/rest/api/3/issue/PLAT-')) {
      issueReads.push(path);
      return jsonResponse({
        fields: { status: { name: 'In Review' }, assignee: { displayName: 'Dan Okafor' }, priority: { name: 'High' } },
      });
    }
    if (path === '/rest/api/3/field')
      return jsonResponse([
        { id: 'summary', name: 'Summary', custom: false, schema: { type: 'string', system: 'summary' } },
        { id: 'priority', name: 'Priority', custom: false, schema: { type: 'priority', system: 'priority' } },
        { id: STORY_POINTS, name: 'Story Points', custom: true, schema: { type: 'number', customId: 10016 } },
        { id: SPRINT, name: 'Sprint', custom: true, schema: { type: 'array', items: 'json', customId: 10020 } },
        {
          id: 'customfield_10019',
          name: 'Rank',
          custom: true,
          schema: { type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-lexo-rank', customId: 10019 },
        },
      ]);
    if (path === '/rest/api/3/issue/bulkfetch') {
      const body = JSON.parse(String(init?.body)) as { issueIdsOrKeys: string[]; fields: string[] };
      bulkfetches.push({ ids: body.issueIdsOrKeys, fields: body.fields });
      return jsonResponse({
        issues: body.issueIdsOrKeys.map((id) => {
          const all: Record<string, unknown> = {
            summary: `Summary of ${id}`,
            issuetype: { name: id === '10' ? 'Epic' : 'Story' },
            status: { name: id === '12' ? 'Done' : 'To Do', statusCategory: { key: id === '12' ? 'done' : 'new' } },
            assignee: null,
            resolution: id === '12' ? { name: 'Done' } : null,
            [STORY_POINTS]: points[id],
            [SPRINT]: id === '11' ? [{ id: 1, name: 'PLAT Sprint 4', state: 'active' }] : null,
          };
          // Jira returns only the fields asked for.
          return { id, key: `PLAT-${id}`, fields: Object.fromEntries(body.fields.map((f) => [f, all[f]])) };
        }),
      });
    }
    return jsonResponse({ errorMessages: ['not faked'] }, 404);
  };
  return { requestJira, bulkfetches, issueReads };
}

function givenColumns(columns: StructureColumn[] | undefined, canChange: boolean) {
  const saved: StructureColumn[][] = [];
  const dto = (c: StructureColumn[]): StructureColumnsDto => ({
    structureId: 's1',
    columns: c,
    saved: true,
    canChange,
  });
  const backend = fakeInvoke({
    getStructureColumns: () =>
      ok<'getStructureColumns'>({
        ...dto(
          columns ?? [
            { kind: 'field', field: 'key' },
            { kind: 'field', field: 'summary' },
            { kind: 'field', field: 'status' },
            { kind: 'field', field: 'assignee' },
          ],
        ),
        saved: columns !== undefined,
      }),
    setStructureColumns: (p) => {
      saved.push(p.columns as StructureColumn[]);
      return ok<'setStructureColumns'>(dto(p.columns as StructureColumn[]));
    },
  });
  return { backend, saved };
}

const headers = () => screen.getAllByTestId('column-header').map((h) => h.textContent);
const rowOf = (key: string) => screen.getByRole('treeitem', { name: new RegExp(`^${key} `) });
const cellOf = (key: string, column: string) => rowOf(key).querySelector(`[data-column="${column}"]`)!;

describe('Structure columns', () => {
  it('adds Story Points and Σ Story Points from the field picker, reorders, removes, saves, and shows them', async () => {
    // given
    const jira = givenJira();
    const { backend, saved } = givenColumns(undefined, true);
    renderWithServices(<ForestView structureId="s1" forest={forest} hiddenRows={0} height={400} />, {
      invoke: backend.invoke,
      requestJira: jira.requestJira,
    });
    await screen.findByText('Summary of 10');
    expect(headers()).toEqual(['Issue', 'Summary', 'Status', 'Assignee']);
    // when: the dialog, two columns from the searchable picker
    await userEvent.click(screen.getByRole('button', { name: 'Columns' }));
    const dialog = await screen.findByRole('dialog');
    const picker = within(dialog).getByLabelText('Add a column');
    // Rank (Jira's ordering key) is not offered
    await userEvent.type(picker, 'Rank');
    expect(await within(dialog).findByText('No options')).toBeTruthy();
    await userEvent.clear(picker);
    await userEvent.type(picker, 'Story');
    await userEvent.click(await within(dialog).findByText('Story Points (customfield_10016)'));
    await userEvent.type(picker, 'Σ Story');
    await userEvent.click(await within(dialog).findByText('Σ Story Points (over the row and the rows under it)'));
    // and: Progress, Story Points up twice (with the keyboard the second time), Assignee removed
    await userEvent.type(picker, 'Progress');
    await userEvent.click(await within(dialog).findByText('Progress (resolved issues under the row)'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move Story Points up' }));
    // the focus stays on the moved column's button, so the keyboard can move it on
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Move Story Points up' }));
    await userEvent.keyboard('{Enter}');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove Assignee' }));
    expect(
      within(dialog)
        .getAllByTestId('column-item')
        .map((li) => li.textContent?.replace(/(Up|Down|Remove|px)/g, '')),
    ).toEqual(['Issue — first, it holds the tree', 'Summary', 'Story Points', 'Status', 'Σ Story Points', 'Progress']);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    // then: saved as one list, the dialog closes, the view shows the columns
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(saved).toEqual([
      [
        { kind: 'field', field: 'key' },
        { kind: 'field', field: 'summary' },
        { kind: 'field', field: STORY_POINTS },
        { kind: 'field', field: 'status' },
        { kind: 'sum', field: STORY_POINTS },
        { kind: 'progress' },
      ],
    ]);
    expect(headers()).toEqual(['Issue', 'Summary', 'Story Points', 'Status', 'Σ Story Points', 'Progress']);
    await waitFor(() => expect(cellOf('PLAT-11', `field:${STORY_POINTS}`).textContent).toBe('3'));
    // Σ over the epic and the rows under it (its own points are empty); progress over the rows under it
    await waitFor(() => expect(cellOf('PLAT-10', `sum:${STORY_POINTS}`).textContent).toBe('8'));
    expect(cellOf('PLAT-13', `sum:${STORY_POINTS}`).textContent).toBe('2');
    expect(cellOf('PLAT-10', 'progress').textContent).toBe('50%');
    expect(within(rowOf('PLAT-10')).getByRole('progressbar', { name: '1 of 2 resolved (50%)' })).toBeTruthy();
    expect(cellOf('PLAT-12', 'progress').textContent).toBe('100%');
    // and the rows were read again with only the fields their columns show; the subtrees with the aggregates'
    const last = jira.bulkfetches.filter((b) => b.fields.includes(STORY_POINTS) && b.fields.includes('summary'));
    expect(last.at(-1)!.fields.sort()).toEqual(['issuetype', 'status', 'summary', STORY_POINTS].sort());
    const subtree = jira.bulkfetches.find((b) => !b.fields.includes('summary'));
    expect(subtree!.fields.sort()).toEqual(['resolution', 'status', STORY_POINTS].sort());
  });

  it('renders sprint names, Unassigned and empty values and saved widths, and offers a viewer without edit no Columns button', async () => {
    // given: saved columns, read by a viewer
    const jira = givenJira();
    const { backend } = givenColumns(
      [
        { kind: 'field', field: 'key' },
        { kind: 'field', field: SPRINT },
        { kind: 'field', field: 'assignee', width: 180 },
      ],
      false,
    );
    renderWithServices(<ForestView structureId="s1" forest={forest} hiddenRows={0} height={400} />, {
      invoke: backend.invoke,
      requestJira: jira.requestJira,
    });
    // then
    await waitFor(() => expect(headers()).toEqual(['Issue', 'Sprint', 'Assignee']));
    await waitFor(() => expect(cellOf('PLAT-11', `field:${SPRINT}`).textContent).toBe('PLAT Sprint 4'));
    expect(cellOf('PLAT-12', `field:${SPRINT}`).textContent).toBe('');
    expect(cellOf('PLAT-12', 'field:assignee').textContent).toBe('Unassigned');
    expect(rowOf('PLAT-11').style.gridTemplateColumns).toBe('minmax(220px, 1.3fr) 150px 180px');
    expect(screen.queryByRole('button', { name: 'Columns' })).toBeNull();
    expect(jira.bulkfetches.at(-1)!.fields.sort()).toEqual(['assignee', 'issuetype', 'summary', SPRINT].sort());
  });

  it('keeps the dialog open with the reason when saving fails, and changes nothing', async () => {
    // given
    const jira = givenJira();
    const backend = fakeInvoke({
      getStructureColumns: () =>
        ok<'getStructureColumns'>({
          structureId: 's1',
          columns: [
            { kind: 'field', field: 'key' },
            { kind: 'field', field: 'summary' },
          ],
          saved: false,
          canChange: true,
        }),
      setStructureColumns: () =>
        fail({
          code: 'PERMISSION_LEVEL',
          message: 'This needs the edit permission level on structure "Roadmap"; you have view.',
          needed: 'edit',
        }),
    });
    renderWithServices(<ForestView structureId="s1" forest={forest} hiddenRows={0} height={400} />, {
      invoke: backend.invoke,
      requestJira: jira.requestJira,
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Columns' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove Summary' }));
    // when
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    // then
    await within(dialog).findByText('This needs the edit permission level on structure "Roadmap"; you have view.');
    expect(within(dialog).getByText('The columns were not saved')).toBeTruthy();
    expect(headers()).toEqual(['Issue', 'Summary']);
  });

  it("reads the details panel's status and assignee from Jira when the columns leave them out", async () => {
    // given: columns without Status and Assignee
    const jira = givenJira();
    const { backend } = givenColumns(
      [
        { kind: 'field', field: 'key' },
        { kind: 'field', field: 'summary' },
      ],
      true,
    );
    renderWithServices(<ForestView structureId="s1" forest={forest} hiddenRows={0} height={400} />, {
      invoke: backend.invoke,
      requestJira: jira.requestJira,
    });
    await screen.findByText('Summary of 10');
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Details' }));
    // then
    const panel = await screen.findByTestId('details-panel');
    await within(panel).findByText('In Review');
    expect(within(panel).getByText('Dan Okafor')).toBeTruthy();
    expect(jira.issueReads).toEqual([
      '/rest/api/3/issue/PLAT-10?fields=priority,fixVersions,duedate,reporter,updated,status,assignee',
    ]);
  });

  it('reads the aggregates of 100k rows for the subtrees on screen only, with only the Σ field', async () => {
    // given: 1000 epics of 100 rows each (9 stories × 10 sub-tasks), every issue 1 point; epics collapsed
    const big: ForestRows = { rowIds: [], depths: [], issueIds: [] };
    const add = (depth: number) => {
      big.rowIds.push(big.rowIds.length + 1);
      big.depths.push(depth);
      big.issueIds.push(String(100000 + big.issueIds.length));
    };
    for (let e = 0; e < 1000; e++) {
      add(0);
      for (let st = 0; st < 9; st++) {
        add(1);
        for (let t = 0; t < 10; t++) add(2);
      }
    }
    const subtreeFetches: string[][] = [];
    const requestJira = async (_path: string, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as { issueIdsOrKeys: string[]; fields: string[] };
      if (!body.fields.includes('summary')) subtreeFetches.push(body.issueIdsOrKeys);
      return jsonResponse({
        issues: body.issueIdsOrKeys.map((id) => ({
          id,
          key: `BIG-${id}`,
          fields: { summary: `Summary of ${id}`, [STORY_POINTS]: 1 },
        })),
      });
    };
    const { backend } = givenColumns(
      [
        { kind: 'field', field: 'key' },
        { kind: 'sum', field: STORY_POINTS },
      ],
      false,
    );
    renderWithServices(<ForestView structureId="s1" forest={big} hiddenRows={0} height={400} />, {
      invoke: backend.invoke,
      requestJira,
    });
    // when: every row on screen (with the overscan: epics and their stories) has its sum
    const sizeAt = (depth: number) => [100, 11, 1][depth]!;
    const shown = () =>
      screen.getAllByTestId('tree-row').map((r) => ({
        index: Number(r.getAttribute('data-row-id')) - 1,
        depth: Number(r.getAttribute('aria-level')) - 1,
        sum: r.querySelector(`[data-column="sum:${STORY_POINTS}"]`)?.textContent,
      }));
    await waitFor(() => expect(shown().map((r) => r.sum)).toEqual(shown().map((r) => String(sizeAt(r.depth)))));
    // then: exactly the issues of their subtrees were read, each once, in batches of 100
    const expected = new Set<string>();
    for (const row of shown())
      for (let k = row.index; k < row.index + sizeAt(row.depth); k++) expected.add(String(100000 + k));
    const fetched = subtreeFetches.flat();
    expect(shown().length).toBeGreaterThan(10);
    expect(fetched.length).toBe(expected.size);
    expect(new Set(fetched)).toEqual(expected);
    expect(subtreeFetches.every((batch) => batch.length <= 100)).toBe(true);
    expect(subtreeFetches.length).toBe(Math.ceil(expected.size / 100));
  });

  it('shows the default columns, and why, when the saved ones cannot be read', async () => {
    // given
    const backend = fakeInvoke({
      getStructureColumns: () => fail({ code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer in time.' }),
    });
    renderWithServices(<ForestView structureId="s1" forest={forest} hiddenRows={0} height={400} />, {
      invoke: backend.invoke,
      requestJira: givenJira().requestJira,
    });
    // then
    await screen.findByText("The structure's columns could not be loaded");
    expect(screen.getByText(/Jira did not answer in time\. The default columns show meanwhile/)).toBeTruthy();
    expect(headers()).toEqual(['Issue', 'Summary', 'Status', 'Assignee']);
    expect(screen.queryByRole('button', { name: 'Columns' })).toBeNull();
  });

  it('saves a width typed for a column, and names a width out of range before sending it', async () => {
    // given
    const jira = givenJira();
    const { backend, saved } = givenColumns(undefined, true);
    renderWithServices(<ForestView structureId="s1" forest={forest} hiddenRows={0} height={400} />, {
      invoke: backend.invoke,
      requestJira: jira.requestJira,
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Columns' }));
    const dialog = await screen.findByRole('dialog');
    const width = within(dialog).getByLabelText('Width of Summary in pixels');
    // when: too narrow
    await userEvent.type(width, '20');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    // then: said, nothing sent
    await within(dialog).findByText('Summary width: is narrower than 60 px.');
    expect(saved).toEqual([]);
    // when
    await userEvent.clear(width);
    await userEvent.type(width, '320');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    // then
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(saved[0]![1]).toEqual({ kind: 'field', field: 'summary', width: 320 });
    expect(rowOf('PLAT-10').style.gridTemplateColumns).toBe('minmax(220px, 1.3fr) 320px 150px 200px');
  });
});
