// The aggregate columns' values (Σ of a number field, progress) for the rows on screen. Each needs a field
// of every issue under the row, so the view reads exactly those: the issues of the subtrees of the rows on
// screen, in bulkfetch batches of 100 with only the aggregates' fields, cached. Issues Jira does not show
// the viewer come back as nothing and count nowhere, so no aggregate reveals them.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { columnId, type StructureColumn } from '../../../../../../src/contract';
import { IssueDetailsStore, type IssueEntry } from '../../../api/issueDetails';
import type { AppServices } from '../../../api/services';
import type { ForestIndex, ForestRows } from '../forestIndex';
import { progressOf, subtreeSums, type Contribution, type Progress } from './aggregates';
import { aggregateFields } from './columnModel';

/** At most this many issues are read for one screen of rows: a bigger subtree shows its aggregates as loading. */
export const AGGREGATE_CAP = 10_000;

export type AggregateValue = { sum: number; pending: number } | Progress;
/** A row's aggregates, by column id. */
export type RowAggregates = Record<string, AggregateValue>;

const noSubscribe = () => () => undefined;
const noVersion = () => 0;

/** Resolved, as Jira's own "done": a resolution, or a status of the Done category. */
export function isResolved(fields: Record<string, unknown>): boolean {
  const status = fields.status as { statusCategory?: { key?: string } } | undefined;
  return (fields.resolution !== null && fields.resolution !== undefined) || status?.statusCategory?.key === 'done';
}

export function useAggregates(
  forest: ForestRows,
  index: ForestIndex,
  columns: readonly StructureColumn[],
  requestJira: AppServices['requestJira'],
): {
  aggregatesOf?: (row: number) => RowAggregates;
  onRowsShown?: (rows: ArrayLike<number>) => void;
  error?: string;
} {
  const fields = aggregateFields(columns);
  const fieldsKey = fields.join(',');
  const store = useMemo(
    () => (fields.length > 0 ? new IssueDetailsStore(requestJira, 30, fields) : undefined),
    // The fields' list by value: a new array of the same fields keeps the store and what it read.
    [requestJira, fieldsKey],
  );
  const version = useSyncExternalStore(store?.subscribe ?? noSubscribe, store?.getVersion ?? noVersion);
  const aggregated = useMemo(() => columns.filter((c) => c.kind !== 'field'), [columns]);

  const computed = useMemo(() => {
    if (!store) return undefined;
    const entryOf = (row: number): IssueEntry | undefined => {
      const id = forest.issueIds[row];
      return id === null || id === undefined ? null : store.get(id);
    };
    const counting = (row: number, contribute: (fields: Record<string, unknown>) => number | null): Contribution => {
      const entry = entryOf(row);
      return entry === undefined ? undefined : entry === null ? null : contribute(entry.fields);
    };
    const sumFields = [...new Set(aggregated.flatMap((c) => (c.kind === 'sum' ? [c.field] : [])))];
    const issue = (row: number) => counting(row, () => 1);
    const done = (row: number) => counting(row, (f) => (isResolved(f) ? 1 : 0));
    const measures = [
      ...sumFields.map(
        (field) => (row: number) => counting(row, (f) => (typeof f[field] === 'number' ? (f[field] as number) : null)),
      ),
      issue,
      done,
    ];
    const sums = subtreeSums(forest.depths, measures);
    return { sums, sumFields, issue, done };
    // `version` changes whenever the store has more: the sums are computed again, once per batch.
  }, [store, version, forest, aggregated]);

  const aggregatesOf = useCallback(
    (row: number): RowAggregates => {
      const out: RowAggregates = {};
      if (!computed) return out;
      const { sums, sumFields } = computed;
      const issues = sums[sumFields.length]!;
      const resolved = sums[sumFields.length + 1]!;
      for (const c of aggregated) {
        if (c.kind === 'sum') {
          const s = sums[sumFields.indexOf(c.field)]!;
          out[columnId(c)] = { sum: s.sum[row]!, pending: s.pending[row]! };
        } else if (c.kind === 'progress') {
          out[columnId(c)] = progressOf(issues, resolved, row, {
            issue: computed.issue(row),
            done: computed.done(row),
          });
        }
      }
      return out;
    },
    [computed, aggregated],
  );

  const onRowsShown = useCallback(
    (rows: ArrayLike<number>) => {
      if (!store) return;
      // Subtrees of rows on screen nest or follow each other (pre-order): each issue is asked for once.
      const ids = new Set<string>();
      let coveredTo = 0;
      for (let k = 0; k < rows.length && ids.size < AGGREGATE_CAP; k++) {
        const row = rows[k]!;
        const end = index.subtreeEnd[row]!;
        for (let j = Math.max(row, coveredTo); j < end && ids.size < AGGREGATE_CAP; j++) {
          const id = forest.issueIds[j];
          if (id) ids.add(id);
        }
        coveredTo = Math.max(coveredTo, end);
      }
      store.request(ids);
    },
    [store, forest, index],
  );

  if (!store) return {};
  return { aggregatesOf, onRowsShown, error: store.error };
}
