// One cell of a row, for any column but the tree's own: a field of the row's issue, or an aggregate of
// the rows under it. Placeholders (issues the viewer cannot see) show nothing in any column.
import ProgressBar from '@atlaskit/progress-bar';
import { token } from '@atlaskit/tokens';
import { columnId, type StructureColumn } from '../../../../../../src/contract';
import type { IssueEntry } from '../../../api/issueDetails';
import { Skeleton } from '../Skeleton';
import { FieldValue, valueText } from './FieldValue';
import type { RowAggregates } from './useAggregates';

const cell = {
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  padding: `0 ${token('space.100')}`,
  display: 'flex',
  alignItems: 'center',
  gap: token('space.075'),
  minWidth: 0,
} as const;

export function ColumnCell(props: {
  column: StructureColumn;
  entry: IssueEntry | undefined;
  placeholder: boolean;
  rowId: number;
  aggregates?: RowAggregates;
}) {
  const { column, entry } = props;
  if (column.kind !== 'field') {
    const found = props.aggregates?.[columnId(column)];
    return (
      <div
        style={{ ...cell, justifyContent: column.kind === 'sum' ? 'flex-end' : undefined }}
        data-column={columnId(column)}
      >
        {found === undefined ? null : found.pending > 0 ? (
          <Skeleton width={48} />
        ) : 'sum' in found ? (
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{valueText(found.sum)}</span>
        ) : (
          found.total > 0 && <ProgressCell done={found.done} total={found.total} />
        )}
      </div>
    );
  }
  const field = column.field;
  const value = entry?.fields[field];
  return (
    <div style={cell} data-column={columnId(column)} title={field === 'summary' ? entry?.summary : undefined}>
      {props.placeholder ? null : entry === undefined ? (
        <Skeleton width={field === 'summary' ? `${40 + ((props.rowId * 37) % 45)}%` : 56} />
      ) : entry === null ? null : field === 'summary' ? (
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{entry.summary}</span>
      ) : (
        <FieldValue value={value} emptyText={field === 'assignee' ? 'Unassigned' : undefined} />
      )}
    </div>
  );
}

function ProgressCell(props: { done: number; total: number }) {
  const share = props.done / props.total;
  const percent = Math.round(share * 100);
  const label = `${props.done} of ${props.total} resolved (${percent}%)`;
  return (
    <span title={label} style={{ display: 'flex', alignItems: 'center', gap: token('space.075'), width: '100%' }}>
      <span style={{ flex: 1, minWidth: 40 }}>
        <ProgressBar value={share} ariaLabel={label} appearance={share >= 1 ? 'success' : 'default'} />
      </span>
      <span style={{ fontVariantNumeric: 'tabular-nums', minWidth: '3.5ch', textAlign: 'right' }}>{percent}%</span>
    </span>
  );
}
