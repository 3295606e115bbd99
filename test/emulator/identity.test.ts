// Authentication, the caller (myself), permissions, filters and site metadata.
import { APP_ACCOUNT_ID } from '../../local/emulator';
import { users } from './fixtures';
import { startEmulator, type Running } from './helpers';

const alice = { user: users.alice };
const bob = { user: users.bob };
const carol = { user: users.carol };

describe('authentication and identity', () => {
  let em: Running;
  beforeAll(async () => {
    em = await startEmulator();
  });
  afterAll(() => em.close());

  it.each([
    ['no credentials', { none: true as const }, null],
    ['a wrong API token', { user: { email: users.bob.email, apiToken: 'wrong' } }, null],
    ['an unknown email', { user: { email: 'nobody@example.com', apiToken: 'tok-bob' } }, null],
    // Through Forge the call is the app's, whoever it names: it gets the app's pool headers.
    ['an unknown Forge account', { accountId: 'acc-nobody' }, '65000'],
  ])('answers 401 for %s', async (_, caller, poolLimit) => {
    const answer = await em.call(caller, 'GET', '/rest/api/3/myself');
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      errorMessages: ['Client must be authenticated to access this resource.'],
      errors: {},
    });
    expect(answer.headers.get('x-ratelimit-limit')).toBe(poolLimit);
  });

  it('accepts HTTP Basic, the Forge account header, and the app header', async () => {
    expect((await em.call(bob, 'GET', '/rest/api/3/myself')).body.accountId).toBe('acc-bob');
    expect((await em.call({ accountId: 'acc-carol' }, 'GET', '/rest/api/3/myself')).body.accountId).toBe('acc-carol');
    const app = await em.call({ app: true }, 'GET', '/rest/api/3/myself');
    expect(app.body).toMatchObject({ accountId: APP_ACCOUNT_ID, accountType: 'app' });
  });

  it('lists groups only with expand=groups', async () => {
    const plain = await em.call(bob, 'GET', '/rest/api/3/myself');
    const expanded = await em.call(bob, 'GET', '/rest/api/3/myself?expand=groups');
    expect(plain.body.groups).toEqual({ size: 2, items: [] });
    expect(expanded.body.groups.items.map((g: { name: string }) => g.name)).toEqual(['jira-software-users', 'team-a']);
    expect(expanded.body).toMatchObject({
      displayName: 'Bob Builder',
      emailAddress: 'bob@example.com',
      accountType: 'atlassian',
      active: true,
    });
  });

  describe('mypermissions', () => {
    const have = async (caller: typeof bob, query: string): Promise<Record<string, boolean>> => {
      const answer = await em.call(
        caller,
        'GET',
        `/rest/api/3/mypermissions?permissions=ADMINISTER,BROWSE_PROJECTS,EDIT_ISSUES,SCHEDULE_ISSUES,LINK_ISSUES${query}`,
      );
      expect(answer.status).toBe(200);
      return Object.fromEntries(
        Object.entries(answer.body.permissions as Record<string, { havePermission: boolean }>).map(([k, v]) => [
          k,
          v.havePermission,
        ]),
      );
    };

    it.each<[string, typeof bob, string, Record<string, boolean>]>([
      [
        'bob in ALPHA',
        bob,
        '&projectKey=ALPHA',
        { ADMINISTER: false, BROWSE_PROJECTS: true, EDIT_ISSUES: true, SCHEDULE_ISSUES: true, LINK_ISSUES: true },
      ],
      [
        'bob in BETA',
        bob,
        '&projectKey=BETA',
        { ADMINISTER: false, BROWSE_PROJECTS: true, EDIT_ISSUES: true, SCHEDULE_ISSUES: false, LINK_ISSUES: true },
      ],
      [
        'carol in ALPHA',
        carol,
        '&projectId=10000',
        { ADMINISTER: false, BROWSE_PROJECTS: true, EDIT_ISSUES: false, SCHEDULE_ISSUES: false, LINK_ISSUES: false },
      ],
      [
        'carol on an issue',
        carol,
        '&issueKey=ALPHA-3',
        { ADMINISTER: false, BROWSE_PROJECTS: true, EDIT_ISSUES: false, SCHEDULE_ISSUES: false, LINK_ISSUES: false },
      ],
      [
        'carol anywhere',
        carol,
        '',
        { ADMINISTER: false, BROWSE_PROJECTS: true, EDIT_ISSUES: false, SCHEDULE_ISSUES: false, LINK_ISSUES: false },
      ],
      [
        'alice anywhere',
        alice,
        '',
        { ADMINISTER: true, BROWSE_PROJECTS: true, EDIT_ISSUES: true, SCHEDULE_ISSUES: true, LINK_ISSUES: true },
      ],
    ])('%s', async (_, caller, query, expected) => {
      expect(await have(caller, query)).toEqual(expected);
    });

    it('answers 400 without permissions and 404 for a hidden issue', async () => {
      expect((await em.call(bob, 'GET', '/rest/api/3/mypermissions')).status).toBe(400);
      expect(
        (await em.call(bob, 'GET', '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&issueKey=SECRET-1')).status,
      ).toBe(404);
    });
  });

  describe('permissions/check', () => {
    it('answers which projects and issues the caller holds each permission on', async () => {
      const answer = await em.call(bob, 'POST', '/rest/api/3/permissions/check', {
        globalPermissions: ['ADMINISTER'],
        projectPermissions: [
          {
            permissions: ['SCHEDULE_ISSUES', 'BROWSE_PROJECTS'],
            projects: [10000, 10001, 10002],
            issues: [10003, 10005, 10009, 10011],
          },
        ],
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        globalPermissions: [],
        projectPermissions: [
          { permission: 'SCHEDULE_ISSUES', projects: [10000], issues: [10003] },
          { permission: 'BROWSE_PROJECTS', projects: [10000, 10001], issues: [10003, 10009] },
        ],
      });
    });

    it('lets only admins check another account', async () => {
      expect(
        (
          await em.call(bob, 'POST', '/rest/api/3/permissions/check', {
            accountId: 'acc-carol',
            globalPermissions: ['ADMINISTER'],
          })
        ).status,
      ).toBe(403);
      const byAdmin = await em.call(alice, 'POST', '/rest/api/3/permissions/check', {
        accountId: 'acc-carol',
        projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: [10000, 10001] }],
      });
      expect(byAdmin.body.projectPermissions).toEqual([
        { permission: 'BROWSE_PROJECTS', projects: [10000], issues: [] },
      ]);
    });

    it('answers 400 for an unknown permission', async () => {
      const answer = await em.call(bob, 'POST', '/rest/api/3/permissions/check', { globalPermissions: ['FLY'] });
      expect(answer).toMatchObject({
        status: 400,
        body: { errorMessages: [], errors: { PERMISSION_FLY: 'Unrecognized permission' } },
      });
    });
  });

  describe('filters', () => {
    it('returns a visible filter with its jql, 400 for a missing one', async () => {
      const answer = await em.call(carol, 'GET', '/rest/api/3/filter/10000');
      expect(answer.body).toMatchObject({
        id: '10000',
        name: 'Alpha everything',
        jql: 'project = ALPHA ORDER BY Rank',
        favourite: true,
        owner: { accountId: 'acc-alice' },
      });
      expect((await em.call(carol, 'GET', '/rest/api/3/filter/424242')).status).toBe(400);
    });

    it('filter/search includes jql only with expand=jql', async () => {
      const plain = await em.call(bob, 'GET', '/rest/api/3/filter/search?filterName=alpha');
      expect(plain.body).toMatchObject({ startAt: 0, total: 2, isLast: true });
      expect(plain.body.values.map((f: { name: string }) => f.name)).toEqual([
        'Alpha everything',
        'Alpha open via filter',
      ]);
      expect(plain.body.values[0]).not.toHaveProperty('jql');
      const expanded = await em.call(bob, 'GET', '/rest/api/3/filter/search?filterName=alpha&expand=jql,owner');
      expect(expanded.body.values[0]).toMatchObject({
        jql: 'project = ALPHA ORDER BY Rank',
        owner: { accountId: 'acc-alice' },
      });
      expect((await em.call(bob, 'GET', '/rest/api/3/filter/search?expand=bogus')).status).toBe(400);
    });
  });

  describe('metadata', () => {
    it('lists issue types with hierarchy levels, link types and fields with Rank', async () => {
      const types = await em.call(bob, 'GET', '/rest/api/3/issuetype');
      expect(
        types.body.map((t: { name: string; hierarchyLevel: number }) => [t.name, t.hierarchyLevel]),
      ).toContainEqual(['Initiative', 2]);
      const linkTypes = await em.call(bob, 'GET', '/rest/api/3/issueLinkType');
      expect(linkTypes.body.issueLinkTypes[0]).toMatchObject({
        id: '10000',
        name: 'Blocks',
        inward: 'is blocked by',
        outward: 'blocks',
      });
      const fields = await em.call(bob, 'GET', '/rest/api/3/field');
      expect(fields.body).toContainEqual(
        expect.objectContaining({
          id: 'customfield_10019',
          name: 'Rank',
          custom: true,
          clauseNames: ['cf[10019]', 'Rank'],
        }),
      );
    });
  });
});
