import path from 'node:path';
import { benchmarksOf, discoverBenchmarks, resultLine, selectBenchmarks, type Benchmark } from './benchmark';
import { measureInChild } from './measure';

const bench = (name: string): Benchmark => ({ name, run: async () => ({}) });

describe('the benchmark harness', () => {
  it('discovers every *.bench.ts file', () => {
    const names = discoverBenchmarks(__dirname).benchmarks.map((b) => b.name);
    expect(names).toEqual(expect.arrayContaining(['dataset-generate-100k', 'dataset-generate-250k']));
  });

  it('accepts a module exporting name and run, a default export, or a list', () => {
    const run = async () => ({});
    expect(benchmarksOf({ name: 'a', run }, 'a.bench.ts').map((b) => b.name)).toEqual(['a']);
    expect(benchmarksOf({ default: { name: 'b', run } }, 'b.bench.ts').map((b) => b.name)).toEqual(['b']);
    expect(benchmarksOf({ benchmarks: [bench('c1'), bench('c2')] }, 'c.bench.ts').map((b) => b.name)).toEqual([
      'c1',
      'c2',
    ]);
    expect(() => benchmarksOf({ run }, 'd.bench.ts')).toThrow('d.bench.ts exports no benchmark');
  });

  it.each([
    ['an exact name', 'search-100k', ['search-100k']],
    ['a substring', 'generate', ['dataset-generate-100k', 'dataset-generate-250k']],
    ['nothing', undefined, ['dataset-generate-100k', 'dataset-generate-250k', 'search-100k', 'search-100k-fields']],
    ['a name that matches none', 'nope', []],
  ])('selects by %s', (_, only, expected) => {
    const all = ['dataset-generate-100k', 'dataset-generate-250k', 'search-100k', 'search-100k-fields'].map(bench);
    expect(selectBenchmarks(all, only).map((b) => b.name)).toEqual(expected);
  });

  it('prints name and size first', () => {
    expect(resultLine('x', { wallMs: 5, issues: 1000 })).toBe('{"name":"x","issues":1000,"wallMs":5}');
    expect(resultLine('y', { bytesPerRow: 12, rows: 10 })).toBe('{"name":"y","rows":10,"bytesPerRow":12}');
  });

  it('measures a child process and adds its peak RSS', async () => {
    const result = await measureInChild(path.join(__dirname, 'children', 'dataset-generate.ts'), ['1000', '1']);
    expect(result).toMatchObject({ issues: 1000 });
    expect(result.peakRssMb).toBeGreaterThan(10);
    expect(result.mb).toBeGreaterThan(0.1);
  });
});
