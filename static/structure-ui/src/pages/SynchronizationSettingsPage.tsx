import { useState } from 'react';
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type {
  AppErrorDto,
  Direction,
  InstalledSynchronizerDto,
  StructureDetails,
  SynchronizerInfo,
} from '../../../../src/contract';
import { useServices } from '../api/ServicesContext';
import { useResolver } from '../api/useResolver';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { PageLayout } from '../components/PageLayout';
import { StructureGate, structureCrumbs } from '../components/StructureGate';
import { cellStyle, InstalledSynchronizerRow } from '../components/synchronizers/InstalledSynchronizerRow';
import { RemoveSynchronizerModal } from '../components/synchronizers/RemoveSynchronizerModal';
import { ResyncModal } from '../components/synchronizers/ResyncModal';
import { SynchronizerParamsModal } from '../components/synchronizers/SynchronizerParamsModal';
import { RouteLink } from '../routing/RouteLink';
import { useRouter } from '../routing/RouterContext';

export function SynchronizationSettingsPage(props: { structureId: string }) {
  return (
    <StructureGate structureId={props.structureId} pageTitle="Synchronization settings">
      {(structure) => <SynchronizationSettings structure={structure} />}
    </StructureGate>
  );
}

type Dialog =
  | { kind: 'install' }
  | { kind: 'edit'; synchronizer: InstalledSynchronizerDto }
  | { kind: 'remove'; synchronizer: InstalledSynchronizerDto }
  | { kind: 'resync'; synchronizer: InstalledSynchronizerDto; direction: Direction };

/**
 * The synchronizers installed on one structure: what each does, as whom, whether it runs in the
 * background, how its last run went; install, edit, remove, enable/disable and Resync.
 */
