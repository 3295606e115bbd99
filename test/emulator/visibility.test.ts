// A user without browse permission on a project (or outside an issue's security level) gets none
// of its issues from any endpoint: bob cannot browse SECRET and is not in the Confidential level.
import { users } from './fixtures';
import { startEmulator, type Running } from './helpers';

const alice = { user: users.alice };
const bob = { user: users.bob };
const carol = { user: users.carol };
const HIDDEN_FROM_BOB = ['SECRET-1', 'ALPHA-5'];

describe('per-user visibility', () => {
  let em: Running;
  beforeAll(async () => {
    em = await startEmulator();
  });
  afterAll(() => em.close());

  it('search never returns hidden issues, even for an unrestricted text query', async () => {
    const answer = await em.call(bob, 'POST', '/rest/api/3/search/jql', {
      jql: 'created > -3650d',
      fields: ['key'],
      maxResults: 100,
    });
    const keys = answer.body.issues.map((i: { key: string }) => i.key);
    expect(keys).toHaveLength(9);
    for (const hidden of HIDDEN_FROM_BOB) expect(keys).not.toContain(hidden);
  });

  it('approximate-count counts only visible issues', async () => {
    const asBob = await em.call(bob, 'POST', '/rest/api/3/search/approximate-count', { jql: 'created > -3650d' });
    const asAlice = await em.call(alice, 'POST', '/rest/api/3/search/approximate-count', { jql: 'created > -3650d' });
    expect(asBob.body).toEqual({ count: 9 });
    expect(asAlice.body).toEqual({ count: 11 });
  });

  it.each(HIDDEN_FROM_BOB)("GET %s answers 404 with Jira's message", async (key) => {
    const answer = await em.call(bob, 'GET', `/rest/api/3/issue/${key}`);
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({
      errorMessages: ['Issue does not exist or you do not have permission to see it.'],
      errors: {},
    });
    expect((await em.call(alice, 'GET', `/rest/api/3/issue/${key}`)).status).toBe(200);
  });

  it('bulkfetch silently leaves hidden issues out', async () => {
    const answer = await em.call(bob, 'POST', '/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: ['SECRET-1', 'ALPHA-5', 'ALPHA-3', '10011'],
      fields: ['summary'],
    });
    expect(answer.body.issues.map((i: { key: string }) => i.key)).toEqual(['ALPHA-3']);
    expect(answer.body.issueErrors).toEqual([]);
  });

  it('subtasks and issuelinks omit hidden issues', async () => {
    const asBob = await em.call(bob, 'GET', '/rest/api/3/issue/ALPHA-3?fields=subtasks');
    const asAlice = await em.call(alice, 'GET', '/rest/api/3/issue/ALPHA-3?fields=subtasks');
    expect(asBob.body.fields.subtasks.map((s: { key: string }) => s.key)).toEqual(['ALPHA-4']);
    expect(asAlice.body.fields.subtasks.map((s: { key: string }) => s.key)).toEqual(['ALPHA-4', 'ALPHA-5']);

    const linksBob = await em.call(bob, 'GET', '/rest/api/3/issue/ALPHA-6?fields=issuelinks');
    const linksAlice = await em.call(alice, 'GET', '/rest/api/3/issue/ALPHA-6?fields=issuelinks');
    const other = (l: { inwardIssue?: { key: string }; outwardIssue?: { key: string } }) =>
      (l.inwardIssue ?? l.outwardIssue)!.key;
    expect(linksBob.body.fields.issuelinks.map(other)).toEqual(['ALPHA-3']);
    expect(linksAlice.body.fields.issuelinks.map(other).sort()).toEqual(['ALPHA-3', 'SECRET-1']);
  });

  it('filters: a filter shared with nobody is 400 for others and absent from their favourites', async () => {
    expect((await em.call(bob, 'GET', '/rest/api/3/filter/10001')).status).toBe(400);
    expect((await em.call(alice, 'GET', '/rest/api/3/filter/10001')).status).toBe(200);
    const favourites = await em.call(bob, 'GET', '/rest/api/3/filter/favourite');
    expect(favourites.body.map((f: { id: string }) => f.id).sort()).toEqual(['10000', '10002']);
  });

  it('filter results and board issues exclude hidden issues', async () => {
    const viaFilter = await em.call(bob, 'POST', '/rest/api/3/search/jql', { jql: 'filter = 10000', fields: ['key'] });
    expect(viaFilter.body.issues.map((i: { key: string }) => i.key)).not.toContain('ALPHA-5');
    const board = await em.call(bob, 'GET', '/rest/agile/1.0/board/1/issue?fields=summary');
    expect(board.body.issues.map((i: { key: string }) => i.key)).toEqual(['ALPHA-3', 'ALPHA-4', 'ALPHA-6', 'ALPHA-7']);
  });

  it('carol, who browses ALPHA only, gets nothing from BETA or SECRET anywhere', async () => {
    const search = await em.call(carol, 'POST', '/rest/api/3/search/jql', {
      jql: 'created > -3650d',
      fields: ['key', 'project'],
    });
    expect(
      new Set(search.body.issues.map((i: { fields: { project: { key: string } } }) => i.fields.project.key)),
    ).toEqual(new Set(['ALPHA']));
    expect((await em.call(carol, 'GET', '/rest/api/3/issue/BETA-1')).status).toBe(404);
    expect((await em.call(carol, 'GET', '/rest/agile/1.0/board/2/issue')).status).toBe(404);
    const boards = await em.call(carol, 'GET', '/rest/agile/1.0/board');
    expect(boards.body.values.map((b: { id: number }) => b.id)).toEqual([1]);
    const perms = await em.call(carol, 'GET', '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=BETA');
    expect(perms.status).toBe(404);
    const parentOfBeta2 = await em.call(carol, 'POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: ['BETA-2'] });
    expect(parentOfBeta2.body.issues).toEqual([]);
  });

  it('linking to a hidden issue is 404, as if it did not exist', async () => {
    const answer = await em.call(bob, 'POST', '/rest/api/3/issueLink', {
      type: { name: 'Blocks' },
      inwardIssue: { key: 'ALPHA-7' },
      outwardIssue: { key: 'SECRET-1' },
    });
    expect(answer.status).toBe(404);
  });

  it('the app sees every project and security level', async () => {
    const answer = await em.call({ app: true }, 'POST', '/rest/api/3/search/approximate-count', {
      jql: 'created > -3650d',
    });
    expect(answer.body.count).toBe(11);
  });
});
