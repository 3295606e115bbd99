// Rank export at a big board's size: the plan's call count against the bound the product promises
// (ceil(N/50) + 10 calls for 10k issues from a random order), and the time to plan. Each plan is
// replayed on the pure simulator, so a wrong plan fails the benchmark instead of reporting a figure.

import { applyRankOps, MAX_ISSUES_PER_RANK_CALL, planRankExport } from '../../src/domain/export';
import { IssueId } from '../../src/domain/forest';
import { random } from '../unit/domain/builders';
import type { Benchmark, Figures } from './benchmark';

const N = 10_000;

function shuffled(xs: readonly IssueId[], seed: number): IssueId[] {
  const rnd = random(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rnd.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** `structure` with `fraction` of its issues taken out and put back at random places. */
function mostlyInOrder(structure: readonly IssueId[], fraction: number, seed: number): IssueId[] {
  const rnd = random(seed);
  const out = [...structure];
  for (let k = Math.round(structure.length * fraction); k > 0; k--) {
    const [id] = out.splice(rnd.int(out.length), 1);
    out.splice(rnd.int(out.length + 1), 0, id);
  }
  return out;
}

function measure(structure: readonly IssueId[], jira: readonly IssueId[]): Figures {
  const start = performance.now();
  const plan = planRankExport({ structureOrder: structure, jiraOrder: jira });
  const wallMs = Math.round(performance.now() - start);
  const after = applyRankOps(jira, plan.operations);
  if (after.some((id, i) => id !== structure[i]))
    throw new Error('the rank plan does not reproduce the structure order');
  const maxCalls = Math.ceil(structure.length / MAX_ISSUES_PER_RANK_CALL) + 10;
  if (plan.operations.length > maxCalls)
    throw new Error(`${plan.operations.length} rank calls exceed the bound of ${maxCalls}`);
  return { issues: structure.length, rankCalls: plan.operations.length, maxCalls, issuesMoved: plan.moved, wallMs };
}

const ids = (): IssueId[] => Array.from({ length: N }, (_, i) => 10_000 + i);

export const benchmarks: Benchmark[] = [
  { name: 'export-rank-10k', run: async () => measure(ids(), shuffled(ids(), 42)) },
  { name: 'export-rank-10k-1pct-out-of-place', run: async () => measure(ids(), mostlyInOrder(ids(), 0.01, 43)) },
];
