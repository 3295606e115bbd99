// Background work leaves a reserve of Jira's hourly points to people (issue 11 item 3): once Jira says
// the app's pool is under the reserve (20%), background resyncs stay pending while a person's own import
// still runs; they start once the app knows the pool is full again.
import { kvs } from '@forge/kvs';
import type { JobDto } from '../../src/contract';
import { exp, exportDataset } from './support/export-dataset';
import { data, givenStructure, givenSynchronizersEnabled, shape, startSite, type Site } from './support/site';

let site: Site;
beforeAll(async () => {
  process.env.SYNC_QUIET_MS = '0';
  process.env.SYNC_POLL_MS = '1000';
  site = await startSite(exportDataset());
  site.rt.connectJira(site.jira);
  await givenSynchronizersEnabled(site);
});
afterAll(async () => {
  await site?.close();
  delete process.env.SYNC_QUIET_MS;
  delete process.env.SYNC_POLL_MS;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const labelled = (label: string) => ({
  source: { kind: 'jql', jql: `project = EXP AND labels = ${label} ORDER BY key ASC` },
  add: { at: 'top' },
});

async function importAs(structureId: string, params: Record<string, unknown>): Promise<JobDto> {
  const { job } = data(await site.invokeAs('olivia', 'startImport', { structureId, synchronizer: 'filter', params }));
  for (let i = 0; i < 1000; i++) {
    const now = data(await site.invokeAs('olivia', 'getJob', { jobId: job.id }));
    if (now.state !== 'queued' && now.state !== 'running') return now;
    await sleep(10);
  }
  throw new Error('The import never ended');
}

describe('The reserve of the hourly points pool', () => {
  it('keeps background resyncs pending while a person’s import still runs, and lets them run once the pool is back', async () => {
    // given: a synchronizer that follows label "hot", and the app's pool at 15% (Jira says so under 20%)
    const followed = await givenStructure(site, 'olivia', 'Hot issues');
    const { synchronizer } = data(
      await site.invokeAs('olivia', 'installSynchronizer', {
        structureId: followed.id,
        synchronizer: 'filter',
        params: labelled('hot'),
      }),
    );
    data(
      await site.invokeAs('olivia', 'setSynchronizerEnabled', {
        structureId: followed.id,
        synchronizerId: synchronizer.id,
        enabled: true,
      }),
    );
    site.jira.pool.configure({ tier: 1, points: 10_000, enforced: true });
    site.jira.pool.charge(8_500);
    const own = await givenStructure(site, 'olivia', 'My own import');
    expect(await importAs(own.id, labelled('none'))).toMatchObject({ state: 'finished' }); // hears r=…
    // when: Jira changes an issue the synchronizer follows
    site.jira.events.asActor('acc-ed', () => site.jira.store.updateIssue('EXP-5', { labels: ['hot'] }));
    await sleep(1500);
    // then: the resync stays pending, the structure as it was
    expect(await kvs.get(`syncstate:pending:${synchronizer.id}`)).toBeDefined();
    expect(await shape(followed.id)).toEqual([]);
    // and the hourly schedule starts nothing either: no job on the structure
    await site.rt.runScheduledTrigger('hourly-resync');
    expect(data(await site.invokeAs('olivia', 'listJobs', { structureId: followed.id })).jobs).toEqual([]);
    // and a person's import still runs
    const mine = await importAs(own.id, { source: { kind: 'jql', jql: 'key = EXP-6' }, add: { at: 'top' } });
    expect(mine).toMatchObject({ state: 'finished', result: { added: 1 } });
    expect(await shape(followed.id)).toEqual([]);

    // when: the hour turns (the app's knowledge of it forgotten) and the pending resync's tick comes back
    site.jira.pool.configure({ tier: 1, enforced: false });
    site.jira.pool.reset();
    await kvs.delete('pool:app');
    await site.rt.drain();
    // then
    expect(await shape(followed.id)).toEqual([`0:${exp(5)}`]);
  });
});
