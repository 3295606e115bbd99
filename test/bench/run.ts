// `npm run bench [-- --only NAME] [-- --list]`: runs the benchmarks one after another (they share the
// machine, so running them in parallel would distort every figure) and prints one JSON object per line
// on stdout. Progress and child output go to stderr, so stdout stays machine-readable.

import { parseArgs } from 'node:util';
import { discoverBenchmarks, resultLine, selectBenchmarks } from './benchmark';

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { only: { type: 'string' }, list: { type: 'boolean' } },
  });
  const { benchmarks: all, failures } = discoverBenchmarks(__dirname);
  for (const f of failures) console.error(`bench: cannot load ${f.file}: ${f.error}`);
  if (values.list) {
    for (const b of all) console.log(b.name);
    return 0;
  }
  const chosen = selectBenchmarks(all, values.only);
  if (chosen.length === 0) {
    console.error(
      `No benchmark matches ${JSON.stringify(values.only)}. Available: ${all.map((b) => b.name).join(', ')}`,
    );
    return 2;
  }
  // A file that did not load counts as a failure of a full run; a run filtered with --only ignores it.
  let failed = values.only === undefined ? failures.length : 0;
  for (const benchmark of chosen) {
    console.error(`bench: ${benchmark.name} …`);
    try {
      console.log(resultLine(benchmark.name, await benchmark.run()));
    } catch (error) {
      failed++;
      // A failed benchmark still yields a line, so a script reading the output sees which one failed.
      console.log(
        JSON.stringify({ name: benchmark.name, error: error instanceof Error ? error.message : String(error) }),
      );
    }
  }
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
