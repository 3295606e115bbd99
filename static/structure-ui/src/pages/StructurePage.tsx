import { useMemo, useState, useSyncExternalStore } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import EmptyState from '@atlaskit/empty-state';
import { announce } from '@atlaskit/pragmatic-drag-and-drop-live-region';
import { token } from '@atlaskit/tokens';
import type { StructureDetails } from '../../../../src/contract';
import { IssueDetailsStore } from '../api/issueDetails';
import { allowedOperations, atLeast } from '../api/permissions';
import { useServices } from '../api/ServicesContext';
import { useForest } from '../api/useForest';
import { useResolver } from '../api/useResolver';
import { ErrorMessage } from '../components/ErrorMessage';
import { LevelLozenge } from '../components/LevelLozenge';
import { Loading } from '../components/Loading';
import { PageLayout } from '../components/PageLayout';
import { StructureGate, structureCrumbs } from '../components/StructureGate';
import { ForestTree } from '../components/tree/ForestTree';
import {
  buildIndex,
  keptRows,
  reveal,
  visibleRows,
  type Expansion,
  type ForestRows,
} from '../components/tree/forestIndex';
import { FilterBar } from '../components/tree/FilterBar';
import { ShortcutsDialog } from '../components/tree/ShortcutsDialog';
import { DetailsPanel } from '../components/tree/DetailsPanel';
import { jqlKeys, jqlMatches, MATCH_CAP } from '../api/jqlMatches';
import { StructureToolbar } from '../components/tree/StructureToolbar';
import { EditBar } from '../components/tree/EditBar';
import { BAR_STYLE } from '../components/tree/barStyle';
import { addAfter, editFor, type EditAction, type EditKey } from '../components/tree/editActions';
import { useForestDrop } from '../components/tree/dnd/useForestDrop';
import { perfMark } from '../api/perfMark';
import { FolderForm } from '../components/tree/FolderForm';
import { ClipboardButtons } from '../components/tree/ClipboardButtons';
import { folderNameAt, isPlaceholder, placeholderCount } from '../components/tree/folders';
import { placeAfter, rowsWithSubtrees, type Place } from '../components/tree/rowCommands';
import type { TreeCommand } from '../components/tree/treeCommands';
import { rowClipboard, useRowClipboard, type RowClipboard } from '../api/rowClipboard';
import { useRouter } from '../routing/RouterContext';
import { ColumnsDialog } from '../components/tree/columns/ColumnsDialog';
import { columnLayout, rowFields } from '../components/tree/columns/columnModel';
import { useSiteFields } from '../components/tree/columns/jiraFields';
import { useAggregates } from '../components/tree/columns/useAggregates';
import { useStructureColumns, type StructureColumnsState } from '../components/tree/columns/useStructureColumns';

export function StructurePage(props: { structureId: string }) {
  return (
    <StructureGate structureId={props.structureId} pageTitle="Structure">
      {(structure) => <StructureView structure={structure} />}
    </StructureGate>
  );
}

