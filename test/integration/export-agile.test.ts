// Agile export end to end: rank from the structure's order and epics from placement, written as the
// user who runs it; the permission preflight; 207 partial failures; revert.
import { people } from './support/dataset';
import { BOARD_ID, exp, exportDataset } from './support/export-dataset';
import { data, givenForest, givenStructure, givenSynchronizersEnabled, startSite, type Site } from './support/site';
import type { JobDto } from '../../src/contract';
import { planRankExport } from '../../src/domain/export';
import { kvs, MetadataField } from '@forge/kvs';
import { REVERT_WINDOW_DAYS } from '../../src/app/export/retention';
import { JobRepository, KvsWriteMeter } from '../../src/storage';

let site: Site;
beforeAll(async () => {
  site = await startSite(exportDataset());
  await givenSynchronizersEnabled(site);
});
afterAll(async () => site?.close());

const agile = { source: { mode: 'board', boardId: BOARD_ID } };

/** The board's order as anyone sees it once Jira's search has caught up with the export. */
async function boardOrder(): Promise<number[]> {
  site.searchCatchesUp();
  const auth = Buffer.from(`${people.adam.email}:${people.adam.apiToken}`).toString('base64');
  const res = await fetch(`${site.jiraUrl}/rest/agile/1.0/board/${BOARD_ID}/issue?maxResults=100&fields=parent`, {
    headers: { Authorization: `Basic ${auth}` },
  });
  const json = (await res.json()) as { issues: Array<{ id: string }> };
  return json.issues.map((i) => Number(i.id));
}

async function runExport(
  who: 'olivia' | 'pat',
  structureId: string,
  params: Record<string, unknown> = agile,
): Promise<JobDto> {
  const started = data(await site.invokeAs(who, 'startExport', { structureId, synchronizer: 'agile', params }));
  await site.rt.drain();
  return data(await site.invokeAs(who, 'getJob', { jobId: started.job.id }));
}

const parentOf = (n: number): number | undefined => {
  const stored = site.jira.store.issueByIdOrKey(`EXP-${n}`);
  return stored?.parentId === undefined ? undefined : Number(stored.parentId);
};

describe('Agile export', () => {
  it('ranks the board in the structure order and sets epics from placement', async () => {
    // given: stories in reverse order, EXP-5 moved under epic EXP-2
    const structure = await givenStructure(site);
    await givenForest(structure.id, [
      [0, exp(2)],
      [1, exp(5)],
      [0, exp(8)],
      [0, exp(7)],
      [0, exp(6)],
      [0, exp(1)],
      [1, exp(4)],
      [1, exp(3)],
      [2, exp(9)],
    ]);
    // when
    const job = await runExport('olivia', structure.id);
    // then
    expect(job).toMatchObject({ kind: 'export', state: 'finished', revertible: true });
    expect(job.exportResult?.failed).toBe(0);
    const order = await boardOrder();
    const inStructure = [2, 5, 8, 7, 6, 1, 4, 3, 9].map(exp);
    expect(order.filter((i) => inStructure.includes(i))).toEqual(inStructure);
    expect(parentOf(5)).toBe(exp(2));
  });
});

describe('Agile export by projects and rank field', () => {
  it("ranks the projects' issues by the given rank field when there is no board", async () => {
    // given
    const structure = await givenStructure(site);
    await givenForest(
      structure.id,
      [4, 3, 6, 5].map((n) => [0, exp(n)]),
    );
    // when
    const job = await runExport('olivia', structure.id, {
      source: { mode: 'custom', projectKeys: ['EXP'], rankFieldId: 'customfield_10019' },
    });
    // then
    expect(job).toMatchObject({ state: 'finished', exportResult: { failed: 0 } });
    const wanted = [4, 3, 6, 5].map(exp);
    expect((await boardOrder()).filter((i) => wanted.includes(i))).toEqual(wanted);
  });
});

