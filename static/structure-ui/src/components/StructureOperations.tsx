import { token } from '@atlaskit/tokens';
import type { StructureSummary } from '../../../../src/contract';
import { allowedOperations } from '../api/permissions';
import { RouteLink } from '../routing/RouteLink';
import { TextButton } from './TextButton';

/** The Operations column: each operation appears only when the caller's level allows it. */
export function StructureOperations(props: {
  structure: StructureSummary;
  synchronizersEnabled: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { structure: s } = props;
  const can = allowedOperations(s.level, props.synchronizersEnabled);
  const id = s.id;
  return (
    <ul
      aria-label={`Operations on ${s.name}`}
      style={{
        listStyle: 'none',
        margin: 0,
        padding: 0,
        display: 'flex',
        flexWrap: 'wrap',
        gap: `${token('space.050')} ${token('space.150')}`,
        alignItems: 'center',
      }}
    >
      {can.open && (
        <li style={{ margin: 0 }}>
          <RouteLink to={{ page: 'structure', structureId: id }} aria-label={`Open ${s.name}`}>
            Open
          </RouteLink>
        </li>
      )}
      {can.import && (
        <li style={{ margin: 0 }}>
          <RouteLink to={{ page: 'import', structureId: id }} aria-label={`Import into ${s.name}`} testId="op-import">
            Import
          </RouteLink>
        </li>
      )}
      {can.export && (
        <li style={{ margin: 0 }}>
          <RouteLink to={{ page: 'export', structureId: id }} aria-label={`Export from ${s.name}`}>
            Export
          </RouteLink>
        </li>
      )}
      {can.syncSettings && (
        <li style={{ margin: 0 }}>
          <RouteLink
            to={{ page: 'syncSettings', structureId: id }}
            aria-label={`Synchronization settings of ${s.name}`}
          >
            Synchronization settings
          </RouteLink>
        </li>
      )}
      {can.permissions && (
        <li style={{ margin: 0 }}>
          <RouteLink to={{ page: 'permissions', structureId: id }} aria-label={`Permissions of ${s.name}`}>
            Permissions
          </RouteLink>
        </li>
      )}
      {can.edit && (
        <li style={{ margin: 0 }}>
          <TextButton onClick={props.onEdit} aria-label={`Edit ${s.name}`}>
            Edit
          </TextButton>
        </li>
      )}
      {can.delete && (
        <li style={{ margin: 0 }}>
          <TextButton onClick={props.onDelete} aria-label={`Delete ${s.name}`} danger>
            Delete
          </TextButton>
        </li>
      )}
    </ul>
  );
}
