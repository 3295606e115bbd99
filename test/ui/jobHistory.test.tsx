import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { JobHistory } from '../../static/structure-ui/src/components/JobHistory';
import { fakeInvoke, ok } from './support/fakeBackend';
import { givenJob } from './support/fixtures';
import { renderWithServices } from './support/renderApp';

describe('Job history', () => {
  it('lists the jobs of a structure, a page at a time, each linking to its status page', async () => {
    // given
    const finished = givenJob({
      id: 'j2',
      state: 'finished',
      result: { added: 5, moved: 1, removed: 2, unchanged: 0, skippedNotVisible: 0 },
    });
    const failed = givenJob({ id: 'j1', state: 'failed', error: { code: 'JQL_INVALID', message: 'Bad JQL' } });
    const older = givenJob({ id: 'j0', state: 'cancelled' });
    const backend = fakeInvoke({
      listJobs: (p) =>
        p.cursor ? ok<'listJobs'>({ jobs: [older] }) : ok<'listJobs'>({ jobs: [finished, failed], nextCursor: 'c1' }),
    });
    const { history } = renderWithServices(<JobHistory structureId="s1" />, { invoke: backend.invoke });
    // then
    expect(await screen.findByText('+5 added, 1 moved, −2 removed')).toBeTruthy();
    expect(screen.getByText('Bad JQL')).toBeTruthy();
    expect(screen.getAllByTestId('job-state').map((e) => e.textContent)).toEqual(['Finished', 'Failed']);
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Show older jobs' }));
    // then
    await waitFor(() =>
      expect(screen.getAllByTestId('job-state').map((e) => e.textContent)).toEqual(['Finished', 'Failed', 'Cancelled']),
    );
    expect(backend.callsOf('listJobs')).toEqual([{ structureId: 's1' }, { structureId: 's1', cursor: 'c1' }]);
    expect(screen.queryByRole('button', { name: 'Show older jobs' })).toBeNull();
    // when
    await userEvent.click(screen.getAllByRole('link', { name: /Import · filter/ })[0]!);
    // then
    expect(history.location.pathname).toBe('/job/j2');
  });
});
