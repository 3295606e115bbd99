// Status Rollup installed and enabled: a child's status change in Jira → product event → the app's
// trigger → a debounced background export as the run-as user, which reads only what changed since its
// last run and moves the parent.
import { people } from './support/dataset';
import { AUTOMATION, ROLLUP_STATUS as S, rollupDataset, rollupId } from './support/rollup-dataset';
import { data, givenForest, givenStructure, givenSynchronizersEnabled, startSite, type Site } from './support/site';

let site: Site;
beforeAll(async () => {
  process.env.SYNC_QUIET_MS = '0';
  process.env.SYNC_POLL_MS = '1000';
  site = await startSite(rollupDataset({ 'RU-1': 'In Progress', 'RU-2': 'Done', 'RU-3': 'In Progress' }));
  site.rt.connectJira(site.jira);
  await givenSynchronizersEnabled(site);
});
afterAll(async () => {
  await site?.close();
  delete process.env.SYNC_QUIET_MS;
  delete process.env.SYNC_POLL_MS;
});

async function transitionAs(who: 'ed' | 'olivia' | 'automation', key: string, transitionId: string): Promise<void> {
  const account = who === 'automation' ? AUTOMATION : people[who];
  const auth = Buffer.from(`${account.email}:${account.apiToken}`).toString('base64');
  const response = await fetch(`${site.jiraUrl}/rest/api/3/issue/${key}/transitions`, {
    method: 'POST',
    headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ transition: { id: transitionId } }),
  });
  if (response.status !== 204) throw new Error(`transition ${key}: ${response.status} ${await response.text()}`);
}

/** olivia installs Status Rollup on the structure with these statuses and enables it. */
async function installEnabled(structureId: string, statusIds: string[]): Promise<string> {
  const installed = data(
    await site.invokeAs('olivia', 'installSynchronizer', {
      structureId,
      synchronizer: 'status-rollup',
      params: { statusIds },
    }),
  ).synchronizer;
  data(
    await site.invokeAs('olivia', 'setSynchronizerEnabled', {
      structureId,
      synchronizerId: installed.id,
      enabled: true,
    }),
  );
  return installed.id;
}

const statusOf = (key: string) => site.jira.store.issueByIdOrKey(key)?.status.name;

it('moves a parent when its last child is done in Jira, in the background, as the run-as user', async () => {
  // given: olivia installs Status Rollup on RU-1 > RU-2 (Done), RU-3 (In Progress) and enables it
  const structure = await givenStructure(site);
  await givenForest(structure.id, [
    [0, rollupId('RU-1')],
    [1, rollupId('RU-2')],
    [1, rollupId('RU-3')],
  ]);
  await installEnabled(structure.id, [S.todo, S.progress, S.done]);
  // when: ed finishes the last child
  await transitionAs('ed', 'RU-3', '21');
  await site.rt.drain();
  // then
  expect(statusOf('RU-1')).toBe('Done');
  const [listed] = data(
    await site.invokeAs('olivia', 'listInstalledSynchronizers', { structureId: structure.id }),
  ).synchronizers;
  expect(listed).toMatchObject({ lastRun: { trigger: 'event', direction: 'export', result: 'succeeded' } });
  const job = data(await site.invokeAs('olivia', 'getJob', { jobId: listed!.lastRun!.jobId! }));
  expect(job).toMatchObject({ kind: 'export', startedBy: people.olivia.accountId, state: 'finished' });

  // when: ed reopens the child; the next run starts from the last one and reads what changed
  await transitionAs('ed', 'RU-3', '41');
  await site.rt.drain();
  // then: RU-1's children are To Do and Done: the earliest, To Do — reached by "Reopen"
  expect(statusOf('RU-1')).toBe('To Do');
  const [again] = data(
    await site.invokeAs('olivia', 'listInstalledSynchronizers', { structureId: structure.id }),
  ).synchronizers;
  const second = data(await site.invokeAs('olivia', 'getJob', { jobId: again!.lastRun!.jobId! }));
  expect(second.log.map((e) => e.message).find((m) => m.startsWith('Read '))).toMatch(/those updated since/);
});

