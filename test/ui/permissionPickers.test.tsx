// The Permissions editor's pickers (user, group, project and role) over a fake Jira, and display names
// fetched in bulk.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PayloadIn, StructureSummary } from '../../src/contract';
import { StructuresTable } from '../../static/structure-ui/src/components/StructuresTable';
import { PermissionsPage } from '../../static/structure-ui/src/pages/PermissionsPage';
import { fakeInvoke, ok } from './support/fakeBackend';
import { fakeJira, type FakeJiraSite } from './support/fakeJira';
import { alice, bob, givenStructure } from './support/fixtures';
import { renderWithServices } from './support/renderApp';

const site: FakeJiraSite = {
  users: [
    { accountId: alice, displayName: 'Alice Admin' },
    { accountId: bob, displayName: 'Bob Builder' },
    { accountId: 'acc-priya', displayName: 'Priya Patel' },
  ],
  groups: ['jira-software-users', 'security-team'],
  projects: [
    { key: 'PLAT', name: 'Platform', roles: ['Administrators', 'Developers'] },
    { key: 'MOB', name: 'Mobile', roles: 'forbidden' },
  ],
};

function givenEditor(
  structure = givenStructure({ rules: [{ subject: { type: 'user', accountId: bob }, level: 'edit' }] }),
) {
  const jira = fakeJira(site);
  const backend = fakeInvoke({
    getStructure: () => ok<'getStructure'>(structure),
    setPermissions: (p) => ok<'setPermissions'>(givenStructure({ rules: p.rules })),
  });
  renderWithServices(<PermissionsPage structureId="s1" />, { invoke: backend.invoke, requestJira: jira.requestJira });
  return { jira, backend };
}

async function addRuleOfType(index: number, type: 'User' | 'Group' | 'Project role') {
  await userEvent.click(screen.getByRole('button', { name: 'Add rule' }));
  await userEvent.click(screen.getByLabelText(`Rule ${index} subject type`));
  await userEvent.click(await screen.findByRole('option', { name: type }));
}

async function save(backend: ReturnType<typeof givenEditor>['backend']) {
  await userEvent.click(screen.getByRole('button', { name: 'Save permissions' }));
  await screen.findByText('Permissions saved');
  return (backend.callsOf('setPermissions')[0] as PayloadIn<'setPermissions'>).rules;
}

