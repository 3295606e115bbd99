import { memo, useRef } from 'react';
import type { ItemMode } from '@atlaskit/pragmatic-drag-and-drop-hitbox/tree-item';
import { DropIndicator } from '@atlaskit/pragmatic-drag-and-drop-react-drop-indicator/tree-item';
import { token } from '@atlaskit/tokens';
import type { IssueEntry } from '../../api/issueDetails';
import { IssueTypeIcon } from './IssueTypeIcon';
import { FolderLabel } from './FolderLabel';
import { Skeleton } from './Skeleton';
import { ColumnCell } from './columns/ColumnCell';
import { columnId, DEFAULT_LAYOUT, type ColumnLayout } from './columns/columnModel';
import type { RowAggregates } from './columns/useAggregates';
import type { DragController } from './dnd/dragController';
import { DragHandle } from './dnd/DragHandle';
import { useRowDragAndDrop } from './dnd/useRowDragAndDrop';

export const ROW_HEIGHT = 36;
/** The default columns' grid template. */
export const TREE_COLUMNS = DEFAULT_LAYOUT.template;
const INDENT = 20;

/** What a placeholder row says: its issue exists, nothing more (no key, no summary). */
export const PLACEHOLDER_TEXT = '1 issue you cannot see';

interface TreeRowProps {
  rowId: number;
  /** Null: a placeholder for an issue the viewer cannot see, keeping the rows under it in place. */
  issueId: string | null;
  /** Set for a folder row (issueId null): its name. */
  folderName?: string;
  depth: number;
  top: number;
  hasChildren: boolean;
  expanded: boolean;
  active: boolean;
  /** In the viewer's selection (several rows with Shift/Ctrl), for edits of several rows at once. */
  selected?: boolean;
  /** The tree has keyboard focus and this is its active row: draw the focus ring here. */
  focused: boolean;
  matched: boolean;
  entry: IssueEntry | undefined;
  posInSet?: number;
  onToggle: (rowId: number) => void;
  onActivate: (rowId: number, how?: { range: boolean; toggle: boolean }) => void;
  /** Opens the issue in Jira (its key is a real link). */
  onOpenIssue?: (key: string) => void;
  /** Viewers with edit: the row is dragged by its handle and takes drops. */
  drag?: DragController;
  dragMode?: ItemMode;
  /** The structure's columns; the first is this row's key, with the tree's indentation. */
  layout?: ColumnLayout;
  /** Σ and progress of the row's subtree, by column id. */
  aggregates?: RowAggregates;
}