export function SynchronizationSettings(props: { structure: StructureDetails }) {
  const { structure } = props;
  const { invoke } = useServices();
  const { navigate } = useRouter();
  const installed = useResolver('listInstalledSynchronizers', { structureId: structure.id });
  const available = useResolver('listSynchronizers', {});
  const settings = useResolver('getSettings', {});
  const [dialog, setDialog] = useState<Dialog | undefined>();
  const [toggling, setToggling] = useState<string | undefined>();
  const [actionError, setActionError] = useState<AppErrorDto | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  const frame = (children: React.ReactNode, actions?: React.ReactNode) => (
    <PageLayout
      title="Synchronization settings"
      windowTitle={`Synchronization settings · ${structure.name}`}
      breadcrumbs={structureCrumbs(structure, 'Synchronization settings')}
      description={
        <>
          Synchronizers installed on “{structure.name}”. Enabled ones keep it in sync in the background; any of them can
          be run once with Resync.
        </>
      }
      actions={
        <>
          <span style={{ alignSelf: 'center' }}>
            <RouteLink to={{ page: 'jobs', structureId: structure.id }}>Job history</RouteLink>
          </span>
          {actions}
        </>
      }
    >
      {children}
    </PageLayout>
  );

  if (settings.state.status === 'error') {
    return frame(
      <ErrorMessage
        error={settings.state.error}
        title="Whether synchronizers are on could not be checked"
        onRetry={settings.reload}
      />,
    );
  }
  if (settings.state.status === 'ready' && !settings.state.data.synchronizersEnabled) {
    return frame(
      <ErrorMessage
        title="Synchronizers are turned off"
        error={{
          code: 'SYNCHRONIZERS_DISABLED',
          message:
            'Installed synchronizers do not run, and cannot be changed, while synchronizers are turned off on this site.',
        }}
      />,
    );
  }
  if (installed.state.status === 'loading') return frame(<Loading label="Loading installed synchronizers" />);
  if (installed.state.status === 'error') {
    return frame(
      <ErrorMessage
        error={installed.state.error}
        title="Installed synchronizers could not be loaded"
        onRetry={installed.reload}
      />,
    );
  }
  const { synchronizers: list, canChange } = installed.state.data;
  const offered: SynchronizerInfo[] = available.state.status === 'ready' ? available.state.data.synchronizers : [];

  const replace = (s: InstalledSynchronizerDto) =>
    installed.setData({
      canChange,
      synchronizers: list.some((x) => x.id === s.id) ? list.map((x) => (x.id === s.id ? s : x)) : [...list, s],
    });

  const toggle = async (s: InstalledSynchronizerDto, enabled: boolean) => {
    setToggling(s.id);
    setActionError(undefined);
    setNotice(undefined);
    const answer = await invoke('setSynchronizerEnabled', { structureId: structure.id, synchronizerId: s.id, enabled });
    setToggling(undefined);
    if (answer.ok) {
      replace(answer.data.synchronizer);
      setNotice(
        enabled
          ? `The ${s.label} synchronizer is enabled: it now runs in the background as its run-as user.`
          : `The ${s.label} synchronizer is disabled: nothing runs in the background.`,
      );
    } else setActionError(answer.error);
  };

  const installButton = canChange && (
    <Button
      appearance="primary"
      onClick={() => setDialog({ kind: 'install' })}
      isDisabled={available.state.status !== 'ready'}
    >
      Install synchronizer
    </Button>
  );

  return frame(
    <>
      {!canChange && (
        <div style={{ marginBottom: token('space.200') }}>
          <SectionMessage appearance="information" title="Read only">
            <p>Changing synchronizers needs control on this structure. Ask its owner for control.</p>
          </SectionMessage>
        </div>
      )}
      {available.state.status === 'error' && (
        <ErrorMessage
          error={available.state.error}
          title="The synchronizers you can install could not be loaded"
          onRetry={available.reload}
        />
      )}
      <div aria-live="polite">
        {notice && (
          <div style={{ marginBottom: token('space.200') }} data-testid="sync-notice">
            <SectionMessage appearance="success">
              <p>{notice}</p>
            </SectionMessage>
          </div>
        )}
      </div>
      {actionError && (
        <div style={{ marginBottom: token('space.200') }}>
          <ErrorMessage error={actionError} title="That did not work" />
        </div>
      )}
      {list.length === 0 ? (
        <EmptyState
          header="No synchronizers installed"
          description="Install a synchronizer to keep this structure and Jira in sync, or to run the same import or export again with Resync. Installed synchronizers start disabled."
          primaryAction={installButton || undefined}
        />
      ) : (
        <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="installed-synchronizers">
          <caption
            style={{
              textAlign: 'left',
              font: token('font.body.small'),
              color: token('color.text.subtle'),
              margin: `0 0 ${token('space.050')}`,
            }}
          >
            {list.length === 1 ? 'One installed synchronizer' : `${list.length} installed synchronizers`}
          </caption>
          <thead>
            <tr style={{ borderBottom: `2px solid ${token('color.border')}`, color: token('color.text.subtle') }}>
              <th style={{ ...cellStyle, width: '30%' }}>Synchronizer</th>
              <th style={cellStyle}>Runs as</th>
              <th style={{ ...cellStyle, width: '16%' }}>State</th>
              <th style={{ ...cellStyle, width: '18%' }}>Last run</th>
              <th style={{ ...cellStyle, width: '24%' }}>Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.map((s) => (
              <InstalledSynchronizerRow
                key={s.id}
                synchronizer={s}
                canChange={canChange}
                toggling={toggling === s.id}
                onToggle={(enabled) => void toggle(s, enabled)}
                onResync={(direction) => setDialog({ kind: 'resync', synchronizer: s, direction })}
                onEdit={() => setDialog({ kind: 'edit', synchronizer: s })}
                onRemove={() => setDialog({ kind: 'remove', synchronizer: s })}
              />
            ))}
          </tbody>
        </table>
      )}
      {dialog?.kind === 'install' && (
        <SynchronizerParamsModal
          structureId={structure.id}
          synchronizers={offered}
          onCancel={() => setDialog(undefined)}
          onSaved={(s) => {
            setDialog(undefined);
            replace(s);
            setNotice(
              `The ${s.label} synchronizer is installed and disabled. Run it with Resync, or enable it to sync in the background.`,
            );
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <SynchronizerParamsModal
          structureId={structure.id}
          synchronizers={offered}
          installed={dialog.synchronizer}
          onCancel={() => setDialog(undefined)}
          onSaved={(s) => {
            setDialog(undefined);
            replace(s);
            setNotice(`The parameters of the ${s.label} synchronizer are saved.`);
          }}
        />
      )}
      {dialog?.kind === 'remove' && (
        <RemoveSynchronizerModal
          structureId={structure.id}
          synchronizer={dialog.synchronizer}
          onCancel={() => setDialog(undefined)}
          onRemoved={() => {
            const removed = dialog.synchronizer;
            setDialog(undefined);
            installed.setData({ canChange, synchronizers: list.filter((x) => x.id !== removed.id) });
            setNotice(`The ${removed.label} synchronizer is removed.`);
          }}
        />
      )}
      {dialog?.kind === 'resync' && (
        <ResyncModal
          structureId={structure.id}
          structureName={structure.name}
          synchronizer={dialog.synchronizer}
          direction={dialog.direction}
          onCancel={() => setDialog(undefined)}
          onStarted={(job) => navigate({ page: 'job', jobId: job.id })}
        />
      )}
    </>,
    list.length > 0 ? installButton : undefined,
  );
}