describe('Permissions editor pickers', () => {
  it('shows the owner and the rules’ users by name, asking Jira once for all of them', async () => {
    // given
    const { jira } = givenEditor();
    // then
    expect(await screen.findByText('Alice Admin')).toBeTruthy();
    expect(await screen.findByText('Bob Builder')).toBeTruthy();
    expect(jira.pathsTo('/rest/api/3/user/bulk')).toHaveLength(1);
    expect(jira.pathsTo('/rest/api/3/user/bulk')[0]).toMatch(
      /accountId=acc-alice.*accountId=acc-bob|accountId=acc-bob.*accountId=acc-alice/,
    );
  });

  it('adds a user rule by picking a name found by Jira’s user search', async () => {
    // given
    const { backend, jira } = givenEditor();
    await screen.findByTestId('rule-0');
    // when
    await addRuleOfType(2, 'User');
    await userEvent.type(screen.getByLabelText('Rule 2 user'), 'pri');
    await userEvent.click(await screen.findByText('Priya Patel'));
    // then
    expect(jira.pathsTo('/rest/api/3/user/search?query=pri')).not.toHaveLength(0);
    expect((await save(backend))[1]).toEqual({ subject: { type: 'user', accountId: 'acc-priya' }, level: 'view' });
    expect(screen.getByText('Priya Patel')).toBeTruthy();
  });

  it('takes a typed account ID when the search finds nobody, but never a misspelt name', async () => {
    // given
    const { backend } = givenEditor();
    await screen.findByTestId('rule-0');
    await addRuleOfType(2, 'User');
    // when
    await userEvent.type(screen.getByLabelText('Rule 2 user'), 'zz');
    // then
    expect(await screen.findByText('Nobody found')).toBeTruthy();
    // when
    await userEvent.clear(screen.getByLabelText('Rule 2 user'));
    await userEvent.type(screen.getByLabelText('Rule 2 user'), '5b10ac8d82e05b22cc7d4ef5');
    await userEvent.click(await screen.findByText('Account ID “5b10ac8d82e05b22cc7d4ef5”'));
    // then
    expect((await save(backend))[1]).toEqual({
      subject: { type: 'user', accountId: '5b10ac8d82e05b22cc7d4ef5' },
      level: 'view',
    });
  });

  it('adds a group rule from Jira’s group picker', async () => {
    // given
    const { backend } = givenEditor();
    await screen.findByTestId('rule-0');
    // when
    await addRuleOfType(2, 'Group');
    await userEvent.type(screen.getByLabelText('Rule 2 group'), 'secur');
    await userEvent.click(await screen.findByText('security-team'));
    // then
    expect((await save(backend))[1]).toEqual({ subject: { type: 'group', groupName: 'security-team' }, level: 'view' });
  });

  it('adds a project role rule by picking the project, then one of its roles', async () => {
    // given
    const { backend } = givenEditor();
    await screen.findByTestId('rule-0');
    // when
    await addRuleOfType(2, 'Project role');
    await userEvent.type(screen.getByLabelText('Rule 2 project'), 'plat');
    await userEvent.click(await screen.findByText('Platform (PLAT)'));
    await userEvent.click(screen.getByLabelText('Rule 2 project role'));
    await userEvent.click(await screen.findByText('Developers'));
    // then
    expect((await save(backend))[1]).toEqual({
      subject: { type: 'projectRole', projectKey: 'PLAT', roleName: 'Developers' },
      level: 'view',
    });
  });

  it('lets the role be typed when Jira does not list the project’s roles to the viewer, and says why', async () => {
    // given
    const { backend } = givenEditor();
    await screen.findByTestId('rule-0');
    // when
    await addRuleOfType(2, 'Project role');
    await userEvent.type(screen.getByLabelText('Rule 2 project'), 'mob');
    await userEvent.click(await screen.findByText('Mobile (MOB)'));
    expect(await screen.findByText(/lists this project’s roles only to its admins/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Rule 2 project role'), 'Developers');
    await userEvent.click(await screen.findByText('Use role “Developers”'));
    // then
    expect((await save(backend))[1]).toEqual({
      subject: { type: 'projectRole', projectKey: 'MOB', roleName: 'Developers' },
      level: 'view',
    });
  });

  it('shows a saved project role rule with the project’s name', async () => {
    // given
    givenEditor(
      givenStructure({
        rules: [{ subject: { type: 'projectRole', projectKey: 'PLAT', roleName: 'Developers' }, level: 'control' }],
      }),
    );
    // then
    expect(await screen.findByText('Platform (PLAT)')).toBeTruthy();
    expect(screen.getByText('Developers')).toBeTruthy();
  });
});

describe('display names', () => {
  it('names the owners of many structures with one bulk request', async () => {
    // given
    const jira = fakeJira(site);
    const structures: StructureSummary[] = Array.from({ length: 12 }, (_, i) => ({
      ...givenStructure({ id: `s${i}`, name: `S${i}`, ownerAccountId: i % 2 ? alice : bob }),
    }));
    // when
    renderWithServices(
      <StructuresTable
        structures={structures}
        synchronizersEnabled={false}
        onEdit={() => undefined}
        onDelete={() => undefined}
      />,
      { invoke: fakeInvoke({}).invoke, requestJira: jira.requestJira },
    );
    // then
    await waitFor(() => expect(screen.getAllByText('Alice Admin')).toHaveLength(6));
    expect(screen.getAllByText('Bob Builder')).toHaveLength(6);
    expect(jira.pathsTo('/rest/api/3/user/bulk')).toHaveLength(1);
  });
});
