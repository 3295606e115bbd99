import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { listSynchronizers } from '../../src/app/synchronizers';
import type { ExportPreview, JobDto } from '../../src/contract';
import { ExportForm } from '../../static/structure-ui/src/pages/ExportPage';
import { JobPage } from '../../static/structure-ui/src/pages/JobPage';
import { fail, fakeInvoke, jsonResponse, ok, type Handlers } from './support/fakeBackend';
import { filterSynchronizer, givenJob, givenStructure } from './support/fixtures';
import { renderWithServices } from './support/renderApp';

const links = listSynchronizers().synchronizers.find((s) => s.key === 'links')!;

/** Jira's link types, read as the viewer by the Links form's picker. */
async function jira(path: string): Promise<Response> {
  if (path.startsWith('/rest/api/3/issueLinkType')) {
    return jsonResponse({
      issueLinkTypes: [{ id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' }],
    });
  }
  return jsonResponse({ errorMessages: ['not faked'] }, 404);
}

function givenExportPage(handlers: Handlers = {}) {
  const backend = fakeInvoke({
    listSynchronizers: () => ok<'listSynchronizers'>({ synchronizers: [filterSynchronizer, links] }),
    getSettings: () => ok<'getSettings'>({ synchronizersEnabled: true, canChange: false }),
    ...handlers,
  });
  const view = renderWithServices(<ExportForm structure={givenStructure()} />, {
    invoke: backend.invoke,
    requestJira: jira,
    path: '/structure/s1/export',
  });
  return { backend, ...view };
}

const preview = (overrides: Partial<ExportPreview> = {}): ExportPreview => ({
  counts: {
    rankCalls: 0,
    issuesRanked: 0,
    parentChanges: 0,
    linksCreated: 1,
    linksDeleted: 1,
    statusChanges: 0,
    notRepresentable: 1,
  },
  totalChanges: 2,
  changes: [
    { kind: 'link-create', issueId: '10001', issueKey: 'PLAT-1', before: 'none', after: 'PLAT-1 blocks PLAT-2' },
    { kind: 'link-delete', issueId: '10003', issueKey: 'PLAT-3', before: 'PLAT-3 blocks PLAT-4', after: 'none' },
  ],
  warnings: [
    'Scope “all issues”: this export deletes every link of type “Blocks” between issues of the structure that are not parent and child in it — 1 link now.',
  ],
  notRepresentable: ['PLAT-7 is under PLAT-5 twice; only the first placement is linked.'],
  preflight: { ok: true, missing: [], message: null },
  ...overrides,
});

async function fillLinksForm() {
  const select = await screen.findByLabelText('Link type');
  await userEvent.click(select);
  await userEvent.click(await screen.findByText('Blocks'));
}

describe('Export page', () => {
  it('offers only synchronizers that support export', async () => {
    // given
    givenExportPage();
    // then: Filter is import-only, so Links is the one chosen
    expect(await screen.findByText('Links')).toBeTruthy();
    expect(screen.queryByText('Filter')).toBeNull();
  });

  it('says so when no synchronizer supports export', async () => {
    // given
    givenExportPage({ listSynchronizers: () => ok<'listSynchronizers'>({ synchronizers: [filterSynchronizer] }) });
    // then
    expect(
      await screen.findByText(
        "None are installed or none supports export. Import is still available from the structure's Operations.",
      ),
    ).toBeTruthy();
  });

  it('previews counts per kind, old → new values, warnings and placements Jira cannot represent', async () => {
    // given
    const { backend } = givenExportPage({ previewExport: () => ok<'previewExport'>(preview()) });
    await fillLinksForm();
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    // then
    const panel = within(await screen.findByTestId('export-preview'));
    expect(panel.getByTestId('export-preview-links-created').textContent).toBe('1');
    expect(panel.getByTestId('export-preview-links-deleted').textContent).toBe('1');
    expect(panel.getByText('PLAT-3 blocks PLAT-4')).toBeTruthy();
    expect(panel.getByTestId('export-warning').textContent).toContain('deletes every link of type “Blocks”');
    expect(panel.getByText('PLAT-7 is under PLAT-5 twice; only the first placement is linked.')).toBeTruthy();
    expect(backend.callsOf('previewExport')[0]).toMatchObject({
      structureId: 's1',
      synchronizer: 'links',
      params: { linkTypeId: '10000' },
    });
  });

  it('shows the points the export cost last time, without a warning while enough is left', async () => {
    // given
    givenExportPage({
      previewExport: () =>
        ok<'previewExport'>(
          preview({ estimate: { points: 310, basis: 'last-run', poolLeft: 9_000, aboveLeft: false } }),
        ),
    });
    await fillLinksForm();
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    // then
    const panel = within(await screen.findByTestId('export-preview'));
    expect(panel.getByTestId('points-estimate').textContent).toBe(
      "This export will cost about 310 of Jira's hourly points (from what the same run cost last time). About 9,000 are left this hour.",
    );
    expect(panel.queryByTestId('points-estimate-warning')).toBeNull();
  });

  it('confirms that the export changes Jira as you and which kinds, then opens the job', async () => {
    // given
    const { backend, history } = givenExportPage({
      previewExport: () => ok<'previewExport'>(preview()),
      startExport: () => ok<'startExport'>({ job: givenJob({ id: 'j5', kind: 'export' }) }),
    });
    await fillLinksForm();
    // when: Run Export without a preview first computes it, for the confirmation
    await userEvent.click(screen.getByRole('button', { name: 'Run Export' }));
    // then
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText(/as you, with your permissions/)).toBeTruthy();
    expect(dialog.getByTestId('confirm-export-kinds').textContent).toBe('It will change: 1 new link, 1 deleted link.');
    expect(dialog.getByText(/deletes every link of type “Blocks”/)).toBeTruthy();
    expect(backend.callsOf('startExport')).toHaveLength(0);
    // when
    await userEvent.click(dialog.getByRole('button', { name: 'Run export' }));
    // then
    await waitFor(() => expect(history.location.pathname).toBe('/job/j5'));
    expect(backend.callsOf('startExport')[0]).toMatchObject({ structureId: 's1', synchronizer: 'links' });
  });

  it('shows the preflight message and will not run an export the user lacks permissions for', async () => {
    // given
    const refused = preview({
      preflight: {
        ok: false,
        missing: [{ permission: 'LINK_ISSUES', project: 'PLAT', changes: 2 }],
        message: 'You need Link issues in PLAT (2 link changes) to run this export.',
      },
    });
    const { backend } = givenExportPage({ previewExport: () => ok<'previewExport'>(refused) });
    await fillLinksForm();
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    // then
    expect((await screen.findByTestId('export-preflight')).textContent).toContain(
      'You need Link issues in PLAT (2 link changes) to run this export.',
    );
    expect(screen.queryByRole('button', { name: 'Run this export' })).toBeNull();
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Run Export' }));
    // then
    const confirm = within(await screen.findByRole('dialog')).getByRole('button', {
      name: 'Run export',
    }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    expect(backend.callsOf('startExport')).toHaveLength(0);
  });

  it('puts a server refusal next to the parameter it names', async () => {
    // given
    givenExportPage({
      previewExport: () =>
        fail({ code: 'LINK_TYPE_NOT_FOUND', message: 'No issue link type 10000.', field: 'params.linkTypeId' }),
    });
    await fillLinksForm();
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    // then
    expect((await screen.findByTestId('param-linkTypeId-error')).textContent).toContain('No issue link type 10000.');
  });
});

describe('Job page of an export', () => {
  const exported = (overrides: Partial<JobDto> = {}): JobDto =>
    givenJob({
      id: 'j5',
      kind: 'export',
      synchronizer: 'links',
      state: 'finished',
      cancellable: false,
      finishedAt: '2026-11-01T10:00:05Z',
      revertible: true,
      exportResult: {
        counts: {
          rankCalls: 0,
          issuesRanked: 0,
          parentChanges: 0,
          linksCreated: 3,
          linksDeleted: 0,
          statusChanges: 0,
          notRepresentable: 0,
        },
        applied: 2,
        failed: 1,
        skipped: 0,
        problems: [
          {
            kind: 'link-create',
            issueId: '10009',
            issueKey: 'PLAT-9',
            before: 'none',
            after: 'PLAT-9 blocks PLAT-10',
            outcome: 'failed',
            error: 'You do not have permission to link PLAT-9.',
          },
        ],
      },
      ...overrides,
    });

  it('shows what changed in Jira with the per-issue failures, and reverts after a confirmation', async () => {
    // given
    const backend = fakeInvoke({
      getJob: (p) =>
        ok<'getJob'>(
          p.jobId === 'j5' ? exported() : givenJob({ id: 'j6', kind: 'revert', state: 'running', cancellable: false }),
        ),
      getStructure: () => ok<'getStructure'>(givenStructure()),
      revertJob: () => ok<'revertJob'>({ job: givenJob({ id: 'j6', kind: 'revert' }) }),
    });
    const { history } = renderWithServices(<JobPage jobId="j5" pollMs={20} />, {
      invoke: backend.invoke,
      path: '/job/j5',
    });
    // then
    const result = within(await screen.findByTestId('export-result'));
    expect(result.getByTestId('export-result-applied').textContent).toBe('2');
    expect(result.getByTestId('export-result-failed').textContent).toBe('1');
    expect(result.getByText('You do not have permission to link PLAT-9.')).toBeTruthy();
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Revert export' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(backend.callsOf('revertJob')).toHaveLength(0);
    await userEvent.click(dialog.getByRole('button', { name: 'Revert export' }));
    // then
    await waitFor(() => expect(history.location.pathname).toBe('/job/j6'));
    expect(backend.callsOf('revertJob')).toEqual([{ jobId: 'j5', requestId: expect.any(String) }]);
  });

  it('offers no Revert once the export was reverted', async () => {
    // given
    const backend = fakeInvoke({
      getJob: () => ok<'getJob'>(exported({ revertible: false })),
      getStructure: () => ok<'getStructure'>(givenStructure()),
    });
    renderWithServices(<JobPage jobId="j5" />, { invoke: backend.invoke, path: '/job/j5' });
    // then
    await screen.findByTestId('export-result');
    expect(screen.queryByRole('button', { name: 'Revert export' })).toBeNull();
  });
});

describe('Job page of a cancelled export', () => {
  it('offers Revert for the changes made before the cancel', async () => {
    // given
    const cancelled = givenJob({
      id: 'j8',
      kind: 'export',
      synchronizer: 'links',
      state: 'cancelled',
      cancellable: false,
      revertible: true,
    });
    const backend = fakeInvoke({
      getJob: () => ok<'getJob'>(cancelled),
      getStructure: () => ok<'getStructure'>(givenStructure()),
    });
    renderWithServices(<JobPage jobId="j8" />, { invoke: backend.invoke, path: '/job/j8' });
    // then
    expect(
      await screen.findByText(/Jira keeps the changes made before the cancel.*Revert export puts them back/),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Revert export' })).toBeTruthy();
  });
});
