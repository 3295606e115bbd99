import FolderClosedIcon from '@atlaskit/icon/core/folder-closed';
import FolderOpenIcon from '@atlaskit/icon/core/folder-open';
import { token } from '@atlaskit/tokens';

/** The first cell of a folder row: a folder icon (open while its rows show) and the folder's name. */
export function FolderLabel(props: { name: string; open: boolean }) {
  const Icon = props.open ? FolderOpenIcon : FolderClosedIcon;
  return (
    <span
      data-testid="row-folder"
      title={props.name}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: token('space.075'),
        fontWeight: 600,
        overflow: 'hidden',
        minWidth: 0,
      }}
    >
      <Icon label="" color={token('color.icon.subtle')} />
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{props.name}</span>
    </span>
  );
}