function StructureView(props: { structure: StructureDetails }) {
  const { structure } = props;
  const { navigate } = useRouter();
  const [generation, setGeneration] = useState(0);
  const [refresh, setRefresh] = useState(0);
  // Versions this viewer's edits made on this page, newest last: Ctrl+Z takes back the last one.
  const [myEdits, setMyEdits] = useState<number[]>([]);
  const forest = useForest(structure.id, generation, refresh);
  // A drop's forest, shown before the backend answers and kept after it agrees (no reload of every row);
  // only while the loaded forest is still the one it was computed from.
  const [dropped, setDropped] = useState<{ base: ForestRows; forest: ForestRows; version?: number }>();
  const mine = dropped && forest.status === 'ready' && dropped.base === forest.forest ? dropped : undefined;
  const settings = useResolver('getSettings', {});
  // Read beside the forest, so the rows are read once, with the fields of the saved columns.
  const columns = useStructureColumns(structure.id);
  const can = allowedOperations(
    structure.level,
    settings.state.status === 'ready' && settings.state.data.synchronizersEnabled,
  );
  const control = atLeast(structure.level, 'control');
  const canEdit = atLeast(structure.level, 'edit');
  const { invoke } = useServices();
  // Editing by hand needs edit, and every row loaded (a stale or partial view would place rows wrongly).
  const editing: ForestEditing | undefined =
    canEdit && forest.status === 'ready' && !forest.more
      ? {
          onEdit: async (actions, optimistic) => {
            const base = forest.forest;
            const before = mine;
            if (optimistic) setDropped({ base, forest: optimistic });
            const answer = await invoke('editStructure', {
              structureId: structure.id,
              version: mine?.version ?? forest.version,
              actions,
            });
            perfMark('structure:edit-answered');
            // A rebased edit landed on a forest this view has not seen: only a reload shows it.
            if (optimistic && answer.ok && answer.data.rebasedFrom === undefined)
              setDropped({ base, forest: optimistic, version: answer.data.version });
            else {
              // A refused drop takes its rows back at once, not only when the reload arrives.
              if (optimistic && !answer.ok) setDropped(before);
              setRefresh((r) => r + 1);
            }
            if (answer.ok) setMyEdits((list) => [...list, answer.data.version]);
            return answer.ok
              ? { ok: true, addedRowIds: answer.data.addedRowIds }
              : { ok: false, message: answer.error.message };
          },
          onUndo: async () => {
            const version = myEdits[myEdits.length - 1];
            if (version === undefined)
              return { ok: false, message: 'Nothing of yours to undo here: the History page lists every change.' };
            const answer = await invoke('undoEdit', { structureId: structure.id, version });
            setMyEdits((list) => list.slice(0, -1));
            setRefresh((r) => r + 1);
            return answer.ok ? { ok: true, addedRowIds: [] } : { ok: false, message: answer.error.message };
          },
          structure: { id: structure.id, name: structure.name },
          onPaste: async (clip, place) => {
            const answer = await invoke('pasteRows', {
              structureId: structure.id,
              version: forest.version,
              from: { structureId: clip.structureId, rowIds: clip.rowIds },
              cut: clip.mode === 'cut',
              ...place,
            });
            setRefresh((r) => r + 1);
            if (answer.ok) setMyEdits((list) => [...list, answer.data.version]);
            return answer.ok
              ? { ok: true, addedRowIds: answer.data.addedRowIds, problem: answer.data.sourceProblem }
              : { ok: false, message: answer.error.message };
          },
        }
      : undefined;
  // What an empty structure says about filling it: only what the loaded facts show, never a guess while
  // the settings are loading or after they failed (the failure is shown, with Try again).
  const emptyHint = can.import
    ? 'Import issues into it with a synchronizer.'
    : !control
      ? 'Someone with control on it can fill it with an import.'
      : settings.state.status === 'ready'
        ? 'Synchronizers are turned off on this site: a Jira admin can turn them on, and then you can import into it.'
        : undefined;

  return (
    <PageLayout
      title={structure.name}
      windowTitle={`${structure.name} · Structure`}
      breadcrumbs={structureCrumbs(structure, 'View')}
      description={
        <span style={{ display: 'inline-flex', gap: token('space.100'), alignItems: 'center' }}>
          {structure.description || 'No description.'} <LevelLozenge level={structure.level} />
        </span>
      }
      actions={
        <>
          <Button onClick={() => setGeneration((g) => g + 1)}>Reload</Button>
          <Button onClick={() => navigate({ page: 'jobs', structureId: structure.id })}>Job history</Button>
          <Button onClick={() => navigate({ page: 'history', structureId: structure.id })}>History</Button>
          {can.permissions && (
            <Button onClick={() => navigate({ page: 'permissions', structureId: structure.id })}>Permissions</Button>
          )}
          {can.syncSettings && (
            <Button onClick={() => navigate({ page: 'syncSettings', structureId: structure.id })}>
              Synchronization settings
            </Button>
          )}
          {can.export && (
            <Button onClick={() => navigate({ page: 'export', structureId: structure.id })}>Export</Button>
          )}
          {can.import && (
            <Button appearance="primary" onClick={() => navigate({ page: 'import', structureId: structure.id })}>
              Import
            </Button>
          )}
        </>
      }
    >
      {settings.state.status === 'error' && (
        <ErrorMessage
          error={settings.state.error}
          title={control ? 'Whether you can import here could not be checked' : 'The app settings could not be loaded'}
          onRetry={settings.reload}
        />
      )}
      {(forest.status === 'loading' || (forest.status === 'ready' && !columns.loaded)) && (
        <Loading label="Loading rows" />
      )}
      {forest.status === 'error' && (
        <ErrorMessage
          error={forest.error}
          title="The structure's rows could not be loaded"
          onRetry={() => setGeneration((g) => g + 1)}
        />
      )}
      {forest.status === 'ready' &&
        columns.loaded &&
        (forest.forest.rowIds.length === 0 && !forest.more ? (
          <>
            {editing && <EmptyEditBar {...editing} />}
            <EmptyState
              header={forest.hiddenRows ? 'No rows you can see' : 'This structure is empty'}
              description={
                forest.hiddenRows
                  ? `All ${forest.hiddenRows.toLocaleString()} rows hold issues you cannot see in Jira.`
                  : emptyHint
              }
              primaryAction={
                can.import ? (
                  <Button appearance="primary" onClick={() => navigate({ page: 'import', structureId: structure.id })}>
                    Import issues
                  </Button>
                ) : undefined
              }
            />
          </>
        ) : (
          <ForestView
            columns={columns}
            forest={mine?.forest ?? forest.forest}
            hiddenRows={forest.hiddenRows}
            more={forest.more}
            edit={editing}
          />
        ))}
    </PageLayout>
  );
}

