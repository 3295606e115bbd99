import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AppSettings, StructureSummary } from '../../src/contract';
import { ManageStructuresPage } from '../../static/structure-ui/src/pages/ManageStructuresPage';
import { fail, fakeInvoke, jsonResponse, ok, type Handlers } from './support/fakeBackend';
import { bob, givenStructure } from './support/fixtures';
import { renderWithServices } from './support/renderApp';

function summary(id: string, name: string, level: StructureSummary['level']): StructureSummary {
  const { rules: _rules, forestVersion: _v, ...s } = givenStructure({ id, name, level });
  return s;
}

function givenManagePage(opts: {
  structures: StructureSummary[];
  settings: AppSettings;
  admin?: boolean;
  handlers?: Handlers;
}) {
  const backend = fakeInvoke({
    listStructures: () => ok<'listStructures'>({ structures: opts.structures }),
    getSettings: () => ok<'getSettings'>(opts.settings),
    ...opts.handlers,
  });
  const view = renderWithServices(<ManageStructuresPage admin={opts.admin ?? false} />, { invoke: backend.invoke });
  return { backend, ...view };
}

const operations = (name: string) => screen.getByRole('list', { name: `Operations on ${name}` });

describe('Manage structures', () => {
  const structures = [
    summary('s1', 'Controlled', 'control'),
    summary('s2', 'Editable', 'edit'),
    summary('s3', 'Viewable', 'view'),
  ];

  it('shows each operation only when the level allows it, and Import only with synchronizers on', async () => {
    // given
    givenManagePage({ structures, settings: { synchronizersEnabled: true, canChange: false } });
    await screen.findByText('Controlled');
    // then
    const control = within(operations('Controlled'));
    for (const name of [
      'Open Controlled',
      'Import into Controlled',
      'Export from Controlled',
      'Permissions of Controlled',
    ]) {
      expect(control.getByRole('link', { name })).toBeTruthy();
    }
    expect(control.getByRole('button', { name: 'Delete Controlled' })).toBeTruthy();
    const edit = within(operations('Editable'));
    expect(edit.getByRole('link', { name: 'Open Editable' })).toBeTruthy();
    expect(edit.queryByRole('link', { name: 'Import into Editable' })).toBeNull();
    expect(edit.queryByRole('button', { name: 'Delete Editable' })).toBeNull();
    expect(within(operations('Viewable')).queryAllByRole('link')).toHaveLength(1);
  });

  it('hides Import from everyone while synchronizers are off', async () => {
    // given
    givenManagePage({ structures, settings: { synchronizersEnabled: false, canChange: false } });
    await screen.findByText('Controlled');
    // then
    expect(screen.queryByTestId('op-import')).toBeNull();
    expect(within(operations('Controlled')).getByRole('link', { name: 'Permissions of Controlled' })).toBeTruthy();
    // The dark-feature panel is the admins' business: a user who is not a Jira admin does not get it.
    expect(screen.queryByRole('heading', { name: 'Advanced configuration and dark features' })).toBeNull();
  });

  it('lets a Jira admin turn synchronizers on, after which Import appears', async () => {
    // given
    let settings: AppSettings = { synchronizersEnabled: false, canChange: true };
    const { backend } = givenManagePage({
      admin: true,
      structures,
      settings,
      handlers: {
        getSettings: () => ok<'getSettings'>(settings),
        setSettings: (p) =>
          ok<'setSettings'>((settings = { ...settings, synchronizersEnabled: p.synchronizersEnabled })),
      },
    });
    await screen.findByText('Controlled');
    expect(screen.getByText(/Synchronizers are hidden by default/)).toBeTruthy();
    expect(screen.getByText(/We recommend Automation/)).toBeTruthy();
    // when
    await userEvent.click(screen.getByLabelText('Synchronizers enabled'));
    // then
    await waitFor(() => expect(screen.getByTestId('op-import')).toBeTruthy());
    expect(backend.callsOf('setSettings')).toEqual([{ synchronizersEnabled: true }]);
  });

  it('creates a structure and opens it; a missing name is named next to the field', async () => {
    // given
    const { backend, history } = givenManagePage({
      structures: [],
      settings: { synchronizersEnabled: false, canChange: false },
      handlers: { createStructure: (p) => ok<'createStructure'>(givenStructure({ id: 's9', name: String(p.name) })) },
    });
    expect(await screen.findByText('No structures to show')).toBeTruthy();
    // when
    await userEvent.click(screen.getAllByRole('button', { name: 'Create structure' })[0]!);
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Create' }));
    // then
    expect(await screen.findByText('Name is required')).toBeTruthy();
    expect(backend.callsOf('createStructure')).toHaveLength(0);
    // when
    await userEvent.type(screen.getByLabelText('Name'), 'Q4 plan');
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Create' }));
    // then
    await waitFor(() => expect(history.location.pathname).toBe('/structure/s9'));
    expect(backend.callsOf('createStructure')).toEqual([{ name: 'Q4 plan', description: '' }]);
  });

  it('warns when the new name is one another structure already has, and still lets it be created', async () => {
    // given
    const { backend } = givenManagePage({
      structures: [summary('s1', 'Q4 plan', 'view')],
      settings: { synchronizersEnabled: false, canChange: false },
      handlers: { createStructure: (p) => ok<'createStructure'>(givenStructure({ id: 's9', name: String(p.name) })) },
    });
    await screen.findByText('Q4 plan');
    // when
    await userEvent.click(screen.getAllByRole('button', { name: 'Create structure' })[0]!);
    await userEvent.type(within(await screen.findByRole('dialog')).getByLabelText('Name'), 'q4 Plan ');
    // then
    const warning = await screen.findByTestId('structure-name-duplicate');
    expect(warning.textContent).toContain('Another structure you can see is already called “q4 Plan”');
    expect(screen.getByLabelText('Name').getAttribute('aria-describedby')).toBe('structure-name-duplicate');
    // when
    await userEvent.clear(screen.getByLabelText('Name'));
    await userEvent.type(screen.getByLabelText('Name'), 'Q1 plan');
    // then
    expect(screen.queryByTestId('structure-name-duplicate')).toBeNull();
    // and a duplicate is a warning, not a refusal
    await userEvent.clear(screen.getByLabelText('Name'));
    await userEvent.type(screen.getByLabelText('Name'), 'Q4 plan');
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(backend.callsOf('createStructure')).toEqual([{ name: 'Q4 plan', description: '' }]));
  });

  it('deletes only after confirmation', async () => {
    // given
    let list = [summary('s1', 'Controlled', 'control')];
    const { backend } = givenManagePage({
      structures: list,
      settings: { synchronizersEnabled: false, canChange: false },
      handlers: {
        listStructures: () => ok<'listStructures'>({ structures: list }),
        deleteStructure: () => {
          list = [];
          return ok<'deleteStructure'>({ deleted: true });
        },
      },
    });
    // when
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Controlled' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('This cannot be undone');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    // then
    await waitFor(() => expect(screen.getByText('No structures to show')).toBeTruthy());
    expect(backend.callsOf('deleteStructure')).toEqual([{ structureId: 's1' }]);
  });

  it('explains a failed load and retries', async () => {
    // given
    let attempts = 0;
    givenManagePage({
      structures: [],
      settings: { synchronizersEnabled: false, canChange: false },
      handlers: {
        listStructures: () =>
          ++attempts === 1
            ? fail({ code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer.' })
            : ok<'listStructures'>({ structures: [summary('s1', 'Back again', 'view')] }),
      },
    });
    // then
    const error = await screen.findByTestId('error-message');
    expect(error.textContent).toContain('Jira did not answer.');
    expect(error.textContent).toContain('Wait a minute and try again.');
    // when
    await userEvent.click(within(error).getByRole('button', { name: 'Try again' }));
    // then
    expect(await screen.findByText('Back again')).toBeTruthy();
  });

  it('pages and sorts hundreds of structures', async () => {
    // given
    const many = Array.from({ length: 300 }, (_, i) =>
      summary(`s${i}`, `Structure ${String(i).padStart(3, '0')}`, 'view'),
    );
    givenManagePage({ structures: many, settings: { synchronizersEnabled: false, canChange: false } });
    await screen.findByText('Structure 000');
    // then
    expect(screen.getAllByRole('list', { name: /^Operations on / })).toHaveLength(25);
    // when
    await userEvent.click(screen.getByRole('button', { name: /Name/ }));
    // then
    await waitFor(() => expect(screen.getByText('Structure 299')).toBeTruthy());
    expect(screen.queryByText('Structure 000')).toBeNull();
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Page 2' }));
    // then
    expect(await screen.findByText('Structure 274')).toBeTruthy();
  });

  it('narrows the global list to the structures you own', async () => {
    // given
    const { backend } = givenManagePage({ structures, settings: { synchronizersEnabled: false, canChange: false } });
    await screen.findByText('Controlled');
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Owned by you' }));
    // then
    await waitFor(() => expect(backend.callsOf('listStructures')).toEqual([{ scope: 'all' }, { scope: 'mine' }]));
    expect(screen.getByRole('button', { name: 'Owned by you' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('shows owners by their Jira display name', async () => {
    // given
    const s = { ...summary('s1', 'Bobs', 'view'), ownerAccountId: bob };
    const backend = fakeInvoke({
      listStructures: () => ok<'listStructures'>({ structures: [s] }),
      getSettings: () => ok<'getSettings'>({ synchronizersEnabled: false, canChange: false }),
    });
    renderWithServices(<ManageStructuresPage admin={false} />, {
      invoke: backend.invoke,
      requestJira: async (path) =>
        jsonResponse(
          path.startsWith('/rest/api/3/user/bulk?') && path.includes(bob)
            ? { isLast: true, values: [{ accountId: bob, displayName: 'Bob Builder' }] }
            : {},
          200,
        ),
    });
    // then
    expect(await screen.findByText('Bob Builder')).toBeTruthy();
  });
});
