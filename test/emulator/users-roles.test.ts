// Users, groups, projects and project roles: who is found, what of them a caller sees, and who may
// read a role's actors. Every answer is checked against the OpenAPI document as well.
import type { Dataset } from '../../local/dataset/types';
import { expectMatchesOperation } from '../contract/openapi';
import { smallDataset, users } from './fixtures';
import { startEmulator, type Caller, type Running } from './helpers';

const alice: Caller = { user: users.alice };
const bob: Caller = { user: users.bob };
const carol: Caller = { user: users.carol };
const app: Caller = { app: true };

/** The small dataset, with bob administering ALPHA and a Developers role in BETA; dora is inactive. */
function dataset(): Dataset {
  const ds = smallDataset();
  ds.users.push({
    accountId: 'acc-dora',
    displayName: 'Dora Departed',
    email: 'dora@example.com',
    apiToken: 'tok-dora',
    groups: ['team-a'],
    siteAdmin: false,
    active: false,
  });
  ds.projects[0]!.roles = {
    Administrators: { users: ['acc-bob'] },
    Developers: { users: ['acc-carol', 'acc-dora'], groups: ['team-a'] },
  };
  ds.projects[1]!.roles = { Developers: { groups: ['jira-software-users'] } };
  return ds;
}

let em: Running;
beforeAll(async () => {
  em = await startEmulator(dataset());
});
afterAll(() => em.close());

/** Calls, checks the answer against the documented operation, and answers it. */
async function get(caller: Caller, path: string, status = 200): Promise<any> {
  const answer = await em.call(caller, 'GET', path);
  expect({ path, status: answer.status }).toEqual({ path, status });
  expectMatchesOperation('GET', path, answer.status, answer.body);
  return answer.body;
}

describe('GET /user', () => {
  it('hides the email from other users and the app, shows it to the user and to Jira admins', async () => {
    expect(await get(bob, '/rest/api/3/user?accountId=acc-alice')).toMatchObject({
      accountId: 'acc-alice',
      displayName: 'Alice Admin',
    });
    expect((await get(bob, '/rest/api/3/user?accountId=acc-alice')).emailAddress).toBeUndefined();
    expect((await get(app, '/rest/api/3/user?accountId=acc-alice')).emailAddress).toBeUndefined();
    expect((await get(bob, '/rest/api/3/user?accountId=acc-bob')).emailAddress).toBe('bob@example.com');
    expect((await get(alice, '/rest/api/3/user?accountId=acc-bob')).emailAddress).toBe('bob@example.com');
  });

  it('answers 404 for an unknown account', async () => {
    expect(await get(bob, '/rest/api/3/user?accountId=acc-nobody', 404)).toEqual({
      errorMessages: ['Specified user does not exist or you do not have required permissions'],
      errors: {},
    });
  });
});

describe('GET /user/bulk', () => {
  it('pages the known accounts in the order asked and leaves unknown ones out', async () => {
    const q = 'accountId=acc-carol&accountId=acc-nobody&accountId=acc-alice&accountId=acc-bob';
    const first = await get(bob, `/rest/api/3/user/bulk?${q}&maxResults=2`);
    expect(first).toMatchObject({ startAt: 0, maxResults: 2, total: 3, isLast: false });
    expect(first.values.map((u: { accountId: string }) => u.accountId)).toEqual(['acc-carol', 'acc-alice']);
    expect(first.nextPage).toContain('startAt=2');
    const second = await get(bob, `/rest/api/3/user/bulk?${q}&maxResults=2&startAt=2`);
    expect(second).toMatchObject({ startAt: 2, total: 3, isLast: true });
    expect(second.values.map((u: { accountId: string }) => u.accountId)).toEqual(['acc-bob']);
    expect(second.nextPage).toBeUndefined();
  });

  it('answers 400 without an accountId', async () => {
    await get(bob, '/rest/api/3/user/bulk', 400);
  });
});

