import DynamicTable from '@atlaskit/dynamic-table';
import EmptyState from '@atlaskit/empty-state';
import { token } from '@atlaskit/tokens';
import { PERMISSION_LEVELS, type StructureSummary } from '../../../../src/contract';
import { atLeast } from '../api/permissions';
import { RouteLink } from '../routing/RouteLink';
import { LevelLozenge } from './LevelLozenge';
import { StructureOperations } from './StructureOperations';
import { UserName } from './UserName';

/** Manage Structures: the same table on the global page (what you can see) and the admin page (everything). */
export function StructuresTable(props: {
  structures: StructureSummary[];
  synchronizersEnabled: boolean;
  onEdit: (s: StructureSummary) => void;
  onDelete: (s: StructureSummary) => void;
  emptyAction?: React.ReactElement;
}) {
  const head = {
    cells: [
      { key: 'name', content: 'Name', isSortable: true, width: 20 },
      { key: 'description', content: 'Description', width: 22 },
      { key: 'owner', content: 'Owner', isSortable: true, width: 12 },
      { key: 'level', content: 'Your level', isSortable: true, width: 9 },
      { key: 'rows', content: 'Rows', isSortable: true, width: 7 },
      { key: 'operations', content: 'Operations', width: 30 },
    ],
  };
  const rows = props.structures.map((s) => ({
    key: s.id,
    testId: `structure-row-${s.id}`,
    cells: [
      {
        key: s.name.toLowerCase(),
        content: atLeast(s.level, 'view') ? (
          <RouteLink to={{ page: 'structure', structureId: s.id }}>{s.name}</RouteLink>
        ) : (
          s.name
        ),
      },
      { key: 'description', content: <span style={{ color: token('color.text.subtle') }}>{s.description}</span> },
      { key: s.ownerAccountId, content: <UserName accountId={s.ownerAccountId} /> },
      { key: PERMISSION_LEVELS.indexOf(s.level), content: <LevelLozenge level={s.level} /> },
      { key: s.rowCount, content: s.rowCount.toLocaleString() },
      {
        key: 'operations',
        content: (
          <StructureOperations
            structure={s}
            synchronizersEnabled={props.synchronizersEnabled}
            onEdit={() => props.onEdit(s)}
            onDelete={() => props.onDelete(s)}
          />
        ),
      },
    ],
  }));
  return (
    <div data-testid="structures-table">
      <DynamicTable
        label="Structures"
        head={head}
        rows={rows}
        rowsPerPage={25}
        defaultPage={1}
        defaultSortKey="name"
        defaultSortOrder="ASC"
        emptyView={
          <EmptyState
            header="No structures to show"
            description="Either none exist yet, or none is shared with you. A structure is a hierarchical list of Jira issues: create one, then fill it with an import."
            primaryAction={props.emptyAction}
          />
        }
      />
    </div>
  );
}
