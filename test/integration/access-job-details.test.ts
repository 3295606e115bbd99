// A job ran with its starter's Jira permissions; what other readers get of it follows one rule
// (src/app/jobs/reader-view.ts): no key of an issue they cannot see, no change of such an issue, and the
// parameters (JQL and all) only for the starter and people with control of the structure.
import type { Dataset, DatasetIssue } from '../../local/dataset/types';
import type { PermissionRule } from '../../src/contract';
import { exp, exportDataset } from './support/export-dataset';
import { data, givenForest, givenStructure, useSite } from './support/site';

const sec = (n: number): number => 40000 + n;

/** The export site plus SEC, a project only staff may browse: pat (partner) sees EXP, never SEC. */
function datasetWithSec(): Dataset {
  const ds = exportDataset();
  const staff = { groups: ['staff'] };
  ds.projects.push({
    id: '20011',
    key: 'SEC',
    name: 'Security',
    projectTypeKey: 'software',
    permissions: { BROWSE_PROJECTS: staff, EDIT_ISSUES: staff, SCHEDULE_ISSUES: staff, LINK_ISSUES: staff },
  });
  for (let n = 1; n <= 3; n++) {
    const issue: DatasetIssue = {
      id: String(sec(n)),
      key: `SEC-${n}`,
      type: 'Story',
      summary: `SEC-${n} summary`,
      status: 'To Do',
      rank: `0|k${String(n).padStart(5, '0')}:`,
      created: '2026-03-01T10:00:00.000Z',
      updated: '2026-03-01T10:00:00.000Z',
    };
    ds.issues.push(issue);
  }
  return ds;
}

const local = useSite(datasetWithSec());

const anyoneView: PermissionRule = { subject: { type: 'anyone' }, level: 'view' };
const patControl: PermissionRule = { subject: { type: 'user', accountId: 'acc-pat' }, level: 'control' };

async function givenSharedStructure(rules: PermissionRule[], rows: Array<[number, number]> = []): Promise<string> {
  const structure = await givenStructure(local.site, 'olivia', 'PLAT and SEC');
  if (rows.length > 0) await givenForest(structure.id, rows);
  data(await local.site.invokeAs('olivia', 'setPermissions', { structureId: structure.id, rules }));
  return structure.id;
}

async function givenOliviasImport(structureId: string, jql: string): Promise<string> {
  const started = data(
    await local.site.invokeAs('olivia', 'startImport', {
      structureId,
      synchronizer: 'filter',
      params: { source: { kind: 'jql', jql }, add: { at: 'top' } },
    }),
  );
  await local.site.rt.queue.drain();
  return started.job.id;
}

const linksParams = { linkTypeId: '1', parentEnd: 'inward', scope: 'structure' };

async function givenOliviasLinksExport(structureId: string): Promise<string> {
  const started = data(
    await local.site.invokeAs('olivia', 'startExport', { structureId, synchronizer: 'links', params: linksParams }),
  );
  await local.site.rt.queue.drain();
  return started.job.id;
}

describe("someone else's import, to a reader with view", () => {
  it('shows neither its JQL nor any key of an issue they cannot see, in getJob and listJobs', async () => {
    // given
    const structureId = await givenSharedStructure([anyoneView]);
    const jobId = await givenOliviasImport(structureId, 'key in (EXP-3, SEC-1) ORDER BY key');
    // when
    const job = data(await local.site.invokeAs('pat', 'getJob', { jobId }));
    const { jobs } = data(await local.site.invokeAs('pat', 'listJobs', { structureId }));
    // then
    expect(job).toMatchObject({ state: 'finished', params: {}, result: { added: 2 } });
    expect(job.log[0]?.message).toMatch(/^Import with the Filter synchronizer\. Its parameters are shown to whoever/);
    expect(JSON.stringify(job)).not.toMatch(/SEC-|key in/);
    expect(jobs.find((j) => j.id === jobId)).toEqual(job);
  });

  it('shows its starter everything', async () => {
    // given
    const structureId = await givenSharedStructure([anyoneView]);
    const jobId = await givenOliviasImport(structureId, 'key in (EXP-3, SEC-1) ORDER BY key');
    // when
    const job = data(await local.site.invokeAs('olivia', 'getJob', { jobId }));
    // then
    expect(job.params).toMatchObject({ source: { jql: 'key in (EXP-3, SEC-1) ORDER BY key' } });
    expect(job.log[0]?.message).toContain('key in (EXP-3, SEC-1)');
  });
});

describe("someone else's import, to a reader with control", () => {
  it('shows the parameters with the keys of issues they cannot see replaced', async () => {
    // given
    const structureId = await givenSharedStructure([patControl]);
    const jobId = await givenOliviasImport(structureId, 'key in (EXP-3, SEC-1) ORDER BY key');
    // when
    const job = data(await local.site.invokeAs('pat', 'getJob', { jobId }));
    // then
    expect(job.params).toMatchObject({
      source: { jql: 'key in (EXP-3, an issue you cannot see) ORDER BY key' },
    });
    expect(job.log[0]?.message).toContain('key in (EXP-3, an issue you cannot see)');
    expect(JSON.stringify(job)).not.toContain('SEC-');
  });
});

