// Rank export of 10k board issues through the real app: resolver → queue → worker (as the user) → the
// Jira emulator's rank endpoint, from a random structure order. Counts the rank calls that reach Jira
// (a wrapper around the runtime's fetch) against the promised bound of ceil(N/50) + 10, and checks the
// board ends up in the structure's order.
import { MAX_ISSUES_PER_RANK_CALL } from '../../src/domain/export';
import { people } from '../integration/support/dataset';
import { BOARD_ID, exp, exportDataset } from '../integration/support/export-dataset';
import { data, givenForest, givenStructure, givenSynchronizersEnabled, startSite } from '../integration/support/site';
import { random } from '../unit/domain/builders';
import type { Benchmark, Figures } from './benchmark';

const N = 10_000;

async function run(): Promise<Figures> {
  const site = await startSite(exportDataset(N));
  const realFetch = globalThis.fetch;
  let rankCalls = 0;
  globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    if (init?.method === 'PUT' && String(input).includes('/rest/agile/1.0/issue/rank')) rankCalls++;
    return realFetch(input, init);
  }) as typeof fetch;
  try {
    await givenSynchronizersEnabled(site);
    const structure = await givenStructure(site);
    // The N stories (EXP-3 …) in a random order at the top level.
    const rnd = random(7);
    const order = Array.from({ length: N }, (_, i) => exp(3 + i));
    for (let i = order.length - 1; i > 0; i--) {
      const j = rnd.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    await givenForest(
      structure.id,
      order.map((id) => [0, id]),
    );
    site.jira.ledger.reset();
    rankCalls = 0;

    const start = performance.now();
    const started = data(
      await site.invokeAs('olivia', 'startExport', {
        structureId: structure.id,
        synchronizer: 'agile',
        params: { source: { mode: 'board', boardId: BOARD_ID } },
      }),
    );
    await site.rt.drain();
    const wallMs = Math.round(performance.now() - start);
    const job = data(await site.invokeAs('olivia', 'getJob', { jobId: started.job.id }));
    if (job.state !== 'finished') throw new Error(`the export ${job.state}: ${job.error?.message ?? ''}`);

    const inStructure = new Set(order);
    const board = site.jira.store
      .issuesInRankOrder()
      .map((i) => Number(i.id))
      .filter((id) => inStructure.has(id));
    if (board.some((id, i) => id !== order[i])) throw new Error("the board's order is not the structure's");
    const maxCalls = Math.ceil(N / MAX_ISSUES_PER_RANK_CALL) + 10;
    if (rankCalls > maxCalls) throw new Error(`${rankCalls} rank calls exceed the bound of ${maxCalls}`);
    return {
      issues: N,
      rankCalls,
      maxCalls,
      jiraCalls: site.jira.ledger.get(people.olivia.accountId).calls,
      jiraPoints: site.jira.ledger.get(people.olivia.accountId).points,
      wallMs,
    };
  } finally {
    globalThis.fetch = realFetch;
    await site.close();
  }
}

export const benchmarks: Benchmark[] = [{ name: 'export-rank-10k-runner', run }];
