// The structure view's aggregate columns at a big customer's size: Σ of a number field and progress
// (issues, resolved) over every row's subtree, in one pass over the forest's depths, as the view computes
// them again each time a batch of issues arrives from Jira. Median of five runs, in this process.
import { progressOf, subtreeSums } from '../../static/structure-ui/src/components/tree/columns/aggregates';
import { realisticForest } from '../unit/domain/forest/realistic';
import type { Benchmark, Figures } from './benchmark';

function medianMs(times: number, work: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return Math.round(samples[Math.floor(samples.length / 2)]! * 10) / 10;
}

function aggregates(rows: number): Benchmark {
  return {
    name: `column-aggregates-${rows / 1000}k`,
    async run(): Promise<Figures> {
      const forest = realisticForest(rows);
      const depths = Int32Array.from({ length: forest.size }, (_, i) => forest.depthAt(i));
      // Every 7th issue still loading, every 11th hidden from the viewer, points 0-12, a third resolved.
      const known = (i: number) => (i % 11 === 0 ? null : i % 7 === 0 ? undefined : 1);
      const measures = [
        (i: number) => (known(i) === 1 ? i % 13 : known(i)),
        known,
        (i: number) => (known(i) === 1 ? (i % 3 === 0 ? 1 : 0) : known(i)),
      ];
      let top = 0;
      const wallMs = medianMs(5, () => {
        const [points, issues, resolved] = subtreeSums(depths, measures);
        top = points!.sum[0]! + progressOf(issues!, resolved!, 0, { issue: known(0), done: 0 }).total;
      });
      return { rows: forest.size, measures: measures.length, wallMs, firstRowTotal: top };
    },
  };
}

export const benchmarks: Benchmark[] = [aggregates(100_000), aggregates(250_000)];
