import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ForestRows } from '../../static/structure-ui/src/components/tree/forestIndex';
import { ForestView, StructurePage } from '../../static/structure-ui/src/pages/StructurePage';
import { fail, fakeInvoke, jsonResponse, ok } from './support/fakeBackend';
import { givenStructure } from './support/fixtures';
import { renderWithServices } from './support/renderApp';

/** 1000 epics × (9 stories × 10 sub-tasks): 100,000 rows, three levels. */
function givenBigForest(): ForestRows {
  const forest: ForestRows = { rowIds: [], depths: [], issueIds: [] };
  const add = (depth: number) => {
    const i = forest.rowIds.length;
    forest.rowIds.push(i + 1);
    forest.depths.push(depth);
    forest.issueIds.push(String(100000 + i));
  };
  for (let e = 0; e < 1000; e++) {
    add(0);
    for (let s = 0; s < 9; s++) {
      add(1);
      for (let t = 0; t < 10; t++) add(2);
    }
  }
  return forest;
}

/** Jira as the viewer sees it: every issue id N is key DEMO-N. */
function givenJira() {
  const bulkfetches: string[][] = [];
  const requestJira = async (path: string, init?: RequestInit) => {
    if (path === '/rest/api/3/issue/bulkfetch') {
      const ids = (JSON.parse(String(init?.body)) as { issueIdsOrKeys: string[] }).issueIdsOrKeys;
      bulkfetches.push(ids);
      return jsonResponse({
        issues: ids.map((id) => ({
          id,
          key: `DEMO-${id}`,
          fields: {
            summary: `Summary of ${id}`,
            issuetype: { name: 'Story' },
            status: { name: 'To Do', statusCategory: { key: 'new' } },
            assignee: null,
          },
        })),
        issueErrors: [],
      });
    }
    const key = /^\/rest\/api\/3\/issue\/DEMO-(\d+)/.exec(path);
    if (key) return jsonResponse({ id: key[1], key: `DEMO-${key[1]}` });
    return jsonResponse({ errorMessages: ['Issue does not exist or you do not have permission to see it.'] }, 404);
  };
  return { requestJira, bulkfetches };
}

const HEIGHT = 400;
const MAX_RENDERED = Math.ceil(HEIGHT / 36) + 2 * 8 + 1;
const canvas = () => screen.getByTestId('tree-canvas');
const visibleCount = () => Number(canvas().getAttribute('data-visible-rows'));