type EditAnswer = { ok: true; addedRowIds: number[]; problem?: string } | { ok: false; message: string };
interface ForestEditing {
  /** `optimistic`: the forest the edit makes, shown at once (a drop). */
  onEdit: (actions: EditAction[], optimistic?: ForestRows) => Promise<EditAnswer>;
  /** Takes back this viewer's last edit (Ctrl+Z). */
  onUndo?: () => Promise<EditAnswer>;
  /** The structure edited, for the clipboard. */
  structure?: { id: string; name: string };
  /** Pastes copied or cut rows (of this or another structure) at a place. */
  onPaste?: (clip: RowClipboard, place: Place) => Promise<EditAnswer>;
}

/** An empty structure's edit bar: adding issues or a folder, and pasting rows copied elsewhere. */
function EmptyEditBar(props: ForestEditing) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const clipboard = useRowClipboard();
  const paste = async () => {
    const clip = rowClipboard.get();
    if (!clip || !props.onPaste) return;
    setBusy(true);
    const answer = await props.onPaste(clip, {});
    setBusy(false);
    if (answer.ok && clip.mode === 'cut') rowClipboard.set(undefined);
    setProblem(answer.ok ? answer.problem : answer.message);
  };
  return (
    <>
      <EditBar
        busy={busy}
        canRemove={false}
        onRemove={() => undefined}
        onAdd={(issueKeys) => {
          setBusy(true);
          void props.onEdit([{ kind: 'add', issueKeys }]).then((answer) => {
            setBusy(false);
            setProblem(answer.ok ? undefined : answer.message);
          });
        }}
      />
      <div style={{ display: 'flex', gap: token('space.100'), marginBottom: token('space.150') }}>
        <FolderForm
          busy={busy}
          onCreate={async (name) => {
            setBusy(true);
            const answer = await props.onEdit([{ kind: 'add-folder', name }]);
            setBusy(false);
            setProblem(answer.ok ? undefined : answer.message);
            return answer.ok;
          }}
        />
        {props.onPaste && clipboard && (
          <ClipboardButtons
            busy={busy}
            canCopy={false}
            clipboard={clipboard}
            onCopy={() => undefined}
            onCut={() => undefined}
            onPaste={() => void paste()}
          />
        )}
      </div>
      <div aria-live="polite">{problem && <SectionMessage appearance="warning">{problem}</SectionMessage>}</div>
    </>
  );
}

