import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { token } from '@atlaskit/tokens';
import type { IssueDetailsStore } from '../../api/issueDetails';
import { perfMark } from '../../api/perfMark';
import {
  hasChildren,
  isExpanded,
  toggle,
  visibleRows,
  type Expansion,
  type ForestIndex,
  type ForestRows,
} from './forestIndex';
import { ROW_HEIGHT, TreeRow } from './TreeRow';
import { DEFAULT_LAYOUT, type ColumnLayout } from './columns/columnModel';
import type { RowAggregates } from './columns/useAggregates';
import type { EditKey } from './editActions';
import type { DragController } from './dnd/dragController';
import { commandOfKey, type TreeCommand } from './treeCommands';

const OVERSCAN = 8;

/** Position of forest row `i` among the visible rows (which are in increasing order), or -1. */
export function visiblePosition(visible: Int32Array, i: number): number {
  let lo = 0;
  let hi = visible.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = visible[mid]!;
    if (v === i) return mid;
    if (v < i) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The forest as a windowed tree: only the rows in the viewport (plus a few) are in the DOM, so
 * 100k rows cost the same as 30. @atlaskit/table-tree renders every expanded row, which is why
 * this is our own. Keyboard: arrows move, Right/Left expand/collapse, Home/End, Space toggles, Enter opens
 * the issue in Jira.
 */
export function ForestTree(props: {
  forest: ForestRows;
  index: ForestIndex;
  expansion: Expansion;
  onExpansionChange: (expansion: Expansion) => void;
  store: IssueDetailsStore;
  /** Forest index of the active row. */
  active: number;
  onActiveChange: (i: number) => void;
  /** Forest index to bring into view (search results); changes of it scroll. */
  scrollTarget?: { i: number; seq: number };
  matched?: number;
  /** Viewport height in px; measured from the container when omitted. */
  height?: number;
  /** Editing keys on the active row (viewers with edit): Ctrl+arrows move, indent, outdent; Delete removes. */
  onEditKey?: (key: EditKey) => void;
  /** Opens an issue in Jira: the key's link, and Enter on the active row. */
  onOpenIssue?: (key: string) => void;
  /** A filter's rows (matches and their ancestors), shown instead of the expanded ones. */
  rowsShown?: Int32Array;
  /** "?" in the tree asks for the shortcuts. */
  onHelp?: () => void;
  /** Ctrl+C / Ctrl+X / Ctrl+V and F2 on the active or selected rows (see treeCommands.ts). */
  onCommand?: (command: TreeCommand) => void;
  /** Ctrl+Z: take back the viewer's last edit. */
  onUndoKey?: () => void;
  /** Rows selected with Shift/Ctrl (by row id), when the viewer may act on several at once. */
  selected?: ReadonlySet<number>;
  /** Shift+↑/↓ and Shift/Ctrl+click: the active row moves, and the selection follows. */
  onSelect?: (i: number, how: { range: boolean; toggle: boolean }) => void;
  /** Viewers with edit: rows are dragged by their handles and dropped on each other. */
  drag?: DragController;
  /** The structure's columns (the default four when absent). */
  layout?: ColumnLayout;
  /** Σ and progress of a row's subtree (forest index), for the aggregate columns. */
  aggregatesOf?: (i: number) => RowAggregates;
  /** The forest indexes of the rows on screen, whenever they change: the aggregates read their subtrees. */
  onRowsShown?: (rows: number[]) => void;
}) {
  const { forest, index, expansion, store } = props;
  const layout = props.layout ?? DEFAULT_LAYOUT;
  const expanded = useMemo(() => visibleRows(forest, index, expansion), [forest, index, expansion]);
  const visible = props.rowsShown ?? expanded;
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [focused, setFocused] = useState(false);
  const [measured, setMeasured] = useState(props.height ?? 600);
  const height = props.height ?? measured;
  useSyncExternalStore(store.subscribe, store.getVersion);

  useLayoutEffect(() => {
    if (props.height !== undefined || !viewport.current || typeof ResizeObserver === 'undefined') return;
    const el = viewport.current;
    const observer = new ResizeObserver(() => el.clientHeight > 0 && setMeasured(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [props.height]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(visible.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);

  // Details for what is on screen only; the store skips what it has or is already fetching.
  useEffect(() => {
    const ids: string[] = [];
    const shown: number[] = [];
    for (let p = first; p < last; p++) {
      shown.push(visible[p]!);
      const id = forest.issueIds[visible[p]!];
      if (id) ids.push(id);
    }
    store.request(ids);
    props.onRowsShown?.(shown);
  }, [first, last, visible, forest, store, props.onRowsShown]);

  /** Keyboard moves scroll as little as possible; a search result is brought to the middle. */
  const scrollToPosition = (pos: number, center = false) => {
    const el = viewport.current;
    if (!el || pos < 0) return;
    const top = pos * ROW_HEIGHT;
    if (center) el.scrollTop = Math.max(0, top - Math.floor((height - ROW_HEIGHT) / 2));
    else if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + height) el.scrollTop = top + ROW_HEIGHT - height;
    setScrollTop(el.scrollTop);
  };

  useEffect(() => {
    if (!props.scrollTarget) return;
    scrollToPosition(visiblePosition(visible, props.scrollTarget.i), true);
    // The tree may itself be below the fold of the page.
    viewport.current?.scrollIntoView?.({ block: 'nearest' });
    // Only a new search target scrolls; the rest of the tree state changing must not.
  }, [props.scrollTarget?.seq, visible]);

  // The first screen of rows is on the page: the benchmark's end mark (once per forest).
  useEffect(() => {
    requestAnimationFrame(() => perfMark('structure:first-screen', { rows: forest.rowIds.length }));
  }, [forest]);

  const activePos = visiblePosition(visible, props.active);
  const moveTo = (pos: number, extend = false) => {
    const clamped = Math.max(0, Math.min(visible.length - 1, pos));
    if (visible.length === 0) return;
    if (extend && props.onSelect) props.onSelect(visible[clamped]!, { range: true, toggle: false });
    else props.onActiveChange(visible[clamped]!);
    scrollToPosition(clamped);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = props.active;
    const editKey: EditKey | undefined = !props.onEditKey
      ? undefined
      : e.key === 'Delete'
        ? 'remove'
        : !(e.ctrlKey || e.metaKey)
          ? undefined
          : ({ ArrowUp: 'up', ArrowDown: 'down', ArrowRight: 'indent', ArrowLeft: 'outdent' } as const)[
              e.key as 'ArrowUp'
            ];
    if (editKey) {
      e.preventDefault();
      props.onEditKey?.(editKey);
      return;
    }
    const command = props.onCommand ? commandOfKey(e) : undefined;
    if (command) {
      e.preventDefault();
      props.onCommand?.(command);
      return;
    }
    if (props.onUndoKey && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      props.onUndoKey();
      return;
    }
    const pageRows = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const pos = activePos < 0 ? 0 : activePos;
    switch (e.key) {
      case 'ArrowDown':
        moveTo(pos + 1, e.shiftKey);
        break;
      case 'ArrowUp':
        moveTo(pos - 1, e.shiftKey);
        break;
      case 'PageDown':
        moveTo(pos + pageRows);
        break;
      case 'PageUp':
        moveTo(pos - pageRows);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(visible.length - 1);
        break;
      case 'ArrowRight':
        if (hasChildren(index, i) && !isExpanded(forest, expansion, i))
          props.onExpansionChange(toggle(forest, expansion, i, true));
        else if (hasChildren(index, i)) moveTo(pos + 1);
        break;
      case 'ArrowLeft':
        if (hasChildren(index, i) && isExpanded(forest, expansion, i))
          props.onExpansionChange(toggle(forest, expansion, i, false));
        else if (index.parent[i]! >= 0) moveTo(visiblePosition(visible, index.parent[i]!));
        break;
      case 'Enter': {
        // Enter opens the row's issue, as in Jira's lists; Space (and Right/Left) opens and closes the row.
        const id = forest.issueIds[i];
        const key = id ? store.get(id)?.key : undefined;
        if (props.onOpenIssue && key) props.onOpenIssue(key);
        else if (hasChildren(index, i)) props.onExpansionChange(toggle(forest, expansion, i));
        break;
      }
      case ' ':
        if (hasChildren(index, i)) props.onExpansionChange(toggle(forest, expansion, i));
        break;
      case '?':
        props.onHelp?.();
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const rowIndexById = (rowId: number) => {
    for (let p = first; p < last; p++) if (forest.rowIds[visible[p]!] === rowId) return visible[p]!;
    return -1;
  };

  const rows = [];
  for (let p = first; p < last; p++) {
    const i = visible[p]!;
    const children = hasChildren(index, i);
    const issueId = forest.issueIds[i] ?? null;
    const open = children && isExpanded(forest, expansion, i);
    // The hitbox's modes: an open row takes children at its bottom; the last row of a group can be reparented.
    const nextDepth = p + 1 < visible.length ? forest.depths[visible[p + 1]!]! : -1;
    rows.push(
      <TreeRow
        key={forest.rowIds[i]}
        rowId={forest.rowIds[i]!}
        issueId={issueId}
        folderName={forest.folderNames?.[String(forest.rowIds[i])]}
        depth={forest.depths[i]!}
        top={p * ROW_HEIGHT}
        hasChildren={children}
        expanded={open}
        active={i === props.active}
        selected={props.selected ? props.selected.has(forest.rowIds[i]!) || i === props.active : undefined}
        focused={focused && i === props.active}
        matched={i === props.matched}
        entry={issueId === null ? undefined : store.get(issueId)}
        onOpenIssue={props.onOpenIssue}
        drag={props.drag}
        dragMode={open ? 'expanded' : nextDepth < forest.depths[i]! ? 'last-in-group' : 'standard'}
        layout={layout}
        aggregates={props.aggregatesOf?.(i)}
        onToggle={(rowId) => {
          const r = rowIndexById(rowId);
          if (r >= 0) props.onExpansionChange(toggle(forest, expansion, r));
        }}
        onActivate={(rowId, how) => {
          const r = rowIndexById(rowId);
          if (r < 0) return;
          if (props.onSelect && how && (how.range || how.toggle)) props.onSelect(r, how);
          else props.onActiveChange(r);
        }}
      />,
    );
  }

  const headerCell = {
    padding: `0 ${token('space.100')}`,
    font: token('font.heading.xxsmall'),
    color: token('color.text.subtle'),
  } as const;
  return (
    <div
      style={{
        border: `1px solid ${token('color.border')}`,
        borderRadius: token('radius.small', '4px'),
        // Many columns scroll sideways together, header and rows.
        overflowX: 'auto',
        overflowY: 'hidden',
      }}
    >
      <div
        aria-hidden="true"
        style={{
          display: 'grid',
          gridTemplateColumns: layout.template,
          minWidth: layout.minWidth,
          height: 32,
          alignItems: 'center',
          background: token('elevation.surface.sunken'),
          borderBottom: `2px solid ${token('color.border')}`,
          paddingRight: 12,
        }}
      >
        {layout.labels.map((label, k) => (
          <div
            key={k}
            data-testid="column-header"
            style={{
              ...headerCell,
              ...(k === 0 ? { paddingLeft: token('space.400') } : {}),
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              whiteSpace: 'nowrap',
              textAlign: layout.numeric[k] ? 'right' : undefined,
            }}
          >
            {label}
          </div>
        ))}
      </div>
      <div
        ref={viewport}
        role="tree"
        aria-label="Structure"
        aria-multiselectable={props.onSelect ? true : undefined}
        aria-describedby={props.onEditKey ? 'edit-keys-help' : undefined}
        aria-activedescendant={activePos >= 0 ? `row-${forest.rowIds[props.active]}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        data-testid="forest-tree"
        style={{
          // Capped: where the host sizes the iframe to its content, 100vh follows the content, and an
          // uncapped height would keep growing.
          height: props.height ?? 'min(calc(100vh - 260px), 880px)',
          minHeight: 240,
          minWidth: layout.minWidth,
          overflowY: 'auto',
          position: 'relative',
          outline: 'none',
        }}
      >
        <div
          data-testid="tree-canvas"
          data-visible-rows={visible.length}
          style={{ height: visible.length * ROW_HEIGHT, position: 'relative' }}
        >
          {rows}
        </div>
      </div>
    </div>
  );
}
