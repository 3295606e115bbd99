// Read-after-write: Jira's search index may lag behind a write the importing user just made (e.g. a
// resync right after an export set a parent). An import told which issues were written asks Jira to
// reconcile them, and sees the write; without that it may not.
import { createInvocation } from '../../src/app';
import { startImport } from '../../src/app/start-import';
import { row, runSyncImport, useWorkSite } from './support/imports';
import { data, givenStructure, shape } from './support/site';
import { wid } from './support/work-dataset';

const work = useWorkSite();
const params = { roots: { kind: 'highestLevel', projectKeys: ['APP'] }, levels: 2 };

it('sees a parent just changed when the import reconciles that issue', async () => {
  // given: a hierarchy imported, then APP-6 moved to APP-2 (the search index lags, as on every site)
  const structure = await givenStructure(work.site);
  await runSyncImport(work.site, 'olivia', structure.id, 'hierarchy', params);
  work.site.jira.store.updateIssue('APP-6', { parent: 'APP-2' });
  try {
    // when: an import that does not know of the write
    const stale = await runSyncImport(work.site, 'olivia', structure.id, 'hierarchy', params);
    // then: the lagging index still shows APP-6 under APP-3
    expect(stale.result).toMatchObject({ moved: 0 });
    // when: an import told that APP-6 was just written
    const { job } = await startImport(createInvocation('acc-olivia'), {
      structureId: structure.id,
      synchronizer: 'hierarchy',
      params,
      reconcileIssueIds: [wid('APP-6')],
    });
    await work.site.rt.queue.drain();
    // then
    const done = data(await work.site.invokeAs('olivia', 'getJob', { jobId: job.id }));
    expect(done.result).toMatchObject({ moved: 1 });
    expect((await shape(structure.id)).slice(0, 3)).toEqual([row(0, 'APP-1'), row(1, 'APP-2'), row(2, 'APP-6')]);
  } finally {
    work.site.jira.store.updateIssue('APP-6', { parent: 'APP-3' });
    work.site.searchCatchesUp();
  }
});
