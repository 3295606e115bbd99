import EmptyState from '@atlaskit/empty-state';
import Button from '@atlaskit/button/new';
import { PageLayout } from '../components/PageLayout';
import { StructureGate, structureCrumbs } from '../components/StructureGate';
import { useRouter } from '../routing/RouterContext';

/** Installed synchronizers (background sync) are not part of this version: one-time Import is. */
export function SyncSettingsPage(props: { structureId: string }) {
  const { navigate } = useRouter();
  return (
    <StructureGate structureId={props.structureId} pageTitle="Synchronization settings">
      {(structure) => (
        <PageLayout
          title="Synchronization settings"
          windowTitle={`Synchronization settings · ${structure.name}`}
          breadcrumbs={structureCrumbs(structure, 'Synchronization settings')}
        >
          <EmptyState
            header="No synchronizers installed"
            description="Installed synchronizers that keep this structure in sync in the background are not available yet. Run an import to fill the structure once."
            primaryAction={
              <Button appearance="primary" onClick={() => navigate({ page: 'import', structureId: structure.id })}>
                Go to Import
              </Button>
            }
          />
        </PageLayout>
      )}
    </StructureGate>
  );
}
