// A single-row move by hand in a big structure, through the real resolver (editStructure): the server's
// time for the call and the bytes it writes to KVS, against what rewriting the whole forest would write
// (issue 14: ≤ 16 KB where a rewrite writes ~230 KB at 100k rows). Each size moves a row 20 times, so
// the figures include the edits piling up on one base.
import { ForestRepository, KvsWriteMeter } from '../../src/storage';
import { id } from '../integration/support/dataset';
import { data, givenForest, givenStructure, givenSynchronizersEnabled, startSite } from '../integration/support/site';
import { random } from '../unit/domain/builders';
import type { Benchmark, Figures } from './benchmark';

const MOVES = 20;

function benchmark(rows: number): Benchmark {
  return {
    name: `edit-move-row-${rows / 1000}k`,
    async run(): Promise<Figures> {
      const site = await startSite();
      try {
        await givenSynchronizersEnabled(site);
        const structure = await givenStructure(site);
        // Epics with stories under them, issue ids beyond the site's (only the two moved rows are APP
        // issues Jira knows: nothing else is asked about).
        const rnd = random(3);
        const forestRows: Array<[number, number]> = [[0, id('APP-5')]];
        for (let i = 0; forestRows.length < rows - 1; i++)
          forestRows.push([forestRows.length % 20 === 1 ? 0 : 1 + (rnd.int(4) === 0 ? 1 : 0), 900_000 + i]);
        forestRows.push([0, id('APP-1')]);
        await givenForest(structure.id, fixDepths(forestRows));
        const page = data(await site.invokeAs('olivia', 'getForest', { structureId: structure.id, limit: 1 }));
        const header = await new ForestRepository(new KvsWriteMeter()).getHeader(structure.id);
        const wholeForestBytes = header?.encodedBytes ?? 0;
        let version = page.version;
        const app5 = page.rowIds[0]!;
        const app1 = rows; // the last row the scene added: rowIds count from 1
        const times: number[] = [];
        const written: number[] = [];
        for (let n = 0; n < MOVES; n++) {
          const before = site.rt.kvs.usage().bytesWritten;
          const start = performance.now();
          const answer = data(
            await site.invokeAs('olivia', 'editStructure', {
              structureId: structure.id,
              version,
              actions: [{ kind: 'move', rowIds: [app1], ...(n % 2 === 0 ? { under: app5 } : { under: 0 }) }],
            }),
          );
          times.push(performance.now() - start);
          written.push(site.rt.kvs.usage().bytesWritten - before);
          version = answer.version;
        }
        const sorted = [...times].sort((a, b) => a - b);
        return {
          rows,
          moves: MOVES,
          medianServerMs: Math.round(sorted[Math.floor(MOVES / 2)]!),
          maxServerMs: Math.round(sorted[MOVES - 1]!),
          medianBytesWritten: [...written].sort((a, b) => a - b)[Math.floor(MOVES / 2)]!,
          maxBytesWritten: Math.max(...written),
          wholeForestBytes,
        };
      } finally {
        await site.close();
      }
    },
  };
}

/** Depths that a pre-order allows: never more than one deeper than the row before. */
function fixDepths(rows: Array<[number, number]>): Array<[number, number]> {
  let previous = -1;
  return rows.map(([depth, issueId]) => {
    const d = Math.min(depth, previous + 1);
    previous = d;
    return [d, issueId];
  });
}

export const benchmarks: Benchmark[] = [benchmark(100_000), benchmark(250_000)];