describe('Agile export: preflight, partial failures, revert', () => {
  const reversed = (): Array<[number, number]> => [
    [0, exp(1)],
    [1, exp(8)],
    [1, exp(7)],
    [1, exp(6)],
    [0, exp(2)],
    [1, exp(5)],
    [1, exp(4)],
    [1, exp(3)],
  ];

  it('refuses a user lacking Schedule issues before writing anything, and says where', async () => {
    // given: pat has control of the structure but may not rank (or edit) in EXP
    const structure = await givenStructure(site);
    data(
      await site.invokeAs('olivia', 'setPermissions', {
        structureId: structure.id,
        rules: [{ subject: { type: 'user', accountId: people.pat.accountId }, level: 'control' }],
      }),
    );
    await givenForest(structure.id, reversed());
    const changesBefore = site.jira.store.changeCounter;
    // when
    const preview = data(
      await site.invokeAs('pat', 'previewExport', { structureId: structure.id, synchronizer: 'agile', params: agile }),
    );
    const job = await runExport('pat', structure.id);
    // then
    expect(preview.preflight.ok).toBe(false);
    expect(preview.preflight.message).toMatch(
      /You need Schedule issues in EXP \(\d+ rank changes\) and Edit issues in EXP/,
    );
    expect(job).toMatchObject({ state: 'failed', error: { code: 'EXPORT_PERMISSIONS' } });
    expect(job.error?.message).toMatch(/Schedule issues in EXP.*Nothing was written/);
    expect(site.jira.store.changeCounter).toBe(changesBefore);
  });

  it('records a 207 partial failure per issue and still ranks the others', async () => {
    // given
    const structure = await givenStructure(site);
    await givenForest(structure.id, reversed());
    site.jira.faults.failRank(['EXP-7']);
    try {
      // when
      const job = await runExport('olivia', structure.id);
      // then
      expect(job.state).toBe('finished');
      expect(job.exportResult?.failed).toBe(1);
      expect(job.exportResult?.problems).toEqual([
        expect.objectContaining({
          kind: 'rank',
          issueKey: 'EXP-7',
          outcome: 'failed',
          error: expect.stringMatching(/./),
        }),
      ]);
      expect(job.log.some((l) => l.level === 'warn' && /Jira refused the rank of EXP-7/.test(l.message))).toBe(true);
      const order = (await boardOrder()).filter((i) => i !== exp(7) && i !== exp(9));
      expect(order).toEqual([1, 8, 6, 2, 5, 4, 3].map(exp));
    } finally {
      site.jira.faults.clear();
    }
  });

  it('reverts every value the export wrote', async () => {
    // given: Jira's order and parents before the export
    const structure = await givenStructure(site);
    const orderBefore = await boardOrder();
    const parentsBefore = [3, 4, 5, 6, 7, 8].map(parentOf);
    await givenForest(structure.id, [
      [0, exp(2)],
      [1, exp(3)],
      [1, exp(8)],
      [0, exp(1)],
      [1, exp(6)],
      [1, exp(5)],
      [0, exp(4)],
      [0, exp(7)],
    ]);
    const exported = await runExport('olivia', structure.id);
    expect(exported.exportResult?.applied).toBeGreaterThan(0);
    expect(parentOf(3)).toBe(exp(2));
    // when
    const revert = data(await site.invokeAs('olivia', 'revertJob', { jobId: exported.id }));
    const twice = await site.invokeAs('olivia', 'revertJob', { jobId: exported.id });
    await site.rt.drain();
    // then
    expect(twice).toMatchObject({
      ok: false,
      error: { code: 'REVERT_NOT_POSSIBLE', message: 'This export is being reverted now.' },
    });
    const reverted = data(await site.invokeAs('olivia', 'getJob', { jobId: revert.job.id }));
    expect(reverted).toMatchObject({ kind: 'revert', state: 'finished', exportResult: { failed: 0, skipped: 0 } });
    expect(await boardOrder()).toEqual(orderBefore);
    expect([3, 4, 5, 6, 7, 8].map(parentOf)).toEqual(parentsBefore);
    expect(data(await site.invokeAs('olivia', 'getJob', { jobId: exported.id })).revertible).toBe(false);
    expect(await site.invokeAs('olivia', 'revertJob', { jobId: exported.id })).toMatchObject({
      ok: false,
      error: { code: 'REVERT_NOT_POSSIBLE' },
    });
  });

  it('is revertible again after its revert was cancelled, in getJob and listJobs alike, as revertJob agrees', async () => {
    // given: an export, and a revert of it cancelled before it ran
    const structure = await givenStructure(site);
    await givenForest(structure.id, [
      [0, exp(2)],
      [1, exp(6)],
    ]);
    const exported = await runExport('olivia', structure.id);
    const revert = data(await site.invokeAs('olivia', 'revertJob', { jobId: exported.id }));
    expect(data(await site.invokeAs('olivia', 'getJob', { jobId: exported.id })).revertible).toBe(false);
    data(await site.invokeAs('olivia', 'cancelJob', { jobId: revert.job.id }));
    await site.rt.drain();
    // when
    const got = data(await site.invokeAs('olivia', 'getJob', { jobId: exported.id }));
    const listed = data(await site.invokeAs('olivia', 'listJobs', { structureId: structure.id })).jobs.find(
      (j) => j.id === exported.id,
    );
    // then
    expect(got.revertible).toBe(true);
    expect(listed?.revertible).toBe(true);
    // and the retry revertJob allows does revert it, after which it is not revertible
    const retry = data(await site.invokeAs('olivia', 'revertJob', { jobId: exported.id }));
    await site.rt.drain();
    expect(data(await site.invokeAs('olivia', 'getJob', { jobId: retry.job.id })).state).toBe('finished');
    expect(parentOf(6)).not.toBe(exp(2));
    expect(data(await site.invokeAs('olivia', 'getJob', { jobId: exported.id })).revertible).toBe(false);
  });

  it('keeps the change log as long as a revert is offered, and deletes it with the structure', async () => {
    // given: a finished export
    const structure = await givenStructure(site);
    await givenForest(structure.id, [
      [0, exp(2)],
      [1, exp(6)],
    ]);
    const exported = await runExport('olivia', structure.id);
    const dataKeys = (): string[] => site.rt.kvs.keys().filter((k) => k.startsWith(`jobdata:${exported.id}:`));
    // then: its log expires at the end of the revert window
    const log = await kvs.get<string>(`jobdata:${exported.id}:x:log:0`, {
      metadataFields: [MetadataField.EXPIRE_TIME],
    });
    const days = (Date.parse(log?.expireTime ?? '') - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(REVERT_WINDOW_DAYS - 1);
    expect(days).toBeLessThanOrEqual(REVERT_WINDOW_DAYS);
    expect(dataKeys()).toEqual(
      expect.arrayContaining([`jobdata:${exported.id}:x:log:0`, `jobdata:${exported.id}:x:keys:0`]),
    );
    // and a revert (which leaves Jira as the other tests expect it) keeps data of its own
    const revert = data(await site.invokeAs('olivia', 'revertJob', { jobId: exported.id })).job;
    await site.rt.drain();
    expect(site.rt.kvs.keys().some((k) => k.startsWith(`jobdata:${revert.id}:`))).toBe(true);
    // when: the structure is deleted
    data(await site.invokeAs('olivia', 'deleteStructure', { structureId: structure.id }));
    // then: the jobs and all their data are gone
    expect(dataKeys()).toEqual([]);
    expect(site.rt.kvs.keys().filter((k) => k.startsWith(`jobdata:${revert.id}:`))).toEqual([]);
    expect(await site.invokeAs('olivia', 'getJob', { jobId: exported.id })).toMatchObject({
      ok: false,
      error: { code: 'JOB_NOT_FOUND' },
    });
  });

  it('is no longer revertible past the revert window, and says why', async () => {
    // given: an export created longer ago than the window
    const structure = await givenStructure(site);
    await givenForest(structure.id, [
      [0, exp(2)],
      [1, exp(6)],
    ]);
    const exported = await runExport('olivia', structure.id);
    const jobs = new JobRepository(new KvsWriteMeter());
    const stored = await jobs.get(exported.id);
    if (!stored) throw new Error('export job missing');
    await jobs.create({ ...stored, createdAt: Date.now() - (REVERT_WINDOW_DAYS + 1) * 86_400_000 });
    // when
    const got = data(await site.invokeAs('olivia', 'getJob', { jobId: exported.id }));
    const revert = await site.invokeAs('olivia', 'revertJob', { jobId: exported.id });
    const changes = await site.invokeAs('olivia', 'listJobChanges', { jobId: exported.id });
    // then
    expect(got.revertible).toBe(false);
    expect(revert).toMatchObject({
      ok: false,
      error: {
        code: 'REVERT_NOT_POSSIBLE',
        message: expect.stringMatching(/more than 90 days old: its change log is no longer kept/),
      },
    });
    expect(changes).toMatchObject({
      ok: false,
      error: { code: 'CHANGE_LOG_EXPIRED', message: expect.stringMatching(/kept for 90 days/) },
    });
    // and, back inside the window, the revert leaves Jira as the other tests expect it
    await jobs.create(stored);
    data(await site.invokeAs('olivia', 'revertJob', { jobId: exported.id }));
    await site.rt.drain();
  });

  it('skips what changed in Jira since the export, with a log line each', async () => {
    // given
    const structure = await givenStructure(site);
    await givenForest(structure.id, [
      [0, exp(2)],
      [1, exp(6)],
    ]);
    const exported = await runExport('olivia', structure.id);
    expect(parentOf(6)).toBe(exp(2));
    site.jira.store.updateIssue('EXP-6', { parent: 'EXP-1' });
    // when
    const revert = data(await site.invokeAs('olivia', 'revertJob', { jobId: exported.id }));
    await site.rt.drain();
    // then
    const reverted = data(await site.invokeAs('olivia', 'getJob', { jobId: revert.job.id }));
    expect(reverted.exportResult?.skipped).toBeGreaterThanOrEqual(1);
    expect(reverted.log.some((l) => /Skipped parent of EXP-6/.test(l.message))).toBe(true);
    expect(parentOf(6)).toBe(exp(1));
  });

  const inOrder = (): Array<[number, number]> => [2, 3, 4, 5, 1, 6, 7, 8].map((n) => [n <= 2 ? 0 : 1, exp(n)]);
  it.each([
    ['waits a short Retry-After in place', 1, false, reversed, [1, 8, 7, 6, 2, 5, 4, 3]],
    ['pauses the job for a long Retry-After, like imports', 120, true, inOrder, [2, 3, 4, 5, 1, 6, 7, 8]],
  ])('%s and finishes', async (_, retryAfterSeconds, paused, rows, expected) => {
    // given
    const structure = await givenStructure(site);
    await givenForest(structure.id, rows());
    site.jira.faults.inject429({ kind: 'burst', count: 1, retryAfterSeconds, match: 'PUT /rest/agile/1.0/issue/rank' });
    try {
      // when
      const job = await runExport('olivia', structure.id);
      // then
      expect(job.state).toBe('finished');
      expect(job.log.some((l) => /rate limit was reached/.test(l.message))).toBe(paused);
      expect(job.exportResult?.failed).toBe(0);
      expect((await boardOrder()).filter((i) => i !== exp(9))).toEqual(expected.map(exp));
    } finally {
      site.jira.faults.clear();
    }
  });
});

describe('Exports of many writes', () => {
  let big: Site;
  beforeAll(async () => {
    big = await startSite(exportDataset(150));
    data(await big.invokeAs('adam', 'setSettings', { synchronizersEnabled: true }));
  });
  afterAll(async () => big?.close());

  it('plans the remaining rank calls again after a refused one', async () => {
    // given: 150 stories in a shuffled order; Jira will refuse to rank one issue of the first call
    const stories = Array.from({ length: 150 }, (_, i) => exp(3 + i));
    const order = stories
      .map((id, i) => ({ id, k: (i * 7919) % 151 }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.id);
    const structure = data(await big.invokeAs('olivia', 'createStructure', { name: 'Big board' }));
    await givenForest(
      structure.id,
      order.map((id) => [0, id]),
    );
    const jiraOrder = big.jira.store.issuesInRankOrder().map((i) => Number(i.id));
    const plan = planRankExport({ structureOrder: order, jiraOrder });
    expect(plan.operations.length).toBeGreaterThan(1);
    const refused = plan.operations[0].issues[0];
    big.jira.faults.failRank([String(refused)]);
    // when
    const started = data(
      await big.invokeAs('olivia', 'startExport', { structureId: structure.id, synchronizer: 'agile', params: agile }),
    );
    await big.rt.drain();
    const job = data(await big.invokeAs('olivia', 'getJob', { jobId: started.job.id }));
    // then
    expect(job.exportResult).toMatchObject({
      failed: 1,
      problems: [expect.objectContaining({ issueId: String(refused), kind: 'rank' })],
    });
    expect(job.log.some((l) => /planned again/.test(l.message))).toBe(true);
    const wanted = order.filter((id) => id !== refused);
    const inWanted = new Set(wanted);
    expect(
      big.jira.store
        .issuesInRankOrder()
        .map((i) => Number(i.id))
        .filter((id) => inWanted.has(id)),
    ).toEqual(wanted);
  });

  it('reverts what an export cancelled halfway had written', async () => {
    // given: 40 links to create, each call slowed down, and the export cancelled while writing
    const structure = data(await big.invokeAs('olivia', 'createStructure', { name: 'Links' }));
    await givenForest(structure.id, [
      [0, exp(3)],
      ...Array.from({ length: 40 }, (_, i): [number, number] => [1, exp(10 + i)]),
    ]);
    big.jira.faults.setLatency({ ms: 20, match: 'POST /rest/api/3/issueLink' });
    const linksOf3 = () => [...big.jira.store.issueLinks(String(exp(3)))].length;
    try {
      const started = data(
        await big.invokeAs('olivia', 'startExport', {
          structureId: structure.id,
          synchronizer: 'links',
          params: { linkTypeId: '1' },
        }),
      );
      for (let i = 0; i < 500 && linksOf3() < 8; i++) await new Promise((r) => setTimeout(r, 10));
      data(await big.invokeAs('olivia', 'cancelJob', { jobId: started.job.id }));
      await big.rt.drain();
      const cancelled = data(await big.invokeAs('olivia', 'getJob', { jobId: started.job.id }));
      expect(cancelled).toMatchObject({ state: 'cancelled', revertible: true });
      const written = linksOf3();
      expect(written).toBeGreaterThan(0);
      expect(written).toBeLessThan(40);
      // when
      const revert = data(await big.invokeAs('olivia', 'revertJob', { jobId: started.job.id }));
      await big.rt.drain();
      // then
      expect(data(await big.invokeAs('olivia', 'getJob', { jobId: revert.job.id })).state).toBe('finished');
      expect(linksOf3()).toBe(0);
    } finally {
      big.jira.faults.clear();
    }
  });
});
