// Links and Hierarchy exports end to end: links the structure implies are created (and contradicting
// ones deleted only with scope "all"), parents set from placement where Jira's levels allow it, and
// placements Jira cannot hold reported, not forced; resync in the export direction of an installed one.
import { exp, exportDataset } from './support/export-dataset';
import { data, givenForest, givenStructure, givenSynchronizersEnabled, startSite, type Site } from './support/site';
import type { JobDto } from '../../src/contract';

let site: Site;
beforeAll(async () => {
  site = await startSite(exportDataset());
  await givenSynchronizersEnabled(site);
});
afterAll(async () => site?.close());

/** "EXP-a>EXP-b" for every Blocks link (source blocks destination), sorted. */
function blocks(): string[] {
  const out = new Set<string>();
  for (let n = 1; n <= 9; n++) {
    for (const l of site.jira.store.issueLinks(String(exp(n)))) {
      out.add(
        `${site.jira.store.issueByIdOrKey(l.sourceId)?.key}>${site.jira.store.issueByIdOrKey(l.destinationId)?.key}`,
      );
    }
  }
  return [...out].sort();
}

function resetLinks(): void {
  for (let n = 1; n <= 9; n++)
    for (const l of [...site.jira.store.issueLinks(String(exp(n)))]) site.jira.store.removeLink(l.id);
}

async function runExport(structureId: string, synchronizer: string, params: Record<string, unknown>): Promise<JobDto> {
  const started = data(await site.invokeAs('olivia', 'startExport', { structureId, synchronizer, params }));
  await site.rt.drain();
  return data(await site.invokeAs('olivia', 'getJob', { jobId: started.job.id }));
}

const links = (scope: string) => ({
  linkTypeId: '1',
  parentEnd: 'inward',
  scope,
  ...(scope === 'all' ? { parentJql: 'project = EXP' } : {}),
});
// EXP-3 > (EXP-4, EXP-5); EXP-6 and EXP-7 side by side at the top; EXP-8 outside the structure.
const forest: Array<[number, number]> = [
  [0, exp(3)],
  [1, exp(4)],
  [1, exp(5)],
  [0, exp(6)],
  [0, exp(7)],
];

describe('Links export', () => {
  beforeEach(() => {
    resetLinks();
    site.jira.store.addLink('EXP-6', 'Blocks', 'EXP-7');
    site.jira.store.addLink('EXP-6', 'Blocks', 'EXP-8');
  });

  it('goes in the structure history beside the version it ran on, with how many changes it wrote', async () => {
    // given
    const structure = await givenStructure(site);
    await givenForest(structure.id, forest);
    // when
    const job = await runExport(structure.id, 'links', links('structure'));
    // then
    const history = data(await site.invokeAs('olivia', 'listStructureHistory', { structureId: structure.id }));
    expect(history.entries).toEqual([
      expect.objectContaining({
        kind: 'export',
        version: history.version,
        jobId: job.id,
        issuesChanged: 2,
        state: 'finished',
        who: expect.objectContaining({ accountId: job.startedBy }) as unknown,
      }),
    ]);
  });

  it('creates the links the structure implies and deletes none with scope "issues in the structure"', async () => {
    // given
    const structure = await givenStructure(site);
    await givenForest(structure.id, forest);
    // when
    const preview = data(
      await site.invokeAs('olivia', 'previewExport', {
        structureId: structure.id,
        synchronizer: 'links',
        params: links('structure'),
      }),
    );
    const job = await runExport(structure.id, 'links', links('structure'));
    // then
    expect(preview.counts).toMatchObject({ linksCreated: 2, linksDeleted: 0 });
    expect(preview.changes.map((c) => [c.kind, c.before, c.after])).toEqual([
      ['link-create', 'none', 'EXP-3 → EXP-4'],
      ['link-create', 'none', 'EXP-3 → EXP-5'],
    ]);
    expect(preview.warnings).toEqual([]);
    expect(job).toMatchObject({ state: 'finished', exportResult: { applied: 2, failed: 0 } });
    expect(job.log[0].message).toBe(
      'Export with the Links synchronizer from structure "' + structure.name + '" into Jira, as Olivia Owner.',
    );
    expect(blocks()).toEqual(['EXP-3>EXP-4', 'EXP-3>EXP-5', 'EXP-6>EXP-7', 'EXP-6>EXP-8']);
  });

  it('with scope "all issues" also deletes contradicting links inside the structure, and warns first', async () => {
    // given
    const structure = await givenStructure(site);
    await givenForest(structure.id, forest);
    // when
    const preview = data(
      await site.invokeAs('olivia', 'previewExport', {
        structureId: structure.id,
        synchronizer: 'links',
        params: links('all'),
      }),
    );
    const job = await runExport(structure.id, 'links', links('all'));
    // then
    expect(preview.counts).toMatchObject({ linksCreated: 2, linksDeleted: 1 });
    expect(preview.warnings.join(' ')).toMatch(/deletes every link of type “Blocks” between issues/);
    expect(job).toMatchObject({ state: 'finished', exportResult: { applied: 3, failed: 0 } });
    expect(job.log.map((l) => l.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/deletes every link of type “Blocks”/),
        expect.stringMatching(/2 links of type “Blocks” to create, 1 to delete/),
      ]),
    );
    const log = data(await site.invokeAs('olivia', 'listJobChanges', { jobId: job.id, limit: 2 }));
    const rest = data(await site.invokeAs('olivia', 'listJobChanges', { jobId: job.id, cursor: log.nextCursor }));
    expect(log.total).toBe(3);
    expect([...log.changes, ...rest.changes].map((c) => [c.kind, c.issueKey, c.before, c.after, c.outcome])).toEqual([
      ['link-create', 'EXP-3', 'none', 'EXP-3 → EXP-4', 'applied'],
      ['link-create', 'EXP-3', 'none', 'EXP-3 → EXP-5', 'applied'],
      ['link-delete', 'EXP-6', 'EXP-6 → EXP-7', 'none', 'applied'],
    ]);
    // the link to EXP-8, outside the structure, stays
    expect(blocks()).toEqual(['EXP-3>EXP-4', 'EXP-3>EXP-5', 'EXP-6>EXP-8']);
    // and revert brings the deleted link back and removes the created ones
    const revert = data(await site.invokeAs('olivia', 'revertJob', { jobId: job.id }));
    await site.rt.drain();
    expect(data(await site.invokeAs('olivia', 'getJob', { jobId: revert.job.id })).state).toBe('finished');
    expect(blocks()).toEqual(['EXP-6>EXP-7', 'EXP-6>EXP-8']);
  });
});

