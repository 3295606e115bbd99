import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PayloadIn } from '../../src/contract';
import { ImportForm } from '../../static/structure-ui/src/pages/ImportPage';
import { fail, fakeInvoke, jsonResponse, ok, type Handlers } from './support/fakeBackend';
import { filterSynchronizer, givenJob, givenStructure, otherSynchronizer } from './support/fixtures';
import { renderWithServices } from './support/renderApp';

function givenImportPage(handlers: Handlers = {}, requestJira?: (path: string) => Promise<Response>) {
  const backend = fakeInvoke({
    listSynchronizers: () => ok<'listSynchronizers'>({ synchronizers: [filterSynchronizer] }),
    getSettings: () => ok<'getSettings'>({ synchronizersEnabled: true, canChange: false }),
    ...handlers,
  });
  const view = renderWithServices(<ImportForm structure={givenStructure()} />, {
    invoke: backend.invoke,
    requestJira,
    path: '/structure/s1/import',
  });
  return { backend, ...view };
}

const jqlField = () => screen.findByLabelText('JQL');

describe('Filter parameters form', () => {
  it('names the missing JQL next to its field and calls nothing', async () => {
    // given
    const { backend } = givenImportPage();
    // when
    await userEvent.click(await screen.findByRole('button', { name: 'Run Import' }));
    // then
    expect((await screen.findByTestId('param-source-jql-error')).textContent).toContain('JQL is required');
    expect((await jqlField()).getAttribute('aria-describedby')).toBe('param-source-jql-error');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('JQL')));
    expect(backend.callsOf('startImport')).toHaveLength(0);
    expect(backend.callsOf('previewImport')).toHaveLength(0);
  });

  it('builds its placeholders from the site’s own projects, never a project that is not there', async () => {
    // given: the viewer browses MOB and PLAT
    givenImportPage({}, async (path) =>
      path.startsWith('/rest/api/3/project/search')
        ? jsonResponse({
            values: [
              { key: 'MOB', name: 'Mobile' },
              { key: 'PLAT', name: 'Platform' },
            ],
            isLast: true,
          })
        : jsonResponse({ errorMessages: ['not faked'] }, 404),
    );
    // then
    await waitFor(async () =>
      expect((await jqlField()).getAttribute('placeholder')).toBe('project = MOB AND issuetype = Story ORDER BY Rank'),
    );
    await userEvent.click(screen.getByLabelText('Under an issue'));
    expect(screen.getByLabelText('Parent issue key').getAttribute('placeholder')).toBe('e.g. MOB-123');
    expect(document.body.innerHTML).not.toContain('DEMO');
  });

  it('checks the parent issue key format when placing under an issue', async () => {
    // given
    givenImportPage();
    await userEvent.type(await jqlField(), 'project = DEMO');
    // when
    await userEvent.click(screen.getByLabelText('Under an issue'));
    await userEvent.type(screen.getByLabelText('Parent issue key'), 'not a key');
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    // then
    expect((await screen.findByTestId('param-add-issueKey-error')).textContent).toContain(
      'An issue key looks like PROJ-123',
    );
  });

  it('offers Allow move only under an issue, and the Remove options only with Remove, as the server demands', async () => {
    // given
    givenImportPage();
    const allowMove = (await screen.findByLabelText('Allow move')) as HTMLInputElement;
    const onlyWhereAdded = screen.getByLabelText('Remove only where added') as HTMLInputElement;
    // then
    expect(allowMove.disabled).toBe(true);
    expect(onlyWhereAdded.disabled).toBe(true);
    expect(screen.getByText(/Only with new issues added under an issue/)).toBeTruthy();
    // when
    await userEvent.click(screen.getByLabelText('Under an issue'));
    await userEvent.click(screen.getByLabelText('Remove'));
    // then
    expect(allowMove.disabled).toBe(false);
    expect(onlyWhereAdded.disabled).toBe(false);
    // when: checked, then its condition goes away
    await userEvent.click(allowMove);
    await userEvent.click(screen.getByLabelText('At the top level'));
    // then
    expect(allowMove.checked).toBe(false);
    expect(allowMove.disabled).toBe(true);
  });

  it('generates the form from any schema, with other parameter names', async () => {
    // given
    const backend = fakeInvoke({
      getSettings: () => ok<'getSettings'>({ synchronizersEnabled: true, canChange: false }),
      listSynchronizers: () => ok<'listSynchronizers'>({ synchronizers: [otherSynchronizer] }),
      previewImport: () =>
        fail({ code: 'PARENT_ISSUE_NOT_FOUND', message: 'DEMO-9 is not in the structure or not visible to you.' }),
    });
    renderWithServices(<ImportForm structure={givenStructure()} />, { invoke: backend.invoke });
    await userEvent.type(await jqlField(), 'project = DEMO');
    await userEvent.click(screen.getByLabelText('Under an issue'));
    await userEvent.type(screen.getByLabelText('Parent issue key'), 'demo-9');
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    // then
    expect(backend.callsOf('previewImport')[0]).toMatchObject({
      params: { source: { type: 'jql', jql: 'project = DEMO' }, placement: { type: 'under', issueKey: 'DEMO-9' } },
    });
    expect((await screen.findByTestId('param-placement-issueKey-error')).textContent).toContain(
      'DEMO-9 is not in the structure',
    );
  });

  it("shows Jira's JQL error from the server next to the JQL field", async () => {
    // given
    const jiraMessage = "Error in the JQL Query: The character '=' is a reserved JQL character.";
    givenImportPage({
      previewImport: () => fail({ code: 'JQL_INVALID', message: jiraMessage, field: 'params.source.jql' }),
    });
    await userEvent.type(await jqlField(), 'project = = DEMO');
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    // then
    expect((await screen.findByTestId('param-source-jql-error')).textContent).toContain(jiraMessage);
  });

  it('finds the JQL field for a JQL error the server did not attach to a field', async () => {
    // given
    givenImportPage({ previewImport: () => fail({ code: 'JQL_INVALID', message: 'Field "foo" does not exist.' }) });
    await userEvent.type(await jqlField(), 'foo = 1');
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    // then
    expect((await screen.findByTestId('param-source-jql-error')).textContent).toContain('Field "foo" does not exist.');
  });

  it('offers the favourite filters of the viewer, read from Jira', async () => {
    // given
    const requested: string[] = [];
    givenImportPage({}, async (path) => {
      requested.push(path);
      return jsonResponse([{ id: '10001', name: 'My open bugs', jql: 'type = Bug AND resolution IS EMPTY' }]);
    });
    // when
    await userEvent.click(await screen.findByLabelText('Saved filter'));
    await userEvent.click(screen.getByLabelText('Favourite filter'));
    await userEvent.click(await screen.findByText('My open bugs'));
    // then
    expect(requested).toContain('/rest/api/3/filter/favourite');
    expect(await screen.findByText('type = Bug AND resolution IS EMPTY')).toBeTruthy();
  });

  it('puts a parameter refused by the server next to that parameter, without repeating its path', async () => {
    // given
    givenImportPage({
      previewImport: () =>
        fail({ code: 'INVALID_PARAMS', message: 'params.remove: Remove is not allowed here', field: 'params.remove' }),
    });
    await userEvent.type(await jqlField(), 'project = DEMO');
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    // then
    expect((await screen.findByTestId('param-remove-error')).textContent).toBe('Remove is not allowed here');
  });

  it('says up front when synchronizers are turned off', async () => {
    // given
    givenImportPage({ getSettings: () => ok<'getSettings'>({ synchronizersEnabled: false, canChange: false }) });
    // then
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Synchronizers are turned off');
    expect(alert.textContent).toContain('A Jira admin can turn them on');
    expect(screen.queryByRole('button', { name: 'Run Import' })).toBeNull();
  });

  it('says so when no synchronizer supports import', async () => {
    // given
    const exportOnly = { ...filterSynchronizer, key: 'links', label: 'Links', directions: ['export' as const] };
    renderWithServices(<ImportForm structure={givenStructure()} />, {
      invoke: fakeInvoke({
        getSettings: () => ok<'getSettings'>({ synchronizersEnabled: true, canChange: false }),
        listSynchronizers: () => ok<'listSynchronizers'>({ synchronizers: [exportOnly] }),
      }).invoke,
    });
    // then
    expect(await screen.findByText('None are installed or none supports import.')).toBeTruthy();
  });

  it('shows a failed settings check with Try again instead of guessing, and goes on once it answers', async () => {
    // given: the first getSettings fails the way a Jira outage does
    let calls = 0;
    renderWithServices(<ImportForm structure={givenStructure()} />, {
      invoke: fakeInvoke({
        getSettings: () =>
          ++calls === 1
            ? fail({ code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer properly.' })
            : ok<'getSettings'>({ synchronizersEnabled: true, canChange: false }),
        listSynchronizers: () => ok<'listSynchronizers'>({ synchronizers: [filterSynchronizer] }),
      }).invoke,
    });
    // then
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Jira did not answer properly.');
    expect(screen.queryByRole('button', { name: 'Run Import' })).toBeNull();
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    // then
    expect(await screen.findByRole('button', { name: 'Run Import' })).toBeTruthy();
  });

  it('refuses the page to a user without control, saying which level is needed', async () => {
    // given
    renderWithServices(<ImportForm structure={givenStructure({ level: 'edit' })} />, { invoke: fakeInvoke({}).invoke });
    // then
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('You need the control level');
  });
});

