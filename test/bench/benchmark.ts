// What a benchmark is, and how the runner finds them: every `test/bench/<name>.bench.ts` is loaded, so
// adding a benchmark means adding one file, with no list to keep in sync.

import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Figures are numbers in camelCase with a unit suffix (wallMs, peakRssMb, bytesPerRow...), plus the size it ran at (issues or rows). */
export type Figures = Record<string, number | string>;

/** What a benchmark needs on the machine; the runner provides it before the first benchmark runs. */
export type Need = 'ui-build' | 'chromium';

export interface Benchmark {
  /** Kebab-case, with the size in it when several sizes run, e.g. "dataset-generate-250k". */
  name: string;
  run(): Promise<Figures>;
  /** The built Custom UI (static/structure-ui/build), Debian's Chromium. */
  needs?: Need[];
}

function isBenchmark(value: unknown): value is Benchmark {
  const candidate = value as Partial<Benchmark> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.name === 'string' &&
    typeof candidate.run === 'function'
  );
}

/**
 * Loads the benchmarks of one module. A file exports `name` and `run` (or a default export with them),
 * or `benchmarks`, an array, when it registers several.
 */
export function benchmarksOf(moduleExports: unknown, file: string): Benchmark[] {
  const exports = moduleExports as { default?: unknown; benchmarks?: unknown };
  if (Array.isArray(exports.benchmarks) && exports.benchmarks.every(isBenchmark)) return exports.benchmarks;
  if (isBenchmark(exports)) return [{ name: exports.name, run: exports.run, needs: exports.needs }];
  if (isBenchmark(exports.default)) return [exports.default];
  throw new TypeError(`${file} exports no benchmark: export { name, run } or benchmarks: [...]`);
}

export interface Discovery {
  benchmarks: Benchmark[];
  /** Files that failed to load: one broken file must not stop everyone else's benchmarks. */
  failures: { file: string; error: string }[];
}

/** All benchmarks under `dir`, sorted by name so runs are comparable. */
export function discoverBenchmarks(dir: string): Discovery {
  const benchmarks: Benchmark[] = [];
  const failures: Discovery['failures'] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()) {
    const full = path.join(dir, file);
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- discovery needs a dynamic, synchronous load
      benchmarks.push(...benchmarksOf(require(full), full));
    } catch (error) {
      failures.push({ file, error: error instanceof Error ? error.message : String(error) });
    }
  }
  const names = new Set<string>();
  for (const b of benchmarks) {
    if (names.has(b.name)) throw new Error(`Two benchmarks are named ${b.name}`);
    names.add(b.name);
  }
  return { benchmarks: benchmarks.sort((a, b) => a.name.localeCompare(b.name)), failures };
}

/** `--only NAME`: the exact name when one matches it, otherwise every name containing it. */
export function selectBenchmarks(all: Benchmark[], only: string | undefined): Benchmark[] {
  if (only === undefined) return all;
  const exact = all.filter((b) => b.name === only);
  return exact.length > 0 ? exact : all.filter((b) => b.name.includes(only));
}

/** One output line: name first, then the size, then the figures, so a person can read it too. */
export function resultLine(name: string, figures: Figures): string {
  const { issues, rows, ...rest } = figures;
  return JSON.stringify({
    name,
    ...(issues !== undefined ? { issues } : {}),
    ...(rows !== undefined ? { rows } : {}),
    ...rest,
  });
}
