import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ResolverAnswerOf } from '../../src/contract';
import { App } from '../../static/structure-ui/src/App';
import type { AppServices } from '../../static/structure-ui/src/api/services';
import { createMemoryHistory } from '../../static/structure-ui/src/routing/history';
import { fakeInvoke, jsonResponse, ok, type Handlers } from './support/fakeBackend';
import { alice } from './support/fixtures';

function givenApp(moduleKey: string, handlers: Handlers, path = '/') {
  const history = createMemoryHistory(path);
  const titles: string[] = [];
  const services: AppServices = {
    invoke: fakeInvoke(handlers).invoke,
    requestJira: async () => jsonResponse({}, 404),
    getContext: async () => ({ moduleKey, accountId: alice }),
    createHistory: async () => history,
    changeWindowTitle: async (t) => void titles.push(t),
    openHostUrl: async () => undefined,
  };
  render(<App services={services} context={{ moduleKey, accountId: alice }} history={history} />);
  return { history, titles };
}

const settings = () => ok<'getSettings'>({ synchronizersEnabled: false, canChange: true });

describe('App', () => {
  it('opens the administration page in the admin module and Manage structures in the global one', async () => {
    // given
    const { titles } = givenApp('structure-admin', {
      listStructures: () => ok<'listStructures'>({ structures: [] }),
      getSettings: settings,
    });
    // then
    expect(await screen.findByRole('heading', { name: 'Structure Sync administration' })).toBeTruthy();
    expect(titles).toContain('Structure Sync administration');
  });

  it('shows a message instead of a blank page when a page breaks, and recovers on the way home', async () => {
    // given: an answer in a shape the page cannot render
    const broken = {
      ok: true,
      data: { id: 's1', name: 'X', level: 'control' },
    } as unknown as ResolverAnswerOf<'getStructure'>;
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { history } = givenApp(
      'structure-global',
      {
        getStructure: () => broken,
        getSettings: settings,
        listStructures: () => ok<'listStructures'>({ structures: [] }),
      },
      '/structure/s1/permissions',
    );
    // then
    expect(await screen.findByText('Something went wrong on this page')).toBeTruthy();
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Back to Manage structures' }));
    // then
    expect(history.location.pathname).toBe('/');
    expect(await screen.findByRole('heading', { name: 'Manage structures' })).toBeTruthy();
  });

  it('explains an unknown address', async () => {
    // given
    givenApp('structure-global', {}, '/nowhere/at/all');
    // then
    expect(await screen.findByText('This page does not exist')).toBeTruthy();
  });
});