describe('GET /user/search and /user/picker', () => {
  const ids = (list: Array<{ accountId: string }>) => list.map((u) => u.accountId);

  it('matches a prefix of the display name or of a word in it, active users only', async () => {
    expect(ids(await get(carol, '/rest/api/3/user/search?query=bo'))).toEqual(['acc-bob']);
    expect(ids(await get(carol, '/rest/api/3/user/search?query=VIEW'))).toEqual(['acc-carol']);
    expect(ids(await get(alice, '/rest/api/3/user/search?query=dora'))).toEqual([]);
  });

  it('matches an email prefix only for callers who may see the email', async () => {
    expect(ids(await get(carol, '/rest/api/3/user/search?query=bob%40'))).toEqual([]);
    expect(ids(await get(alice, '/rest/api/3/user/search?query=bob%40'))).toEqual(['acc-bob']);
    const found = await get(carol, '/rest/api/3/user/search?query=a');
    expect(found.every((u: { emailAddress?: string }) => u.emailAddress === undefined)).toBe(true);
  });

  it('pages, finds one account by id, and refuses a search without a query', async () => {
    await get(bob, '/rest/api/3/user/search?query=bob&accountId=acc-bob', 400);
    await get(bob, '/rest/api/3/user/search', 400);
    expect(ids(await get(bob, '/rest/api/3/user/search?accountId=acc-carol'))).toEqual(['acc-carol']);
    expect(ids(await get(alice, '/rest/api/3/user/search?query=%40&maxResults=1'))).toEqual([]);
    expect(ids(await get(alice, '/rest/api/3/user/search?query=a&maxResults=1'))).toEqual(['acc-alice']);
    expect(ids(await get(alice, '/rest/api/3/user/search?query=a&maxResults=1&startAt=1'))).toEqual([]);
  });

  it('the picker highlights the match and says how many matched', async () => {
    const found = await get(bob, '/rest/api/3/user/picker?query=car');
    expect(found).toMatchObject({ total: 1, header: 'Showing 1 of 1 matching users' });
    expect(found.users[0]).toMatchObject({
      accountId: 'acc-carol',
      displayName: 'Carol Viewer',
      html: '<strong>Car</strong>ol Viewer',
    });
  });
});

describe('GET /groups/picker', () => {
  it('finds groups whose name contains the query, sorted, with a header', async () => {
    const found = await get(bob, '/rest/api/3/groups/picker?query=a');
    expect(found.groups.map((g: { name: string }) => g.name)).toEqual(['jira-admins', 'jira-software-users', 'team-a']);
    expect(found).toMatchObject({ total: 3, header: 'Showing 3 of 3 matching groups' });
    expect(found.groups[2]).toMatchObject({ name: 'team-a', groupId: 'team-a', html: 'te<b>a</b>m-a' });
  });

  it('is case sensitive unless asked otherwise, and honours maxResults', async () => {
    expect((await get(bob, '/rest/api/3/groups/picker?query=TEAM')).groups).toEqual([]);
    expect(
      (await get(bob, '/rest/api/3/groups/picker?query=TEAM&caseInsensitive=true')).groups.map(
        (g: { name: string }) => g.name,
      ),
    ).toEqual(['team-a']);
    expect(await get(bob, '/rest/api/3/groups/picker?query=&maxResults=1')).toMatchObject({
      total: 4,
      header: 'Showing 1 of 4 matching groups',
    });
  });
});

