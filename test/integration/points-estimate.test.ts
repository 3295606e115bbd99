// Before a run, its preview says about how many of Jira's hourly points it will cost, and warns when
// that is more than the app knows is left this hour (issue 11 item 3).
import { kvs } from '@forge/kvs';
import { data, givenStructure, runImport, useSite } from './support/site';

const local = useSite();
const HOUR = 3_600_000;

const params = { source: { kind: 'jql', jql: 'project = APP ORDER BY key ASC' }, add: { at: 'top' } };
const preview = async (structureId: string) =>
  data(await local.site.invokeAs('olivia', 'previewImport', { structureId, synchronizer: 'filter', params }));

describe('The points estimate of a preview', () => {
  it("counts the query's issues before the first run, then uses what the last run cost", async () => {
    // given
    const structureId = (await givenStructure(local.site)).id;
    // when
    const first = await preview(structureId);
    // then: 6 issues, a call per 100, setup; nothing known of the pool
    expect(first.estimate).toEqual({ points: 6 + 1 + 10, basis: 'count', aboveLeft: false });
    // when: it ran once
    const job = await runImport(local.site, 'olivia', structureId, params);
    // then
    expect((await preview(structureId)).estimate).toEqual({
      points: job.cost.jiraPoints,
      basis: 'last-run',
      aboveLeft: false,
    });
  });

  it('warns when the estimate is above what the app knows is left this hour', async () => {
    // given: an earlier job heard from Jira that 5 points are left this hour (the app's own record)
    const structureId = (await givenStructure(local.site, 'olivia', 'Low pool')).id;
    const hour = Math.floor(Date.now() / HOUR) * HOUR;
    await kvs.set('pool:app', { hour, limit: 65_000, remaining: 5, fromJira: true });
    // when
    const { estimate } = await preview(structureId);
    // then
    expect(estimate).toEqual({
      points: 17,
      basis: 'count',
      poolLeft: 5,
      resetsAt: new Date(hour + HOUR).toISOString(),
      aboveLeft: true,
    });
    await kvs.delete('pool:app');
  });
});

describe('The points of installed synchronizers', () => {
  it('lists what each spent in its last run and in the last 24 hours', async () => {
    // given: a synchronizer resynced twice by hand, and a person's own import on the same structure
    const structureId = (await givenStructure(local.site, 'olivia', 'Synced')).id;
    const { synchronizer } = data(
      await local.site.invokeAs('olivia', 'installSynchronizer', { structureId, synchronizer: 'filter', params }),
    );
    const resync = async () => {
      const { job } = data(
        await local.site.invokeAs('olivia', 'resync', {
          structureId,
          synchronizerId: synchronizer.id,
          direction: 'import',
        }),
      );
      await local.site.rt.queue.drain();
      return data(await local.site.invokeAs('olivia', 'getJob', { jobId: job.id }));
    };
    const first = await resync();
    const second = await resync();
    const own = await runImport(local.site, 'olivia', structureId, {
      source: { kind: 'jql', jql: 'key = APP-1' },
      add: { at: 'top' },
    });
    // when
    const [listed] = data(
      await local.site.invokeAs('olivia', 'listInstalledSynchronizers', { structureId }),
    ).synchronizers;
    // then
    expect(own.cost.jiraPoints).toBeGreaterThan(0);
    expect(listed.points).toEqual({
      lastRun: second.cost.jiraPoints,
      lastDay: first.cost.jiraPoints + second.cost.jiraPoints,
    });
  });
});
