// A job's progress while it runs (issue 15 item 11): wherever a stage knows its total, the job says
// "done of total", so the job page shows a determinate bar.
import type { JobDto } from '../../src/contract';
import { id, siteDataset } from './support/dataset';
import { data, givenForest, givenStructure, useSite } from './support/site';

// 16,000 tasks in project BIG: more than one unit of a search (3 pages of 5000 ids).
const BIG = 16_000;
const local = useSite(siteDataset(BIG));

/** Starts an import and records every progress the job shows while the queue runs it, as the job page polls. */
async function progressWhileRunning(
  structureId: string,
  synchronizer: string,
  params: Record<string, unknown>,
): Promise<{ seen: JobDto['progress'][]; job: JobDto }> {
  const started = data(await local.site.invokeAs('olivia', 'startImport', { structureId, synchronizer, params }));
  let draining = true;
  const drained = local.site.rt.queue.drain().finally(() => (draining = false));
  const seen: JobDto['progress'][] = [];
  while (draining) {
    const job = data(await local.site.invokeAs('olivia', 'getJob', { jobId: started.job.id }));
    if (job.state === 'running') seen.push(job.progress);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await drained;
  return { seen, job: data(await local.site.invokeAs('olivia', 'getJob', { jobId: started.job.id })) };
}

it('shows a Filter import’s search as done of Jira’s count', async () => {
  // given
  const structure = await givenStructure(local.site);
  // when
  const { seen, job } = await progressWhileRunning(structure.id, 'filter', {
    source: { kind: 'jql', jql: 'project = BIG' },
    add: { at: 'top' },
  });
  // then: after the first unit (15,000 ids) the search knows it has 16,000 to read
  expect(job).toMatchObject({ state: 'finished', result: { added: BIG } });
  expect(seen).toContainEqual({ phase: 'searching Jira', done: 15_000, total: BIG });
  expect(job.log.map((l) => l.message)).toContain(`Jira found ${BIG} matching issues.`);
}, 60_000);

it('shows a Sub-tasks import’s reading of the structure as done of the structure’s issues', async () => {
  // given: a structure of 4000 distinct issues (3 units of 1800: 18 bulkfetch calls in 6 lanes)
  const structure = await givenStructure(local.site);
  await givenForest(
    structure.id,
    Array.from({ length: 4000 }, (_, i): [number, number] => [0, id(`BIG-${i + 1}`)]),
  );
  // when
  const { seen, job } = await progressWhileRunning(structure.id, 'subtasks', { addMissing: true });
  // then
  expect(job.state).toBe('finished');
  expect(seen).toContainEqual({ phase: 'reading the structure’s issues from Jira', done: 1800, total: 4000 });
  expect(seen.every((p) => p.total === undefined || p.done <= p.total)).toBe(true);
}, 60_000);
