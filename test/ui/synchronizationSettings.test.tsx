import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { listSynchronizers } from '../../src/app/synchronizers';
import type { ExportPreview, ImportPreview, InstalledSynchronizerDto, PayloadIn } from '../../src/contract';
import { SynchronizationSettings } from '../../static/structure-ui/src/pages/SynchronizationSettingsPage';
import { fail, fakeInvoke, ok, type Handlers } from './support/fakeBackend';
import { fakeJira } from './support/fakeJira';
import { alice, bob, givenJob, givenStructure } from './support/fixtures';
import { renderWithServices } from './support/renderApp';

const offered = listSynchronizers().synchronizers;

function installed(overrides: Partial<InstalledSynchronizerDto> = {}): InstalledSynchronizerDto {
  return {
    id: 'i1',
    structureId: 's1',
    synchronizer: 'agile',
    label: 'Agile',
    directions: ['import', 'export'],
    params: { source: { mode: 'board', boardId: 1 }, subtasks: false },
    paramsSummary: 'Board 1',
    runAs: bob,
    enabled: false,
    state: 'disabled',
    ...overrides,
  };
}

const filterInstalled = installed({
  id: 'i2',
  synchronizer: 'filter',
  label: 'Filter',
  directions: ['import'],
  params: { source: { kind: 'jql', jql: 'project = PLAT' }, add: { at: 'top' } },
  paramsSummary: 'Issues from JQL "project = PLAT", added at the top level',
});

function givenSettingsPage(list: InstalledSynchronizerDto[], handlers: Handlers = {}, canChange = true) {
  const backend = fakeInvoke({
    listInstalledSynchronizers: () => ok<'listInstalledSynchronizers'>({ synchronizers: list, canChange }),
    listSynchronizers: () => ok<'listSynchronizers'>({ synchronizers: offered }),
    getSettings: () => ok<'getSettings'>({ synchronizersEnabled: true, canChange: false }),
    ...handlers,
  });
  const jira = fakeJira({
    users: [
      { accountId: bob, displayName: 'Bob Builder' },
      { accountId: alice, displayName: 'Alice Admin' },
    ],
  });
  const view = renderWithServices(<SynchronizationSettings structure={givenStructure()} />, {
    invoke: backend.invoke,
    requestJira: jira.requestJira,
    path: '/structure/s1/sync',
  });
  return { backend, ...view };
}

const row = async (id: string) => within(await screen.findByTestId(`installed-${id}`));

const exportPreview = (overrides: Partial<ExportPreview> = {}): ExportPreview => ({
  counts: {
    rankCalls: 1,
    issuesRanked: 3,
    parentChanges: 0,
    linksCreated: 0,
    linksDeleted: 2,
    statusChanges: 0,
    notRepresentable: 0,
  },
  totalChanges: 5,
  changes: [
    { kind: 'rank', issueId: '10001', issueKey: 'PLAT-1', before: '3rd of 40', after: '1st of 40' },
    { kind: 'link-delete', issueId: '10002', issueKey: 'PLAT-2', before: 'PLAT-2 blocks PLAT-3', after: 'none' },
  ],
  warnings: [
    'Scope “all issues”: this export deletes every link of type “Blocks” between issues of the structure that are not parent and child in it — 2 links now.',
  ],
  notRepresentable: [],
  preflight: { ok: true, missing: [], message: null },
  ...overrides,
});

const importPreview: ImportPreview = {
  forestVersion: 3,
  counts: { added: 1, moved: 2, removed: 0, unchanged: 10, skippedNotVisible: 0 },
  totalActions: 3,
  actions: [
    { kind: 'add', issueId: '1', issueKey: 'PLAT-9' },
    { kind: 'move', issueId: '2', issueKey: 'PLAT-4', underIssueKey: 'PLAT-1' },
  ],
  warnings: [],
};