describe('projects', () => {
  const keys = (page: { values: Array<{ key: string }> }) => page.values.map((p) => p.key);

  it('searches the projects the caller can browse (all of them for Jira admins), by key or name', async () => {
    expect(keys(await get(carol, '/rest/api/3/project/search'))).toEqual(['ALPHA']);
    expect(keys(await get(alice, '/rest/api/3/project/search'))).toEqual(['ALPHA', 'BETA', 'SECRET']);
    expect(keys(await get(bob, '/rest/api/3/project/search?query=bet'))).toEqual(['BETA']);
    const page = await get(alice, '/rest/api/3/project/search?maxResults=2&orderBy=-key');
    expect(page).toMatchObject({ total: 3, isLast: false, startAt: 0, maxResults: 2 });
    expect(keys(page)).toEqual(['SECRET', 'BETA']);
  });

  it('answers one project, or 404 when the caller cannot browse it', async () => {
    expect(await get(bob, '/rest/api/3/project/BETA')).toMatchObject({ id: '10001', key: 'BETA', name: 'Beta' });
    expect(await get(carol, '/rest/api/3/project/BETA', 404)).toEqual({
      errorMessages: ["No project could be found with key 'BETA'."],
      errors: {},
    });
  });
});

describe('project roles', () => {
  it('lists every site role in every project, with stable ids, to project admins', async () => {
    const expected = {
      Administrators: expect.stringMatching(/\/rest\/api\/3\/project\/10001\/role\/10002$/),
      Developers: expect.stringMatching(/\/rest\/api\/3\/project\/10001\/role\/10003$/),
    };
    // bob administers ALPHA only, which is enough to list roles of any project he can browse
    expect(await get(bob, '/rest/api/3/project/BETA/role')).toEqual(expected);
    expect(await get(app, '/rest/api/3/project/10001/role')).toEqual(expected);
  });

  it('refuses the list to a user who administers no project', async () => {
    await get(carol, '/rest/api/3/project/ALPHA/role', 401);
    await get(carol, '/rest/api/3/project/BETA/role', 404);
  });

  it("answers a role's user and group actors, sorted by display name, to admins of that project and the app", async () => {
    const role = await get(app, '/rest/api/3/project/ALPHA/role/10003');
    expect(role).toMatchObject({ id: 10003, name: 'Developers' });
    expect(role.actors.map((a: { type: string; displayName: string }) => [a.type, a.displayName])).toEqual([
      ['atlassian-user-role-actor', 'Carol Viewer'],
      ['atlassian-user-role-actor', 'Dora Departed'],
      ['atlassian-group-role-actor', 'team-a'],
    ]);
    expect(role.actors[0].actorUser).toEqual({ accountId: 'acc-carol' });
    expect(role.actors[2].actorGroup).toEqual({ name: 'team-a', displayName: 'team-a', groupId: 'team-a' });
    expect((await get(bob, '/rest/api/3/project/ALPHA/role/10003?excludeInactiveUsers=true')).actors).toHaveLength(2);
    expect((await get(alice, '/rest/api/3/project/BETA/role/10002')).actors).toEqual([]);
  });

  it('answers 404 to a user who does not administer the project, and for an unknown role', async () => {
    expect(await get(bob, '/rest/api/3/project/BETA/role/10003', 404)).toEqual({
      errorMessages: ["No project could be found with key 'BETA'."],
      errors: {},
    });
    await get(carol, '/rest/api/3/project/ALPHA/role/10003', 404);
    await get(app, '/rest/api/3/project/ALPHA/role/99', 404);
  });
});

describe("GET /user of an app's account", () => {
  it('tells the account automation rules act as from a person by accountType', async () => {
    const ds = smallDataset();
    ds.users.push({
      accountId: 'acc-automation',
      displayName: 'Automation for Jira',
      email: 'automation@example.invalid',
      apiToken: 'tok-automation',
      groups: ['team-a'],
      siteAdmin: false,
      accountType: 'app',
    });
    const own = await startEmulator(ds);
    try {
      const read = async (accountId: string) => {
        const path = `/rest/api/3/user?accountId=${accountId}`;
        const answer = await own.call(bob, 'GET', path);
        expectMatchesOperation('GET', path, answer.status, answer.body);
        return answer.body as { accountType?: string; displayName?: string };
      };
      expect(await read('acc-automation')).toMatchObject({ displayName: 'Automation for Jira', accountType: 'app' });
      expect(await read('acc-alice')).toMatchObject({ accountType: 'atlassian' });
    } finally {
      await own.close();
    }
  });
});
