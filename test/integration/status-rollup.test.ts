// Status Rollup through the real app and Jira's workflows in the emulator: export jobs read the
// structure's statuses, move parents bottom-up through allowed transitions (with a resolution where the
// screen asks for one), say why a parent stays, check Transition issues before writing, and revert.
import type { JobDto } from '../../src/contract';
import { people } from './support/dataset';
import { ROLLUP_STATUS as S, rollupDataset, rollupId } from './support/rollup-dataset';
import { data, givenForest, givenStructure, type Site, useSite } from './support/site';

const local = useSite(
  rollupDataset({
    // A story whose last sub-task is still in progress.
    'RU-1': 'In Progress',
    'RU-2': 'Done',
    'RU-3': 'Done',
    'RU-4': 'In Progress',
    // A chain: RU-5 > RU-6 > (RU-7 In Progress, RU-8 Done).
    'RU-7': 'In Progress',
    'RU-8': 'Done',
    // A parent whose child cannot move with the allowed transitions: RU-9 > RU-10 > (RU-11, RU-12 Done).
    'RU-10': 'In Progress',
    'RU-11': 'Done',
    'RU-12': 'Done',
    // Classic workflow: a parent to resolve (screen asks for a resolution), one Closed cannot be reached from.
    'RT-1': 'In Progress',
    'RT-2': 'Resolved',
    'RT-3': 'Resolved',
    'RT-5': 'Closed',
    'RT-6': 'Closed',
  }),
);

const EVERY_STATUS = [S.todo, S.progress, S.done, S.resolved, S.closed];
const statusOf = (key: string): string | undefined => local.site.jira.store.issueByIdOrKey(key)?.status.name;
const resolutionOf = (key: string): string | undefined => local.site.jira.store.issueByIdOrKey(key)?.resolution?.name;

/** olivia's structure with these [depth, key] rows; pat has control too. */
async function givenRollupStructure(...rows: Array<[number, string]>): Promise<string> {
  const structure = await givenStructure(local.site, 'olivia', 'Rollup');
  await givenForest(
    structure.id,
    rows.map(([depth, key]) => [depth, rollupId(key)]),
  );
  data(
    await local.site.invokeAs('olivia', 'setPermissions', {
      structureId: structure.id,
      rules: [{ subject: { type: 'user', accountId: people.pat.accountId }, level: 'control' }],
    }),
  );
  return structure.id;
}

async function runExport(
  site: Site,
  who: 'olivia' | 'pat',
  structureId: string,
  params: Record<string, unknown>,
): Promise<JobDto> {
  const started = data(await site.invokeAs(who, 'startExport', { structureId, synchronizer: 'status-rollup', params }));
  await site.rt.drain();
  return data(await site.invokeAs(who, 'getJob', { jobId: started.job.id }));
}

async function transitionInJira(key: string, transitionId: string): Promise<void> {
  const auth = Buffer.from(`${people.olivia.email}:${people.olivia.apiToken}`).toString('base64');
  const response = await fetch(`${local.site.jiraUrl}/rest/api/3/issue/${key}/transitions`, {
    method: 'POST',
    headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ transition: { id: transitionId } }),
  });
  if (response.status !== 204) throw new Error(`transition ${key}: ${response.status} ${await response.text()}`);
}

const log = (job: JobDto): string[] => job.log.map((e) => e.message);

