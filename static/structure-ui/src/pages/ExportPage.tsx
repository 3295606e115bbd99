import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useResolver } from '../api/useResolver';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { PageLayout } from '../components/PageLayout';
import { StructureGate, structureCrumbs } from '../components/StructureGate';

/**
 * Export: the same flow as Import in the other direction. Lists the synchronizers that support
 * export; running one needs the export resolver, which this version of the app does not have yet.
 */
export function ExportPage(props: { structureId: string }) {
  const synchronizers = useResolver('listSynchronizers', {});
  return (
    <StructureGate structureId={props.structureId} pageTitle="Export">
      {(structure) => (
        <PageLayout title="Export" windowTitle={`Export · ${structure.name}`} breadcrumbs={structureCrumbs(structure, 'Export')}>
          {synchronizers.state.status === 'loading' && <Loading label="Loading synchronizers" />}
          {synchronizers.state.status === 'error' && (
            <ErrorMessage error={synchronizers.state.error} title="Synchronizers could not be loaded" onRetry={synchronizers.reload} />
          )}
          {synchronizers.state.status === 'ready' &&
            (() => {
              const exporters = synchronizers.state.data.synchronizers.filter((s) => s.directions.includes('export'));
              return exporters.length === 0 ? (
                <SectionMessage appearance="information" title="No synchronizer can export">
                  <p>None are installed or none supports export.</p>
                </SectionMessage>
              ) : (
                <>
                  <ul style={{ paddingLeft: token('space.250') }}>
                    {exporters.map((s) => (
                      <li key={s.key}>
                        <strong>{s.label}</strong> — {s.description}
                      </li>
                    ))}
                  </ul>
                  <SectionMessage appearance="information" title="Export is not available yet">
                    <p>Running an export from this page comes with a later version of Structure Sync. Import is available now.</p>
                  </SectionMessage>
                </>
              );
            })()}
        </PageLayout>
      )}
    </StructureGate>
  );
}
