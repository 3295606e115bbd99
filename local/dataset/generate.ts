// Generated datasets by size and seed: the same options give byte-identical output, so a benchmark or a
// bug report can name a dataset as "100k, seed 7" instead of shipping a 40 MB file.

import { generateIssues } from './generate-issues';
import { planHead } from './generate-head';
import { planFields, settleOnWorkflow, withFields } from './issue-fields';
import { createRandom, seedHash } from './prng';
import { datasetText, writeDatasetFile } from './serialize';
import type { Dataset, DatasetIssue } from './types';

export interface GenerateOptions {
  /** Number of issues, 10 to 1,000,000 (the generator is tuned for 1k to 250k). */
  issues: number;
  seed: number | string;
}

export const MIN_ISSUES = 10;
export const MAX_ISSUES = 1_000_000;

function check(options: GenerateOptions): void {
  const n = options.issues;
  if (!Number.isInteger(n) || n < MIN_ISSUES || n > MAX_ISSUES) {
    throw new RangeError(`issues must be an integer from ${MIN_ISSUES} to ${MAX_ISSUES}, got ${n}`);
  }
}

/** The head (everything but issues) and a lazy, single-use issue stream. */
function prepare(options: GenerateOptions): { head: Omit<Dataset, 'issues'>; issues: Iterable<DatasetIssue> } {
  check(options);
  // Separate streams for the head and the issues: tuning one does not reshuffle the other.
  const plan = planHead(options.issues, options.seed, createRandom(`${options.seed}/head`));
  const core = generateIssues(plan, options.issues, seedHash(options.seed), createRandom(`${options.seed}/issues`));
  const fields = planFields(
    plan.projects.map((p) => ({
      key: p.key,
      components: p.area.components,
      team: p.team,
      vocabulary: p.area.components,
    })),
    plan.head.boards,
  );
  const rnd = createRandom(`${options.seed}/fields`);
  const workflows = new Map(plan.projects.map((p) => [p.key, p.workflow]));
  function* issues(): Generator<DatasetIssue, void> {
    for (const issue of core) {
      const workflow = workflows.get(issue.key.slice(0, issue.key.lastIndexOf('-')));
      const full = withFields(issue, fields, rnd);
      yield workflow ? settleOnWorkflow(full, workflow) : full;
    }
  }
  return { head: { ...plan.head, ...fields.head }, issues: issues() };
}

/** Builds the whole dataset in memory (tests and in-process benchmarks). */
export function generateDataset(options: GenerateOptions): Dataset {
  const { head, issues } = prepare(options);
  return { ...head, issues: [...issues] };
}

/** Streams a generated dataset to a file without holding its issues in memory; returns its size. */
export function writeGeneratedDataset(options: GenerateOptions, file: string): { issues: number; bytes: number } {
  const { head, issues } = prepare(options);
  const bytes = writeDatasetFile(file, datasetText(head, issues));
  return { issues: options.issues, bytes };
}
