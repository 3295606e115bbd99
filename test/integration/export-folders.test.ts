// Exports of a structure with folders: a folder is no issue, so it is never written to Jira, and an issue
// under a folder says nothing of its parent or its links (as under an issue the exporter cannot see).
import { exp, exportDataset } from './support/export-dataset';
import { data, givenForest, givenStructure, givenSynchronizersEnabled, startSite, type Site } from './support/site';
import type { JobDto, PayloadIn } from '../../src/contract';

let site: Site;
beforeAll(async () => {
  site = await startSite(exportDataset());
  await givenSynchronizersEnabled(site);
});
afterAll(async () => site?.close());

async function runExport(structureId: string, synchronizer: string, params: Record<string, unknown>): Promise<JobDto> {
  const started = data(await site.invokeAs('olivia', 'startExport', { structureId, synchronizer, params }));
  await site.rt.drain();
  return data(await site.invokeAs('olivia', 'getJob', { jobId: started.job.id }));
}

async function edit(structureId: string, actions: PayloadIn<'editStructure'>['actions']) {
  const { version } = data(await site.invokeAs('olivia', 'getForest', { structureId }));
  return data(await site.invokeAs('olivia', 'editStructure', { structureId, version, actions }));
}

describe('export with folders', () => {
  it('writes nothing for a folder or the issues right under it, and the rest as without it', async () => {
    // given: epic EXP-2 > folder "Later" > story EXP-6; epic EXP-2 > story EXP-5 (no parent in Jira yet)
    const structure = await givenStructure(site);
    await givenForest(structure.id, [
      [0, exp(2)],
      [1, exp(5)],
      [1, exp(6)],
    ]);
    const { rowIds } = data(await site.invokeAs('olivia', 'getForest', { structureId: structure.id }));
    const folder = (await edit(structure.id, [{ kind: 'add-folder', name: 'Later', under: rowIds[0] }]))
      .addedRowIds[0]!;
    await edit(structure.id, [{ kind: 'move', rowIds: [rowIds[2]!], under: folder }]);
    const exp6Before = structuredClone(site.jira.store.issueByIdOrKey('EXP-6'));
    const params = { roots: { kind: 'highestLevel', projectKeys: ['EXP'] } };
    // when
    const preview = data(
      await site.invokeAs('olivia', 'previewExport', { structureId: structure.id, synchronizer: 'hierarchy', params }),
    );
    const job = await runExport(structure.id, 'hierarchy', params);
    // then: EXP-5 gets its parent; EXP-6, under the folder, is left exactly as it was
    expect(preview.changes).toEqual([
      expect.objectContaining({ kind: 'parent', issueKey: 'EXP-5', before: 'none', after: 'EXP-2' }),
    ]);
    expect(job).toMatchObject({ state: 'finished', exportResult: { applied: 1, failed: 0 } });
    expect(site.jira.store.issueByIdOrKey('EXP-5')?.parentId).toBe(String(exp(2)));
    expect(site.jira.store.issueByIdOrKey('EXP-6')).toEqual(exp6Before);
    expect(job.log.some((l) => /folder|-\d+/i.test(l.message) && /not|fail/i.test(l.message))).toBe(false);
  });
});
