// The text form of a dataset, written piece by piece so that a 250k-issue file streams to disk instead
// of being built as one giant string. Layout is for people: small configuration sections are
// pretty-printed, and each issue (and each short record such as a status) sits on one line, so a
// dataset file reads top to bottom and diffs line by line.

import { closeSync, openSync, writeSync } from 'node:fs';
import type { Dataset, DatasetIssue, DatasetWorkflow } from './types';

export type DatasetHead = Omit<Dataset, 'issues'>;

/** Top-level keys in file order; issues come last because they are streamed. */
const ORDER: readonly (keyof DatasetHead)[] = [
  '$schema',
  'site',
  'users',
  'projects',
  'issueTypes',
  'statuses',
  'workflows',
  'priorities',
  'linkTypes',
  'securityLevels',
  'resolutions',
  'customFields',
  'versions',
  'components',
  'sprints',
  'filters',
  'boards',
];
const ONE_LINE_ITEMS = new Set<string>([
  'issueTypes',
  'statuses',
  'priorities',
  'linkTypes',
  'resolutions',
  'customFields',
  'versions',
  'components',
  'sprints',
]);

const indent = (text: string): string => text.replace(/\n/g, '\n  ');

function arrayText(items: readonly unknown[], oneLine: boolean): string {
  if (items.length === 0) return '[]';
  const rendered = items.map((item) => (oneLine ? JSON.stringify(item) : indent(JSON.stringify(item, null, 2))));
  return `[\n    ${rendered.map((r) => indent(r)).join(',\n    ')}\n  ]`;
}

/** A workflow reads as its name and statuses on a line, then one line per transition. */
function workflowsText(workflows: readonly DatasetWorkflow[]): string {
  if (workflows.length === 0) return '[]';
  const rendered = workflows.map((w) => {
    const transitions = w.transitions.map((t) => JSON.stringify(t)).join(',\n        ');
    const body = transitions === '' ? '[]' : `[\n        ${transitions}\n      ]`;
    return `{\n      "name": ${JSON.stringify(w.name)},\n      "statuses": ${JSON.stringify(w.statuses)},\n      "transitions": ${body}\n    }`;
  });
  return `[\n    ${rendered.join(',\n    ')}\n  ]`;
}

/** Yields the dataset's JSON text in pieces; concatenated, they parse to the dataset. */
export function* datasetText(head: DatasetHead, issues: Iterable<DatasetIssue>): Generator<string, void> {
  yield '{\n';
  for (const key of ORDER) {
    const value = head[key];
    if (value === undefined) continue;
    const text =
      key === 'workflows'
        ? workflowsText(value as DatasetWorkflow[])
        : Array.isArray(value)
          ? arrayText(value, ONE_LINE_ITEMS.has(key))
          : indent(JSON.stringify(value, null, 2));
    yield `  ${JSON.stringify(key)}: ${text},\n`;
  }
  yield '  "issues": [';
  let first = true;
  for (const issue of issues) {
    yield `${first ? '\n    ' : ',\n    '}${JSON.stringify(issue)}`;
    first = false;
  }
  yield first ? ']\n}\n' : '\n  ]\n}\n';
}

/** Writes the pieces to a file through a 1 MiB buffer; returns the bytes written. */
export function writeDatasetFile(file: string, pieces: Iterable<string>): number {
  const fd = openSync(file, 'w');
  let buffer = '';
  let bytes = 0;
  const flush = (): void => {
    if (buffer.length === 0) return;
    bytes += writeSync(fd, buffer);
    buffer = '';
  };
  try {
    for (const piece of pieces) {
      buffer += piece;
      if (buffer.length >= 1 << 20) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** The whole dataset as one string (for small datasets such as the demo). */
export function datasetToText(dataset: Dataset): string {
  const { issues, ...head } = dataset;
  return [...datasetText(head, issues)].join('');
}
