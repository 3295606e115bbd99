import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PayloadIn } from '../../src/contract';
import { PermissionsPage } from '../../static/structure-ui/src/pages/PermissionsPage';
import { fail, fakeInvoke, ok, type Handlers } from './support/fakeBackend';
import { bob, givenStructure } from './support/fixtures';
import { renderWithServices } from './support/renderApp';

function givenPermissionsPage(
  structure = givenStructure({ rules: [{ subject: { type: 'user', accountId: bob }, level: 'edit' }] }),
  handlers: Handlers = {},
) {
  const backend = fakeInvoke({ getStructure: () => ok<'getStructure'>(structure), ...handlers });
  renderWithServices(<PermissionsPage structureId="s1" />, { invoke: backend.invoke });
  return backend;
}

describe('Permissions editor', () => {
  it('adds a group rule and saves every rule with its level', async () => {
    // given
    const backend = givenPermissionsPage(undefined, {
      setPermissions: (p) => ok<'setPermissions'>(givenStructure({ rules: p.rules })),
    });
    await screen.findByTestId('rule-0');
    expect(screen.getByText('Owner:')).toBeTruthy();
    // when
    await userEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    await userEvent.click(screen.getByLabelText('Rule 2 subject type'));
    await userEvent.click(await screen.findByText('Group'));
    // (this fake Jira lists no groups: the typed name is used as it is)
    await userEvent.type(screen.getByLabelText('Rule 2 group'), 'jira-software-users');
    await userEvent.click(await screen.findByText('Use group “jira-software-users”'));
    await userEvent.click(screen.getByLabelText('Rule 2 level'));
    await userEvent.click(await screen.findByText('Automate'));
    await userEvent.click(screen.getByRole('button', { name: 'Save permissions' }));
    // then
    expect(await screen.findByText('Permissions saved')).toBeTruthy();
    const saved = backend.callsOf('setPermissions')[0] as PayloadIn<'setPermissions'>;
    expect(saved.rules).toEqual([
      { subject: { type: 'user', accountId: bob }, level: 'edit' },
      { subject: { type: 'group', groupName: 'jira-software-users' }, level: 'automate' },
    ]);
  });

  it('removes a rule, and shows a refusal with what to do', async () => {
    // given
    const backend = givenPermissionsPage(undefined, {
      setPermissions: () => fail({ code: 'PERMISSION_LEVEL', message: 'Permissions need control.', needed: 'control' }),
    });
    // when
    await userEvent.click(await screen.findByRole('button', { name: 'Remove rule 1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save permissions' }));
    // then
    const error = await screen.findByTestId('error-message');
    expect(error.textContent).toContain('Permissions need control.');
    expect(error.textContent).toContain('You need the control level');
    expect((backend.callsOf('setPermissions')[0] as PayloadIn<'setPermissions'>).rules).toEqual([]);
    expect(screen.getByText(/No rules: only the owner and Jira admins/)).toBeTruthy();
  });

  it('refuses the editor to a user without control, saying which level is needed', async () => {
    // given
    givenPermissionsPage(givenStructure({ level: 'edit' }));
    // then
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/you have edit/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Save permissions' })).toBeNull());
  });
});
