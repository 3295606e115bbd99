import type { ReactNode } from 'react';
import type { StructureDetails } from '../../../../src/contract';
import { useResolver } from '../api/useResolver';
import { useRouter } from '../routing/RouterContext';
import { Breadcrumbs } from './Breadcrumbs';
import { ErrorMessage } from './ErrorMessage';
import { Loading } from './Loading';
import { PageLayout } from './PageLayout';

/**
 * Loads the structure a page is about and shows the loading and error states with the page's
 * frame, so each structure page renders only its ready state.
 */
export function StructureGate(props: {
  structureId: string;
  pageTitle: string;
  children: (structure: StructureDetails, reload: () => void, setStructure: (s: StructureDetails) => void) => ReactNode;
}) {
  const { navigate } = useRouter();
  const { state, reload, setData } = useResolver('getStructure', { structureId: props.structureId });
  if (state.status === 'ready') return <>{props.children(state.data, reload, setData)}</>;
  return (
    <PageLayout
      title={props.pageTitle}
      breadcrumbs={
        <Breadcrumbs items={[{ label: 'Manage structures', to: { page: 'home' } }, { label: props.pageTitle }]} />
      }
    >
      {state.status === 'loading' ? (
        <Loading label="Loading structure" />
      ) : (
        <ErrorMessage
          error={state.error}
          title="The structure could not be opened"
          onRetry={reload}
          onBack={() => navigate({ page: 'home' })}
        />
      )}
    </PageLayout>
  );
}

export function structureCrumbs(structure: { id: string; name: string }, current: string) {
  return (
    <Breadcrumbs
      items={[
        { label: 'Manage structures', to: { page: 'home' } },
        { label: structure.name, to: { page: 'structure', structureId: structure.id } },
        { label: current },
      ]}
    />
  );
}
