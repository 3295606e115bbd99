// An installed synchronizer never runs parameters its run-as user did not choose: only the run-as user
// changes its parameters or enables it. Anyone else with control may disable it, remove it, resync it
// by hand as themselves, or install their own.
import { id } from './support/dataset';
import { data, givenStructure, shape, useSite } from './support/site';

const local = useSite();

const appOnly = { source: { kind: 'jql', jql: 'project = APP ORDER BY key ASC' }, add: { at: 'top' } };
const opsToo = { source: { kind: 'jql', jql: 'project in (APP, OPS) ORDER BY key ASC' }, add: { at: 'top' } };
const hierarchy = { roots: { kind: 'highestLevel', projectKeys: ['APP'] } };

/** olivia's structure with her synchronizer installed (disabled), and pat at control. */
async function givenOliviasSynchronizer(synchronizer: string, params: Record<string, unknown>) {
  const structure = await givenStructure(local.site, 'olivia', `Run as olivia (${synchronizer})`);
  data(
    await local.site.invokeAs('olivia', 'setPermissions', {
      structureId: structure.id,
      rules: [{ subject: { type: 'user', accountId: 'acc-pat' }, level: 'control' }],
    }),
  );
  const installed = data(
    await local.site.invokeAs('olivia', 'installSynchronizer', { structureId: structure.id, synchronizer, params }),
  ).synchronizer;
  return { structureId: structure.id, synchronizerId: installed.id };
}

describe.each([
  ['an import synchronizer (Filter)', 'filter', appOnly, opsToo],
  [
    'an export synchronizer (Hierarchy)',
    'hierarchy',
    hierarchy,
    { roots: { kind: 'highestLevel', projectKeys: ['APP', 'OPS'] } },
  ],
])('%s installed by olivia', (_, synchronizer, params, otherParams) => {
  it('refuses a change of its parameters by anyone but olivia, saying who may', async () => {
    // given
    const s = await givenOliviasSynchronizer(synchronizer, params);
    // when
    const answer = await local.site.invokeAs('pat', 'updateSynchronizer', { ...s, params: otherParams });
    // then
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_RUN_AS_USER' } });
    expect(!answer.ok && answer.error.message).toMatch(/Only Olivia Owner, who this synchronizer runs as/);
    const [listed] = data(await local.site.invokeAs('olivia', 'listInstalledSynchronizers', s)).synchronizers;
    expect(listed).toMatchObject({ params, runAs: 'acc-olivia' });
  });

  it('refuses enabling by anyone but olivia, and lets them disable it', async () => {
    // given
    const s = await givenOliviasSynchronizer(synchronizer, params);
    // when
    const enabling = await local.site.invokeAs('pat', 'setSynchronizerEnabled', { ...s, enabled: true });
    data(await local.site.invokeAs('olivia', 'setSynchronizerEnabled', { ...s, enabled: true }));
    const disabling = await local.site.invokeAs('pat', 'setSynchronizerEnabled', { ...s, enabled: false });
    // then
    expect(enabling).toMatchObject({ ok: false, error: { code: 'NOT_RUN_AS_USER' } });
    expect(disabling).toMatchObject({ ok: true, data: { synchronizer: { enabled: false, runAs: 'acc-olivia' } } });
  });

  it('lets olivia change her own synchronizer', async () => {
    // given
    const s = await givenOliviasSynchronizer(synchronizer, params);
    // when
    const answer = await local.site.invokeAs('olivia', 'updateSynchronizer', { ...s, params: otherParams });
    // then
    expect(answer).toMatchObject({ ok: true, data: { synchronizer: { params: otherParams, runAs: 'acc-olivia' } } });
  });
});

describe('background sync after a refused change', () => {
  it('runs the parameters olivia chose, as olivia', async () => {
    // given: pat tried to widen olivia's APP filter to OPS, then olivia enabled it
    const s = await givenOliviasSynchronizer('filter', appOnly);
    await local.site.invokeAs('pat', 'updateSynchronizer', { ...s, params: opsToo });
    data(await local.site.invokeAs('olivia', 'setSynchronizerEnabled', { ...s, enabled: true }));
    // when
    await local.site.rt.runScheduledTrigger('hourly-resync');
    await local.site.rt.drain();
    // then
    const [listed] = data(await local.site.invokeAs('olivia', 'listInstalledSynchronizers', s)).synchronizers;
    expect(listed?.lastRun).toMatchObject({ trigger: 'schedule', result: 'succeeded' });
    const job = data(await local.site.invokeAs('olivia', 'getJob', { jobId: listed!.lastRun!.jobId! }));
    expect(job).toMatchObject({ startedBy: 'acc-olivia', params: appOnly });
    expect(await shape(s.structureId)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `0:${id(`APP-${n}`)}`));
  });
});
