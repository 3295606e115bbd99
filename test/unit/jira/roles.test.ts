import { JiraRateLimited } from '../../../src/jira';
import { ProjectRoles } from '../../../src/jira/roles';
import { answer, fakeTransport } from './fake-transport';

const roleList = {
  Administrators: 'https://x.atlassian.net/rest/api/3/project/10000/role/10002',
  Developers: 'https://x.atlassian.net/rest/api/3/project/10000/role/10003',
};
const developers = {
  id: 10003,
  name: 'Developers',
  actors: [
    { id: 1, displayName: 'Bob', type: 'atlassian-user-role-actor', actorUser: { accountId: 'acc-bob' } },
    {
      id: 2,
      displayName: 'team-a',
      type: 'atlassian-group-role-actor',
      actorGroup: { name: 'team-a', groupId: 'g-1' },
    },
  ],
};

function given(...script: Parameters<typeof fakeTransport>) {
  const fake = fakeTransport(...script);
  const roles = new ProjectRoles(fake.transport, { sleep: async () => undefined, random: () => 0.5, now: () => 0 });
  return { roles, requests: fake.requests };
}

describe('ProjectRoles', () => {
  it("finds the role's id in the project's role list, then reads its user and group actors", async () => {
    // given
    const { roles, requests } = given(answer(200, roleList), answer(200, developers));
    // when
    const actors = await roles.actors('ALPHA', 'Developers');
    // then
    expect(actors).toEqual({ accountIds: ['acc-bob'], groupNames: ['team-a'] });
    expect(requests.map((r) => r.path)).toEqual([
      '/rest/api/3/project/ALPHA/role',
      '/rest/api/3/project/ALPHA/role/10003',
    ]);
    expect(roles.cost.snapshot()).toEqual({ calls: 2, points: 1 + 2 + 1 + 1 + 4 });
  });

  it("reads a project's role list once for several of its roles, and matches a name in another case", async () => {
    // given
    const { roles, requests } = given(
      answer(200, roleList),
      answer(200, developers),
      answer(200, { id: 10002, name: 'Administrators', actors: [] }),
    );
    // when
    await roles.actors('ALPHA', 'developers');
    const admins = await roles.actors('ALPHA', 'Administrators');
    // then
    expect(admins).toEqual({ accountIds: [], groupNames: [] });
    expect(requests.filter((r) => r.path === '/rest/api/3/project/ALPHA/role')).toHaveLength(1);
  });

  it('answers null for a project or role Jira does not know', async () => {
    // given
    const { roles } = given(
      answer(404, { errorMessages: ["No project could be found with key 'GONE'."], errors: {} }),
      answer(200, roleList),
    );
    // then
    expect(await roles.actors('GONE', 'Developers')).toBeNull();
    expect(await roles.actors('ALPHA', 'Ghosts')).toBeNull();
  });

  it('retries a 503 and pauses on an exhausted quota, as the client does', async () => {
    // given
    const { roles } = given(
      answer(503),
      answer(200, roleList),
      answer(429, undefined, { 'Retry-After': '600', 'RateLimit-Reason': 'jira-quota-global-based' }),
    );
    // then
    await expect(roles.actors('ALPHA', 'Developers')).rejects.toBeInstanceOf(JiraRateLimited);
  });
});
