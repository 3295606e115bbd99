import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { JobDto } from '../../src/contract';
import { JobPage } from '../../static/structure-ui/src/pages/JobPage';
import { fakeInvoke, fail, ok } from './support/fakeBackend';
import { givenJob, givenStructure } from './support/fixtures';
import { renderWithServices } from './support/renderApp';

/** A job whose state the test moves along; getJob answers the current one. */
function givenJobSequence(states: JobDto[]) {
  let step = 0;
  const backend = fakeInvoke({
    getJob: () => ok<'getJob'>(states[Math.min(step, states.length - 1)]!),
    getStructure: () => ok<'getStructure'>(givenStructure()),
    cancelJob: () =>
      ok<'cancelJob'>(givenJob({ state: 'cancelled', cancellable: false, finishedAt: '2026-11-01T10:00:09Z' })),
  });
  return { backend, next: () => (step += 1) };
}

const running = givenJob({
  state: 'running',
  startedAt: '2026-11-01T10:00:01Z',
  progress: { phase: 'Searching Jira', done: 5000, total: 12000 },
  log: [{ at: '2026-11-01T10:00:01Z', level: 'info', message: 'Searching: project = DEMO' }],
  cost: { jiraCalls: 2, jiraPoints: 5002, kvsWrites: 1 },
});
const finished = givenJob({
  state: 'finished',
  cancellable: false,
  startedAt: '2026-11-01T10:00:01Z',
  finishedAt: '2026-11-01T10:00:07Z',
  progress: { phase: 'Done', done: 12000, total: 12000 },
  result: { added: 11990, moved: 3, removed: 7, unchanged: 0, skippedNotVisible: 4 },
  log: [{ at: '2026-11-01T10:00:07Z', level: 'info', message: 'Applied 12000 changes' }],
  cost: { jiraCalls: 4, jiraPoints: 12004, kvsWrites: 3 },
});

const stateText = () => screen.getByTestId('job-state').textContent;

