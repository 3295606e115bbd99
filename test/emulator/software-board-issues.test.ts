// Jira Software's token-paged board issues (RFC-127, GET /rest/software/1.0/board/{boardId}/issue): the
// board's scope and rank order as the agile 1.0 read, pages by nextPageToken, eventually consistent
// unless the caller reconciles the issues it wrote.
import { largeDataset, users } from './fixtures';
import { keysOf, startEmulator, type Caller, type Running } from './helpers';

const alice: Caller = { user: users.alice };
const bob: Caller = { user: users.bob };

interface Page {
  issues: { id: string; key?: string; fields?: Record<string, unknown> }[];
  nextPageToken?: string;
  isLast: boolean;
}

describe('token-paged board issues', () => {
  let em: Running;
  beforeEach(async () => {
    em = await startEmulator(largeDataset(120));
  });
  afterEach(() => em.close());

  const pages = async (caller: Caller, query: string): Promise<Page[]> => {
    const out: Page[] = [];
    let token: string | undefined;
    do {
      const tail = token ? `&nextPageToken=${encodeURIComponent(token)}` : '';
      const answer = await em.call<Page>(caller, 'GET', `/rest/software/1.0/board/1/issue?${query}${tail}`);
      expect(answer.status).toBe(200);
      out.push(answer.body);
      token = answer.body.nextPageToken;
    } while (token);
    return out;
  };

  it('pages through the same issues, in the same rank order, as the agile 1.0 read', async () => {
    // given
    const agile = await em.call(alice, 'GET', '/rest/agile/1.0/board/1/issue?fields=summary&maxResults=100');
    const agileRest = await em.call(alice, 'GET', '/rest/agile/1.0/board/1/issue?fields=summary&startAt=100');
    // when
    const paged = await pages(alice, 'fields=summary&maxResults=40');
    // then
    const all = [...keysOf(agile.body), ...keysOf(agileRest.body)];
    expect(paged.flatMap((p) => keysOf(p))).toEqual(all);
    const full = Math.floor(all.length / 40);
    expect(paged.map((p) => [p.issues.length, p.isLast, p.nextPageToken !== undefined])).toEqual([
      ...Array.from({ length: full }, () => [40, false, true]),
      [all.length - full * 40, true, false],
    ]);
    expect(paged.every((p) => !('total' in p) && !('startAt' in p))).toBe(true);
  });

  it('answers 50 issues a page without maxResults, and every navigable field without fields', async () => {
    // when
    const answer = await em.call<Page>(alice, 'GET', '/rest/software/1.0/board/1/issue');
    // then
    expect(answer.body.issues).toHaveLength(50);
    expect(answer.body.issues[0].fields).toEqual(expect.objectContaining({ summary: expect.any(String) }));
    expect(answer.body.isLast).toBe(false);
  });

  it('refuses a token cut for another query', async () => {
    // given
    const first = await em.call<Page>(alice, 'GET', '/rest/software/1.0/board/1/issue?maxResults=5');
    // when
    const other = await em.call(
      alice,
      'GET',
      `/rest/software/1.0/board/1/issue?jql=statusCategory%3Dnew&nextPageToken=${first.body.nextPageToken}`,
    );
    // then
    expect(other.status).toBe(400);
    expect(other.body.errorMessages).toEqual(['The provided next page token is invalid or expired.']);
  });

  it('is eventually consistent: a just-ranked issue moves only through reconcileIssues until search catches up', async () => {
    // given
    em.jira.store.setSearchLag(true);
    const before = await em.call<Page>(bob, 'GET', '/rest/software/1.0/board/1/issue?fields=summary&maxResults=1');
    const last = await pages(bob, 'fields=summary&maxResults=100');
    const lastIssue = last[last.length - 1].issues.slice(-1)[0];
    const ranked = await em.call(bob, 'PUT', '/rest/agile/1.0/issue/rank', {
      issues: [lastIssue.key],
      rankBeforeIssue: before.body.issues[0].key,
    });
    expect(ranked.status).toBe(204);
    // when
    const lagging = await em.call<Page>(bob, 'GET', '/rest/software/1.0/board/1/issue?fields=summary&maxResults=1');
    const reconciled = await em.call<Page>(
      bob,
      'GET',
      `/rest/software/1.0/board/1/issue?fields=summary&maxResults=1&reconcileIssues=${lastIssue.id}`,
    );
    // then
    expect(keysOf(lagging.body)).toEqual(keysOf(before.body));
    expect(keysOf(reconciled.body)).toEqual([lastIssue.key]);
  });
});
