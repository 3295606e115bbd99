// Incremental Filter resync end to end: resolvers → queue → worker (as the user) → Jira emulator → KVS.
// A repeat reads only what changed since the last successful run (`updated >= -Nm` searches), and
// must give exactly the forest a full import gives; queries whose answer moves without issues
// changing, and structures edited by hand where the order matters, are read in full, with the reason
// in the job log.
import type { JobDto } from '../../src/contract';
import { importBaseKey } from '../../src/app/import/incremental';
import { ImportBaseRepository, KvsWriteMeter } from '../../src/storage';
import { FilterParams } from '../../src/synchronizers/filter/params';
import { id, siteDataset } from './support/dataset';
import { data, givenStructure, runImport, shape, storedForest, useSite } from './support/site';

const BIG = 600;
const local = useSite(siteDataset(BIG));
// Jira's product events reach the app's triggers (the deleted-issue records); installed synchronizers
// here stay disabled, so no background run starts.
beforeAll(() => local.site.rt.connectJira(local.site.jira));
const big = (n: number) => id(`BIG-${n}`);

const open = (extra = '') => ({
  source: { kind: 'jql', jql: `project = BIG AND status != Done${extra} ORDER BY key DESC` },
  add: { at: 'top' },
  remove: true,
});

async function givenInstalled(structureId: string, params: Record<string, unknown>): Promise<string> {
  return data(
    await local.site.invokeAs('olivia', 'installSynchronizer', { structureId, synchronizer: 'filter', params }),
  ).synchronizer.id;
}

async function resync(structureId: string, synchronizerId: string): Promise<JobDto> {
  const started = data(
    await local.site.invokeAs('olivia', 'resync', { structureId, synchronizerId, direction: 'import' }),
  );
  await local.site.rt.queue.drain();
  return data(await local.site.invokeAs('olivia', 'getJob', { jobId: started.job.id }));
}

const lines = (job: JobDto): string => job.log.map((l) => l.message).join('\n');

/**
 * Two structures with the same synchronizer and the same history: each round resyncs the first as it
 * comes (incremental when it may) and the second always reading in full (a full read due every time,
 * SYNC_FULL_READ_HOURS=0): the oracle.
 */
async function givenTwins(params: Record<string, unknown>) {
  const structures = [
    await givenStructure(local.site, 'olivia', 'Resynced'),
    await givenStructure(local.site, 'olivia', 'Full reads'),
  ];
  const ids = [await givenInstalled(structures[0].id, params), await givenInstalled(structures[1].id, params)];
  return {
    ids: structures.map((s) => s.id),
    async round(): Promise<JobDto> {
      const job = await resync(structures[0].id, ids[0]);
      process.env.SYNC_FULL_READ_HOURS = '0';
      try {
        const full = await resync(structures[1].id, ids[1]);
        expect(full.state).toBe('finished');
        expect(lines(full)).toMatch(
          /Reading every matching issue: (no earlier run|the periodic full read is due|the query changed)/,
        );
      } finally {
        delete process.env.SYNC_FULL_READ_HOURS;
      }
      expect(job.state).toBe('finished');
      expect(await shape(structures[0].id)).toEqual(await shape(structures[1].id));
      return job;
    },
  };
}

