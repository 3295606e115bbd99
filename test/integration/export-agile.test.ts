// Agile export end to end: rank from the structure's order and epics from placement, written as the
// user who runs it; the permission preflight; 207 partial failures; revert.
import { people } from './support/dataset';
import { BOARD_ID, exp, exportDataset } from './support/export-dataset';
import { data, givenForest, givenStructure, givenSynchronizersEnabled, startSite, type Site } from './support/site';
import type { JobDto } from '../../src/contract';

let site: Site;
beforeAll(async () => {
  site = await startSite(exportDataset());
  await givenSynchronizersEnabled(site);
});
afterAll(async () => site?.close());

const agile = { source: { mode: 'board', boardId: BOARD_ID } };

async function boardOrder(): Promise<number[]> {
  const auth = Buffer.from(`${people.adam.email}:${people.adam.apiToken}`).toString('base64');
  const res = await fetch(`${site.jiraUrl}/rest/agile/1.0/board/${BOARD_ID}/issue?maxResults=100&fields=parent`, { headers: { Authorization: `Basic ${auth}` } });
  const json = (await res.json()) as { issues: Array<{ id: string }> };
  return json.issues.map((i) => Number(i.id));
}

async function runExport(who: 'olivia' | 'pat', structureId: string, params: Record<string, unknown> = agile): Promise<JobDto> {
  const started = data(await site.invokeAs(who, 'startExport', { structureId, synchronizer: 'agile', params }));
  await site.rt.drain();
  return data(await site.invokeAs(who, 'getJob', { jobId: started.job.id }));
}

const parentOf = (n: number): number | undefined => {
  const stored = site.jira.store.issueByIdOrKey(`EXP-${n}`);
  return stored?.parentId === undefined ? undefined : Number(stored.parentId);
};

describe('Agile export', () => {
  it('ranks the board in the structure order and sets epics from placement', async () => {
    // given: stories in reverse order, EXP-5 moved under epic EXP-2
    const structure = await givenStructure(site);
    await givenForest(structure.id, [
      [0, exp(2)],
      [1, exp(5)],
      [0, exp(8)],
      [0, exp(7)],
      [0, exp(6)],
      [0, exp(1)],
      [1, exp(4)],
      [1, exp(3)],
      [2, exp(9)],
    ]);
    // when
    const job = await runExport('olivia', structure.id);
    // then
    expect(job).toMatchObject({ kind: 'export', state: 'finished', revertible: true });
    expect(job.exportResult?.failed).toBe(0);
    const order = await boardOrder();
    const inStructure = [2, 5, 8, 7, 6, 1, 4, 3, 9].map(exp);
    expect(order.filter((i) => inStructure.includes(i))).toEqual(inStructure);
    expect(parentOf(5)).toBe(exp(2));
  });
});
