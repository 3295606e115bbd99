// The forest at a big customer's size (250k rows): applying and diffing whole updates, encoding for
// storage, and planning a 100k-issue Filter import. Wall times are the median of three runs, in this
// process; the forests are built inside run() so discovery stays cheap.

import {
  applyUpdate,
  diffForests,
  encodeForest,
  decodeForest,
  forestToChunks,
  Forest,
  ForestAction,
} from '../../src/domain/forest';
import { FilterParams, planFilterImport } from '../../src/synchronizers/filter/synchronizer';
import { random } from '../unit/domain/builders';
import { realisticForest } from '../unit/domain/forest/realistic';
import type { Benchmark, Figures } from './benchmark';

const ROWS = 250_000;

function medianMs(times: number, work: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return Math.round(samples[Math.floor(samples.length / 2)]);
}

/** 100k actions of every kind scattered over the forest, valid when applied in order. */
function scatteredUpdate(forest: Forest, count: number): ForestAction[] {
  const rnd = random(3);
  const top = forest.childrenOf(0);
  const touched = new Set<number>();
  const removed = new Set<number>();
  const actions: ForestAction[] = [];
  while (actions.length < count) {
    const i = rnd.int(forest.size);
    const rowId = forest.rowIdAt(i);
    if (removed.has(rowId)) continue;
    const r = rnd.int(10);
    if (r < 4) {
      actions.push({ kind: 'add', under: rowId, rows: [{ depth: 0, issueId: 5 + rnd.int(1000) }] });
      touched.add(rowId);
    } else if (r < 8 && forest.depthAt(i) > 0) {
      actions.push({ kind: 'move', rowId, under: rnd.pick(top), after: 0 });
      touched.add(rowId);
    } else if (forest.depthAt(i) === 2 && !touched.has(rowId)) {
      // Only rows no earlier action placed anything under; later actions skip removed rows.
      removed.add(rowId);
      actions.push({ kind: 'remove', rowId, children: 'lift' });
    }
  }
  return actions;
}

const apply: Benchmark = {
  name: 'forest-apply-250k',
  async run(): Promise<Figures> {
    const forest = realisticForest(ROWS);
    const update = scatteredUpdate(forest, 100_000);
    let result = forest;
    const wallMs = medianMs(3, () => (result = applyUpdate(forest, update)));
    return { rows: forest.size, actions: update.length, rowsAfter: result.size, wallMs };
  },
};

const diff: Benchmark = {
  name: 'forest-diff-250k',
  async run(): Promise<Figures> {
    const forest = realisticForest(ROWS);
    const target = applyUpdate(forest, scatteredUpdate(forest, 100_000));
    let actions: readonly ForestAction[] = [];
    const wallMs = medianMs(3, () => (actions = diffForests(forest, target)));
    const replayMs = medianMs(3, () => applyUpdate(forest, actions));
    if (!applyUpdate(forest, actions).equals(target)) throw new Error('diff does not replay to the target forest');
    return {
      rows: forest.size,
      actions: actions.length,
      moves: actions.filter((a) => a.kind === 'move').length,
      wallMs,
      replayMs,
    };
  },
};

const encode: Benchmark = {
  name: 'forest-encode-250k',
  async run(): Promise<Figures> {
    const forest = realisticForest(ROWS);
    let bytes: Uint8Array = new Uint8Array(0);
    const wallMs = medianMs(3, () => (bytes = encodeForest(forest)));
    const decodeMs = medianMs(3, () => decodeForest(bytes));
    return {
      rows: forest.size,
      bytes: bytes.length,
      bytesPerRow: Math.round((bytes.length / forest.size) * 100) / 100,
      chunks: forestToChunks(forest).length,
      wallMs,
      decodeMs,
    };
  },
};

const filterPlan: Benchmark = {
  name: 'filter-plan-100k-into-250k',
  async run(): Promise<Figures> {
    const forest = realisticForest(ROWS);
    // Every third row's issue still matches, plus new issues, 100k in all; Remove on.
    const matching: number[] = [];
    for (let i = 0; i < forest.size && matching.length < 85_000; i += 3) matching.push(forest.issueIdAt(i));
    for (let k = 0; matching.length < 100_000; k++) matching.push(900_000_000 + k);
    const params = FilterParams.parse({
      source: { kind: 'jql', jql: 'project = OPS' },
      add: { at: 'top' },
      remove: true,
    });
    let counts = {};
    const wallMs = medianMs(
      3,
      () => (counts = planFilterImport({ forest, params, matching, visible: (id) => id % 97 !== 0 }).counts),
    );
    return { rows: forest.size, issues: matching.length, ...counts, wallMs };
  },
};

/**
 * The worst case for a move's cycle check: a 60,000-level chain with 190,000 leaves under its deepest
 * link, and 100k moves of leaves under deep chain rows. Climbing parent pointers would cost O(depth) a move.
 */
const applyDeep: Benchmark = {
  name: 'forest-apply-deep-250k',
  async run(): Promise<Figures> {
    const chain = 60_000;
    const forest = Forest.fromRows(deepChainRows(chain, ROWS - chain));
    const rnd = random(5);
    const update: ForestAction[] = [];
    for (let k = 0; k < 100_000; k++) {
      update.push({ kind: 'move', rowId: chain + 1 + rnd.int(ROWS - chain), under: chain - rnd.int(1000) });
    }
    let result = forest;
    const wallMs = medianMs(3, () => (result = applyUpdate(forest, update)));
    return { rows: forest.size, depth: chain, actions: update.length, rowsAfter: result.size, wallMs };
  },
};

/** A chain 1 > 2 > … > chain, with `leaves` children under its deepest link. */
function deepChainRows(chain: number, leaves: number): { rowId: number; depth: number; issueId: number }[] {
  const rows: { rowId: number; depth: number; issueId: number }[] = [];
  for (let d = 0; d < chain; d++) rows.push({ rowId: d + 1, depth: d, issueId: d + 1 });
  for (let i = 0; i < leaves; i++) rows.push({ rowId: chain + i + 1, depth: chain, issueId: chain + 1 + (i % 5000) });
  return rows;
}

export const benchmarks: Benchmark[] = [apply, applyDeep, diff, encode, filterPlan];