describe('Incremental Filter resync', () => {
  it('reads only what changed since the last run and gives the forest of a full import', async () => {
    // given: an installed synchronizer resynced once (a full read: there is no earlier run)
    const twins = await givenTwins(open());
    const first = await twins.round();
    expect(first).toMatchObject({ state: 'finished', result: { added: BIG } });
    expect(lines(first)).toMatch(/Reading every matching issue: no earlier run/);
    // when: one issue leaves the query, one is edited without leaving, one is new
    const store = local.site.jira.store;
    store.updateIssue('BIG-5', { status: 'Done' });
    store.updateIssue('BIG-7', { summary: 'Edited, still open' });
    const created = store.createIssue({ project: 'BIG', type: 'Task', summary: 'New work' });
    local.site.searchCatchesUp();
    const second = await twins.round();
    // then: only the changed issues were read, and the forest is exactly a full read's (round)
    expect(second).toMatchObject({ state: 'finished', result: { added: 1, removed: 1 } });
    expect(lines(second)).toMatch(/Reading only what changed in Jira since the last run/);
    expect(lines(second)).toMatch(/Read only what changed: 600 issues match — 1 new to the query, 1 no longer match/);
    expect(second.cost.jiraPoints).toBeLessThan(first.cost.jiraPoints / 20);
    const rows = await shape(twins.ids[0]);
    expect(rows[rows.length - 1]).toBe(`0:${Number(created.id)}`);
    expect(rows).not.toContain(`0:${big(5)}`);
    // when: nothing changed
    const third = await twins.round();
    // then: a few points, nothing written
    expect(third).toMatchObject({ state: 'finished', result: { added: 0, removed: 0 } });
    expect(third.cost.jiraPoints).toBeLessThanOrEqual(10);
    expect(third.cost.forestWrites).toBe(0);
  });

  it('reads everything when the query uses currentUser(), and says why', async () => {
    const structure = await givenStructure(local.site);
    const params = open(' AND (assignee = currentUser() OR assignee is EMPTY)');
    await runImport(local.site, 'olivia', structure.id, params);
    const again = await runImport(local.site, 'olivia', structure.id, params);
    expect(again.state).toBe('finished');
    expect(lines(again)).toMatch(/Reading every matching issue: the query uses currentUser\(\)/);
    expect(again.cost.jiraPoints).toBeGreaterThan(BIG);
  });

  it('reads everything when the saved filter was edited since the last run, and says why', async () => {
    // given: a structure following saved filter 10002, resynced once
    const params = { source: { kind: 'filter', filterId: '10002' }, add: { at: 'top' }, remove: true };
    const twins = await givenTwins(params);
    await twins.round();
    const unchanged = await twins.round();
    expect(lines(unchanged)).toMatch(/Read only what changed/);
    // when: its owner edits the filter's JQL (no issue changes)
    const filter = local.site.jira.store.filters.get('10002');
    if (!filter) throw new Error('no filter 10002');
    const jql = filter.jql;
    filter.jql = 'project = APP AND key != APP-2 ORDER BY key ASC';
    try {
      const again = await twins.round();
      // then
      expect(lines(again)).toMatch(/Reading every matching issue: the query changed since the last run/);
      expect(again.result).toMatchObject({ removed: 1 });
    } finally {
      filter.jql = jql;
    }
  });

  it('reads everything when a member was removed by hand, as its place depends on the order', async () => {
    // given
    const twins = await givenTwins(open());
    await twins.round();
    // when: someone removes a row of an issue that still matches (in both), and one issue changes in Jira
    for (const structureId of twins.ids) {
      const [rowId] = (await storedForest(structureId)).rowsOfIssue(big(300));
      const version = data(await local.site.invokeAs('olivia', 'getStructure', { structureId })).forestVersion;
      data(
        await local.site.invokeAs('olivia', 'editStructure', {
          structureId,
          version,
          actions: [{ kind: 'remove', rowIds: [rowId] }],
        }),
      );
    }
    local.site.jira.store.updateIssue('BIG-9', { status: 'Done' });
    local.site.searchCatchesUp();
    const again = await twins.round();
    // then: the merge saw a carried member that a run would add again, and read in full
    expect(lines(again)).toMatch(
      new RegExp(
        `Reading every matching issue after all: issue ${big(300)} matched at the last run but is no longer in the structure`,
      ),
    );
    expect(await shape(twins.ids[0])).toContain(`0:${big(300)}`);
  });

  it('drops a member deleted in Jira, which its searches cannot show, as a full read does', async () => {
    // given
    const twins = await givenTwins(open());
    await twins.round();
    // when: a member is deleted (Jira sends the event) and another issue is edited
    local.site.jira.store.deleteIssue('BIG-20');
    local.site.jira.store.updateIssue('BIG-21', { summary: 'Edited' });
    await local.site.rt.drain();
    local.site.searchCatchesUp();
    const again = await twins.round();
    // then: confirmed by id, left out of the members; its row stays as a full read leaves it (Jira
    // cannot tell a deleted issue from one the user may not see, and hidden rows are never removed)
    expect(lines(again)).toMatch(
      /Deleted in Jira since the last run \(or no longer visible to you\): 1 of its members/,
    );
    expect(lines(again)).toMatch(/Read only what changed: \d+ issues match — 0 new to the query, 1 no longer match/);
    expect(again.result).toMatchObject({ removed: 0, skippedNotVisible: 1 });
    // and what the runs kept for the next one goes with the structure
    const bases = new ImportBaseRepository(new KvsWriteMeter());
    const key = importBaseKey(twins.ids[0], 'filter', FilterParams.parse(open()));
    expect((await bases.get(key))?.ids).not.toContain(big(20));
    expect((await bases.get(key))?.ids).toContain(big(21));
    data(await local.site.invokeAs('olivia', 'deleteStructure', { structureId: twins.ids[0] }));
    expect(await bases.get(key)).toBeUndefined();
  });
});
