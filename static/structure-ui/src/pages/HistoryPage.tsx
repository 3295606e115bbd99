// A structure's history: every change — edits by hand, imports, resyncs, undos, restores, and the exports
// and reverts that ran on it — with who, when and how many rows; undo of the reader's own edits, an
// earlier version to look at, and a restore to it (control) as one new change.
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { HistoryEntryDto, StructureDetails } from '../../../../src/contract';
import { atLeast } from '../api/permissions';
import { useServices } from '../api/ServicesContext';
import { useResolver } from '../api/useResolver';
import { ConfirmModal } from '../components/ConfirmModal';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { PageLayout } from '../components/PageLayout';
import { StructureGate, structureCrumbs } from '../components/StructureGate';
import type { ForestRows } from '../components/tree/forestIndex';
import { ForestView } from './StructurePage';

const KIND: Record<HistoryEntryDto['kind'], string> = {
  edit: 'Edited by hand',
  import: 'Import',
  resync: 'Resync',
  undo: 'Undo of an import',
  'undo-edit': 'Undo of an edit',
  restore: 'Restore',
  export: 'Export to Jira',
  revert: 'Revert of an export',
};

export function HistoryPage(props: { structureId: string }) {
  return (
    <StructureGate structureId={props.structureId} pageTitle="History">
      {(structure) => <History structure={structure} />}
    </StructureGate>
  );
}

export function whatChanged(e: HistoryEntryDto): string {
  if (e.kind === 'export' || e.kind === 'revert')
    return `${(e.issuesChanged ?? 0).toLocaleString()} changes written to Jira${e.state && e.state !== 'finished' ? ` (${e.state})` : ''}`;
  const parts = [
    e.counts.added > 0 ? `${e.counts.added.toLocaleString()} added` : '',
    e.counts.moved > 0 ? `${e.counts.moved.toLocaleString()} moved` : '',
    e.counts.removed > 0 ? `${e.counts.removed.toLocaleString()} removed` : '',
  ].filter((p) => p !== '');
  const renamed = e.renamed ? `${e.renamed.toLocaleString()} ${e.renamed === 1 ? 'folder' : 'folders'} renamed` : '';
  const rows =
    parts.length > 0 ? `Rows: ${parts.join(', ')}${renamed ? `; ${renamed}` : ''}` : renamed || 'No row changed';
  return e.kind === 'restore' && e.of !== undefined ? `${rows} — back to version ${e.of}` : rows;
}

