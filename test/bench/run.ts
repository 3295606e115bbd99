// `npm run bench [-- --only NAME] [-- --list]`: runs the benchmarks one after another (they share the
// machine, so running them in parallel would distort every figure) and prints one JSON object per line
// on stdout. Progress and child output go to stderr, so stdout stays machine-readable.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureUiBuild } from '../../local/dev-server/ui-build';
import { discoverBenchmarks, resultLine, selectBenchmarks, type Benchmark } from './benchmark';

const repoRoot = path.resolve(__dirname, '../..');

/**
 * What the chosen benchmarks need on this machine, as `npm start` and `npm test` provide it: Debian's
 * Chromium (apt-get when root), the UI build when it is missing or stale. Returns false when it
 * cannot be had; scripts/ensure-chromium.js has then printed the one line that says what to run.
 */
function provideNeeds(chosen: Benchmark[]): boolean {
  const needs = new Set(chosen.flatMap((b) => b.needs ?? []));
  if (needs.has('chromium')) {
    const script = path.join(repoRoot, 'scripts', 'ensure-chromium.js');
    // Its progress goes to stderr too (fd 2 for its stdout).
    const result = spawnSync(process.execPath, [script], { stdio: ['ignore', 2, 2] });
    if (result.status !== 0) return false;
  }
  if (needs.has('ui-build')) ensureUiBuild(repoRoot, (m) => console.error(m), ['ignore', 2, 2]);
  return true;
}

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
  if (!provideNeeds(chosen)) return 1;
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