it('stops two Status Rollups that keep undoing each other, with the reason, and leaves them stopped', async () => {
  // given: RU-5 > (RU-6 To Do, RU-7 Done); one rollup takes the earliest of To Do → Done, the other of
  // Done → To Do, so each moves RU-5 back where the other moved it from
  process.env.SYNC_GUARD_ROUNDS = '4';
  const structure = await givenStructure(site, 'olivia', 'Tug of war');
  await givenForest(structure.id, [
    [0, rollupId('RU-5')],
    [1, rollupId('RU-6')],
    [1, rollupId('RU-7')],
  ]);
  await transitionAs('olivia', 'RU-7', '21');
  await installEnabled(structure.id, [S.todo, S.progress, S.done]);
  await installEnabled(structure.id, [S.done, S.progress, S.todo]);
  try {
    // when: someone starts it by moving RU-5
    await transitionAs('ed', 'RU-5', '11');
    await site.rt.drain();
    // then: both stopped by the cycle guard, with the reason, and RU-5 no longer flips
    const { synchronizers } = data(
      await site.invokeAs('olivia', 'listInstalledSynchronizers', { structureId: structure.id }),
    );
    expect(synchronizers.map((s) => s.enabled)).toEqual([false, false]);
    expect(synchronizers[0]?.stoppedByGuard?.reason).toMatch(/kept undoing each other/);
    // each one's runs did move RU-5, back and forth, before the stop
    const { jobs } = data(await site.invokeAs('olivia', 'listJobs', { structureId: structure.id }));
    const moved = jobs.filter((j) => j.kind === 'export' && (j.exportResult?.applied ?? 0) > 0);
    expect(moved.length).toBeGreaterThanOrEqual(4);
    expect(new Set(moved.map((j) => JSON.stringify(j.params.statusIds))).size).toBe(2);
    const settled = statusOf('RU-5');
    await site.rt.drain();
    expect(statusOf('RU-5')).toBe(settled);
  } finally {
    delete process.env.SYNC_GUARD_ROUNDS;
  }
});

it("stops Status Rollup fighting an automation rule: the rule's changes are no user's, and the reason names it", async () => {
  // given: RU-9 > (RU-10 Done, RU-11 Done), Status Rollup installed and enabled on it, and an automation
  // rule (acting as Automation for Jira, an app account) that reopens RU-9 whenever it becomes Done
  process.env.SYNC_GUARD_ROUNDS = '4';
  const structure = await givenStructure(site, 'olivia', 'Rollup against a rule');
  await givenForest(structure.id, [
    [0, rollupId('RU-9')],
    [1, rollupId('RU-10')],
    [1, rollupId('RU-11')],
  ]);
  await transitionAs('olivia', 'RU-10', '21');
  await transitionAs('olivia', 'RU-11', '21');
  const ruleRuns: Promise<void>[] = [];
  const stopRule = site.jira.events.subscribe((event) => {
    const e = event as { eventType: string; issue?: { key?: string; fields?: { status?: { name?: string } } } };
    if (e.eventType === 'avi:jira:updated:issue' && e.issue?.key === 'RU-9' && e.issue.fields?.status?.name === 'Done')
      ruleRuns.push(new Promise((r) => setTimeout(r, 0)).then(() => transitionAs('automation', 'RU-9', '41')));
  });
  const settle = async (): Promise<void> => {
    for (let seen = -1; seen !== ruleRuns.length;) {
      seen = ruleRuns.length;
      await site.rt.drain();
      await Promise.all(ruleRuns);
    }
    await site.rt.drain();
  };
  try {
    await installEnabled(structure.id, [S.todo, S.progress, S.done]);
    // when: ed touches a child, which starts Status Rollup; the rule undoes each of its moves
    await transitionAs('ed', 'RU-11', '41');
    await transitionAs('ed', 'RU-11', '21');
    await settle();
    // then: Status Rollup stopped by the cycle guard, with a reason naming the rule's account
    const [listed] = data(
      await site.invokeAs('olivia', 'listInstalledSynchronizers', { structureId: structure.id }),
    ).synchronizers;
    expect(listed).toMatchObject({ enabled: false });
    expect(listed?.stoppedByGuard?.reason).toMatch(
      /Status Rollup .* and the automation rule or app acting as “Automation for Jira” kept undoing each other's changes in Jira/,
    );
    // the rule did fight it: several moves to Done, each reopened
    const { jobs } = data(await site.invokeAs('olivia', 'listJobs', { structureId: structure.id }));
    expect(jobs.filter((j) => j.kind === 'export' && (j.exportResult?.applied ?? 0) > 0).length).toBeGreaterThanOrEqual(
      2,
    );
    expect(ruleRuns.length).toBeGreaterThanOrEqual(2);
    // and nothing moves any more
    const runsAtStop = ruleRuns.length;
    await transitionAs('automation', 'RU-9', '11');
    await settle();
    expect(ruleRuns.length).toBe(runsAtStop);
  } finally {
    stopRule();
    delete process.env.SYNC_GUARD_ROUNDS;
  }
});