describe('Links synchronizer summary', () => {
  it('names the link type as Jira lists it, and shows the id of a type Jira no longer has', async () => {
    // given
    const structure = await givenStructure(site);
    const installed = data(
      await site.invokeAs('olivia', 'installSynchronizer', {
        structureId: structure.id,
        synchronizer: 'links',
        params: links('structure'),
      }),
    ).synchronizer;
    // then
    expect(installed.paramsSummary).toBe('Link type “Blocks”, parent is the inward issue, scope structure');
    // when: the type is gone from Jira
    const types = site.jira.store.linkTypes as Array<(typeof site.jira.store.linkTypes)[number]>;
    const saved = types.splice(0);
    try {
      const listed = data(
        await site.invokeAs('olivia', 'listInstalledSynchronizers', { structureId: structure.id }),
      ).synchronizers;
      // then
      expect(listed[0].paramsSummary).toBe('Link type 1, parent is the inward issue, scope structure');
    } finally {
      types.push(...saved);
    }
  });
});

describe('Hierarchy export', () => {
  it('sets parents from placement and reports placements Jira cannot hold', async () => {
    // given: EXP-5 (story) under epic EXP-2; EXP-6 (story) under story EXP-7 — Jira cannot hold that
    const structure = await givenStructure(site);
    await givenForest(structure.id, [
      [0, exp(2)],
      [1, exp(5)],
      [0, exp(7)],
      [1, exp(6)],
    ]);
    const params = { roots: { kind: 'highestLevel', projectKeys: ['EXP'] } };
    // when
    const preview = data(
      await site.invokeAs('olivia', 'previewExport', { structureId: structure.id, synchronizer: 'hierarchy', params }),
    );
    const job = await runExport(structure.id, 'hierarchy', params);
    // then
    expect(preview.counts).toMatchObject({ parentChanges: 1, notRepresentable: 1 });
    expect(preview.changes).toEqual([
      expect.objectContaining({ kind: 'parent', issueKey: 'EXP-5', before: 'none', after: 'EXP-2' }),
    ]);
    expect(preview.notRepresentable[0]).toMatch(/EXP-6.*EXP-7/);
    expect(job).toMatchObject({ state: 'finished', exportResult: { applied: 1, failed: 0 } });
    expect(site.jira.store.issueByIdOrKey('EXP-5')?.parentId).toBe(String(exp(2)));
    expect(site.jira.store.issueByIdOrKey('EXP-6')?.parentId).toBeUndefined();
    expect(job.log.some((l) => /Not written: .*EXP-6/.test(l.message))).toBe(true);
  });

  it('resyncs an installed synchronizer in the export direction, and refuses a direction it lacks', async () => {
    // given
    const structure = await givenStructure(site);
    await givenForest(structure.id, [
      [0, exp(1)],
      [1, exp(7)],
    ]);
    const installed = data(
      await site.invokeAs('olivia', 'installSynchronizer', {
        structureId: structure.id,
        synchronizer: 'hierarchy',
        params: { roots: { kind: 'highestLevel', projectKeys: ['EXP'] } },
      }),
    ).synchronizer;
    const filter = data(
      await site.invokeAs('olivia', 'installSynchronizer', {
        structureId: structure.id,
        synchronizer: 'filter',
        params: { source: { kind: 'jql', jql: 'project = EXP' }, add: { at: 'top' } },
      }),
    ).synchronizer;
    // when
    const preview = data(
      await site.invokeAs('olivia', 'previewResync', {
        structureId: structure.id,
        synchronizerId: installed.id,
        direction: 'export',
      }),
    );
    const started = data(
      await site.invokeAs('olivia', 'resync', {
        structureId: structure.id,
        synchronizerId: installed.id,
        direction: 'export',
      }),
    );
    await site.rt.drain();
    // then
    expect(preview).toMatchObject({ direction: 'export', export: { counts: { parentChanges: 1 } } });
    expect(data(await site.invokeAs('olivia', 'getJob', { jobId: started.job.id }))).toMatchObject({
      kind: 'export',
      state: 'finished',
      installedSynchronizerId: installed.id,
      trigger: 'manual',
    });
    expect(site.jira.store.issueByIdOrKey('EXP-7')?.parentId).toBe(String(exp(1)));
    const listed = data(
      await site.invokeAs('olivia', 'listInstalledSynchronizers', { structureId: structure.id }),
    ).synchronizers.find((s) => s.id === installed.id);
    expect(listed).toMatchObject({
      state: 'disabled',
      lastRun: { direction: 'export', result: 'succeeded', trigger: 'manual' },
    });
    expect(
      await site.invokeAs('olivia', 'resync', {
        structureId: structure.id,
        synchronizerId: filter.id,
        direction: 'export',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'DIRECTION_NOT_SUPPORTED', field: 'direction' },
    });
  });
});