describe('Job status page', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('follows a job from queued through running to finished, then stops polling', async () => {
    // given
    const { backend, next } = givenJobSequence([givenJob(), running, finished]);
    renderWithServices(<JobPage jobId="j1" pollMs={1000} />, { invoke: backend.invoke });
    // then: queued
    await screen.findByTestId('job-state');
    expect(stateText()).toBe('Queued');
    expect(screen.getByTestId('job-phase').textContent).toBe('Waiting to start');
    expect(screen.getByRole('button', { name: 'Cancel job' })).toBeTruthy();

    // when the next poll sees it running
    next();
    await act(async () => jest.advanceTimersByTime(1000));
    // then
    await waitFor(() => expect(stateText()).toBe('Running'));
    expect(screen.getByTestId('job-phase').textContent).toBe('Searching Jira');
    expect(screen.getByText('5,000 of 12,000')).toBeTruthy();
    expect(screen.getByText('Searching: project = DEMO')).toBeTruthy();

    // when it finishes
    next();
    await act(async () => jest.advanceTimersByTime(1000));
    // then
    await waitFor(() => expect(stateText()).toBe('Finished'));
    expect(screen.getByTestId('result-added').textContent).toBe('11,990');
    expect(screen.getByTestId('result-skipped').textContent).toBe('4');
    expect(screen.getByTestId('job-cost').textContent).toContain('4 Jira calls');
    expect(screen.getByTestId('job-cost').textContent).toContain('12,004 Jira points');
    expect(screen.getByRole('button', { name: 'Open structure' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel job' })).toBeNull();

    // and no more polling
    const polls = backend.callsOf('getJob').length;
    await act(async () => jest.advanceTimersByTime(10000));
    expect(backend.callsOf('getJob')).toHaveLength(polls);
  });

  it("says a job waits for Jira's hourly limit and when it continues", async () => {
    // given
    const waiting = givenJob({
      ...running,
      progress: { phase: 'waiting for Jira rate limit', done: 5000, total: 12000 },
      waiting: { for: 'hourly-limit', until: '2026-11-01T15:00:00.000Z' },
    });
    const { backend } = givenJobSequence([waiting]);
    // when
    renderWithServices(<JobPage jobId="j1" />, { invoke: backend.invoke });
    // then
    expect(await screen.findByText("Waiting for Jira's hourly limit — continues at 15:00 UTC")).toBeTruthy();
    expect(screen.getByTestId('job-waiting').textContent).toMatch(/continues by itself/);
    expect(stateText()).toBe('Running');
  });

  it('shows why a job failed and what to do', async () => {
    // given
    const failed = givenJob({
      state: 'failed',
      cancellable: false,
      error: { code: 'JIRA_UNAVAILABLE', message: 'Jira answered 503 five times.' },
    });
    const { backend } = givenJobSequence([failed]);
    // when
    renderWithServices(<JobPage jobId="j1" />, { invoke: backend.invoke });
    // then
    await screen.findByTestId('job-state');
    expect(stateText()).toBe('Failed');
    expect(screen.getByText('Jira answered 503 five times.')).toBeTruthy();
    expect(screen.getByText(/run the import again/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Open structure' })).toBeNull();
    await act(async () => jest.advanceTimersByTime(5000));
    expect(backend.callsOf('getJob')).toHaveLength(1);
  });

  it('cancels a running job and stops polling once it is cancelled', async () => {
    // given
    const { backend, next } = givenJobSequence([running, givenJob({ state: 'cancelled', cancellable: false })]);
    renderWithServices(<JobPage jobId="j1" pollMs={1000} />, { invoke: backend.invoke });
    await screen.findByTestId('job-state');
    // when
    jest.useRealTimers();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel job' }));
    jest.useFakeTimers();
    next();
    // then
    await waitFor(() => expect(stateText()).toBe('Cancelled'));
    expect(backend.callsOf('cancelJob')).toEqual([{ jobId: 'j1' }]);
    expect(screen.getByText('The job was cancelled')).toBeTruthy();
    await act(async () => jest.advanceTimersByTime(3000));
    const polls = backend.callsOf('getJob').length;
    await act(async () => jest.advanceTimersByTime(5000));
    expect(backend.callsOf('getJob')).toHaveLength(polls);
  });

  it('explains an unknown job instead of a blank page', async () => {
    // given
    const backend = fakeInvoke({ getJob: () => fail({ code: 'JOB_NOT_FOUND', message: 'No job j9.' }) });
    // when
    renderWithServices(<JobPage jobId="j9" />, { invoke: backend.invoke });
    // then
    const error = await screen.findByTestId('error-message');
    expect(error.textContent).toContain('No job j9.');
    expect(error.textContent).toContain('job history');
  });

  it('asks before undoing an import, saying what will change and that there is no redo', async () => {
    // given: nothing polls a finished job, so real timers serve the dialog's transitions
    jest.useRealTimers();
    const undoable = { ...finished, undoable: true };
    const backend = fakeInvoke({
      getJob: () => ok<'getJob'>(undoable),
      getStructure: () => ok<'getStructure'>(givenStructure()),
      previewUndo: () =>
        ok<'previewUndo'>({
          jobId: 'j1',
          importedBy: 'you',
          removed: 11990,
          restored: 7,
          moved: 3,
          rowsNow: 12000,
          rowsAfter: 17,
        }),
      undoImport: () => ok<'undoImport'>({ job: givenJob({ id: 'j2', kind: 'undo' }) }),
    });
    renderWithServices(<JobPage jobId="j1" />, { invoke: backend.invoke });
    // when
    await userEvent.click(await screen.findByRole('button', { name: 'Undo import' }));
    // then
    const dialog = await screen.findByTestId('confirm-undo');
    await waitFor(() => expect(screen.getByTestId('undo-changes').textContent).toContain('Removes 11,990 rows'));
    expect(dialog.textContent).toContain('Puts back 7 rows the import removed.');
    expect(dialog.textContent).toContain('Moves 3 rows back to where they were.');
    expect(dialog.textContent).toContain('There is no redo');
    expect(backend.callsOf('undoImport')).toHaveLength(0);
    // when
    await userEvent.click(screen.getByTestId('confirm-undo-button'));
    // then
    await waitFor(() => expect(backend.callsOf('undoImport')).toEqual([{ jobId: 'j1' }]));
  });
});