describe('Import flow', () => {
  it('previews the counts and sample changes without starting anything', async () => {
    // given
    const { backend } = givenImportPage({
      previewImport: () =>
        ok<'previewImport'>({
          forestVersion: 1,
          counts: { added: 12, moved: 1, removed: 2, unchanged: 5, skippedNotVisible: 3 },
          totalActions: 15,
          actions: [
            { kind: 'add', issueId: '10', issueKey: 'DEMO-10' },
            { kind: 'move', issueId: '11', issueKey: 'DEMO-11', underIssueKey: 'DEMO-1' },
            { kind: 'remove', issueId: '12', issueKey: 'DEMO-12', withSubtree: true },
          ],
          warnings: [],
        }),
    });
    await userEvent.type(await jqlField(), 'project = DEMO');
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    // then
    const preview = await screen.findByTestId('import-preview');
    expect(within(preview).getByTestId('preview-added').textContent).toBe('12');
    expect(within(preview).getByTestId('preview-skipped').textContent).toBe('3');
    expect(within(preview).getByText('DEMO-11')).toBeTruthy();
    expect(within(preview).getByText('under DEMO-1')).toBeTruthy();
    expect(within(preview).getByText('The first 3 of 15 changes')).toBeTruthy();
    expect(backend.callsOf('previewImport')).toEqual([
      {
        structureId: 's1',
        synchronizer: 'filter',
        params: {
          source: { kind: 'jql', jql: 'project = DEMO' },
          add: { at: 'top' },
          allowMove: false,
          remove: false,
          removeOnlyWhereAdded: false,
          doubleCheckSubIssues: false,
        },
      },
    ]);
    expect(backend.callsOf('startImport')).toHaveLength(0);
    // when: the next step is offered next to the preview
    await userEvent.click(within(preview).getByRole('button', { name: 'Run this import' }));
    // then
    expect((await screen.findByRole('dialog')).textContent).toContain('may change the structure as a whole');
  });

  it("shows the run's points estimate, and warns when it is above what is left this hour", async () => {
    // given
    givenImportPage({
      previewImport: () =>
        ok<'previewImport'>({
          forestVersion: 1,
          counts: { added: 1, moved: 0, removed: 0, unchanged: 0, skippedNotVisible: 0 },
          totalActions: 1,
          actions: [{ kind: 'add', issueId: '10', issueKey: 'DEMO-10' }],
          warnings: [],
          estimate: {
            points: 12_345,
            basis: 'count',
            poolLeft: 4_000,
            resetsAt: '2026-11-01T15:00:00.000Z',
            aboveLeft: true,
          },
        }),
    });
    await userEvent.type(await jqlField(), 'project = DEMO');
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    // then
    const preview = await screen.findByTestId('import-preview');
    expect(within(preview).getByTestId('points-estimate').textContent).toBe(
      "This import will cost about 12,345 of Jira's hourly points (from the issues its query matches).",
    );
    expect(within(preview).getByText('More points than are left this hour')).toBeTruthy();
    expect(within(preview).getByTestId('points-estimate-warning').textContent).toContain(
      "about 4,000 of Jira's points left this hour and this import needs about 12,345",
    );
    expect(within(preview).getByTestId('points-estimate-warning').textContent).toContain('reset at 15:00 UTC');
  });

  it('confirms that the import may change the whole structure and runs as the user, then opens the job', async () => {
    // given
    const { backend, history } = givenImportPage({
      startImport: () => ok<'startImport'>({ job: givenJob({ id: 'job-42' }) }),
    });
    await userEvent.type(await jqlField(), 'project = DEMO');
    await userEvent.click(screen.getByLabelText('Remove'));
    await userEvent.click(screen.getByLabelText('Double-check sub-issues'));
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Run Import' }));
    // then
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('may change the structure as a whole');
    expect(dialog.textContent).toContain('runs with your permissions');
    expect(backend.callsOf('startImport')).toHaveLength(0);
    // when
    await userEvent.click(within(dialog).getByRole('button', { name: 'Run import' }));
    // then
    await waitFor(() => expect(history.location.pathname).toBe('/job/job-42'));
    const started = backend.callsOf('startImport')[0] as PayloadIn<'startImport'>;
    expect(started.params).toMatchObject({
      source: { kind: 'jql', jql: 'project = DEMO' },
      add: { at: 'top' },
      remove: true,
      doubleCheckSubIssues: true,
    });
  });

  it('shows a refusal of the server with what to do, and stays on the page', async () => {
    // given
    const { history } = givenImportPage({
      startImport: () =>
        fail({ code: 'SYNCHRONIZERS_DISABLED', message: 'Synchronizers are turned off on this site.' }),
    });
    await userEvent.type(await jqlField(), 'project = DEMO');
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Run Import' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Run import' }));
    // then
    const error = await screen.findByTestId('error-message');
    expect(error.textContent).toContain('Synchronizers are turned off on this site.');
    expect(error.textContent).toContain('A Jira admin can turn them on');
    expect(history.location.pathname).toBe('/structure/s1/import');
  });
});
