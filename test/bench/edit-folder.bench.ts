// Folders in a big structure, through the real resolver (editStructure): making a folder, renaming it,
// moving a row under it and copying it, with the server's time and the bytes each writes to KVS. A folder
// edit writes its small edit plus one value of folder names, never the forest (~230 KB at 100k rows).
import { ForestRepository, KvsWriteMeter } from '../../src/storage';
import type { PayloadIn } from '../../src/contract';
import { id } from '../integration/support/dataset';
import { data, givenForest, givenStructure, givenSynchronizersEnabled, startSite } from '../integration/support/site';
import type { Benchmark, Figures } from './benchmark';

const RENAMES = 20;

function benchmark(rows: number): Benchmark {
  return {
    name: `edit-folder-${rows / 1000}k`,
    async run(): Promise<Figures> {
      const site = await startSite();
      try {
        await givenSynchronizersEnabled(site);
        const structure = await givenStructure(site);
        // Epics with stories under them; only APP-1, the row moved and copied, is an issue Jira knows.
        const forestRows: Array<[number, number]> = [];
        for (let i = 0; forestRows.length < rows - 1; i++) forestRows.push([i % 20 === 0 ? 0 : 1, 900_000 + i]);
        forestRows.push([0, id('APP-1')]);
        await givenForest(structure.id, forestRows);
        const header = await new ForestRepository(new KvsWriteMeter()).getHeader(structure.id);
        let version = data(await site.invokeAs('olivia', 'getForest', { structureId: structure.id, limit: 1 })).version;
        const call = async (actions: PayloadIn<'editStructure'>['actions']) => {
          const before = site.rt.kvs.usage().bytesWritten;
          const start = performance.now();
          const answer = data(
            await site.invokeAs('olivia', 'editStructure', { structureId: structure.id, version, actions }),
          );
          version = answer.version;
          return { ms: performance.now() - start, bytes: site.rt.kvs.usage().bytesWritten - before, answer };
        };
        const made = await call([{ kind: 'add-folder', name: 'Q3 themes', under: 0, before: 1 }]);
        const folder = made.answer.addedRowIds[0]!;
        const renames = [];
        for (let n = 0; n < RENAMES; n++)
          renames.push(await call([{ kind: 'rename', rowId: folder, name: `Q3 themes ${n}` }]));
        const nested = await call([{ kind: 'move', rowIds: [rows], under: folder }]);
        const copied = await call([{ kind: 'copy', rowIds: [folder], under: 0 }]);
        const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
        return {
          rows,
          addFolderMs: Math.round(made.ms),
          addFolderBytesWritten: made.bytes,
          medianRenameMs: Math.round(median(renames.map((r) => r.ms))),
          medianRenameBytesWritten: median(renames.map((r) => r.bytes)),
          moveUnderFolderBytesWritten: nested.bytes,
          copyFolderMs: Math.round(copied.ms),
          copyFolderBytesWritten: copied.bytes,
          wholeForestBytes: header?.encodedBytes ?? 0,
        };
      } finally {
        await site.close();
      }
    },
  };
}

export const benchmarks: Benchmark[] = [benchmark(100_000)];
