import { JobHistory } from '../components/JobHistory';
import { PageLayout } from '../components/PageLayout';
import { StructureGate, structureCrumbs } from '../components/StructureGate';

export function JobsPage(props: { structureId: string }) {
  return (
    <StructureGate structureId={props.structureId} pageTitle="Job history">
      {(structure) => (
        <PageLayout
          title="Job history"
          windowTitle={`Jobs · ${structure.name}`}
          breadcrumbs={structureCrumbs(structure, 'Job history')}
        >
          <JobHistory structureId={structure.id} />
        </PageLayout>
      )}
    </StructureGate>
  );
}
