// Every endpoint the emulator implements, success and error, checked against Atlassian's OpenAPI
// documents. Request bodies the tests send are checked too, the way the app's requests will be.
import { smallDataset, users } from '../emulator/fixtures';
import { startEmulator, type Caller, type Running } from '../emulator/helpers';
import { BASIC, CLASSIC, workflowDataset } from '../emulator/workflow-fixtures';
import {
  expectIssueFieldsMatch,
  expectMatchesOperation,
  expectRequestMatches,
  findOperation,
  toJsonSchema,
} from './openapi';

const alice: Caller = { user: users.alice };
const bob: Caller = { user: users.bob };
const carol: Caller = { user: users.carol };

type Case = [name: string, caller: Caller, method: string, path: string, body: unknown, status: number];

const cases: Case[] = [
  // search
  ['search/jql GET ids', bob, 'GET', '/rest/api/3/search/jql?jql=project%3DALPHA&maxResults=2', undefined, 200],
  ['search/jql GET all fields', alice, 'GET', '/rest/api/3/search/jql?jql=project%3DALPHA&fields=*all', undefined, 200],
  [
    'search/jql POST fields',
    alice,
    'POST',
    '/rest/api/3/search/jql',
    {
      jql: 'project in (ALPHA, BETA, SECRET) ORDER BY Rank',
      fields: [
        'summary',
        'parent',
        'subtasks',
        'issuelinks',
        'issuetype',
        'status',
        'project',
        'assignee',
        'labels',
        'priority',
        'created',
        'updated',
        'customfield_10019',
        'security',
        'reporter',
      ],
      maxResults: 100,
    },
    200,
  ],
  [
    'search/jql POST expand',
    alice,
    'POST',
    '/rest/api/3/search/jql',
    { jql: 'project = ALPHA', fields: ['*navigable'], expand: 'names,schema,changelog' },
    200,
  ],
  [
    'search/jql POST key only',
    bob,
    'POST',
    '/rest/api/3/search/jql',
    { jql: 'project = ALPHA', fields: ['key'], reconcileIssues: [10001] },
    200,
  ],
  [
    'search/jql with a warning',
    bob,
    'POST',
    '/rest/api/3/search/jql',
    { jql: `id in (${Array.from({ length: 1001 }, (_, n) => 900_000 + n).join(', ')})`, fields: ['key'] },
    200,
  ],
  ['search/jql bad JQL', bob, 'POST', '/rest/api/3/search/jql', { jql: 'sprnt = 1' }, 400],
  ['search/jql unbounded', bob, 'GET', '/rest/api/3/search/jql?jql=', undefined, 400],
  ['search/jql unauthenticated', { none: true }, 'GET', '/rest/api/3/search/jql?jql=project%3DALPHA', undefined, 401],
  ['approximate-count', bob, 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = ALPHA' }, 200],
  ['approximate-count bad JQL', bob, 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = ' }, 400],
  ['removed search GET', bob, 'GET', '/rest/api/3/search?jql=project%3DALPHA', undefined, 410],
  ['removed search POST', bob, 'POST', '/rest/api/3/search', { jql: 'project = ALPHA' }, 410],
  // issues
  ['bulkfetch', alice, 'POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: ['ALPHA-3', 'ALPHA-6', '10009'] }, 200],
  [
    'bulkfetch expand',
    alice,
    'POST',
    '/rest/api/3/issue/bulkfetch',
    { issueIdsOrKeys: ['ALPHA-3'], fields: ['summary', 'customfield_10019'], expand: ['names', 'schema'] },
    200,
  ],
  ['GET issue expand', alice, 'GET', '/rest/api/3/issue/ALPHA-2?expand=names,schema', undefined, 200],
  [
    'bulkfetch too many',
    alice,
    'POST',
    '/rest/api/3/issue/bulkfetch',
    { issueIdsOrKeys: Array.from({ length: 101 }, (_, n) => `ALPHA-${n}`) },
    400,
  ],
  ['GET issue', alice, 'GET', '/rest/api/3/issue/ALPHA-3', undefined, 200],
  ['GET issue with links both ways', alice, 'GET', '/rest/api/3/issue/ALPHA-6', undefined, 200],
  ['GET issue hidden', bob, 'GET', '/rest/api/3/issue/SECRET-1', undefined, 404],
  ['PUT issue parent', bob, 'PUT', '/rest/api/3/issue/ALPHA-7', { fields: { parent: { key: 'ALPHA-2' } } }, 204],
  ['PUT issue bad parent', bob, 'PUT', '/rest/api/3/issue/ALPHA-7', { fields: { parent: { key: 'ALPHA-4' } } }, 400],
  ['PUT issue no permission', carol, 'PUT', '/rest/api/3/issue/ALPHA-7', { fields: { summary: 'x' } }, 403],
  ['PUT issue missing', bob, 'PUT', '/rest/api/3/issue/ALPHA-99', { fields: { summary: 'x' } }, 404],
  // filters
  ['filter', bob, 'GET', '/rest/api/3/filter/10002', undefined, 200],
  ['filter hidden', bob, 'GET', '/rest/api/3/filter/10001', undefined, 400],
  ['filter favourite', bob, 'GET', '/rest/api/3/filter/favourite', undefined, 200],
  ['filter search', bob, 'GET', '/rest/api/3/filter/search?maxResults=2', undefined, 200],
  [
    'filter search expanded',
    bob,
    'GET',
    '/rest/api/3/filter/search?expand=description,favourite,favouritedCount,jql,owner,searchUrl,sharePermissions,editPermissions,viewUrl,subscriptions',
    undefined,
    200,
  ],
  ['filter search bad expand', bob, 'GET', '/rest/api/3/filter/search?expand=nope', undefined, 400],
  // identity and permissions
  ['myself', bob, 'GET', '/rest/api/3/myself?expand=groups', undefined, 200],
  ['myself as app', { app: true }, 'GET', '/rest/api/3/myself', undefined, 200],
  ['myself unauthenticated', { none: true }, 'GET', '/rest/api/3/myself', undefined, 401],
  [
    'mypermissions',
    bob,
    'GET',
    '/rest/api/3/mypermissions?permissions=ADMINISTER,BROWSE_PROJECTS,EDIT_ISSUES,SCHEDULE_ISSUES,LINK_ISSUES&projectKey=ALPHA',
    undefined,
    200,
  ],
  ['mypermissions no keys', bob, 'GET', '/rest/api/3/mypermissions', undefined, 400],
  [
    'mypermissions hidden issue',
    bob,
    'GET',
    '/rest/api/3/mypermissions?permissions=EDIT_ISSUES&issueKey=SECRET-1',
    undefined,
    404,
  ],
  [
    'permissions/check',
    bob,
    'POST',
    '/rest/api/3/permissions/check',
    {
      globalPermissions: ['ADMINISTER'],
      projectPermissions: [{ permissions: ['EDIT_ISSUES'], projects: [10000], issues: [10003] }],
    },
    200,
  ],
  [
    'permissions/check other user',
    bob,
    'POST',
    '/rest/api/3/permissions/check',
    { accountId: 'acc-carol', globalPermissions: ['ADMINISTER'] },
    403,
  ],
  ['permissions/check bad key', bob, 'POST', '/rest/api/3/permissions/check', { globalPermissions: ['FLY'] }, 400],
  // links and metadata
  ['issueLinkType', bob, 'GET', '/rest/api/3/issueLinkType', undefined, 200],
  [
    'issueLink create',
    bob,
    'POST',
    '/rest/api/3/issueLink',
    { type: { name: 'Relates' }, inwardIssue: { key: 'ALPHA-7' }, outwardIssue: { key: 'BETA-3' } },
    201,
  ],
  [
    'issueLink create hidden',
    bob,
    'POST',
    '/rest/api/3/issueLink',
    { type: { name: 'Relates' }, inwardIssue: { key: 'ALPHA-7' }, outwardIssue: { key: 'SECRET-1' } },
    404,
  ],
  [
    'issueLink create invalid',
    bob,
    'POST',
    '/rest/api/3/issueLink',
    { type: { name: 'Relates' }, inwardIssue: { key: 'ALPHA-7' } },
    400,
  ],
  ['issueLink get', bob, 'GET', '/rest/api/3/issueLink/10000', undefined, 200],
  ['issueLink get hidden end', bob, 'GET', '/rest/api/3/issueLink/10002', undefined, 404],
  ['issueLink delete', bob, 'DELETE', '/rest/api/3/issueLink/10001', undefined, 204],
  ['issueLink delete missing', bob, 'DELETE', '/rest/api/3/issueLink/99999', undefined, 404],
  ['issueLink delete invalid', bob, 'DELETE', '/rest/api/3/issueLink/abc', undefined, 400],
  ['issuetype', bob, 'GET', '/rest/api/3/issuetype', undefined, 200],
  ['field', bob, 'GET', '/rest/api/3/field', undefined, 200],
  // agile
  ['boards', bob, 'GET', '/rest/agile/1.0/board', undefined, 200],
  ['board configuration scrum', bob, 'GET', '/rest/agile/1.0/board/1/configuration', undefined, 200],
  ['board configuration kanban', bob, 'GET', '/rest/agile/1.0/board/2/configuration', undefined, 200],
  ['board configuration missing', bob, 'GET', '/rest/agile/1.0/board/9/configuration', undefined, 404],
  ['board issues', alice, 'GET', '/rest/agile/1.0/board/1/issue', undefined, 200],
  ['board issues bad jql', alice, 'GET', '/rest/agile/1.0/board/1/issue?jql=sprnt%3D1', undefined, 400],
  ['board issues missing', carol, 'GET', '/rest/agile/1.0/board/2/issue', undefined, 404],
  [
    'board issues kanban with fields',
    bob,
    'GET',
    '/rest/agile/1.0/board/2/issue?fields=summary,parent,customfield_10019&startAt=1&maxResults=1',
    undefined,
    200,
  ],
  // Jira Software, token-paged (RFC-127)
  ['board issues paged', alice, 'GET', '/rest/software/1.0/board/1/issue', undefined, 200],
  [
    'board issues paged, every documented parameter',
    bob,
    'GET',
    '/rest/software/1.0/board/2/issue?maxResults=1&reconcileIssues=10001&reconcileIssues=10002&jql=assignee%20is%20EMPTY%20OR%20assignee%20is%20not%20EMPTY&validateQuery=true&fields=summary,parent,customfield_10019&expand=names,schema',
    undefined,
    200,
  ],
  [
    'board issues paged ids only',
    alice,
    'GET',
    '/rest/software/1.0/board/1/issue?fields=id,key&maxResults=2',
    undefined,
    200,
  ],
  ['board issues paged bad token', alice, 'GET', '/rest/software/1.0/board/1/issue?nextPageToken=nope', undefined, 400],
  ['board issues paged bad jql', alice, 'GET', '/rest/software/1.0/board/1/issue?jql=sprnt%3D1', undefined, 400],
  [
    'board issues paged too many to reconcile',
    alice,
    'GET',
    `/rest/software/1.0/board/1/issue?reconcileIssues=${Array.from({ length: 51 }, (_, n) => 10000 + n).join(',')}`,
    undefined,
    400,
  ],
  ['board issues paged missing', carol, 'GET', '/rest/software/1.0/board/2/issue', undefined, 404],
  ['boards of a hidden project', carol, 'GET', '/rest/agile/1.0/board?projectKeyOrId=SECRET', undefined, 400],
  ['rank', bob, 'PUT', '/rest/agile/1.0/issue/rank', { issues: ['ALPHA-7'], rankBeforeIssue: 'ALPHA-3' }, 204],
  [
    'rank partial',
    bob,
    'PUT',
    '/rest/agile/1.0/issue/rank',
    { issues: ['ALPHA-7', 'BETA-3'], rankAfterIssue: 'ALPHA-3', rankCustomFieldId: 10019 },
    207,
  ],
  [
    'rank forbidden',
    carol,
    'PUT',
    '/rest/agile/1.0/issue/rank',
    { issues: ['ALPHA-7'], rankBeforeIssue: 'ALPHA-3' },
    403,
  ],
  [
    'rank too many',
    bob,
    'PUT',
    '/rest/agile/1.0/issue/rank',
    { issues: Array.from({ length: 51 }, (_, n) => `ALPHA-${n}`), rankBeforeIssue: 'ALPHA-3' },
    400,
  ],
];

describe('emulator responses match the OpenAPI documents', () => {
  let em: Running;
  beforeAll(async () => {
    em = await startEmulator(smallDataset());
  });
  afterAll(() => em.close());

  it.each(cases)('%s', async (_, caller, method, path, body, status) => {
    // given a request shaped as the documents describe (where they describe one)
    const op = findOperation(method, path);
    if (body !== undefined && (op.op.requestBody as object | undefined) && status < 400)
      expectRequestMatches(method, path, body);
    // when
    const answer = await em.call(caller, method, path, body);
    // then
    expect(answer.status).toBe(status);
    expectMatchesOperation(method, path, answer.status, answer.body);
  });

  it('checks issue links from both ends in the issue shape (one end per entry)', async () => {
    const answer = await em.call(alice, 'GET', '/rest/api/3/issue/ALPHA-6?fields=issuelinks,subtasks,parent');
    expect(
      answer.body.fields.issuelinks.map((l: object) => Object.keys(l).find((k) => k.endsWith('Issue'))).sort(),
    ).toEqual(['inwardIssue', 'outwardIssue']);
    expectIssueFieldsMatch(answer.body.fields);
  });
});

// Workflows need a dataset that configures them (fixtures.ts leaves every project on the simplified one).
const workflowCases: Case[] = [
  ['GET transitions', bob, 'GET', '/rest/api/3/issue/ALPHA-7/transitions', undefined, 200],
  [
    'GET transitions with fields',
    alice,
    'GET',
    '/rest/api/3/issue/BETA-2/transitions?expand=transitions.fields&sortByOpsBarAndStatus=true',
    undefined,
    200,
  ],
  [
    'GET transitions by id',
    alice,
    'GET',
    `/rest/api/3/issue/BETA-2/transitions?transitionId=${CLASSIC.resolve}`,
    undefined,
    200,
  ],
  ['GET transitions none allowed', carol, 'GET', '/rest/api/3/issue/ALPHA-7/transitions', undefined, 200],
  ['GET transitions invisible', carol, 'GET', '/rest/api/3/issue/BETA-2/transitions', undefined, 404],
  ['POST transition', bob, 'POST', '/rest/api/3/issue/ALPHA-7/transitions', { transition: { id: BASIC.start } }, 204],
  [
    'POST transition with resolution',
    alice,
    'POST',
    '/rest/api/3/issue/BETA-1/transitions',
    { transition: { id: CLASSIC.resolve }, fields: { resolution: { name: 'Done' } } },
    204,
  ],
  [
    'POST transition unavailable',
    bob,
    'POST',
    '/rest/api/3/issue/ALPHA-3/transitions',
    { transition: { id: BASIC.done } },
    400,
  ],
  [
    'POST transition resolution missing',
    alice,
    'POST',
    '/rest/api/3/issue/BETA-2/transitions',
    { transition: { id: CLASSIC.resolve } },
    400,
  ],
  [
    'POST transition not permitted',
    carol,
    'POST',
    '/rest/api/3/issue/ALPHA-3/transitions',
    { transition: { id: BASIC.start } },
    400,
  ],
  [
    'POST transition invisible',
    carol,
    'POST',
    '/rest/api/3/issue/BETA-2/transitions',
    { transition: { id: CLASSIC.start } },
    404,
  ],
  ['GET statuses', bob, 'GET', '/rest/api/3/status', undefined, 200],
  [
    'statuses/search by project',
    alice,
    'GET',
    '/rest/api/3/statuses/search?projectId=10001&maxResults=2',
    undefined,
    200,
  ],
  [
    'statuses/search by category',
    alice,
    'GET',
    '/rest/api/3/statuses/search?statusCategory=DONE&searchString=o',
    undefined,
    200,
  ],
  ['statuses/search not an admin', carol, 'GET', '/rest/api/3/statuses/search', undefined, 401],
  ['GET resolutions', bob, 'GET', '/rest/api/3/resolution', undefined, 200],
];

describe('workflow responses match the OpenAPI documents', () => {
  let em: Running;
  beforeAll(async () => {
    em = await startEmulator(workflowDataset());
  });
  afterAll(() => em.close());

  it.each(workflowCases)('%s', async (_, caller, method, path, body, status) => {
    // given
    if (body !== undefined && status < 400) expectRequestMatches(method, path, body);
    // when
    const answer = await em.call(caller, method, path, body);
    // then
    expect(answer.status).toBe(status);
    expectMatchesOperation(method, path, answer.status, answer.body);
  });
});

describe('the contract checker itself', () => {
  it('rejects an offset-paged body for the token-paged board issues', () => {
    expect(() =>
      expectMatchesOperation('GET', '/rest/software/1.0/board/1/issue', 200, {
        startAt: 0,
        maxResults: 50,
        total: 0,
        issues: [],
      }),
    ).toThrow(/does not match/);
  });

  it('rejects search warnings that are not shaped as Atlassian documents them', () => {
    const page = { issues: [], isLast: true };
    const warning = {
      type: 'CLAUSE_LIMIT_EXCEEDED',
      message: 'cut',
      details: { clause: 'id in', limit: 1000, actual: 1001 },
    };
    expect(() =>
      expectMatchesOperation('POST', '/rest/api/3/search/jql', 200, { ...page, warnings: [warning] }),
    ).not.toThrow();
    expect(() => expectMatchesOperation('POST', '/rest/api/3/search/jql', 200, { ...page, warnings: ['cut'] })).toThrow(
      /warnings\/0 must be object/,
    );
    expect(() =>
      expectMatchesOperation('POST', '/rest/api/3/search/jql', 200, { ...page, warningMessages: ['cut'] }),
    ).toThrow(/warningMessages/);
  });

  it('rejects a body with an undocumented property', () => {
    expect(() =>
      expectMatchesOperation('POST', '/rest/api/3/search/approximate-count', 200, { count: 1, total: 3 }),
    ).toThrow(/does not match/);
  });

  it('rejects an error body that is not an ErrorCollection', () => {
    expect(() => expectMatchesOperation('GET', '/rest/api/3/issue/X-1', 404, { message: 'nope' })).toThrow(
      /ErrorCollection/,
    );
  });

  it('rejects a wrong field shape inside an issue', () => {
    expect(() => expectIssueFieldsMatch({ status: { name: 'To Do', statusCategory: { id: 'two' } } })).toThrow(
      /status/,
    );
    expect(() => expectIssueFieldsMatch({ issuelinks: [{ id: '1', type: { name: 'Blocks' } }] })).toThrow(/issuelinks/);
  });

  it('rejects an undocumented success status and a bad request body', () => {
    expect(() => expectMatchesOperation('GET', '/rest/api/3/myself', 202, {})).toThrow(/not a documented response/);
    expect(() => expectRequestMatches('POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: 'ALPHA-1' })).toThrow(
      /does not match/,
    );
  });

  it('converts nullable and component references', () => {
    expect(toJsonSchema({ type: 'string', nullable: true }, 'platform')).toEqual({ type: ['string', 'null'] });
    expect(toJsonSchema({ $ref: '#/components/schemas/User', nullable: true }, 'platform')).toEqual({
      anyOf: [{ $ref: 'platform.json#/components/schemas/User' }, { type: 'null' }],
    });
  });
});
