// Enhanced search over real HTTP: page sizes, tokens without total, fields, errors, 410.
import { MAX_FIELDS_PAGE, MAX_IDS_PAGE } from '../../local/emulator';
import { largeDataset, users } from './fixtures';
import { keysOf, startEmulator, type Running } from './helpers';

const alice = { user: users.alice };

describe('search/jql', () => {
  let em: Running;
  beforeAll(async () => {
    em = await startEmulator(largeDataset(12_000));
  });
  afterAll(() => em.close());

  it('returns bare ids by default, 50 a page, with a token and no total', async () => {
    // when
    const page = await em.call(alice, 'GET', '/rest/api/3/search/jql?jql=project%20%3D%20ALPHA');
    // then
    expect(page.status).toBe(200);
    expect(page.body.issues).toHaveLength(50);
    expect(page.body.issues[0]).toEqual({ id: expect.any(String) });
    expect(page.body.isLast).toBe(false);
    expect(typeof page.body.nextPageToken).toBe('string');
    expect(page.body).not.toHaveProperty('total');
    expect(page.body).not.toHaveProperty('startAt');
  });

  it('serves up to 5000 ids a page when only id/key are requested, and walks every issue exactly once', async () => {
    const seen = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await em.call(alice, 'POST', '/rest/api/3/search/jql', {
        jql: 'project = ALPHA ORDER BY key ASC',
        maxResults: 10_000,
        fields: ['id'],
        nextPageToken: token,
      });
      expect(page.status).toBe(200);
      expect(page.body.issues.length).toBeLessThanOrEqual(MAX_IDS_PAGE);
      for (const i of page.body.issues) seen.add(i.id);
      token = page.body.nextPageToken;
      if (page.body.isLast) expect(token).toBeUndefined();
      pages++;
    } while (token);
    // 7 fixture issues alice sees in ALPHA + 12000 generated
    expect(seen.size).toBe(12_007);
    expect(pages).toBe(3);
  });

  it('caps pages at 100 when other fields are requested', async () => {
    const page = await em.call(alice, 'POST', '/rest/api/3/search/jql', {
      jql: 'project = ALPHA',
      maxResults: 5000,
      fields: ['summary', 'parent'],
    });
    expect(page.body.issues).toHaveLength(MAX_FIELDS_PAGE);
    expect(page.body.issues[0]).toMatchObject({
      id: expect.any(String),
      key: expect.stringMatching(/^ALPHA-/),
      self: expect.stringContaining('/rest/api/3/issue/'),
      fields: { summary: expect.any(String) },
    });
  });

  it('expands names and schema for the requested fields', async () => {
    const page = await em.call(alice, 'POST', '/rest/api/3/search/jql', {
      jql: 'key = ALPHA-1',
      fields: ['summary', 'customfield_10019'],
      expand: 'names,schema',
    });
    expect(page.body.names).toEqual({ summary: 'Summary', customfield_10019: 'Rank' });
    expect(page.body.schema.customfield_10019).toEqual({
      type: 'any',
      custom: 'com.pyxis.greenhopper.jira:gh-lexo-rank',
      customId: 10019,
    });
    const issue = await em.call(alice, 'GET', '/rest/api/3/issue/ALPHA-1?fields=parent&expand=names');
    expect(issue.body.names).toEqual({ parent: 'Parent' });
  });

  it('keeps later pages consistent with the first even when data changes in between', async () => {
    const first = await em.call(alice, 'POST', '/rest/api/3/search/jql', {
      jql: 'project = ALPHA ORDER BY key ASC',
      maxResults: 5,
      fields: ['key'],
    });
    em.jira.store.updateIssue('ALPHA-9', { summary: 'changed between pages' });
    const second = await em.call(alice, 'POST', '/rest/api/3/search/jql', {
      jql: 'project = ALPHA ORDER BY key ASC',
      maxResults: 5,
      fields: ['key'],
      nextPageToken: first.body.nextPageToken,
    });
    expect(keysOf(first.body)).toEqual(['ALPHA-1', 'ALPHA-2', 'ALPHA-3', 'ALPHA-4', 'ALPHA-5']);
    expect(keysOf(second.body)).toEqual(['ALPHA-6', 'ALPHA-7', 'ALPHA-8', 'ALPHA-9', 'ALPHA-10']);
  });

  it('rejects a token from another query', async () => {
    const first = await em.call(alice, 'POST', '/rest/api/3/search/jql', { jql: 'project = ALPHA', maxResults: 5 });
    const other = await em.call(alice, 'POST', '/rest/api/3/search/jql', {
      jql: 'project = BETA',
      nextPageToken: first.body.nextPageToken,
    });
    expect(other.status).toBe(400);
    expect(other.body).toEqual({ errorMessages: [expect.stringContaining('token')], errors: {} });
  });

  it.each([
    ['empty JQL', ''],
    ['only ORDER BY', 'ORDER BY key DESC'],
  ])('answers 400 for unbounded JQL (%s)', async (_, jql) => {
    const answer = await em.call(alice, 'POST', '/rest/api/3/search/jql', { jql });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      errorMessages: ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
      errors: {},
    });
  });

  it('answers 400 naming an unknown field', async () => {
    const answer = await em.call(
      alice,
      'GET',
      `/rest/api/3/search/jql?jql=${encodeURIComponent('project = ALPHA AND sprnt = 1')}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      errorMessages: ["Field 'sprnt' does not exist or you do not have permission to view it."],
      errors: {},
    });
  });

  it('answers 400 with a syntax error position', async () => {
    const answer = await em.call(alice, 'POST', '/rest/api/3/search/jql', { jql: 'project = ALPHA AND AND' });
    expect(answer.status).toBe(400);
    expect(answer.body.errorMessages[0]).toMatch(/^Error in the JQL Query: .*\(line 1, character \d+\)$/);
  });

  it('limits reconcileIssues to 50 ids', async () => {
    const ok = await em.call(alice, 'POST', '/rest/api/3/search/jql', {
      jql: 'key = ALPHA-1',
      reconcileIssues: [10001],
    });
    const tooMany = await em.call(alice, 'POST', '/rest/api/3/search/jql', {
      jql: 'key = ALPHA-1',
      reconcileIssues: Array.from({ length: 51 }, (_, n) => 10001 + n),
    });
    expect(ok.status).toBe(200);
    expect(tooMany.status).toBe(400);
  });

  it('counts approximately (exactly, here) and rejects unbounded counts', async () => {
    const count = await em.call(alice, 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = BETA' });
    const unbounded = await em.call(alice, 'POST', '/rest/api/3/search/approximate-count', { jql: '' });
    expect(count).toMatchObject({ status: 200, body: { count: 3 } });
    expect(unbounded.status).toBe(400);
  });

  it.each(['GET', 'POST'])("answers 410 with Jira's message on the removed %s /search", async (method) => {
    const answer = await em.call(
      alice,
      method,
      '/rest/api/3/search?jql=project%3DALPHA',
      method === 'POST' ? { jql: 'project = ALPHA' } : undefined,
    );
    expect(answer.status).toBe(410);
    expect(answer.body).toEqual({
      errorMessages: [
        'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
      ],
      errors: {},
    });
  });
});