function History(props: { structure: StructureDetails }) {
  const { structure } = props;
  const { invoke } = useServices();
  const history = useResolver('listStructureHistory', { structureId: structure.id, limit: 50 });
  const [viewing, setViewing] = useState<{
    version: number;
    forest?: ForestRows;
    hiddenRows: number;
    error?: string;
  }>();
  const [restoring, setRestoring] = useState<number | undefined>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'success' | 'warning'; text: string }>();
  const control = atLeast(structure.level, 'control');

  const view = async (version: number) => {
    setViewing({ version, hiddenRows: 0 });
    const forest: ForestRows = { rowIds: [], depths: [], issueIds: [] };
    let hiddenRows = 0;
    let cursor: string | undefined;
    do {
      const answer = await invoke('getForestAt', { structureId: structure.id, version, cursor, limit: 10000 });
      if (!answer.ok) return setViewing({ version, hiddenRows: 0, error: answer.error.message });
      forest.rowIds.push(...answer.data.rowIds);
      forest.depths.push(...answer.data.depths);
      forest.issueIds.push(...answer.data.issueIds);
      if (answer.data.folderNames) forest.folderNames = { ...forest.folderNames, ...answer.data.folderNames };
      hiddenRows += answer.data.hiddenRows;
      cursor = answer.data.nextCursor;
    } while (cursor);
    setViewing({ version, forest, hiddenRows });
  };
  const act = async (what: 'undo' | 'restore', version: number) => {
    setBusy(true);
    setNotice(undefined);
    const answer =
      what === 'undo'
        ? await invoke('undoEdit', { structureId: structure.id, version })
        : await invoke('restoreVersion', { structureId: structure.id, version });
    setBusy(false);
    setRestoring(undefined);
    if (!answer.ok) return setNotice({ tone: 'warning', text: answer.error.message });
    const c = answer.data.counts;
    setNotice({
      tone: 'success',
      text: `${what === 'undo' ? `Undid the edit of version ${version}` : `Restored version ${version}`} as version ${answer.data.version}: ${c.added} rows added, ${c.moved} moved, ${c.removed} removed.`,
    });
    history.reload();
  };

  return (
    <PageLayout
      title="History"
      windowTitle={`History · ${structure.name}`}
      breadcrumbs={structureCrumbs(structure, 'History')}
      description="Every change to the structure, newest first: who made it, when, and how many rows it touched — never which issues."
    >
      <div aria-live="polite">
        {notice && (
          <div style={{ marginBottom: token('space.200') }} data-testid="history-notice">
            <SectionMessage appearance={notice.tone === 'success' ? 'success' : 'warning'}>
              <p>{notice.text}</p>
            </SectionMessage>
          </div>
        )}
      </div>
      {history.state.status === 'loading' && <Loading label="Loading the history" />}
      {history.state.status === 'error' && (
        <ErrorMessage error={history.state.error} title="The history could not be loaded" onRetry={history.reload} />
      )}
      {history.state.status === 'ready' && (
        <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="history">
          <caption style={{ textAlign: 'left', font: token('font.body.small'), color: token('color.text.subtle') }}>
            {history.state.data.entries.length === 0 ? 'No change yet' : 'Changes, newest first'}
          </caption>
          <thead>
            <tr style={{ borderBottom: `2px solid ${token('color.border')}`, textAlign: 'left' }}>
              <th>Version</th>
              <th>When</th>
              <th>Who</th>
              <th>What</th>
              <th>Changes</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {history.state.data.entries.map((e) => (
              <tr
                key={`${e.version}-${e.kind}-${e.jobId ?? ''}`}
                style={{ borderBottom: `1px solid ${token('color.border')}` }}
                data-testid="history-entry"
              >
                <td>{e.version}</td>
                <td>{new Date(e.at).toLocaleString()}</td>
                <td>{e.who.displayName}</td>
                <td>
                  <Lozenge appearance={e.kind === 'export' || e.kind === 'revert' ? 'inprogress' : 'default'}>
                    {KIND[e.kind]}
                  </Lozenge>
                  {e.trigger && ` (${e.trigger === 'event' ? 'background' : 'hourly'})`}
                </td>
                <td>{whatChanged(e)}</td>
                <td style={{ display: 'flex', gap: token('space.050'), padding: `${token('space.050')} 0` }}>
                  {e.undoable && (
                    <Button isDisabled={busy} onClick={() => void act('undo', e.version)}>
                      Undo
                    </Button>
                  )}
                  {e.viewable && e.kind !== 'export' && e.kind !== 'revert' && (
                    <Button onClick={() => void view(e.version)} aria-label={`View version ${e.version}`}>
                      View
                    </Button>
                  )}
                  {e.viewable && control && e.kind !== 'export' && e.kind !== 'revert' && (
                    <Button onClick={() => setRestoring(e.version)} aria-label={`Restore version ${e.version}`}>
                      Restore
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {viewing && (
        <section aria-label={`Version ${viewing.version}`} style={{ marginTop: token('space.300') }}>
          <h2 style={{ font: token('font.heading.small') }}>Version {viewing.version}, as it was</h2>
          {viewing.error ? (
            <SectionMessage appearance="warning">
              <p>{viewing.error}</p>
            </SectionMessage>
          ) : viewing.forest ? (
            <ForestView forest={viewing.forest} hiddenRows={viewing.hiddenRows} height={360} />
          ) : (
            <Loading label={`Loading version ${viewing.version}`} />
          )}
        </section>
      )}
      {restoring !== undefined && (
        <ConfirmModal
          label="Restore an earlier version"
          title={`Restore version ${restoring}?`}
          appearance="warning"
          confirmLabel="Restore"
          running={busy}
          onCancel={() => setRestoring(undefined)}
          onConfirm={() => void act('restore', restoring)}
        >
          <p>
            The structure goes back to its rows as they were in version {restoring}, as one new change anyone can see in
            this history. Rows of issues you cannot see are never touched: if the restore would, it is refused. Jira's
            issues are not changed.
          </p>
        </ConfirmModal>
      )}
    </PageLayout>
  );
}