/** One row of the structure view, absolutely positioned inside the scrolled canvas. */
export const TreeRow = memo(function TreeRow(props: TreeRowProps) {
  const { entry } = props;
  const folder = props.folderName;
  const placeholder = props.issueId === null && folder === undefined;
  const rowRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<HTMLButtonElement>(null);
  const dnd = useRowDragAndDrop(
    rowRef,
    handleRef,
    { rowId: props.rowId, depth: props.depth, mode: props.dragMode ?? 'standard', indentPerLevel: INDENT },
    props.drag,
  );
  const key = placeholder ? (
    <span style={{ fontWeight: 400, fontStyle: 'italic' }}>{PLACEHOLDER_TEXT}</span>
  ) : entry ? (
    entry.key
  ) : entry === null ? (
    'Not visible'
  ) : (
    <Skeleton width={64} />
  );
  const cell = {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    padding: `0 ${token('space.100')}`,
  } as const;
  return (
    <div
      ref={rowRef}
      role="treeitem"
      id={`row-${props.rowId}`}
      aria-level={props.depth + 1}
      aria-expanded={props.hasChildren ? props.expanded : undefined}
      aria-selected={props.selected ?? props.active}
      aria-label={
        folder !== undefined
          ? `Folder ${folder}`
          : placeholder
            ? PLACEHOLDER_TEXT
            : entry
              ? `${entry.key} ${entry.summary}`
              : `Issue ${props.issueId}`
      }
      data-testid="tree-row"
      data-placeholder={placeholder || undefined}
      data-folder={folder !== undefined || undefined}
      data-row-id={props.rowId}
      onClick={(e) => props.onActivate(props.rowId, { range: e.shiftKey, toggle: e.ctrlKey || e.metaKey })}
      style={{
        position: 'absolute',
        top: props.top,
        left: 0,
        right: 0,
        height: ROW_HEIGHT,
        display: 'grid',
        gridTemplateColumns: (props.layout ?? DEFAULT_LAYOUT).template,
        alignItems: 'center',
        borderBottom: `1px solid ${token('color.border')}`,
        background:
          props.active || props.selected
            ? token('color.background.selected')
            : props.matched
              ? token('color.background.accent.yellow.subtlest')
              : token('elevation.surface'),
        // The drop indicator draws on the row: no focus ring or active mark to be taken for it.
        boxShadow: dnd.instruction
          ? undefined
          : props.focused
            ? `inset 0 0 0 2px ${token('color.border.focused')}`
            : props.active
              ? `inset 2px 0 0 ${token('color.border.selected')}`
              : undefined,
        cursor: 'default',
        color: token('color.text'),
        opacity: dnd.dragging ? 0.4 : undefined,
      }}
    >
      {dnd.instruction && (
        // `contents`: the indicator places itself against the row, as if this wrapper were not there.
        <div data-testid="drop-indicator" data-instruction={dnd.instruction.type} style={{ display: 'contents' }}>
          <DropIndicator instruction={dnd.instruction} />
        </div>
      )}
      <div
        style={{
          ...cell,
          display: 'flex',
          alignItems: 'center',
          gap: token('space.075'),
          paddingLeft: `calc(${token('space.100')} + ${props.depth * INDENT}px)`,
        }}
      >
        {props.drag && (
          <DragHandle
            ref={handleRef}
            label={placeholder ? PLACEHOLDER_TEXT : folder !== undefined ? `folder ${folder}` : (entry?.key ?? 'row')}
            disabled={placeholder}
            onMove={(move) => props.drag?.menuMove(props.rowId, move)}
          />
        )}
        {props.hasChildren ? (
          <button
            type="button"
            tabIndex={-1}
            aria-label={`${props.expanded ? 'Collapse' : 'Expand'} ${folder !== undefined ? `folder ${folder}` : (entry?.key ?? 'row')}`}
            onClick={(e) => {
              e.stopPropagation();
              props.onToggle(props.rowId);
            }}
            style={{
              width: 20,
              height: 20,
              flex: 'none',
              border: 'none',
              borderRadius: 3,
              background: 'transparent',
              color: token('color.icon'),
              cursor: 'pointer',
              padding: 0,
              fontSize: 10,
              transform: props.expanded ? 'rotate(90deg)' : undefined,
            }}
          >
            ▶
          </button>
        ) : (
          <span style={{ width: 20, flex: 'none' }} />
        )}
        {entry && <IssueTypeIcon name={entry.typeName} iconUrl={entry.typeIconUrl} />}
        {folder !== undefined ? (
          <FolderLabel name={folder} open={props.hasChildren && props.expanded} />
        ) : entry && props.onOpenIssue ? (
          <a
            data-testid="row-key"
            href={`/browse/${encodeURIComponent(entry.key)}`}
            // The tree holds the keyboard focus (Enter opens the active row's issue): the link is for the mouse.
            tabIndex={-1}
            onClick={(e) => {
              e.preventDefault();
              e.stopPropagation();
              props.onOpenIssue?.(entry.key);
            }}
            style={{ fontWeight: 600, color: token('color.link'), overflow: 'hidden', textOverflow: 'ellipsis' }}
          >
            {key}
          </a>
        ) : (
          <span
            data-testid="row-key"
            style={{
              fontWeight: 600,
              color: placeholder || entry === null ? token('color.text.subtlest') : token('color.link'),
              overflow: 'hidden',
              textOverflow: 'ellipsis',
            }}
          >
            {key}
          </span>
        )}
      </div>
      {(props.layout ?? DEFAULT_LAYOUT).columns.slice(1).map((column) => (
        <ColumnCell
          key={columnId(column)}
          column={column}
          entry={entry}
          // A folder has no fields of its own; its Σ and progress are its subtree's.
          placeholder={placeholder || folder !== undefined}
          rowId={props.rowId}
          aggregates={props.aggregates}
        />
      ))}
    </div>
  );
});
