// Background synchronization end to end: an emulator change → product event → the app's trigger →
// debounced resync (sync queue) → import job as the run-as user → forest updated; disabled synchronizers
// stay still; the cycle guard stops two synchronizers that keep undoing each other.
import { exp, exportDataset } from './support/export-dataset';
import {
  data,
  givenForest,
  givenStructure,
  givenSynchronizersEnabled,
  shape,
  startSite,
  type Site,
} from './support/site';

let site: Site;
beforeAll(async () => {
  // Run at once: no quiet period, poll running jobs every second (scaled to a millisecond here).
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

const labelled = (label: string, remove = false) => ({
  source: { kind: 'jql', jql: `project = EXP AND labels = ${label} ORDER BY key ASC` },
  add: { at: 'top' },
  remove,
});

async function givenInstalled(structureId: string, params: Record<string, unknown>, enabled: boolean): Promise<string> {
  const installed = data(
    await site.invokeAs('olivia', 'installSynchronizer', { structureId, synchronizer: 'filter', params }),
  ).synchronizer;
  expect(installed).toMatchObject({ state: 'disabled', enabled: false, runAs: 'acc-olivia' });
  if (enabled)
    data(
      await site.invokeAs('olivia', 'setSynchronizerEnabled', {
        structureId,
        synchronizerId: installed.id,
        enabled: true,
      }),
    );
  return installed.id;
}

function changeInJira(key: string, labels: string[]): void {
  site.jira.events.asActor('acc-ed', () => site.jira.store.updateIssue(key, { labels }));
}

describe('Background synchronization', () => {
  it('an enabled synchronizer follows an issue change in Jira, as its run-as user', async () => {
    // given
    const structure = await givenStructure(site);
    const syncId = await givenInstalled(structure.id, labelled('hot'), true);
    // when
    changeInJira('EXP-5', ['hot']);
    await site.rt.drain();
    // then
    expect(await shape(structure.id)).toEqual([`0:${exp(5)}`]);
    const [listed] = data(
      await site.invokeAs('olivia', 'listInstalledSynchronizers', { structureId: structure.id }),
    ).synchronizers;
    expect(listed).toMatchObject({
      id: syncId,
      state: 'enabled',
      lastRun: { trigger: 'event', direction: 'import', result: 'succeeded' },
    });
    const job = data(await site.invokeAs('olivia', 'getJob', { jobId: listed.lastRun?.jobId as string }));
    expect(job).toMatchObject({ startedBy: 'acc-olivia', state: 'finished' });
  });

  it('a disabled synchronizer does nothing in the background but can be resynced by hand', async () => {
    // given
    const structure = await givenStructure(site);
    const syncId = await givenInstalled(structure.id, labelled('cold'), false);
    // when
    changeInJira('EXP-6', ['cold']);
    await site.rt.drain();
    // then
    expect(await shape(structure.id)).toEqual([]);
    // when: later, by hand
    site.searchCatchesUp();
    const resync = data(
      await site.invokeAs('olivia', 'resync', {
        structureId: structure.id,
        synchronizerId: syncId,
        direction: 'import',
      }),
    );
    await site.rt.drain();
    // then
    expect(data(await site.invokeAs('olivia', 'getJob', { jobId: resync.job.id }))).toMatchObject({
      state: 'finished',
      result: { added: 1 },
    });
    expect(await shape(structure.id)).toEqual([`0:${exp(6)}`]);
    const [listed] = data(
      await site.invokeAs('olivia', 'listInstalledSynchronizers', { structureId: structure.id }),
    ).synchronizers;
    expect(listed).toMatchObject({ state: 'disabled', lastRun: { trigger: 'manual', jobId: resync.job.id } });
  });

  it("an export's writes (ignored as self-generated events) still reach other structures' synchronizers", async () => {
    // given: B follows the stories of epic EXP-2; A places EXP-6 under EXP-2
    const following = await givenStructure(site, 'olivia', 'Epic EXP-2');
    await givenInstalled(
      following.id,
      { source: { kind: 'jql', jql: 'parent = EXP-2 ORDER BY key ASC' }, add: { at: 'top' } },
      true,
    );
    const planning = await givenStructure(site, 'olivia', 'Planning');
    await givenForest(planning.id, [
      [0, exp(2)],
      [1, exp(6)],
    ]);
    // when
    const started = data(
      await site.invokeAs('olivia', 'startExport', {
        structureId: planning.id,
        synchronizer: 'hierarchy',
        params: { roots: { kind: 'jql', jql: 'project = EXP' } },
      }),
    );
    await site.rt.drain();
    // then
    expect(data(await site.invokeAs('olivia', 'getJob', { jobId: started.job.id }))).toMatchObject({
      state: 'finished',
      exportResult: { applied: 1 },
    });
    expect(await shape(following.id)).toEqual([`0:${exp(6)}`]);
    const [listed] = data(
      await site.invokeAs('olivia', 'listInstalledSynchronizers', { structureId: following.id }),
    ).synchronizers;
    expect(listed.lastRun).toMatchObject({ trigger: 'event', result: 'succeeded' });
  });

  it('the hourly scheduled trigger re-runs enabled imports (time-based JQL sends no event)', async () => {
    // given: enabling runs nothing by itself
    const structure = await givenStructure(site);
    const enabled = await givenInstalled(
      structure.id,
      { source: { kind: 'jql', jql: 'key in (EXP-1, EXP-2) ORDER BY key ASC' }, add: { at: 'top' } },
      true,
    );
    const disabled = await givenInstalled(
      structure.id,
      { source: { kind: 'jql', jql: 'key = EXP-3' }, add: { at: 'top' } },
      false,
    );
    await site.rt.drain();
    expect(await shape(structure.id)).toEqual([]);
    // when
    await site.rt.runScheduledTrigger('hourly-resync');
    await site.rt.drain();
    // then
    expect(await shape(structure.id)).toEqual([`0:${exp(1)}`, `0:${exp(2)}`]);
    const listed = data(
      await site.invokeAs('olivia', 'listInstalledSynchronizers', { structureId: structure.id }),
    ).synchronizers;
    expect(listed.find((s) => s.id === enabled)?.lastRun).toMatchObject({ trigger: 'schedule', result: 'succeeded' });
    expect(listed.find((s) => s.id === disabled)?.lastRun).toBeUndefined();
  });

  it('stops two synchronizers that keep undoing each other, and says why', async () => {
    // given: each keeps only its own issues in the structure
    changeInJira('EXP-7', ['west']);
    changeInJira('EXP-8', ['east']);
    await site.rt.drain();
    site.searchCatchesUp();
    const structure = await givenStructure(site);
    const left = await givenInstalled(structure.id, labelled('west', true), true);
    const right = await givenInstalled(structure.id, labelled('east', true), true);
    // when: a person changes an issue both may care about
    changeInJira('EXP-3', ['other']);
    await site.rt.drain();
    // then
    const listed = data(
      await site.invokeAs('olivia', 'listInstalledSynchronizers', { structureId: structure.id }),
    ).synchronizers;
    expect(listed.map((s) => s.id).sort()).toEqual([left, right].sort());
    for (const s of listed) {
      expect(s).toMatchObject({ enabled: false, state: 'disabled', stoppedByGuard: { rounds: 10 } });
      expect(s.stoppedByGuard?.reason).toMatch(/kept undoing each other/);
    }
    // and: nothing more happens on the next change
    const before = await shape(structure.id);
    changeInJira('EXP-4', ['other']);
    await site.rt.drain();
    expect(await shape(structure.id)).toEqual(before);
  });
});

describe('Background relevance of a links synchronizer', () => {
  it('resyncs for a change of an issue in its structure, not for one elsewhere', async () => {
    // given: an enabled Links synchronizer on a structure of EXP-3 > EXP-4
    const structure = await givenStructure(site, 'olivia', 'Blocked work');
    await givenForest(structure.id, [
      [0, exp(3)],
      [1, exp(4)],
    ]);
    const installed = data(
      await site.invokeAs('olivia', 'installSynchronizer', {
        structureId: structure.id,
        synchronizer: 'links',
        params: { linkTypeId: '1', parentEnd: 'inward', scope: 'structure' },
      }),
    ).synchronizer;
    data(
      await site.invokeAs('olivia', 'setSynchronizerEnabled', {
        structureId: structure.id,
        synchronizerId: installed.id,
        enabled: true,
      }),
    );
    const lastRun = async () =>
      data(await site.invokeAs('olivia', 'listInstalledSynchronizers', { structureId: structure.id })).synchronizers[0]
        .lastRun;
    // when: an issue outside the structure changes
    changeInJira('EXP-9', ['elsewhere']);
    await site.rt.drain();
    // then
    expect(await lastRun()).toBeUndefined();
    // when: an issue in it changes
    changeInJira('EXP-4', ['here']);
    await site.rt.drain();
    // then
    expect(await lastRun()).toMatchObject({ trigger: 'event', direction: 'import' });
  });
});