describe('Synchronization settings page', () => {
  it('lists each installed synchronizer with its summary, run-as user, state and last run', async () => {
    // given
    givenSettingsPage([
      installed({
        lastRun: {
          jobId: 'j7',
          direction: 'export',
          trigger: 'manual',
          at: '2026-11-01T10:00:00Z',
          state: 'finished',
          result: 'succeeded',
          message: '3 ranked',
        },
        points: { lastRun: 1_204, lastDay: 15_310 },
      }),
      installed({ id: 'i3', enabled: true, state: 'enabled' }),
      installed({
        id: 'i4',
        enabled: true,
        state: 'not-available',
        notAvailableReason: 'Bob Builder no longer has control of this structure.',
      }),
      installed({
        id: 'i5',
        enabled: false,
        state: 'disabled',
        stoppedByGuard: {
          at: '2026-11-01T11:00:00Z',
          rounds: 10,
          reason: 'Agile and Links kept undoing each other',
          synchronizerIds: ['i5', 'i6'],
        },
      }),
    ]);
    // then
    const first = await row('i1');
    expect(first.getByTestId('params-summary').textContent).toBe('Board 1');
    await waitFor(() => expect(first.getByTestId('run-as').textContent).toBe('Bob Builder'));
    expect(first.getByTestId('synchronizer-state').textContent).toBe('Disabled');
    expect(first.getByTestId('last-run').textContent).toContain('Succeeded');
    expect(first.getByTestId('last-run').textContent).toContain('Export · resync');
    expect(first.getByTestId('last-run-points').textContent).toBe(
      'Jira points: 1,204 in the last run, 15,310 in the last 24 h',
    );
    expect(first.getByRole('link', { name: 'Job of the last run of Agile synchronizer' }).getAttribute('href')).toBe(
      '#/job/j7',
    );
    expect((await row('i3')).getByTestId('synchronizer-state').textContent).toBe('Enabled');
    expect((await row('i3')).getByText('Never run')).toBeTruthy();
    expect((await row('i4')).getByTestId('synchronizer-state').textContent).toContain('Not available');
    expect((await row('i4')).getByTestId('state-reason').textContent).toContain(
      'Bob Builder no longer has control of this structure.',
    );
    expect((await row('i5')).getByTestId('synchronizer-state').textContent).toContain('Stopped by the cycle guard');
    expect((await row('i5')).getByTestId('guard-reason').textContent).toContain(
      'Agile and Links kept undoing each other (Stopped',
    );
  });

  it('offers Resync only in the directions the synchronizer supports', async () => {
    // given
    givenSettingsPage([installed(), filterInstalled]);
    // then
    const agile = await row('i1');
    expect(
      agile.getByRole('button', { name: 'Resync the Agile synchronizer into the structure (import)' }),
    ).toBeTruthy();
    expect(
      agile.getByRole('button', { name: 'Resync the Agile synchronizer from the structure into Jira (export)' }),
    ).toBeTruthy();
    const filter = await row('i2');
    expect(
      filter.getByRole('button', { name: 'Resync the Filter synchronizer into the structure (import)' }),
    ).toBeTruthy();
    expect(filter.queryByRole('button', { name: /into Jira \(export\)/ })).toBeNull();
  });

  it('shows no actions and says why to a user without control', async () => {
    // given
    givenSettingsPage([installed()], {}, false);
    // then
    expect(await screen.findByText(/Changing synchronizers needs control/)).toBeTruthy();
    expect((await row('i1')).queryByRole('button')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Install synchronizer' })).toBeNull();
  });

  it('says what went wrong and offers Try again when the list cannot be loaded', async () => {
    // given
    let calls = 0;
    givenSettingsPage([], {
      listInstalledSynchronizers: () => {
        calls += 1;
        return calls === 1
          ? fail({ code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer.' })
          : ok<'listInstalledSynchronizers'>({ synchronizers: [], canChange: true });
      },
    });
    // when
    expect((await screen.findByTestId('error-message')).textContent).toContain('Jira did not answer.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    // then
    expect(await screen.findByText('No synchronizers installed')).toBeTruthy();
  });

  it('installs a synchronizer with the generated form, disabled, and lists it', async () => {
    // given
    const added = installed({
      id: 'i9',
      synchronizer: 'filter',
      label: 'Filter',
      directions: ['import'],
      paramsSummary: 'Issues from JQL "project = MOB"',
    });
    const { backend } = givenSettingsPage([], {
      installSynchronizer: () => ok<'installSynchronizer'>({ synchronizer: added }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Install synchronizer' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText('Installed synchronizers start disabled')).toBeTruthy();
    // when: the Filter synchronizer is first in the list, its JQL is required
    await userEvent.click(dialog.getByRole('button', { name: 'Install' }));
    // then
    expect((await screen.findByTestId('param-source-jql-error')).textContent).toContain('JQL is required');
    expect(backend.callsOf('installSynchronizer')).toHaveLength(0);
    // when
    await userEvent.type(dialog.getByLabelText('JQL'), 'project = MOB');
    await userEvent.click(dialog.getByRole('button', { name: 'Install' }));
    // then
    await waitFor(() => expect(backend.callsOf('installSynchronizer')).toHaveLength(1));
    const sent = backend.callsOf('installSynchronizer')[0] as PayloadIn<'installSynchronizer'>;
    expect(sent).toMatchObject({
      structureId: 's1',
      synchronizer: 'filter',
      params: { source: { kind: 'jql', jql: 'project = MOB' } },
    });
    expect((await row('i9')).getByTestId('synchronizer-state').textContent).toBe('Disabled');
    expect(screen.getByTestId('sync-notice').textContent).toContain('installed and disabled');
  });

  it('edits the parameters of an installed synchronizer, starting from its current ones', async () => {
    // given
    const { backend } = givenSettingsPage([filterInstalled], {
      updateSynchronizer: (p) =>
        ok<'updateSynchronizer'>({
          synchronizer: { ...filterInstalled, params: p.params, paramsSummary: 'Issues from JQL "project = SEC"' },
        }),
    });
    await userEvent.click(
      (await row('i2')).getByRole('button', { name: 'Edit the parameters of the Filter synchronizer' }),
    );
    const dialog = within(await screen.findByRole('dialog'));
    const jql = dialog.getByLabelText('JQL') as HTMLTextAreaElement;
    expect(jql.value).toBe('project = PLAT');
    // when
    await userEvent.clear(jql);
    await userEvent.type(jql, 'project = SEC');
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));
    // then
    await waitFor(() => expect(screen.getByTestId('installed-i2').textContent ?? '').toContain('project = SEC'));
    expect(backend.callsOf('updateSynchronizer')[0]).toMatchObject({
      synchronizerId: 'i2',
      params: { source: { jql: 'project = SEC' } },
    });
  });

  it('removes a synchronizer only after confirmation', async () => {
    // given
    const { backend } = givenSettingsPage([installed()], {
      removeSynchronizer: () => ok<'removeSynchronizer'>({ removed: true }),
    });
    await userEvent.click((await row('i1')).getByRole('button', { name: 'Remove the Agile synchronizer' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText(/The structure and Jira stay as they are/)).toBeTruthy();
    expect(backend.callsOf('removeSynchronizer')).toHaveLength(0);
    // when
    await userEvent.click(dialog.getByRole('button', { name: 'Remove' }));
    // then
    expect(await screen.findByText('No synchronizers installed')).toBeTruthy();
    expect(backend.callsOf('removeSynchronizer')).toEqual([{ structureId: 's1', synchronizerId: 'i1' }]);
  });

  it('enables and disables a synchronizer', async () => {
    // given
    const { backend } = givenSettingsPage([installed()], {
      setSynchronizerEnabled: (p) =>
        ok<'setSynchronizerEnabled'>({
          synchronizer: installed({ enabled: p.enabled, state: p.enabled ? 'enabled' : 'disabled' }),
        }),
    });
    // when
    await userEvent.click((await row('i1')).getByRole('button', { name: 'Enable the Agile synchronizer' }));
    // then
    await waitFor(async () => expect((await row('i1')).getByTestId('synchronizer-state').textContent).toBe('Enabled'));
    // when
    await userEvent.click((await row('i1')).getByRole('button', { name: 'Disable the Agile synchronizer' }));
    // then
    await waitFor(async () => expect((await row('i1')).getByTestId('synchronizer-state').textContent).toBe('Disabled'));
    expect(backend.callsOf('setSynchronizerEnabled')).toEqual([
      { structureId: 's1', synchronizerId: 'i1', enabled: true },
      { structureId: 's1', synchronizerId: 'i1', enabled: false },
    ]);
  });
});

describe('Resync confirmation', () => {
  it('names the import direction, summarises the preview and starts the resync in that direction', async () => {
    // given
    const { backend, history } = givenSettingsPage([installed()], {
      previewResync: () => ok<'previewResync'>({ direction: 'import', import: importPreview }),
      resync: () => ok<'resync'>({ job: givenJob({ id: 'j42' }) }),
    });
    // when
    await userEvent.click(
      (await row('i1')).getByRole('button', { name: 'Resync the Agile synchronizer into the structure (import)' }),
    );
    // then
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText('Resync Agile into the structure (import)?')).toBeTruthy();
    expect(dialog.getByTestId('resync-direction-text').textContent).toContain('Jira is not changed');
    expect((await dialog.findByTestId('resync-preview-moved')).textContent).toBe('2');
    expect(dialog.getByText('Move PLAT-4 under PLAT-1')).toBeTruthy();
    expect(backend.callsOf('previewResync')).toEqual([
      { structureId: 's1', synchronizerId: 'i1', direction: 'import' },
    ]);
    // when
    await userEvent.click(dialog.getByRole('button', { name: 'Resync into the structure' }));
    // then
    await waitFor(() => expect(history.location.pathname).toBe('/job/j42'));
    expect(backend.callsOf('resync')).toEqual([
      { structureId: 's1', synchronizerId: 'i1', direction: 'import', requestId: expect.any(String) },
    ]);
  });

  it('names the export direction, says it writes to Jira as you, and shows the links-deletion warning', async () => {
    // given
    givenSettingsPage([installed()], {
      previewResync: () => ok<'previewResync'>({ direction: 'export', export: exportPreview() }),
    });
    // when
    await userEvent.click(
      (await row('i1')).getByRole('button', {
        name: 'Resync the Agile synchronizer from the structure into Jira (export)',
      }),
    );
    // then
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText('Resync Agile from the structure into Jira (export)?')).toBeTruthy();
    expect(dialog.getByTestId('resync-direction-text').textContent).toContain('as you, with your permissions');
    expect((await dialog.findByTestId('export-warning')).textContent).toContain('deletes every link of type “Blocks”');
    expect(dialog.getByText('It will change: rank of 3 issues, 2 deleted links.')).toBeTruthy();
    expect(dialog.getByText('3rd of 40')).toBeTruthy();
    expect(dialog.getByText('1st of 40')).toBeTruthy();
    expect((dialog.getByRole('button', { name: 'Resync into Jira' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('disables the confirmation while the export preflight fails, with its message', async () => {
    // given
    const refused = exportPreview({
      preflight: {
        ok: false,
        missing: [{ permission: 'SCHEDULE_ISSUES', project: 'PLAT', changes: 3 }],
        message: 'You need Schedule issues in PLAT (3 rank changes) to run this export.',
      },
    });
    const { backend } = givenSettingsPage([installed()], {
      previewResync: () => ok<'previewResync'>({ direction: 'export', export: refused }),
    });
    // when
    await userEvent.click((await row('i1')).getByRole('button', { name: /from the structure into Jira/ }));
    // then
    const dialog = within(await screen.findByRole('dialog'));
    expect((await dialog.findByTestId('export-preflight')).textContent).toContain(
      'You need Schedule issues in PLAT (3 rank changes) to run this export.',
    );
    const confirm = dialog.getByRole('button', { name: 'Resync into Jira' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await userEvent.click(confirm);
    expect(backend.callsOf('resync')).toHaveLength(0);
  });

  it('explains a preview that could not be computed and does not let the resync start', async () => {
    // given
    givenSettingsPage([installed()], {
      previewResync: () =>
        fail({ code: 'SYNCHRONIZER_NOT_AVAILABLE', message: 'Bob Builder no longer has control of this structure.' }),
    });
    // when
    await userEvent.click((await row('i1')).getByRole('button', { name: /into the structure \(import\)/ }));
    // then
    const dialog = within(await screen.findByRole('dialog'));
    expect((await dialog.findByTestId('error-message')).textContent).toContain('Bob Builder no longer has control');
    expect((dialog.getByRole('button', { name: 'Resync into the structure' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });
});