/** The loaded forest with its toolbar; exported for the component tests. */
export function ForestView(props: {
  forest: ForestRows;
  hiddenRows: number;
  more?: { loaded: number; total: number };
  height?: number;
  /** For viewers with edit: sends edits; the page reloads the forest afterwards. */
  edit?: ForestEditing;
  /** The structure's columns, as the page read them. */
  columns?: StructureColumnsState;
  /** Or the structure whose saved columns to read here; neither: the default columns. */
  structureId?: string;
}) {
  const { forest } = props;
  const { requestJira, openHostUrl } = useServices();
  const ownColumns = useStructureColumns(props.columns ? undefined : props.structureId);
  const columns = props.columns ?? ownColumns;
  const [columnsOpen, setColumnsOpen] = useState(false);
  // The site's fields name custom-field columns, and the dialog's picker offers them.
  const siteFields = useSiteFields(
    requestJira,
    columnsOpen || columns.columns.some((c) => c.kind !== 'progress' && c.field.startsWith('customfield_')),
  );
  const layout = useMemo(
    () => columnLayout(columns.columns, siteFields.status === 'ready' ? siteFields.fields : []),
    [columns.columns, siteFields],
  );
  // Only the fields the columns show are read; other columns, other fields: the store starts again.
  const fieldsKey = rowFields(columns.columns).join(',');
  const store = useMemo(() => new IssueDetailsStore(requestJira, 30, fieldsKey.split(',')), [requestJira, fieldsKey]);
  const index = useMemo(() => buildIndex(forest), [forest]);
  const aggregates = useAggregates(forest, index, columns.columns, requestJira);
  // Placeholder rows stand in for issues the viewer cannot see: counted as hidden, not as rows on show.
  const placeholders = useMemo(() => placeholderCount(forest), [forest]);
  const hidden = props.hiddenRows + placeholders;
  const [expansion, setExpansion] = useState<Expansion>({ level: 1, overrides: new Map() });
  // The active row is kept by row id, so it stays on its row when an edit reloads the forest.
  const [activeRowId, setActiveRowId] = useState<number | undefined>(undefined);
  const active = useMemo(() => {
    const i = activeRowId === undefined ? -1 : forest.rowIds.indexOf(activeRowId);
    return i < 0 ? 0 : i;
  }, [forest, activeRowId]);
  // Several rows selected with Shift/Ctrl (row ids); a plain move or click selects just the active row.
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const setActive = (i: number) => {
    setActiveRowId(forest.rowIds[i]);
    setSelected(new Set());
  };
  const select = (i: number, how: { range: boolean; toggle: boolean }) => {
    const rowId = forest.rowIds[i]!;
    const next = new Set(selected.size > 0 ? selected : [forest.rowIds[active]!]);
    if (how.toggle) {
      if (next.has(rowId) && next.size > 1) next.delete(rowId);
      else next.add(rowId);
    } else {
      // The rows on show between the active row and this one, both included.
      const shown = filtered ?? visibleRows(forest, index, expansion);
      const a = shown.indexOf(active);
      const b = shown.indexOf(i);
      if (a >= 0 && b >= 0) for (let p = Math.min(a, b); p <= Math.max(a, b); p++) next.add(forest.rowIds[shown[p]!]!);
      else next.add(rowId);
    }
    setSelected(next);
    setActiveRowId(rowId);
  };
  const [editing, setEditing] = useState(false);
  const [filter, setFilter] = useState<{ ids: Set<string>; query: string } | undefined>();
  const [filtering, setFiltering] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const [details, setDetails] = useState(false);
  const activeId = forest.issueIds[active];
  const activeIssue = activeId ? store.get(activeId) : undefined;
  const filtered = useMemo(
    () => (filter ? keptRows(forest, index, (id) => filter.ids.has(id)) : undefined),
    [filter, forest, index],
  );
  const applyFilter = async (query: string) => {
    setFiltering(true);
    setMessage(undefined);
    try {
      const { ids, capped } = await jqlMatches(requestJira, query);
      const kept = keptRows(forest, index, (id) => ids.has(id));
      const matchedRows = forest.issueIds.reduce((n, id) => (id !== null && ids.has(id) ? n + 1 : n), 0);
      setFilter({ ids, query });
      setMessage({
        tone: capped ? 'warning' : 'information',
        text:
          matchedRows === 0
            ? `No row of this structure matches “${query}”.`
            : `${matchedRows.toLocaleString()} ${matchedRows === 1 ? 'row matches' : 'rows match'} “${query}”` +
              (kept.length > matchedRows
                ? `, shown with the rows above them (${kept.length.toLocaleString()} rows in all).`
                : '.') +
              (capped ? ` Jira found more than ${MATCH_CAP.toLocaleString()} issues: only the first ones count.` : ''),
      });
    } catch (error) {
      setMessage({ tone: 'warning', text: `JQL error: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setFiltering(false);
    }
  };
  const [matched, setMatched] = useState<number | undefined>();
  const [scrollTarget, setScrollTarget] = useState<{ i: number; seq: number } | undefined>();
  const [searching, setSearching] = useState(false);
  const [message, setMessage] = useState<{ tone: 'information' | 'warning'; text: string } | undefined>();
  // Re-render when the store reports a failure; the tree subscribes for arrivals itself.
  useSyncExternalStore(store.subscribe, store.getVersion);

  const find = async (key: string) => {
    setSearching(true);
    setMessage(undefined);
    let issueId = store.findByKey(key)?.id;
    if (!issueId) {
      try {
        const res = await requestJira(`/rest/api/3/issue/${encodeURIComponent(key)}?fields=summary`);
        if (res.ok) issueId = String(((await res.json()) as { id: string }).id);
      } catch {
        // Reported below as not found: the viewer can do nothing else about it.
      }
    }
    setSearching(false);
    if (!issueId) {
      setMessage({ tone: 'warning', text: `${key} was not found in Jira, or you cannot see it.` });
      return;
    }
    // Repeated searches for the same issue walk through its rows, in order.
    const from = matched !== undefined && forest.issueIds[matched] === issueId ? matched + 1 : 0;
    let found = forest.issueIds.indexOf(issueId, from);
    if (found < 0 && from > 0) found = forest.issueIds.indexOf(issueId);
    if (found < 0) {
      setMessage({
        tone: 'information',
        text: props.more
          ? `${key} is not in the rows loaded so far; try again when all rows are loaded.`
          : `${key} is not in this structure.`,
      });
      return;
    }
    const count = forest.issueIds.reduce((n, id) => (id === issueId ? n + 1 : n), 0);
    setExpansion((e) => reveal(forest, index, e, found));
    setActive(found);
    setMatched(found);
    setScrollTarget((t) => ({ i: found, seq: (t?.seq ?? 0) + 1 }));
    setMessage({
      tone: 'information',
      text: count > 1 ? `${key} is in ${count} rows; Find again for the next one.` : `Found ${key}.`,
    });
  };

  /**
   * `reveal`: the added rows become active; `optimistic`: the forest the edit makes, shown at once (a drop);
   * `aloud`: the result is said through the live region too (drops and the grip's menu: a pointer user
   * may be a screen reader user). Answers whether the edit landed.
   */
  const runEdit = async (
    action: EditAction,
    said: string,
    how: { reveal?: boolean; optimistic?: ForestRows; aloud?: boolean } = {},
  ): Promise<boolean> => {
    const { reveal, optimistic } = how;
    if (!props.edit || editing) return false;
    setEditing(true);
    setMessage(undefined);
    const answer = await props.edit.onEdit([action], optimistic);
    setEditing(false);
    if (how.aloud) announce(answer.ok ? said : answer.message);
    if (!answer.ok) {
      setMessage({ tone: 'warning', text: answer.message });
      return false;
    }
    if (reveal && answer.addedRowIds.length > 0) setActiveRowId(answer.addedRowIds[0]);
    // An indented row's new parent opens, so the row stays on show.
    // (The indented row, not the active one: the grip's menu indents its own row.)
    const at = action.kind === 'indent' ? forest.rowIds.indexOf(action.rowIds[0]!) : -1;
    if (at > 0) {
      const above = forest.rowIds
        .slice(0, at)
        .reverse()
        .find((_, k) => forest.depths[at - 1 - k] === forest.depths[at]);
      if (above !== undefined) setExpansion((e) => ({ ...e, overrides: new Map(e.overrides).set(above, true) }));
    }
    setMessage({ tone: 'information', text: said });
    return true;
  };
  const addFromSearch = async (query: string) => {
    let keys: string[];
    try {
      keys = await jqlKeys(requestJira, query);
    } catch (error) {
      setMessage({ tone: 'warning', text: `JQL error: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    if (keys.length === 0) {
      setMessage({ tone: 'information', text: `No issue matches “${query}”: nothing was added.` });
      return;
    }
    await runEdit(
      addAfter(forest, index, forest.rowIds.length > 0 ? active : -1, keys),
      `Added ${keys.length} ${keys.length === 1 ? 'issue' : 'issues'} matching “${query}”${keys.length === 100 ? ' (the first 100)' : ''}.`,
      { reveal: true },
    );
  };
  const drag = useForestDrop({
    enabled: props.edit !== undefined && !editing,
    forest,
    index,
    selected,
    keyOf: (id) => store.get(id)?.key,
    onRefused: (reason) => {
      setMessage({ tone: 'warning', text: reason });
      announce(reason);
    },
    onMove: (move) => {
      // Rows dropped into a closed row: it opens, so they stay on show.
      if (move.into !== undefined) {
        const into = move.into;
        setExpansion((e) => ({ ...e, overrides: new Map(e.overrides).set(into, true) }));
      }
      setSelected(new Set());
      setActiveRowId(move.action.rowIds[0]);
      void runEdit(move.action, move.said, { optimistic: move.forest, aloud: true });
    },
    onMenuMove: (i, move) => {
      setActiveRowId(forest.rowIds[i]);
      setSelected(new Set());
      const edit = editFor(forest, index, i, move);
      if ('reason' in edit) {
        setMessage({ tone: 'information', text: edit.reason });
        announce(edit.reason);
      } else void runEdit(edit.action, edit.said, { aloud: true });
    },
  });
  const onEditKey = (key: EditKey) => {
    if (selected.size > 1) {
      if (key === 'up' || key === 'down') {
        setMessage({
          tone: 'information',
          text: 'Ctrl+↑/↓ move one row at a time; indent, outdent and Delete act on every selected row.',
        });
        return;
      }
      const rowIds = forest.rowIds.filter((r) => selected.has(r));
      const said = { indent: 'Indented', outdent: 'Outdented', remove: 'Removed' }[key];
      void runEdit(
        { kind: key, rowIds },
        `${said} ${rowIds.length} rows${key === 'remove' ? ' from the structure; the issues stay in Jira' : ''}.`,
      ).then(() => setSelected(new Set()));
      return;
    }
    const edit = editFor(forest, index, active, key);
    if ('reason' in edit) setMessage({ tone: 'information', text: edit.reason });
    else void runEdit(edit.action, edit.said);
  };

  // Folders and the clipboard (New folder, F2, Ctrl+C / Ctrl+X / Ctrl+V).
  const clipboard = useRowClipboard();
  const [renameSignal, setRenameSignal] = useState(0);
  const activeFolder = forest.rowIds.length > 0 ? folderNameAt(forest, active) : undefined;
  const nameFolder = (action: EditAction, said: string): Promise<boolean> => runEdit(action, said, { reveal: true });
  const copyRows = (mode: 'copy' | 'cut') => {
    const structure = props.edit?.structure;
    if (!structure || forest.rowIds.length === 0) return;
    const chosen = new Set(selected.size > 0 ? selected : [forest.rowIds[active]!]);
    if (forest.rowIds.some((r, i) => chosen.has(r) && isPlaceholder(forest, i))) {
      setMessage({
        tone: 'information',
        text: 'A chosen row holds an issue you cannot see: you cannot copy or cut it.',
      });
      return;
    }
    const rowCount = rowsWithSubtrees(forest, index, chosen);
    const rowIds = forest.rowIds.filter((r) => chosen.has(r));
    rowClipboard.set({ structureId: structure.id, structureName: structure.name, rowIds, rowCount, mode });
    setMessage({
      tone: 'information',
      text: `${mode === 'cut' ? 'Cut' : 'Copied'} ${rowCount} ${rowCount === 1 ? 'row' : 'rows'}: choose a row, then Paste (Ctrl+V) puts ${rowCount === 1 ? 'it' : 'them'} after it.`,
    });
  };
  const pasteRows = async () => {
    const clip = rowClipboard.get();
    if (!props.edit?.onPaste || editing) return;
    if (!clip) {
      setMessage({ tone: 'information', text: 'Nothing to paste: copy (Ctrl+C) or cut (Ctrl+X) rows first.' });
      return;
    }
    setEditing(true);
    setMessage(undefined);
    const answer = await props.edit.onPaste(clip, placeAfter(forest, index, forest.rowIds.length > 0 ? active : -1));
    setEditing(false);
    if (!answer.ok) {
      setMessage({ tone: 'warning', text: answer.message });
      return;
    }
    if (clip.mode === 'cut') rowClipboard.set(undefined);
    if (answer.addedRowIds.length > 0) setActiveRowId(answer.addedRowIds[0]);
    setMessage(
      answer.problem
        ? { tone: 'warning', text: answer.problem }
        : { tone: 'information', text: `Pasted ${clip.rowCount} ${clip.rowCount === 1 ? 'row' : 'rows'}.` },
    );
  };
  const onCommand = (command: TreeCommand) => {
    if (command === 'copy' || command === 'cut') copyRows(command);
    else if (command === 'paste') void pasteRows();
    else if (activeFolder === undefined)
      setMessage({ tone: 'information', text: 'Only folders are renamed here: choose a folder row, then F2.' });
    else setRenameSignal((s) => s + 1);
  };

  // The rows wait for the columns, so that Jira is asked once, for the fields the columns show.
  if (!columns.loaded) return <Loading label="Loading columns" />;

  return (
    <>
      {props.edit && (
        <EditBar
          busy={editing}
          canRemove={forest.rowIds.length > 0 && !isPlaceholder(forest, active)}
          onAdd={(issueKeys) =>
            void runEdit(
              addAfter(forest, index, forest.rowIds.length > 0 ? active : -1, issueKeys),
              `Added ${issueKeys.join(', ')}.`,
              { reveal: true },
            )
          }
          onRemove={() => onEditKey('remove')}
          onAddFromSearch={(query) => void addFromSearch(query)}
        />
      )}
      {props.edit && (
        <div role="group" aria-label="Folders and clipboard" style={BAR_STYLE}>
          <FolderForm
            busy={editing}
            activeFolder={activeFolder}
            renameSignal={renameSignal}
            onCreate={(name) =>
              nameFolder(
                { kind: 'add-folder', name, ...placeAfter(forest, index, forest.rowIds.length > 0 ? active : -1) },
                `Created the folder “${name}”.`,
              )
            }
            onRename={(name) =>
              nameFolder({ kind: 'rename', rowId: forest.rowIds[active]!, name }, `Renamed the folder to “${name}”.`)
            }
          />
          {props.edit.onPaste && (
            <ClipboardButtons
              busy={editing}
              canCopy={forest.rowIds.length > 0}
              clipboard={clipboard}
              onCopy={() => copyRows('copy')}
              onCut={() => copyRows('cut')}
              onPaste={() => void pasteRows()}
            />
          )}
        </div>
      )}
      <FilterBar
        busy={filtering}
        active={filter !== undefined}
        onFilter={(query) => void applyFilter(query)}
        onClear={() => {
          setFilter(undefined);
          setMessage(undefined);
        }}
      />
      <StructureToolbar
        maxDepth={index.maxDepth}
        level={expansion.overrides.size === 0 && Number.isFinite(expansion.level) ? expansion.level + 1 : undefined}
        onExpandAll={() => setExpansion({ level: Infinity, overrides: new Map() })}
        onCollapseAll={() => setExpansion({ level: 0, overrides: new Map() })}
        onExpandToLevel={(level) => setExpansion({ level: level - 1, overrides: new Map() })}
        onSearch={(key) => void find(key)}
        searching={searching}
        onShortcuts={() => setShortcuts(true)}
        details={details}
        onDetails={() => setDetails((d) => !d)}
        onColumns={columns.canChange ? () => setColumnsOpen(true) : undefined}
      />
      {columnsOpen && (
        <ColumnsDialog
          columns={columns.columns}
          fields={siteFields}
          onSave={columns.save}
          onClose={() => setColumnsOpen(false)}
        />
      )}
      {columns.error && (
        <div style={{ marginBottom: token('space.100') }}>
          <SectionMessage appearance="warning" title="The structure's columns could not be loaded">
            <p>{columns.error} The default columns show meanwhile; reload the page to try again.</p>
          </SectionMessage>
        </div>
      )}
      {details &&
        (activeIssue ? (
          <DetailsPanel
            issue={activeIssue}
            onOpen={(key) => void openHostUrl(`/browse/${encodeURIComponent(key)}`)}
            onClose={() => setDetails(false)}
          />
        ) : (
          <p data-testid="details-panel">Choose a row of an issue you can see to show its details.</p>
        ))}
      {shortcuts && <ShortcutsDialog canEdit={props.edit !== undefined} onClose={() => setShortcuts(false)} />}
      <div aria-live="polite" data-testid="tree-message">
        {message && (
          <div style={{ marginBottom: token('space.100') }}>
            <SectionMessage appearance={message.tone}>{message.text}</SectionMessage>
          </div>
        )}
      </div>
      {(store.error ?? aggregates.error) && (
        <div style={{ marginBottom: token('space.100') }}>
          <SectionMessage appearance="warning" title="Some issue details could not be loaded from Jira">
            <p>{store.error ?? aggregates.error}. Scroll, or reload the page, to try again.</p>
          </SectionMessage>
        </div>
      )}
      <p
        style={{
          margin: `0 0 ${token('space.100')}`,
          color: token('color.text.subtle'),
          font: token('font.body.small'),
        }}
      >
        {(forest.rowIds.length - placeholders).toLocaleString()} rows
        {hidden > 0 && ` · ${hidden.toLocaleString()} rows hidden because you cannot see their issues`}
        {props.more &&
          ` · loading more rows (${props.more.loaded.toLocaleString()} of ${props.more.total.toLocaleString()})…`}
      </p>
      <ForestTree
        forest={forest}
        index={index}
        expansion={expansion}
        onExpansionChange={setExpansion}
        store={store}
        active={active}
        onActiveChange={setActive}
        scrollTarget={scrollTarget}
        matched={matched}
        height={props.height}
        onEditKey={props.edit ? onEditKey : undefined}
        onCommand={props.edit ? onCommand : undefined}
        onOpenIssue={(key) => void openHostUrl(`/browse/${encodeURIComponent(key)}`)}
        rowsShown={filtered}
        onHelp={() => setShortcuts(true)}
        onUndoKey={
          props.edit?.onUndo
            ? () => {
                const undo = props.edit?.onUndo;
                if (!undo || editing) return;
                setEditing(true);
                void undo().then((answer) => {
                  setEditing(false);
                  setMessage(
                    answer.ok
                      ? { tone: 'information', text: 'Undid your last edit.' }
                      : { tone: 'warning', text: answer.message },
                  );
                });
              }
            : undefined
        }
        selected={props.edit ? selected : undefined}
        onSelect={props.edit ? select : undefined}
        drag={props.edit ? drag : undefined}
        layout={layout}
        aggregatesOf={aggregates.aggregatesOf}
        onRowsShown={aggregates.onRowsShown}
      />
    </>
  );
}