describe("someone else's export's change log", () => {
  // EXP-6 > SEC-1; SEC-2 > EXP-7; EXP-3 > EXP-8: one link each, two of them naming a SEC issue.
  const rows: Array<[number, number]> = [
    [0, exp(6)],
    [1, sec(1)],
    [0, sec(2)],
    [1, exp(7)],
    [0, exp(3)],
    [1, exp(8)],
  ];

  it('leaves out changes of issues the reader cannot see and never names one', async () => {
    // given
    const structureId = await givenSharedStructure([anyoneView], rows);
    const jobId = await givenOliviasLinksExport(structureId);
    // when
    const forOlivia = data(await local.site.invokeAs('olivia', 'listJobChanges', { jobId }));
    const forPat = data(await local.site.invokeAs('pat', 'listJobChanges', { jobId }));
    // then
    expect(forOlivia.changes.some((c) => /SEC-/.test(`${c.issueKey} ${c.before} ${c.after}`))).toBe(true);
    expect(forPat.total).toBe(forOlivia.total);
    expect(forPat.changes.length + forPat.hidden).toBe(forOlivia.changes.length);
    expect(forPat.hidden).toBeGreaterThan(0);
    expect(forPat.changes.length).toBeGreaterThan(0);
    expect(JSON.stringify(forPat)).not.toContain('SEC-');
    expect(forPat.changes.every((c) => Number(c.issueId) < sec(0))).toBe(true);
  });

  it('keeps the job log of an export free of keys the reader cannot see', async () => {
    // given: SEC-1, a story, under story EXP-7: a placement Jira cannot hold, which the log reports
    const structureId = await givenSharedStructure(
      [anyoneView],
      [
        [0, exp(7)],
        [1, sec(1)],
      ],
    );
    const started = data(
      await local.site.invokeAs('olivia', 'startExport', {
        structureId,
        synchronizer: 'hierarchy',
        params: { roots: { kind: 'highestLevel', projectKeys: ['EXP', 'SEC'] } },
      }),
    );
    await local.site.rt.queue.drain();
    // when
    const forOlivia = data(await local.site.invokeAs('olivia', 'getJob', { jobId: started.job.id }));
    const forPat = data(await local.site.invokeAs('pat', 'getJob', { jobId: started.job.id }));
    // then
    expect(forOlivia.log.some((l) => /Not written: .*SEC-1/.test(l.message))).toBe(true);
    expect(forPat.log.some((l) => /Not written: .*an issue you cannot see/.test(l.message))).toBe(true);
    expect(JSON.stringify(forPat)).not.toContain('SEC-');
  });
});

describe('previews, which run as the one who asks', () => {
  it('name no issue the caller cannot see', async () => {
    // given
    const structureId = await givenSharedStructure(
      [patControl],
      [
        [0, exp(5)],
        [1, sec(3)],
        [0, sec(2)],
        [1, exp(4)],
      ],
    );
    // when
    const preview = data(
      await local.site.invokeAs('pat', 'previewExport', { structureId, synchronizer: 'links', params: linksParams }),
    );
    // then
    expect(JSON.stringify(preview)).not.toMatch(/SEC-|4000[1-3]/);
  });
});

describe("someone else's installed synchronizer", () => {
  const jql = 'key in (EXP-3, SEC-1) ORDER BY key';
  async function givenOliviasSynchronizer(rules: PermissionRule[]): Promise<string> {
    const structureId = await givenSharedStructure(rules);
    data(
      await local.site.invokeAs('olivia', 'installSynchronizer', {
        structureId,
        synchronizer: 'filter',
        params: { source: { kind: 'jql', jql }, add: { at: 'top' } },
      }),
    );
    return structureId;
  }

  it('shows a reader with view neither its parameters nor their summary', async () => {
    // given
    const structureId = await givenOliviasSynchronizer([anyoneView]);
    // when
    const { synchronizers } = data(await local.site.invokeAs('pat', 'listInstalledSynchronizers', { structureId }));
    // then
    expect(synchronizers).toEqual([expect.objectContaining({ params: {}, runAs: 'acc-olivia', label: 'Filter' })]);
    expect(JSON.stringify(synchronizers)).not.toMatch(/SEC-|key in/);
  });

  it('shows a reader with control its parameters, without keys of issues they cannot see', async () => {
    // given
    const structureId = await givenOliviasSynchronizer([patControl]);
    // when
    const { synchronizers } = data(await local.site.invokeAs('pat', 'listInstalledSynchronizers', { structureId }));
    const forOlivia = data(await local.site.invokeAs('olivia', 'listInstalledSynchronizers', { structureId }));
    // then
    expect(synchronizers[0]?.params).toMatchObject({
      source: { jql: 'key in (EXP-3, an issue you cannot see) ORDER BY key' },
    });
    expect(JSON.stringify(synchronizers)).not.toContain('SEC-');
    expect(forOlivia.synchronizers[0]?.params).toMatchObject({ source: { jql } });
  });
});
