import { atLeast, effectiveLevel, PermissionLevel, PermissionRule, Viewer } from '../../../../src/domain/permissions';

const viewer = (v: Partial<Viewer> = {}): Viewer => ({
  accountId: 'bob',
  isJiraAdmin: false,
  groups: [],
  projectRoles: [],
  ...v,
});
const rule = (subject: PermissionRule['subject'], level: PermissionLevel): PermissionRule => ({ subject, level });

describe('effectiveLevel', () => {
  it.each<[string, PermissionRule[], Viewer, PermissionLevel]>([
    ['the owner has control without rules', [], viewer({ accountId: 'alice' }), 'control'],
    [
      'the owner keeps control despite a none rule',
      [rule({ type: 'user', accountId: 'alice' }, 'none')],
      viewer({ accountId: 'alice' }),
      'control',
    ],
    ['a Jira admin has control', [], viewer({ isJiraAdmin: true }), 'control'],
    ['no rule means none', [], viewer(), 'none'],
    ['a user rule', [rule({ type: 'user', accountId: 'bob' }, 'edit')], viewer(), 'edit'],
    ['a user rule for someone else', [rule({ type: 'user', accountId: 'carol' }, 'edit')], viewer(), 'none'],
    ['a group rule', [rule({ type: 'group', groupName: 'devs' }, 'view')], viewer({ groups: ['devs'] }), 'view'],
    [
      'a group rule for another group',
      [rule({ type: 'group', groupName: 'devs' }, 'view')],
      viewer({ groups: ['ops'] }),
      'none',
    ],
    [
      'a project role rule',
      [rule({ type: 'projectRole', projectKey: 'OPS', roleName: 'Developers' }, 'automate')],
      viewer({ projectRoles: [{ projectKey: 'OPS', roleName: 'Developers' }] }),
      'automate',
    ],
    [
      'the same role in another project',
      [rule({ type: 'projectRole', projectKey: 'OPS', roleName: 'Developers' }, 'automate')],
      viewer({ projectRoles: [{ projectKey: 'DEV', roleName: 'Developers' }] }),
      'none',
    ],
    ['anyone, even anonymous', [rule({ type: 'anyone' }, 'view')], viewer({ accountId: null }), 'view'],
    [
      'the highest matching rule, whatever the order',
      [
        rule({ type: 'group', groupName: 'devs' }, 'control'),
        rule({ type: 'anyone' }, 'view'),
        rule({ type: 'user', accountId: 'bob' }, 'none'),
      ],
      viewer({ groups: ['devs'] }),
      'control',
    ],
  ])('%s', (_, rules, who, expected) => {
    expect(effectiveLevel({ ownerAccountId: 'alice', rules }, who)).toBe(expected);
  });

  it('never treats an anonymous viewer as a user rule or the owner', () => {
    expect(effectiveLevel({ ownerAccountId: 'alice', rules: [] }, viewer({ accountId: null }))).toBe('none');
  });
});

describe('atLeast', () => {
  it.each<[PermissionLevel, PermissionLevel, boolean]>([
    ['control', 'control', true],
    ['automate', 'control', false],
    ['automate', 'edit', true],
    ['edit', 'automate', false],
    ['view', 'view', true],
    ['none', 'view', false],
    ['view', 'none', true],
  ])('%s is at least %s: %s', (level, needed, expected) => {
    expect(atLeast(level, needed)).toBe(expected);
  });

  it('names an unknown level', () => {
    expect(() => atLeast('admin' as PermissionLevel, 'view')).toThrow('Unknown permission level "admin"');
  });
});
