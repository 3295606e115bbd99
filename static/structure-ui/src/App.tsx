import { MODULE_ADMIN, type AppServices, type HostContext } from './api/services';
import { ServicesProvider } from './api/ServicesContext';
import { ExportPage } from './pages/ExportPage';
import { ImportPage } from './pages/ImportPage';
import { JobPage } from './pages/JobPage';
import { JobsPage } from './pages/JobsPage';
import { HistoryPage } from './pages/HistoryPage';
import { ManageStructuresPage } from './pages/ManageStructuresPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PermissionsPage } from './pages/PermissionsPage';
import { StructurePage } from './pages/StructurePage';
import { SynchronizationSettingsPage } from './pages/SynchronizationSettingsPage';
import type { AppHistory } from './routing/history';
import { RouterProvider, useRouter } from './routing/RouterContext';
import { routePath, type Route } from './routing/routes';
import { PageErrorBoundary } from './components/PageErrorBoundary';

function Pages(props: { admin: boolean }) {
  const { route, navigate } = useRouter();
  return (
    <PageErrorBoundary key={routePath(route)} onHome={() => navigate({ page: 'home' })}>
      <Page route={route} admin={props.admin} />
    </PageErrorBoundary>
  );
}

function Page(props: { route: Route; admin: boolean }) {
  const { route } = props;
  // A key per page resets page state when the route changes to another structure or job.
  switch (route.page) {
    case 'home':
      return <ManageStructuresPage admin={props.admin} />;
    case 'structure':
      return <StructurePage key={route.structureId} structureId={route.structureId} />;
    case 'import':
      return <ImportPage key={route.structureId} structureId={route.structureId} />;
    case 'export':
      return <ExportPage key={route.structureId} structureId={route.structureId} />;
    case 'syncSettings':
      return <SynchronizationSettingsPage key={route.structureId} structureId={route.structureId} />;
    case 'permissions':
      return <PermissionsPage key={route.structureId} structureId={route.structureId} />;
    case 'jobs':
      return <JobsPage key={route.structureId} structureId={route.structureId} />;
    case 'history':
      return <HistoryPage key={route.structureId} structureId={route.structureId} />;
    case 'job':
      return <JobPage key={route.jobId} jobId={route.jobId} />;
    case 'notFound':
      return <NotFoundPage path={route.path} />;
  }
}

/** The whole app for one module (`structure-global` or `structure-admin`), given its host services. */
export function App(props: { services: AppServices; context: HostContext; history: AppHistory }) {
  return (
    <ServicesProvider services={props.services} context={props.context}>
      <RouterProvider history={props.history}>
        <Pages admin={props.context.moduleKey === MODULE_ADMIN} />
      </RouterProvider>
    </ServicesProvider>
  );
}