describe('Status Rollup export', () => {
  it('moves a story to Done when its last sub-task is done', async () => {
    // given
    const structureId = await givenRollupStructure([0, 'RU-1'], [1, 'RU-2'], [1, 'RU-3'], [1, 'RU-4']);
    const params = { statusIds: [S.todo, S.progress, S.done] };
    const early = await runExport(local.site, 'olivia', structureId, params);
    expect(early).toMatchObject({ state: 'finished', exportResult: { applied: 0 } });
    expect(statusOf('RU-1')).toBe('In Progress');
    // when: the last sub-task is done in Jira, and the export runs again
    await transitionInJira('RU-4', '21');
    local.site.searchCatchesUp();
    const job = await runExport(local.site, 'olivia', structureId, params);
    // then
    expect(job).toMatchObject({
      state: 'finished',
      exportResult: { applied: 1, failed: 0, counts: { statusChanges: 1 } },
    });
    expect(statusOf('RU-1')).toBe('Done');
    expect(resolutionOf('RU-1')).toBe('Done');
    expect(log(job)).toContain("Plan: 1 status changes, through the workflows' transitions. Permissions checked.");
    // The second run read only what was updated since the first: RU-4.
    expect(log(job).find((m) => m.startsWith('Read '))).toMatch(
      /^Read 1 issues from Jira: those updated since \d\d:\d\d UTC and those new in the structure; the other 3 as the run of/,
    );
    expect(log(early).find((m) => m.startsWith('Read '))).toBe('Read 4 issues from Jira.');
  });

  it('settles a chain bottom-up in one run, and revert moves it back, parents first', async () => {
    // given
    const structureId = await givenRollupStructure([0, 'RU-5'], [1, 'RU-6'], [2, 'RU-7'], [2, 'RU-8']);
    // when
    const job = await runExport(local.site, 'olivia', structureId, { statusIds: [S.todo, S.progress, S.done] });
    // then: RU-6 counts RU-7's In Progress; RU-5 counts RU-6's new status
    expect(job).toMatchObject({ state: 'finished', revertible: true, exportResult: { applied: 2 } });
    expect([statusOf('RU-5'), statusOf('RU-6')]).toEqual(['In Progress', 'In Progress']);
    const changes = data(await local.site.invokeAs('olivia', 'listJobChanges', { jobId: job.id }));
    expect(changes.changes.map((c) => [c.kind, c.issueKey, c.before, c.after, c.outcome])).toEqual([
      ['status', 'RU-6', 'To Do', 'In Progress', 'applied'],
      ['status', 'RU-5', 'To Do', 'In Progress', 'applied'],
    ]);
    // when
    const revert = data(await local.site.invokeAs('olivia', 'revertJob', { jobId: job.id }));
    await local.site.rt.drain();
    const reverted = data(await local.site.invokeAs('olivia', 'getJob', { jobId: revert.job.id }));
    // then
    expect(reverted).toMatchObject({ state: 'finished', exportResult: { applied: 2, failed: 0 } });
    expect([statusOf('RU-5'), statusOf('RU-6')]).toEqual(['To Do', 'To Do']);
  });

  it('performs a transition that asks for a resolution with it, and says why a parent it cannot reach stays', async () => {
    // given
    const structureId = await givenRollupStructure(
      [0, 'RT-1'],
      [1, 'RT-2'],
      [1, 'RT-3'],
      [0, 'RT-4'],
      [1, 'RT-5'],
      [1, 'RT-6'],
    );
    // when: previewed first
    const preview = data(
      await local.site.invokeAs('olivia', 'previewExport', {
        structureId,
        synchronizer: 'status-rollup',
        params: { statusIds: EVERY_STATUS, resolution: 'Fixed' },
      }),
    );
    // then: both parents would move, and the preview already says which one cannot
    expect(preview.counts.statusChanges).toBe(2);
    expect(preview.changes.map((c) => [c.issueKey, c.before, c.after])).toEqual(
      expect.arrayContaining([
        ['RT-1', 'In Progress', 'Resolved'],
        ['RT-4', 'To Do', 'Closed'],
      ]),
    );
    expect(preview.warnings).toEqual([
      'RT-4 stays in To Do, not moved to Closed: no transition from its status reaches Closed',
    ]);
    expect(preview.preflight.ok).toBe(true);
    // when
    const job = await runExport(local.site, 'olivia', structureId, { statusIds: EVERY_STATUS, resolution: 'Fixed' });
    // then
    expect(statusOf('RT-1')).toBe('Resolved');
    expect(resolutionOf('RT-1')).toBe('Fixed');
    expect(statusOf('RT-4')).toBe('To Do');
    expect(job).toMatchObject({ state: 'finished', exportResult: { applied: 1, failed: 1 } });
    expect(log(job)).toContain(
      'RT-4 stays in To Do, not moved to Closed: no transition from its status reaches Closed',
    );
    expect(job.exportResult?.problems).toEqual([
      expect.objectContaining({
        kind: 'status',
        issueKey: 'RT-4',
        before: 'To Do',
        after: 'Closed',
        outcome: 'failed',
      }),
    ]);
  });

  it('plans the parents above a child it could not move again, from the status the child keeps', async () => {
    // given: only a transition named "Finish" may reach Done, and the Basic workflow has none
    const structureId = await givenRollupStructure([0, 'RU-9'], [1, 'RU-10'], [2, 'RU-11'], [2, 'RU-12']);
    // when
    const job = await runExport(local.site, 'olivia', structureId, {
      statusIds: [S.todo, S.progress, S.done],
      transitions: [{ statusId: S.done, names: ['Finish'] }],
    });
    // then: RU-10 stays In Progress, so RU-9 follows it to In Progress, not to Done
    expect(statusOf('RU-10')).toBe('In Progress');
    expect(statusOf('RU-9')).toBe('In Progress');
    expect(log(job)).toContain(
      'RU-10 stays in In Progress, not moved to Done: only "Done" reaches Done, and it is not allowed',
    );
    const changes = data(await local.site.invokeAs('olivia', 'listJobChanges', { jobId: job.id }));
    expect(changes.changes.map((c) => [c.issueKey, c.after, c.outcome])).toEqual([
      ['RU-10', 'Done', 'failed'],
      ['RU-9', 'In Progress', 'applied'],
    ]);
  });

  it('checks Transition issues before writing: without it, the job says so and nothing changes', async () => {
    // given: pat has control of the structure, browses RU, and may not transition there
    const structureId = await givenRollupStructure([0, 'RU-1'], [1, 'RU-4']);
    await transitionInJira('RU-1', '41');
    const before = statusOf('RU-1');
    // when
    const job = await runExport(local.site, 'pat', structureId, { statusIds: [S.todo, S.progress, S.done] });
    // then
    expect(job).toMatchObject({
      state: 'failed',
      error: {
        code: 'EXPORT_PERMISSIONS',
        message: 'You need Transition issues in RU (1 status change) to run this export. Nothing was written.',
      },
    });
    expect(statusOf('RU-1')).toBe(before);
    // and a resolution to set asks for Resolve issues too
    const resolving = await runExport(local.site, 'pat', structureId, {
      statusIds: [S.todo, S.progress, S.done],
      resolution: 'Fixed',
    });
    expect(resolving).toMatchObject({
      error: {
        message:
          'You need Transition issues in RU (1 status change) and Resolve issues in RU (1 change to a Done status) to run this export. Nothing was written.',
      },
    });
    expect(statusOf('RU-1')).toBe(before);
  });
});
