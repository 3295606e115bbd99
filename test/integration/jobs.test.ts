// Job life cycle through the resolvers: preview, list, cancel, undo, and Jira misbehaving (429/5xx).
import { kvs } from '@forge/kvs';
import type { JobDto } from '../../src/contract';
import { id } from './support/dataset';
import { data, givenForest, givenStructure, runImport, shape, useSite } from './support/site';

const local = useSite();
afterEach(() => local.site.jira.faults.clear());

const top = { at: 'top' } as const;
const jql = (q: string) => ({ kind: 'jql', jql: q });
const opsWithRemove = { source: jql('project = OPS ORDER BY key ASC'), add: top, remove: true };
async function waitForJob(jobId: string, until: (job: JobDto) => boolean): Promise<JobDto> {
  for (;;) {
    const job = data(await local.site.invokeAs('olivia', 'getJob', { jobId }));
    if (until(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const scene = async (...keys: string[]) => {
  const structure = await givenStructure(local.site);
  await givenForest(
    structure.id,
    keys.map((k) => [0, id(k)]),
  );
  return structure.id;
};

describe('previewImport', () => {
  it('answers counts and the first actions with issue keys, changing nothing', async () => {
    // given
    const structureId = await scene('APP-4');
    const before = await shape(structureId);
    // when
    const preview = data(
      await local.site.invokeAs('olivia', 'previewImport', {
        structureId,
        synchronizer: 'filter',
        params: opsWithRemove,
      }),
    );
    // then
    expect(preview).toMatchObject({ counts: { added: 4, removed: 1, moved: 0 }, complete: true, totalActions: 5 });
    expect(preview.actions[0]).toMatchObject({ kind: 'add', issueKey: 'OPS-1' });
    expect(preview.actions.find((a) => a.kind === 'remove')).toMatchObject({ issueKey: 'APP-4' });
    expect(await shape(structureId)).toEqual(before);
    expect(data(await local.site.invokeAs('olivia', 'listJobs', { structureId })).jobs).toEqual([]);
  });
});

describe('jobs', () => {
  it('lists a structure’s jobs newest first, with state, result, log and cost', async () => {
    // given
    const structureId = await scene();
    const first = await runImport(local.site, 'olivia', structureId, { source: jql('key = APP-1'), add: top });
    const second = await runImport(local.site, 'olivia', structureId, { source: jql('key = APP-2'), add: top });
    // when
    const { jobs } = data(await local.site.invokeAs('olivia', 'listJobs', { structureId }));
    // then
    expect(jobs.map((j) => j.id)).toEqual([second.id, first.id]);
    expect(jobs[0]).toMatchObject({
      state: 'finished',
      kind: 'import',
      startedBy: 'acc-olivia',
      cancellable: false,
      result: { added: 1 },
    });
    expect(jobs[0].cost).toMatchObject({
      jiraCalls: expect.any(Number),
      jiraPoints: expect.any(Number),
      kvsWrites: expect.any(Number),
    });
    expect(jobs[0].log.length).toBeGreaterThan(0);
  });

  it('cancels a queued job: the structure stays as it was', async () => {
    // given
    const structureId = await scene('APP-4');
    const started = data(
      await local.site.invokeAs('olivia', 'startImport', {
        structureId,
        synchronizer: 'filter',
        params: opsWithRemove,
      }),
    );
    // when
    const cancelled = data(await local.site.invokeAs('olivia', 'cancelJob', { jobId: started.job.id }));
    await local.site.rt.queue.drain();
    // then
    expect(cancelled).toMatchObject({ state: 'cancelled', cancellable: false });
    expect(cancelled.log.at(-1)?.message).toBe('Cancelled by Olivia Owner; the structure was left as it was.');
    expect(data(await local.site.invokeAs('olivia', 'getJob', { jobId: started.job.id })).state).toBe('cancelled');
    expect(await shape(structureId)).toEqual([`0:${id('APP-4')}`]);
    expect(await local.site.invokeAs('olivia', 'cancelJob', { jobId: started.job.id })).toMatchObject({
      ok: false,
      error: { code: 'JOB_NOT_CANCELLABLE' },
    });
  });
});

describe('undoImport', () => {
  it('restores the forest as it was before the import', async () => {
    // given
    const structureId = await scene('APP-4', 'APP-5');
    const before = await shape(structureId);
    const imported = await runImport(local.site, 'olivia', structureId, opsWithRemove);
    expect(imported.undoable).toBe(true);
    // when
    const undo = data(await local.site.invokeAs('olivia', 'undoImport', { jobId: imported.id }));
    // then
    expect(undo.job).toMatchObject({ kind: 'undo', state: 'finished' });
    expect(await shape(structureId)).toEqual(before);
    const after = data(await local.site.invokeAs('olivia', 'getJob', { jobId: imported.id }));
    expect(after.undoable).toBe(false);
    expect(after.log.at(-1)?.message).toBe(`Undone by Olivia Owner (job ${undo.job.id}).`);
    expect(await local.site.invokeAs('olivia', 'undoImport', { jobId: imported.id })).toMatchObject({
      ok: false,
      error: { code: 'UNDO_NOT_POSSIBLE' },
    });
  });

  it('refuses when the structure changed since the import, and says so', async () => {
    // given
    const structureId = await scene('APP-4');
    const imported = await runImport(local.site, 'olivia', structureId, opsWithRemove);
    await givenForest(structureId, [[0, id('APP-6')]]);
    // when
    const answer = await local.site.invokeAs('olivia', 'undoImport', { jobId: imported.id });
    // then
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'UNDO_NOT_POSSIBLE', message: expect.stringMatching(/changed/) },
    });
    expect(await shape(structureId)).toEqual([`0:${id('APP-6')}`]);
  });

  it('never hands out again the row ids of rows the undo removed', async () => {
    // given
    const structureId = await scene('APP-4');
    const imported = await runImport(local.site, 'olivia', structureId, { source: jql('key = OPS-1'), add: top });
    const importedRowIds = data(await local.site.invokeAs('olivia', 'getForest', { structureId })).rowIds;
    data(await local.site.invokeAs('olivia', 'undoImport', { jobId: imported.id }));
    // when
    await runImport(local.site, 'olivia', structureId, { source: jql('key = OPS-2'), add: top });
    // then
    const rowIds = data(await local.site.invokeAs('olivia', 'getForest', { structureId })).rowIds;
    expect(rowIds[1]).toBeGreaterThan(Math.max(...importedRowIds));
  });
});

describe('Jira misbehaving', () => {
  it('rides out a storm of burst 429s and 5xx answers', async () => {
    // given
    const structureId = await scene();
    const started = data(
      await local.site.invokeAs('olivia', 'startImport', {
        structureId,
        synchronizer: 'filter',
        params: { source: jql('project = APP'), add: top },
      }),
    );
    // A few waits in place (burst, 5xx: backoff 1 s, 2 s, 4 s), then repeated quota exhaustion (pauses).
    local.site.jira.faults.inject429({ kind: 'burst', count: 2, match: 'search/jql', retryAfterSeconds: 1 });
    local.site.jira.faults.inject5xx({ count: 1, status: 503, match: 'search/jql' });
    local.site.jira.faults.inject429({ kind: 'quota', count: 4, match: 'search/jql', retryAfterSeconds: 900 });
    // when
    await local.site.rt.queue.drain();
    // then
    const job = data(await local.site.invokeAs('olivia', 'getJob', { jobId: started.job.id }));
    expect(job).toMatchObject({ state: 'finished', result: { added: 6 } });
    expect(job.cost.jiraCalls).toBeGreaterThanOrEqual(1 + 3 + 4);
    expect(job.log.filter((l) => l.level === 'warn')).toHaveLength(4);
    expect(job.log.find((l) => l.level === 'warn')?.message).toMatch(
      /hourly reset and continues at \d\d:\d\d UTC, in 900 s/,
    );
  });

  it('pauses on quota exhaustion instead of failing, then continues', async () => {
    // given
    const structureId = await scene();
    const started = data(
      await local.site.invokeAs('olivia', 'startImport', {
        structureId,
        synchronizer: 'filter',
        params: { source: jql('project = APP'), add: top },
      }),
    );
    local.site.jira.faults.inject429({ kind: 'quota', count: 1, match: 'search/jql', retryAfterSeconds: 600 });
    // when
    const paused = await waitForJob(started.job.id, (j) => j.progress.phase === 'waiting for Jira rate limit');
    await local.site.rt.queue.drain();
    // then
    expect(paused.state).toBe('running');
    const job = data(await local.site.invokeAs('olivia', 'getJob', { jobId: started.job.id }));
    expect(job).toMatchObject({ state: 'finished', result: { added: 6 } });
    expect(job.log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'warn', message: expect.stringMatching(/rate limit.*600 s/) }),
      ]),
    );
  });

  it('answers an unexpected failure as INTERNAL with a short message, no stack trace', async () => {
    // given: a forest whose stored chunk is corrupt
    const structureId = await scene('APP-1');
    const { forestVersion } = data(await local.site.invokeAs('olivia', 'getStructure', { structureId }));
    await kvs.set(`forest:${structureId}:${forestVersion}:0`, 'not a forest');
    // when
    const answer = await local.site.invokeAs('olivia', 'getForest', { structureId });
    // then
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(answer)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers JIRA_UNAVAILABLE when Jira’s quota is gone while starting', async () => {
    const structureId = await scene();
    local.site.jira.faults.inject429({ kind: 'quota', count: 1, retryAfterSeconds: 600 });
    const answer = await local.site.invokeAs('olivia', 'startImport', {
      structureId,
      synchronizer: 'filter',
      params: { source: jql('project = APP'), add: top },
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'JIRA_UNAVAILABLE' } });
  });
});
