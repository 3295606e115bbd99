// The job page of a job that Jira's outage ended (issue 15 item 9): it says so, not "correct the
// parameters", and Retry starts the same import again with a fresh request id.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { JobPage } from '../../static/structure-ui/src/pages/JobPage';
import { fakeInvoke, ok } from './support/fakeBackend';
import { givenJob, givenStructure } from './support/fixtures';
import { renderWithServices } from './support/renderApp';

const params = { source: { kind: 'jql', jql: 'project = DEMO' }, add: { at: 'top' } };
const failed = givenJob({
  state: 'failed',
  cancellable: false,
  params,
  retryable: true,
  error: { code: 'JIRA_UNAVAILABLE', message: 'Jira was unavailable (HTTP 503); the structure was not changed.' },
});

it('says Jira was unavailable and retries the import with the same parameters', async () => {
  // given
  const backend = fakeInvoke({
    getJob: () => ok<'getJob'>(failed),
    getStructure: () => ok<'getStructure'>(givenStructure()),
    startImport: () => ok<'startImport'>({ job: givenJob({ id: 'j2', params }) }),
  });
  const { history } = renderWithServices(<JobPage jobId="j1" />, { invoke: backend.invoke });
  await screen.findByText('Jira was unavailable');
  expect(screen.queryByText(/correct the parameters/)).toBeNull();
  // when
  await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
  // then
  await waitFor(() => expect(history.location.pathname).toContain('j2'));
  expect(backend.callsOf('startImport')).toEqual([
    { structureId: 's1', synchronizer: 'filter', params, requestId: expect.any(String) },
  ]);
});

it("retries an installed synchronizer's failed run as its resync, so it stays that synchronizer's run", async () => {
  // given: a background export of installed synchronizer i7 that Jira's outage ended
  const backend = fakeInvoke({
    getJob: () =>
      ok<'getJob'>({
        ...failed,
        kind: 'export',
        installedSynchronizerId: 'i7',
        trigger: 'event',
        synchronizer: 'agile',
      }),
    getStructure: () => ok<'getStructure'>(givenStructure()),
    resync: () => ok<'resync'>({ job: givenJob({ id: 'j3', kind: 'export', installedSynchronizerId: 'i7' }) }),
  });
  const { history } = renderWithServices(<JobPage jobId="j1" />, { invoke: backend.invoke });
  await screen.findByText('Jira was unavailable');
  // when
  await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
  // then
  await waitFor(() => expect(history.location.pathname).toContain('j3'));
  expect(backend.callsOf('resync')).toEqual([
    { structureId: 's1', synchronizerId: 'i7', direction: 'export', requestId: expect.any(String) },
  ]);
  expect(backend.callsOf('startExport')).toEqual([]);
});

it('offers no Retry for a job that failed for another reason', async () => {
  const backend = fakeInvoke({
    getJob: () =>
      ok<'getJob'>(givenJob({ state: 'failed', cancellable: false, error: { code: 'CONFLICT', message: 'Changed.' } })),
    getStructure: () => ok<'getStructure'>(givenStructure()),
  });
  renderWithServices(<JobPage jobId="j1" />, { invoke: backend.invoke });
  await screen.findByText('The job failed');
  expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
});
