// The structure view in headless Chromium: a row dragged and dropped under another on a 100k- and a
// 250k-row structure, from the drop to the moved rows on screen at their new place (issue 14: under
// 100 ms), with the editStructure round trip beside it. The measurement lives with the browser tests
// (test/e2e/bench-structure-drop.ts); this runs it as a child and passes its figures on.
import { execFile } from 'node:child_process';
import path from 'node:path';
import type { Benchmark, Figures } from './benchmark';

function benchmark(rows: number): Benchmark {
  return {
    name: `ui-structure-drop-${rows / 1000}k`,
    needs: ['ui-build', 'chromium'],
    run: () => {
      const root = path.resolve(__dirname, '../..');
      const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
      return new Promise<Figures>((resolve, reject) => {
        execFile(
          process.execPath,
          [tsx, path.join(root, 'test/e2e/bench-structure-drop.ts'), '--rows', String(rows), '--runs', '5'],
          { cwd: root, timeout: 600_000 },
          (error, stdout, stderr) => {
            if (error) return reject(new Error(`${error.message}\n${stderr}`));
            const line = stdout.split('\n').find((l) => l.startsWith('{'));
            if (!line) return reject(new Error(`no result line in: ${stdout}`));
            const { name: _name, ...figures } = JSON.parse(line) as Figures;
            resolve(figures);
          },
        );
      });
    },
  };
}

export const benchmarks: Benchmark[] = [benchmark(100_000), benchmark(250_000)];
