// The Import page's forms for the Sub-tasks, Links, Agile and Hierarchy synchronizers: generated from
// the real parameter schemas (listSynchronizers), with pickers read from Jira as the viewer, empty
// optional filters left out, and server errors next to the field they name.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { listSynchronizers } from '../../src/app/synchronizers';
import { ImportForm } from '../../static/structure-ui/src/pages/ImportPage';
import { fail, fakeInvoke, jsonResponse, ok, type Handlers } from './support/fakeBackend';
import { givenStructure } from './support/fixtures';
import { renderWithServices } from './support/renderApp';

const preview = ok<'previewImport'>({
  forestVersion: 1,
  counts: { added: 1, moved: 0, removed: 0, unchanged: 0, skippedNotVisible: 0 },
  totalActions: 1,
  actions: [],
  warnings: [],
});

/** The Jira reads the pickers make, answered in Jira's documented shapes. */
function fakeJiraReads(broken: string[] = []) {
  const paths: string[] = [];
  const requestJira = async (path: string): Promise<Response> => {
    paths.push(path);
    const p = new URL(path, 'http://jira.test').pathname;
    if (broken.includes(p)) return jsonResponse({ errorMessages: ['Jira is down'] }, 503);
    if (p === '/rest/api/3/issueLinkType') {
      return jsonResponse({
        issueLinkTypes: [
          { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
          { id: '10001', name: 'Relates', inward: 'relates to', outward: 'relates to' },
        ],
      });
    }
    if (p === '/rest/agile/1.0/board') {
      return jsonResponse({
        startAt: 0,
        maxResults: 50,
        total: 2,
        isLast: true,
        values: [
          { id: 1, name: 'Team scrum', type: 'scrum', location: { projectKey: 'DEMO', displayName: 'Demo (DEMO)' } },
          { id: 2, name: 'Flow', type: 'kanban', location: { projectKey: 'WEB', displayName: 'Web (WEB)' } },
        ],
      });
    }
    if (p === '/rest/api/3/project/search')
      return jsonResponse({
        startAt: 0,
        maxResults: 100,
        total: 2,
        isLast: true,
        values: [
          { key: 'DEMO', name: 'Demo', id: '1' },
          { key: 'WEB', name: 'Web', id: '2' },
        ],
      });
    if (p === '/rest/api/3/field')
      return jsonResponse([
        { id: 'summary', name: 'Summary', schema: { type: 'string' } },
        {
          id: 'customfield_10019',
          name: 'Rank',
          custom: true,
          schema: { type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-lexo-rank' },
        },
      ]);
    return jsonResponse({ errorMessages: [`not faked: ${path}`] }, 404);
  };
  return { requestJira, paths };
}

async function givenImportFormFor(label: string, handlers: Handlers = {}, broken: string[] = []) {
  const backend = fakeInvoke({
    listSynchronizers: () => ok<'listSynchronizers'>(listSynchronizers()),
    getSettings: () => ok<'getSettings'>({ synchronizersEnabled: true, canChange: false }),
    previewImport: () => preview,
    ...handlers,
  });
  const jira = fakeJiraReads(broken);
  renderWithServices(<ImportForm structure={givenStructure()} />, {
    invoke: backend.invoke,
    requestJira: jira.requestJira,
    path: '/structure/s1/import',
  });
  await userEvent.click(await screen.findByLabelText('Synchronizer'));
  await userEvent.click(await screen.findByText(label));
  return { backend, jira };
}

const previewButton = () => screen.getByRole('button', { name: 'Preview' });

describe('Import forms of the parent/children synchronizers', () => {
  it('offers every synchronizer that can import', async () => {
    await givenImportFormFor('Sub-tasks');
    await userEvent.click(screen.getByLabelText('Synchronizer'));
    for (const label of ['Filter', 'Links', 'Agile', 'Hierarchy'])
      expect(screen.getAllByText(label).length).toBeGreaterThan(0);
  });

  it('Sub-tasks: one option, sent as chosen', async () => {
    // given
    const { backend } = await givenImportFormFor('Sub-tasks');
    // when
    await userEvent.click(screen.getByLabelText('Add missing sub-tasks'));
    await userEvent.click(previewButton());
    // then
    await waitFor(() =>
      expect(backend.callsOf('previewImport')).toEqual([
        { structureId: 's1', synchronizer: 'subtasks', params: { addMissing: true } },
      ]),
    );
  });

  it('Links: the link type from Jira’s list, the parent end and scope in words, empty filters left out', async () => {
    // given
    const { backend, jira } = await givenImportFormFor('Links');
    // when
    await userEvent.click(screen.getByLabelText('Link type'));
    await userEvent.click(await screen.findByText('Relates'));
    // the parent end in the chosen type's own words
    await userEvent.click(await screen.findByLabelText('The outward issue (in “A relates to B”, B is the parent)'));
    await userEvent.click(screen.getByLabelText('Expand: add linked issues below the structure’s issues'));
    await userEvent.type(screen.getByLabelText('Sub-issue filter (JQL)'), 'project = DEMO');
    await userEvent.click(previewButton());
    // then
    expect(jira.paths).toContain('/rest/api/3/issueLinkType');
    await waitFor(() =>
      expect(backend.callsOf('previewImport')).toEqual([
        {
          structureId: 's1',
          synchronizer: 'links',
          params: {
            linkTypeId: '10001',
            parentEnd: 'outward',
            childJql: 'project = DEMO',
            scope: 'expand',
            levels: 10,
            removeUnlinked: false,
          },
        },
      ]),
    );
  });

  it('Links: a link type is required, and Jira’s JQL error shows next to the parent filter', async () => {
    // given
    const jiraMessage = "Field 'sprnt' does not exist or you do not have permission to view it.";
    const { backend } = await givenImportFormFor('Links', {
      previewImport: () => fail({ code: 'JQL_INVALID', message: jiraMessage, field: 'params.parentJql' }),
    });
    // when
    await userEvent.click(previewButton());
    // then
    expect((await screen.findByTestId('param-linkTypeId-error')).textContent).toContain('Link type is required');
    expect(backend.callsOf('previewImport')).toHaveLength(0);
    // when
    await userEvent.click(screen.getByLabelText('Link type'));
    await userEvent.click(await screen.findByText('Blocks'));
    expect(screen.getByLabelText('The inward issue (in “A blocks B”, A is the parent)')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Parent filter (JQL)'), 'sprnt = 1');
    await userEvent.click(previewButton());
    // then
    expect((await screen.findByTestId('param-parentJql-error')).textContent).toContain(jiraMessage);
  });

  it('Agile: a board from Jira’s list, with what kind of board it is', async () => {
    // given
    const { backend } = await givenImportFormFor('Agile');
    // when
    await userEvent.click(screen.getByLabelText('Board'));
    await userEvent.click(await screen.findByText('Flow'));
    await userEvent.click(previewButton());
    // then
    expect(await screen.findByText('Kanban board in Web (WEB)')).toBeTruthy();
    await waitFor(() =>
      expect(backend.callsOf('previewImport')).toEqual([
        {
          structureId: 's1',
          synchronizer: 'agile',
          params: { source: { mode: 'board', boardId: 2 }, subtasks: false },
        },
      ]),
    );
  });

  it('Agile: projects and the rank field (chosen when there is only one); a board the server cannot find is named next to the board', async () => {
    // given
    const { backend } = await givenImportFormFor('Agile', {
      previewImport: (p) =>
        (p.params.source as { mode: string }).mode === 'board'
          ? fail({
              code: 'BOARD_NOT_FOUND',
              message: 'Board 1 does not exist, or its filter is not shared with you.',
              field: 'params.source.boardId',
            })
          : preview,
    });
    await userEvent.click(screen.getByLabelText('Board'));
    await userEvent.click(await screen.findByText('Team scrum'));
    // when
    await userEvent.click(previewButton());
    // then
    expect((await screen.findByTestId('param-source-boardId-error')).textContent).toContain(
      'its filter is not shared with you',
    );
    // when
    await userEvent.click(screen.getByLabelText('Projects, in rank order'));
    await userEvent.click(screen.getByLabelText('Projects'));
    await userEvent.click(await screen.findByText('Web (WEB)'));
    await waitFor(() => expect(screen.getByText('Rank (customfield_10019)')).toBeTruthy());
    await userEvent.click(previewButton());
    // then
    await waitFor(() =>
      expect(backend.callsOf('previewImport')[1]).toEqual({
        structureId: 's1',
        synchronizer: 'agile',
        params: { source: { mode: 'custom', projectKeys: ['WEB'], rankFieldId: 'customfield_10019' }, subtasks: false },
      }),
    );
  });

  it('Hierarchy: projects, levels and order; an unknown project from the server shows next to the projects', async () => {
    // given
    const { backend } = await givenImportFormFor('Hierarchy', {
      previewImport: () =>
        fail({
          code: 'PROJECT_NOT_FOUND',
          message: "The value 'DEMO' does not exist for the field 'project'.",
          field: 'params.roots.projectKeys',
        }),
    });
    // when: nothing chosen yet
    await userEvent.click(previewButton());
    // then
    expect((await screen.findByTestId('param-roots-projectKeys-error')).textContent).toContain('Choose at least one');
    // when
    await userEvent.click(screen.getByLabelText('Projects'));
    await userEvent.click(await screen.findByText('Demo (DEMO)'));
    const levels = screen.getByLabelText('Levels');
    await userEvent.clear(levels);
    await userEvent.type(levels, '3');
    await userEvent.click(screen.getByLabelText('By key (PROJ-9 before PROJ-10)'));
    await userEvent.click(previewButton());
    // then
    await waitFor(() =>
      expect(backend.callsOf('previewImport')).toEqual([
        {
          structureId: 's1',
          synchronizer: 'hierarchy',
          params: { roots: { kind: 'highestLevel', projectKeys: ['DEMO'] }, levels: 3, order: 'key' },
        },
      ]),
    );
    expect((await screen.findByTestId('param-roots-projectKeys-error')).textContent).toContain(
      "The value 'DEMO' does not exist",
    );
  });

  it('lets the user type a value when Jira cannot list the options', async () => {
    // given
    const { backend } = await givenImportFormFor('Links', {}, ['/rest/api/3/issueLinkType']);
    // when
    await userEvent.type(await screen.findByPlaceholderText('Link type ID, e.g. 10000'), '10000');
    await userEvent.click(previewButton());
    // then
    expect(screen.getByText(/The link types could not be loaded from Jira/)).toBeTruthy();
    await waitFor(() => expect(backend.callsOf('previewImport')[0]).toMatchObject({ params: { linkTypeId: '10000' } }));
  });
});
