import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { StructureSummary } from '../../../../src/contract';
import { useResolver } from '../api/useResolver';
import { DeleteStructureModal } from '../components/DeleteStructureModal';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { PageLayout } from '../components/PageLayout';
import { StructureFormModal } from '../components/StructureFormModal';
import { StructuresTable } from '../components/StructuresTable';
import { SynchronizersSetting } from '../components/SynchronizersSetting';
import { useRouter } from '../routing/RouterContext';

type Dialog =
  { kind: 'create' } | { kind: 'edit'; structure: StructureSummary } | { kind: 'delete'; structure: StructureSummary };

/**
 * Manage structures. On the global page it lists what the viewer can see; on the admin page
 * (`admin`) every structure on the site, because Jira admins have control on all of them.
 */
export function ManageStructuresPage(props: { admin: boolean }) {
  const { navigate } = useRouter();
  const [scope, setScope] = useState<'all' | 'mine'>('all');
  const structures = useResolver('listStructures', { scope });
  const settings = useResolver('getSettings', {});
  const [dialog, setDialog] = useState<Dialog | undefined>();

  const title = props.admin ? 'Structure Sync administration' : 'Manage structures';
  const createButton = (
    <Button appearance="primary" onClick={() => setDialog({ kind: 'create' })}>
      Create structure
    </Button>
  );
  const synchronizersEnabled = settings.state.status === 'ready' && settings.state.data.synchronizersEnabled;

  return (
    <PageLayout
      title={title}
      description={
        props.admin
          ? 'Every structure on this site. As a Jira admin you have control on all of them.'
          : 'Structures are hierarchical lists of Jira issues. Open one to see its forest, or import issues into it.'
      }
      actions={createButton}
    >
      {!props.admin && (
        <div
          role="group"
          aria-label="Which structures"
          style={{ display: 'flex', gap: token('space.050'), marginBottom: token('space.150') }}
        >
          <Button
            isSelected={scope === 'all'}
            aria-pressed={scope === 'all'}
            onClick={() => setScope('all')}
            spacing="compact"
          >
            All you can see
          </Button>
          <Button
            isSelected={scope === 'mine'}
            aria-pressed={scope === 'mine'}
            onClick={() => setScope('mine')}
            spacing="compact"
          >
            Owned by you
          </Button>
        </div>
      )}
      {structures.state.status === 'loading' && <Loading label="Loading structures" />}
      {structures.state.status === 'error' && (
        <ErrorMessage
          error={structures.state.error}
          title="Structures could not be loaded"
          onRetry={structures.reload}
        />
      )}
      {structures.state.status === 'ready' && (
        <StructuresTable
          structures={structures.state.data.structures}
          synchronizersEnabled={synchronizersEnabled}
          onEdit={(structure) => setDialog({ kind: 'edit', structure })}
          onDelete={(structure) => setDialog({ kind: 'delete', structure })}
          emptyAction={createButton}
        />
      )}
      {settings.state.status === 'error' && (
        <ErrorMessage error={settings.state.error} title="App settings could not be loaded" onRetry={settings.reload} />
      )}
      {/* The dark-feature switch is the admins' business: other users see only what it allows. */}
      {settings.state.status === 'ready' && settings.state.data.canChange && (
        <SynchronizersSetting settings={settings.state.data} onChanged={settings.setData} />
      )}
      {dialog?.kind === 'create' && (
        <StructureFormModal
          onClose={() => setDialog(undefined)}
          onSaved={(s) => {
            setDialog(undefined);
            navigate({ page: 'structure', structureId: s.id });
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <StructureFormModal
          existing={dialog.structure}
          onClose={() => setDialog(undefined)}
          onSaved={() => {
            setDialog(undefined);
            structures.reload();
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteStructureModal
          structure={dialog.structure}
          onClose={() => setDialog(undefined)}
          onDeleted={() => {
            setDialog(undefined);
            structures.reload();
          }}
        />
      )}
    </PageLayout>
  );
}
