import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { TypedInvoke } from '../../../src/contract';
import type { AppServices, HostContext } from '../../../static/structure-ui/src/api/services';
import { ServicesProvider } from '../../../static/structure-ui/src/api/ServicesContext';
import { createMemoryHistory, type AppHistory } from '../../../static/structure-ui/src/routing/history';
import { RouterProvider } from '../../../static/structure-ui/src/routing/RouterContext';
import { jsonResponse } from './fakeBackend';
import { alice } from './fixtures';

export interface Given {
  invoke: TypedInvoke;
  requestJira?: AppServices['requestJira'];
  /** Where the app sent the host (Jira's issue view, …). */
  openHostUrl?: AppServices['openHostUrl'];
  path?: string;
  context?: Partial<HostContext>;
}

/** Renders a page with fake host services, as production does with the bridge ones. */
export function renderWithServices(
  ui: ReactElement,
  given: Given,
): { history: AppHistory } & ReturnType<typeof render> {
  const history = createMemoryHistory(given.path ?? '/');
  const services: AppServices = {
    invoke: given.invoke,
    requestJira: given.requestJira ?? (async () => jsonResponse({ errorMessages: ['not faked'] }, 404)),
    getContext: async () => ({ moduleKey: 'structure-global', accountId: alice }),
    createHistory: async () => history,
    changeWindowTitle: async () => undefined,
    openHostUrl: given.openHostUrl ?? (async () => undefined),
  };
  const context: HostContext = { moduleKey: 'structure-global', accountId: alice, ...given.context };
  const result = render(
    <ServicesProvider services={services} context={context}>
      <RouterProvider history={history}>{ui}</RouterProvider>
    </ServicesProvider>,
  );
  return { history, ...result };
}