describe('Structure view', () => {
  const forest = givenBigForest();

  it('puts only the rows in the viewport into the DOM, even with every row of 100k expanded', async () => {
    // given
    const jira = givenJira();
    renderWithServices(<ForestView forest={forest} hiddenRows={0} height={HEIGHT} />, {
      invoke: fakeInvoke({}).invoke,
      requestJira: jira.requestJira,
    });
    // then: top level expanded by default
    expect(visibleCount()).toBe(10000);
    expect(screen.getAllByTestId('tree-row').length).toBeLessThanOrEqual(MAX_RENDERED);
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Expand all' }));
    // then
    expect(visibleCount()).toBe(100000);
    expect(canvas().style.height).toBe(`${100000 * 36}px`);
    expect(screen.getAllByTestId('tree-row').length).toBeLessThanOrEqual(MAX_RENDERED);
  });

  it('fetches issue details as the viewer for the rows on screen only, in batches Jira accepts', async () => {
    // given
    const jira = givenJira();
    renderWithServices(<ForestView forest={forest} hiddenRows={0} height={HEIGHT} />, {
      invoke: fakeInvoke({}).invoke,
      requestJira: jira.requestJira,
    });
    // then
    await waitFor(() => expect(screen.getAllByText('DEMO-100000').length).toBeGreaterThan(0));
    const fetched = jira.bulkfetches.flat();
    expect(fetched.length).toBeLessThanOrEqual(MAX_RENDERED);
    expect(jira.bulkfetches.every((batch) => batch.length <= 100)).toBe(true);
    expect(screen.getAllByText('Summary of 100000').length).toBe(1);
  });

  it('expands to level N and collapses all', async () => {
    // given
    renderWithServices(<ForestView forest={forest} hiddenRows={0} height={HEIGHT} />, {
      invoke: fakeInvoke({}).invoke,
      requestJira: givenJira().requestJira,
    });
    // when
    await userEvent.click(screen.getByLabelText('Expand to level'));
    await userEvent.click(await screen.findByText('Level 3'));
    // then
    expect(visibleCount()).toBe(100000);
    // when
    await userEvent.click(screen.getByLabelText('Expand to level'));
    await userEvent.click(await screen.findByText('Level 1'));
    // then
    expect(visibleCount()).toBe(1000);
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Expand all' }));
    await userEvent.click(screen.getByRole('button', { name: 'Collapse all' }));
    // then
    expect(visibleCount()).toBe(1000);
  });

  it('finds a row by issue key deep in a collapsed branch, opens its ancestors and selects it', async () => {
    // given: row 50,055 is a sub-task of epic 500
    const target = 50055;
    expect(forest.depths[target]).toBe(2);
    renderWithServices(<ForestView forest={forest} hiddenRows={0} height={HEIGHT} />, {
      invoke: fakeInvoke({}).invoke,
      requestJira: givenJira().requestJira,
    });
    // when
    await userEvent.type(screen.getByLabelText('Find issue by key'), `demo-${100000 + target}`);
    await userEvent.click(screen.getByRole('button', { name: 'Find' }));
    // then
    await waitFor(() =>
      expect(screen.getByTestId('tree-message').textContent).toContain(`Found DEMO-${100000 + target}`),
    );
    const row = document.getElementById(`row-${target + 1}`);
    expect(row).not.toBeNull();
    expect(row!.getAttribute('aria-selected')).toBe('true');
    expect(row!.getAttribute('aria-level')).toBe('3');
    expect(screen.getByRole('tree').getAttribute('aria-activedescendant')).toBe(`row-${target + 1}`);
    expect(screen.getAllByTestId('tree-row').length).toBeLessThanOrEqual(MAX_RENDERED);
  });

  it('says when an issue is not in the structure, or not visible', async () => {
    // given
    renderWithServices(<ForestView forest={forest} hiddenRows={0} height={HEIGHT} />, {
      invoke: fakeInvoke({}).invoke,
      requestJira: givenJira().requestJira,
    });
    // when
    await userEvent.type(screen.getByLabelText('Find issue by key'), 'DEMO-1');
    await userEvent.click(screen.getByRole('button', { name: 'Find' }));
    // then
    await waitFor(() =>
      expect(screen.getByTestId('tree-message').textContent).toContain('DEMO-1 is not in this structure.'),
    );
    // when
    await userEvent.clear(screen.getByLabelText('Find issue by key'));
    await userEvent.type(screen.getByLabelText('Find issue by key'), 'SECRET-1');
    await userEvent.click(screen.getByRole('button', { name: 'Find' }));
    // then
    await waitFor(() =>
      expect(screen.getByTestId('tree-message').textContent).toContain(
        'SECRET-1 was not found in Jira, or you cannot see it.',
      ),
    );
  });

  it('moves and expands with the keyboard', async () => {
    // given
    renderWithServices(<ForestView forest={forest} hiddenRows={0} height={HEIGHT} />, {
      invoke: fakeInvoke({}).invoke,
      requestJira: givenJira().requestJira,
    });
    const tree = screen.getByRole('tree');
    tree.focus();
    // when: down to the first story, then open it
    await userEvent.keyboard('{ArrowDown}{ArrowRight}');
    // then
    expect(tree.getAttribute('aria-activedescendant')).toBe('row-2');
    expect(document.getElementById('row-2')!.getAttribute('aria-expanded')).toBe('true');
    expect(visibleCount()).toBe(10010);
    // when: back up to the epic and close it
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    // then
    expect(tree.getAttribute('aria-activedescendant')).toBe('row-1');
    expect(document.getElementById('row-1')!.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('Filtering the structure by text or JQL', () => {
  it('keeps the rows whose issue matches and the rows above them, and says how many', async () => {
    // given: Jira matches two sub-tasks of the first epic's first story, and an issue outside the structure
    const jira = givenJira();
    const searches: string[] = [];
    const requestJira = async (path: string, init?: RequestInit) => {
      if (path === '/rest/api/3/search/jql') {
        const body = JSON.parse(String(init?.body)) as { jql: string };
        searches.push(body.jql);
        if (body.jql.includes('sprnt'))
          return jsonResponse(
            { errorMessages: ["Field 'sprnt' does not exist or you do not have permission to view it."] },
            400,
          );
        return jsonResponse({ issues: [{ id: '100002' }, { id: '100004' }, { id: '999' }], isLast: true });
      }
      return jira.requestJira(path, init);
    };
    renderWithServices(<ForestView forest={givenBigForest()} hiddenRows={0} height={HEIGHT} />, {
      invoke: fakeInvoke({}).invoke,
      requestJira,
    });
    // when: a text, searched as text ~
    await userEvent.type(screen.getByLabelText('Filter rows by text or JQL'), 'onboarding');
    await userEvent.click(screen.getByRole('button', { name: 'Filter' }));
    // then: the epic, the story and the two sub-tasks
    await screen.findByText('2 rows match “onboarding”, shown with the rows above them (4 rows in all).');
    expect(searches).toEqual(['text ~ "onboarding"']);
    expect(visibleCount()).toBe(4);
    // when: JQL with a mistake
    await userEvent.clear(screen.getByLabelText('Filter rows by text or JQL'));
    await userEvent.type(screen.getByLabelText('Filter rows by text or JQL'), 'sprnt = 5');
    await userEvent.click(screen.getByRole('button', { name: 'Filter' }));
    // then: Jira's own words, and the last filter stays
    await screen.findByText("JQL error: Field 'sprnt' does not exist or you do not have permission to view it.");
    expect(searches[1]).toBe('sprnt = 5');
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Show all rows' }));
    // then: back to the epics and their stories (expanded to level 1)
    expect(visibleCount()).toBe(10000);
  });
});

describe('Keyboard shortcuts', () => {
  it('lists them from the toolbar and with "?" in the tree, editing ones only for editors', async () => {
    // given: a viewer (no editing)
    renderWithServices(<ForestView forest={givenBigForest()} hiddenRows={0} height={HEIGHT} />, {
      invoke: fakeInvoke({}).invoke,
      requestJira: givenJira().requestJira,
    });
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    // then
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText("Open the row's issue in Jira")).toBeTruthy();
    expect(within(dialog).queryByText('Indent: under the row above (every selected row)')).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // when: "?" in the tree
    screen.getByRole('tree').focus();
    await userEvent.keyboard('?');
    // then
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
  });

  it('lists the editing shortcuts to someone who may edit', async () => {
    renderWithServices(
      <ForestView
        forest={givenBigForest()}
        hiddenRows={0}
        height={HEIGHT}
        edit={{ onEdit: async () => ({ ok: true, addedRowIds: [] }) }}
      />,
      { invoke: fakeInvoke({}).invoke, requestJira: givenJira().requestJira },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Indent: under the row above (every selected row)')).toBeTruthy();
  });
});

describe('Editing several rows at once', () => {
  it('selects rows with Shift+↓ and Ctrl+click, and indents or removes them in one edit', async () => {
    // given: top-level rows 1..5
    const forest: ForestRows = {
      rowIds: [1, 2, 3, 4, 5],
      depths: [0, 0, 0, 0, 0],
      issueIds: ['11', '12', '13', '14', '15'],
    };
    const sent: unknown[] = [];
    renderWithServices(
      <ForestView
        forest={forest}
        hiddenRows={0}
        height={HEIGHT}
        edit={{
          onEdit: async (actions) => {
            sent.push(...actions);
            return { ok: true, addedRowIds: [] };
          },
        }}
      />,
      { invoke: fakeInvoke({}).invoke, requestJira: givenJira().requestJira },
    );
    const tree = screen.getByRole('tree');
    expect(tree.getAttribute('aria-multiselectable')).toBe('true');
    tree.focus();
    // when: rows 2 and 3 selected with the keyboard, then indented
    await userEvent.keyboard('{ArrowDown}{Shift>}{ArrowDown}{/Shift}');
    expect(document.getElementById('row-2')!.getAttribute('aria-selected')).toBe('true');
    expect(document.getElementById('row-3')!.getAttribute('aria-selected')).toBe('true');
    expect(document.getElementById('row-4')!.getAttribute('aria-selected')).toBe('false');
    await userEvent.keyboard('{Control>}{ArrowRight}{/Control}');
    // then
    await screen.findByText('Indented 2 rows.');
    expect(sent).toEqual([{ kind: 'indent', rowIds: [2, 3] }]);
    // when: rows 1 and 5 with Ctrl+click (one user, so Control stays held for the click), then Delete
    const user = userEvent.setup();
    await user.click(document.getElementById('row-1')!);
    await user.keyboard('{Control>}');
    await user.click(document.getElementById('row-5')!);
    await user.keyboard('{/Control}');
    tree.focus();
    await user.keyboard('{Delete}');
    // then
    await screen.findByText('Removed 2 rows from the structure; the issues stay in Jira.');
    expect(sent[1]).toEqual({ kind: 'remove', rowIds: [1, 5] });
  });
});

describe('Adding issues from a search', () => {
  it('adds the issues a JQL finds after the active row, and adds keys as typed', async () => {
    // given
    const jira = givenJira();
    const requestJira = async (path: string, init?: RequestInit) =>
      path === '/rest/api/3/search/jql'
        ? jsonResponse({
            issues: [
              { id: '7', key: 'DEMO-7' },
              { id: '8', key: 'DEMO-8' },
            ],
            isLast: true,
          })
        : jira.requestJira(path, init);
    const forest: ForestRows = { rowIds: [1], depths: [0], issueIds: ['11'] };
    const sent: unknown[] = [];
    renderWithServices(
      <ForestView
        forest={forest}
        hiddenRows={0}
        height={HEIGHT}
        edit={{
          onEdit: async (actions) => {
            sent.push(...actions);
            return { ok: true, addedRowIds: [2, 3] };
          },
        }}
      />,
      { invoke: fakeInvoke({}).invoke, requestJira },
    );
    const field = screen.getByLabelText('Issue keys to add, or a search');
    // when: JQL
    await userEvent.type(field, 'project = DEMO AND status = Done');
    await userEvent.click(screen.getByRole('button', { name: 'Add issues' }));
    // then
    await screen.findByText('Added 2 issues matching “project = DEMO AND status = Done”.');
    expect(sent).toEqual([{ kind: 'add', issueKeys: ['DEMO-7', 'DEMO-8'], under: 0, after: 1 }]);
    // when: keys
    await userEvent.type(field, 'demo-9, DEMO-10');
    await userEvent.click(screen.getByRole('button', { name: 'Add issues' }));
    // then
    await screen.findByText('Added DEMO-9, DEMO-10.');
    expect(sent[1]).toMatchObject({ kind: 'add', issueKeys: ['DEMO-9', 'DEMO-10'] });
  });
});

describe('Details of the active row', () => {
  it('shows the row’s issue with more of its fields, following the active row', async () => {
    // given
    const jira = givenJira();
    const asked: string[] = [];
    const requestJira = async (path: string, init?: RequestInit) => {
      if (path.startsWith('/rest/api/3/issue/DEMO-') && path.includes('fields=priority')) {
        asked.push(path);
        return jsonResponse({
          id: '1',
          key: 'x',
          fields: { priority: { name: 'High' }, fixVersions: [{ name: '3.0' }], duedate: '2027-01-31' },
        });
      }
      return jira.requestJira(path, init);
    };
    renderWithServices(<ForestView forest={givenBigForest()} hiddenRows={0} height={HEIGHT} />, {
      invoke: fakeInvoke({}).invoke,
      requestJira,
    });
    await screen.findByRole('link', { name: 'DEMO-100000' });
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Details' }));
    // then
    const panel = await screen.findByRole('complementary', { name: 'Details of DEMO-100000' });
    await within(panel).findByText('High');
    expect(within(panel).getByText('3.0')).toBeTruthy();
    expect(within(panel).getByText('2027-01-31')).toBeTruthy();
    // when: the active row moves
    screen.getByRole('tree').focus();
    await userEvent.keyboard('{ArrowDown}');
    // then
    expect(await screen.findByRole('complementary', { name: 'Details of DEMO-100001' })).toBeTruthy();
    expect(asked).toEqual([
      '/rest/api/3/issue/DEMO-100000?fields=priority,fixVersions,duedate,reporter,updated',
      '/rest/api/3/issue/DEMO-100001?fields=priority,fixVersions,duedate,reporter,updated',
    ]);
  });
});

describe('Opening an issue from its row', () => {
  it('opens the issue in Jira from the key link, and with Enter on the active row', async () => {
    // given
    const opened: string[] = [];
    renderWithServices(<ForestView forest={givenBigForest()} hiddenRows={0} height={HEIGHT} />, {
      invoke: fakeInvoke({}).invoke,
      requestJira: givenJira().requestJira,
      openHostUrl: async (url: string) => void opened.push(url),
    });
    // when: the key is a real link
    const link = await screen.findByRole('link', { name: 'DEMO-100000' });
    expect(link.getAttribute('href')).toBe('/browse/DEMO-100000');
    await userEvent.click(link);
    // and Enter on the active row
    const tree = screen.getByRole('tree');
    tree.focus();
    await userEvent.keyboard('{ArrowDown}');
    await screen.findByRole('link', { name: 'DEMO-100001' });
    await userEvent.keyboard('{Enter}');
    // then
    expect(opened).toEqual(['/browse/DEMO-100000', '/browse/DEMO-100001']);
    // and Space still opens and closes a row
    await userEvent.keyboard(' ');
    expect(document.getElementById('row-2')!.getAttribute('aria-expanded')).toBe('true');
  });
});

describe('Structure page', () => {
  it('shows the first page of rows while the rest of the forest is still loading', async () => {
    // given: a forest in two pages, the second held back
    let releaseSecond: () => void = () => undefined;
    const secondPage = new Promise<void>((resolve) => (releaseSecond = resolve));
    const page = (from: number, count: number, nextCursor?: string) => ({
      structureId: 's1',
      version: 3,
      rowIds: Array.from({ length: count }, (_, i) => from + i + 1),
      depths: Array.from({ length: count }, () => 0),
      issueIds: Array.from({ length: count }, (_, i) => String(100000 + from + i)),
      hiddenRows: 0,
      totalRows: 15000,
      nextCursor,
    });
    const backend = fakeInvoke({
      getStructure: () => ok<'getStructure'>(givenStructure({ rowCount: 15000 })),
      getSettings: () => ok<'getSettings'>({ synchronizersEnabled: true, canChange: false }),
      getForest: async (p) =>
        p.cursor ? (await secondPage, ok<'getForest'>(page(10000, 5000))) : ok<'getForest'>(page(0, 10000, 'next')),
    });
    renderWithServices(<StructurePage structureId="s1" />, {
      invoke: backend.invoke,
      requestJira: givenJira().requestJira,
    });
    // then
    expect(await screen.findByText(/10,000 rows · loading more rows \(10,000 of 15,000\)/)).toBeTruthy();
    expect(screen.getAllByTestId('tree-row').length).toBeGreaterThan(0);
    // when
    releaseSecond();
    // then
    expect(await screen.findByText('15,000 rows')).toBeTruthy();
    expect(backend.callsOf('getForest')).toEqual([
      { structureId: 's1', cursor: undefined, limit: 10000 },
      { structureId: 's1', cursor: 'next', limit: 10000 },
    ]);
    expect(screen.getByRole('heading', { name: 'Release 1' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import' })).toBeTruthy();
  });
});

describe('Structure page with issues the viewer cannot see', () => {
  it('shows a placeholder row for a hidden parent and keeps the visible child under it', async () => {
    // given: PLAT-1 (hidden from the viewer) > MOB-1; a hidden top-level row left out by the server
    const backend = fakeInvoke({
      getStructure: () => ok<'getStructure'>(givenStructure({ rowCount: 3 })),
      getSettings: () => ok<'getSettings'>({ synchronizersEnabled: true, canChange: false }),
      getForest: () =>
        ok<'getForest'>({
          structureId: 's1',
          version: 1,
          rowIds: [1, 2],
          depths: [0, 1],
          issueIds: [null, '100001'],
          hiddenRows: 1,
          totalRows: 3,
        }),
    });
    const jira = givenJira();
    renderWithServices(<StructurePage structureId="s1" />, { invoke: backend.invoke, requestJira: jira.requestJira });
    // then
    expect(await screen.findByText('DEMO-100001')).toBeTruthy();
    const [placeholder, child] = screen.getAllByTestId('tree-row');
    expect(placeholder!.getAttribute('data-placeholder')).toBe('true');
    expect(within(placeholder!).getByTestId('row-key').textContent).toBe('1 issue you cannot see');
    expect(placeholder!.textContent).not.toMatch(/DEMO-|Summary of/);
    expect(placeholder!.getAttribute('aria-level')).toBe('1');
    expect(child!.getAttribute('aria-level')).toBe('2');
    expect(screen.getByText('1 rows · 2 rows hidden because you cannot see their issues')).toBeTruthy();
    expect(screen.queryByText('No rows you can see')).toBeNull();
    expect(jira.bulkfetches.flat()).toEqual(['100001']);
  });
});

describe('Structure page when the settings call fails', () => {
  it('shows the failed call with Try again, never a guess about who can import, and offers Import once it answers', async () => {
    // given: the owner's empty structure; the first getSettings fails as a Jira outage does
    let calls = 0;
    const backend = fakeInvoke({
      getStructure: () => ok<'getStructure'>(givenStructure({ rowCount: 0, level: 'control' })),
      getSettings: () =>
        ++calls === 1
          ? fail({ code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer properly.' })
          : ok<'getSettings'>({ synchronizersEnabled: true, canChange: false }),
      getForest: () =>
        ok<'getForest'>({
          structureId: 's1',
          version: 1,
          rowIds: [],
          depths: [],
          issueIds: [],
          hiddenRows: 0,
          totalRows: 0,
        }),
    });
    renderWithServices(<StructurePage structureId="s1" />, {
      invoke: backend.invoke,
      requestJira: givenJira().requestJira,
    });
    // then
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Jira did not answer properly.');
    expect(await screen.findByText('This structure is empty')).toBeTruthy();
    expect(screen.queryByText(/Someone with control/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    // when
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    // then
    expect(await screen.findByRole('button', { name: 'Import' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('Structure page header', () => {
  const forestOf = () =>
    ok<'getForest'>({
      structureId: 's1',
      version: 1,
      rowIds: [],
      depths: [],
      issueIds: [],
      hiddenRows: 0,
      totalRows: 0,
    });

  it('offers everything that acts on the structure to someone with control: Import, Export, settings, permissions', async () => {
    // given
    const backend = fakeInvoke({
      getStructure: () => ok<'getStructure'>(givenStructure({ rowCount: 0, level: 'control' })),
      getSettings: () => ok<'getSettings'>({ synchronizersEnabled: true, canChange: false }),
      getForest: forestOf,
    });
    renderWithServices(<StructurePage structureId="s1" />, {
      invoke: backend.invoke,
      requestJira: givenJira().requestJira,
    });
    // then
    for (const name of ['Import', 'Export', 'Synchronization settings', 'Permissions', 'Job history'])
      expect(await screen.findByRole('button', { name })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Edit the structure' })).toBeTruthy();
  });

  it('offers a viewer neither the operations nor editing', async () => {
    // given
    const backend = fakeInvoke({
      getStructure: () => ok<'getStructure'>(givenStructure({ rowCount: 0, level: 'view' })),
      getSettings: () => ok<'getSettings'>({ synchronizersEnabled: true, canChange: false }),
      getForest: forestOf,
    });
    renderWithServices(<StructurePage structureId="s1" />, {
      invoke: backend.invoke,
      requestJira: givenJira().requestJira,
    });
    // then
    expect(await screen.findByText('This structure is empty')).toBeTruthy();
    for (const name of ['Import', 'Export', 'Synchronization settings', 'Permissions'])
      expect(screen.queryByRole('button', { name })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Edit the structure' })).toBeNull();
  });
});
