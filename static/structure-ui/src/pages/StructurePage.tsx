import { useMemo, useState, useSyncExternalStore } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import EmptyState from '@atlaskit/empty-state';
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
import { buildIndex, reveal, type Expansion, type ForestRows } from '../components/tree/forestIndex';
import { StructureToolbar } from '../components/tree/StructureToolbar';
import { useRouter } from '../routing/RouterContext';

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
  const forest = useForest(structure.id, generation);
  const settings = useResolver('getSettings', {});
  const can = allowedOperations(
    structure.level,
    settings.state.status === 'ready' && settings.state.data.synchronizersEnabled,
  );
  const control = atLeast(structure.level, 'control');
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
          {can.permissions && (
            <Button onClick={() => navigate({ page: 'permissions', structureId: structure.id })}>Permissions</Button>
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
      {forest.status === 'loading' && <Loading label="Loading rows" />}
      {forest.status === 'error' && (
        <ErrorMessage
          error={forest.error}
          title="The structure's rows could not be loaded"
          onRetry={() => setGeneration((g) => g + 1)}
        />
      )}
      {forest.status === 'ready' &&
        (forest.forest.rowIds.length === 0 && !forest.more ? (
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
        ) : (
          <ForestView forest={forest.forest} hiddenRows={forest.hiddenRows} more={forest.more} />
        ))}
    </PageLayout>
  );
}

/** The loaded forest with its toolbar; exported for the component tests. */
export function ForestView(props: {
  forest: ForestRows;
  hiddenRows: number;
  more?: { loaded: number; total: number };
  height?: number;
}) {
  const { forest } = props;
  const { requestJira } = useServices();
  const store = useMemo(() => new IssueDetailsStore(requestJira), [requestJira]);
  const index = useMemo(() => buildIndex(forest), [forest]);
  // Placeholder rows stand in for issues the viewer cannot see: counted as hidden, not as rows on show.
  const placeholders = useMemo(() => forest.issueIds.reduce((n, id) => (id === null ? n + 1 : n), 0), [forest]);
  const hidden = props.hiddenRows + placeholders;
  const [expansion, setExpansion] = useState<Expansion>({ level: 1, overrides: new Map() });
  const [active, setActive] = useState(0);
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

  return (
    <>
      <StructureToolbar
        maxDepth={index.maxDepth}
        level={expansion.overrides.size === 0 && Number.isFinite(expansion.level) ? expansion.level + 1 : undefined}
        onExpandAll={() => setExpansion({ level: Infinity, overrides: new Map() })}
        onCollapseAll={() => setExpansion({ level: 0, overrides: new Map() })}
        onExpandToLevel={(level) => setExpansion({ level: level - 1, overrides: new Map() })}
        onSearch={(key) => void find(key)}
        searching={searching}
      />
      <div aria-live="polite" data-testid="tree-message">
        {message && (
          <div style={{ marginBottom: token('space.100') }}>
            <SectionMessage appearance={message.tone}>{message.text}</SectionMessage>
          </div>
        )}
      </div>
      {store.error && (
        <div style={{ marginBottom: token('space.100') }}>
          <SectionMessage appearance="warning" title="Some issue details could not be loaded from Jira">
            <p>{store.error}. Scroll, or reload the page, to try again.</p>
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
      />
    </>
  );
}
