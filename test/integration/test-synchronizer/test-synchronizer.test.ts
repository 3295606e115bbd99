// A synchronizer defined and registered only here runs import and export end to end through the real
// resolvers, job engine, queue and Jira emulator — with no change to generic code for it.
import { people } from '../support/dataset';
import { exp, exportDataset } from '../support/export-dataset';
import { data, givenForest, givenStructure, shape, useSite } from '../support/site';
import { registerSynchronizer } from '../../../src/synchronizers';
import { rankOrderModule } from './module';

const ref = useSite(exportDataset());
let unregister: () => void;
beforeAll(() => {
  unregister = registerSynchronizer(rankOrderModule);
});
afterAll(() => unregister());

const params = { jql: 'project = EXP AND issuetype = Story' };
const stories = [3, 4, 5, 6, 7, 8].map(exp);

/** Jira's order of the stories, read after the writes (reconciled: search may lag behind them). */
async function jiraRankOrder(): Promise<number[]> {
  const auth = Buffer.from(`${people.adam.email}:${people.adam.apiToken}`).toString('base64');
  const res = await fetch(`${ref.site.jiraUrl}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      jql: `${params.jql} ORDER BY Rank ASC`,
      fields: ['id'],
      maxResults: 100,
      reconcileIssues: stories,
    }),
  });
  const json = (await res.json()) as { issues: Array<{ id: string }> };
  return json.issues.map((i) => Number(i.id));
}

it('is offered like the built-in synchronizers', async () => {
  const { synchronizers } = data(await ref.site.invokeAs('olivia', 'listSynchronizers', {}));
  expect(synchronizers.find((s) => s.key === 'test-rank-order')).toMatchObject({
    label: 'Rank order (test)',
    directions: ['import', 'export'],
  });
});

it('imports the issues of its query in rank order, through the job engine', async () => {
  // given
  const structure = await givenStructure(ref.site);
  // when
  const started = data(
    await ref.site.invokeAs('olivia', 'startImport', {
      structureId: structure.id,
      synchronizer: 'test-rank-order',
      params,
    }),
  );
  await ref.site.rt.queue.drain();
  // then
  const job = data(await ref.site.invokeAs('olivia', 'getJob', { jobId: started.job.id }));
  expect(job).toMatchObject({ kind: 'import', state: 'finished', result: { added: 6 } });
  expect(job.cost.jiraCalls).toBeGreaterThan(0);
  expect(await shape(structure.id)).toEqual(stories.map((id) => `0:${id}`));
});

it('exports the structure order as Jira rank, and reverts it', async () => {
  // given: the stories in reverse order
  const structure = await givenStructure(ref.site);
  const reversed = [...stories].reverse();
  await givenForest(
    structure.id,
    reversed.map((id) => [0, id]),
  );
  // when
  const started = data(
    await ref.site.invokeAs('olivia', 'startExport', {
      structureId: structure.id,
      synchronizer: 'test-rank-order',
      params,
    }),
  );
  await ref.site.rt.drain();
  // then
  const job = data(await ref.site.invokeAs('olivia', 'getJob', { jobId: started.job.id }));
  expect(job).toMatchObject({ kind: 'export', state: 'finished', revertible: true, exportResult: { failed: 0 } });
  expect(await jiraRankOrder()).toEqual(reversed);
  // and when reverted, Jira's order is back
  const revert = data(await ref.site.invokeAs('olivia', 'revertJob', { jobId: job.id }));
  await ref.site.rt.drain();
  expect(data(await ref.site.invokeAs('olivia', 'getJob', { jobId: revert.job.id }))).toMatchObject({
    kind: 'revert',
    state: 'finished',
  });
  expect(await jiraRankOrder()).toEqual(stories);
});
