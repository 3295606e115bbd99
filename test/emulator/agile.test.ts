// Agile: boards, configuration, board issues in rank order (no epics on scrum boards, kanban
// sub-query applied, startAt paging with total), and ranking with 204/207/403.
import { users } from './fixtures';
import { keysOf, startEmulator, type Running } from './helpers';

const alice = { user: users.alice };
const bob = { user: users.bob };
const carol = { user: users.carol };

describe('agile', () => {
  let em: Running;
  beforeEach(async () => {
    em = await startEmulator();
  });
  afterEach(() => em.close());

  const boardKeys = async (caller: typeof alice, board: number, query = ''): Promise<string[]> => {
    const answer = await em.call(caller, 'GET', `/rest/agile/1.0/board/${board}/issue?fields=summary${query}`);
    expect(answer.status).toBe(200);
    return keysOf(answer.body);
  };

  it('lists boards with their location', async () => {
    const answer = await em.call(bob, 'GET', '/rest/agile/1.0/board');
    expect(answer.body).toMatchObject({
      startAt: 0,
      total: 2,
      isLast: true,
      values: [
        { id: 1, name: 'ALPHA scrum', type: 'scrum', location: { projectKey: 'ALPHA' } },
        { id: 2, type: 'kanban' },
      ],
    });
    const kanban = await em.call(bob, 'GET', '/rest/agile/1.0/board?type=kanban');
    expect(kanban.body.values.map((b: { id: number }) => b.id)).toEqual([2]);
  });

  it('describes a board configuration with its filter, columns and rank field', async () => {
    const scrum = await em.call(bob, 'GET', '/rest/agile/1.0/board/1/configuration');
    expect(scrum.body).toMatchObject({
      id: 1,
      type: 'scrum',
      filter: { id: '10000' },
      ranking: { rankCustomFieldId: 10019 },
    });
    expect(scrum.body.columnConfig.columns.map((c: { name: string }) => c.name)).toEqual([
      'To Do',
      'In Progress',
      'Done',
    ]);
    const kanban = await em.call(bob, 'GET', '/rest/agile/1.0/board/2/configuration');
    expect(kanban.body.subQuery).toEqual({ query: 'statusCategory != Done' });
    expect((await em.call(bob, 'GET', '/rest/agile/1.0/board/99/configuration')).status).toBe(404);
  });

  it('returns scrum board issues in rank order without epics or initiatives', async () => {
    expect(await boardKeys(alice, 1)).toEqual(['ALPHA-3', 'ALPHA-4', 'ALPHA-5', 'ALPHA-6', 'ALPHA-7']);
  });

  it('applies the kanban sub-query and keeps epics on kanban boards', async () => {
    expect(await boardKeys(alice, 2)).toEqual(['BETA-1', 'BETA-2']);
  });

  it('ANDs the jql parameter and pages with startAt/maxResults and a total', async () => {
    expect(await boardKeys(alice, 1, '&jql=statusCategory%20%3D%20new')).toEqual([
      'ALPHA-3',
      'ALPHA-4',
      'ALPHA-5',
      'ALPHA-7',
    ]);
    const page = await em.call(alice, 'GET', '/rest/agile/1.0/board/1/issue?startAt=2&maxResults=2');
    expect(page.body).toMatchObject({ startAt: 2, maxResults: 2, total: 5 });
    expect(keysOf(page.body)).toEqual(['ALPHA-5', 'ALPHA-6']);
  });

  describe('rank', () => {
    it('ranks before an issue (204) and the board follows', async () => {
      const answer = await em.call(bob, 'PUT', '/rest/agile/1.0/issue/rank', {
        issues: ['ALPHA-7', 'ALPHA-6'],
        rankBeforeIssue: 'ALPHA-3',
      });
      expect(answer.status).toBe(204);
      expect(await boardKeys(bob, 1)).toEqual(['ALPHA-7', 'ALPHA-6', 'ALPHA-3', 'ALPHA-4']);
    });

    it('ranks after an issue, also by id', async () => {
      const answer = await em.call(bob, 'PUT', '/rest/agile/1.0/issue/rank', {
        issues: ['10003'],
        rankAfterIssue: 'ALPHA-7',
        rankCustomFieldId: 10019,
      });
      expect(answer.status).toBe(204);
      expect(await boardKeys(bob, 1)).toEqual(['ALPHA-4', 'ALPHA-6', 'ALPHA-7', 'ALPHA-3']);
      const search = await em.call(bob, 'POST', '/rest/api/3/search/jql', {
        jql: 'project = ALPHA AND type != Sub-task ORDER BY Rank',
        fields: ['key'],
      });
      expect(keysOf(search.body)).toEqual(['ALPHA-2', 'ALPHA-6', 'ALPHA-7', 'ALPHA-3', 'ALPHA-1']);
    });

    it('answers 207 with per-issue entries when some issues cannot be ranked', async () => {
      const answer = await em.call(bob, 'PUT', '/rest/agile/1.0/issue/rank', {
        issues: ['ALPHA-7', 'BETA-3', 'SECRET-1'],
        rankBeforeIssue: 'ALPHA-3',
      });
      expect(answer.status).toBe(207);
      expect(answer.body.entries).toEqual([
        { issueId: 10007, issueKey: 'ALPHA-7', status: 200 },
        { issueId: 10010, issueKey: 'BETA-3', status: 403, errors: [expect.any(String)] },
        {
          issueId: 0,
          issueKey: 'SECRET-1',
          status: 404,
          errors: ['Issue does not exist or you do not have permission to see it.'],
        },
      ]);
      expect((await boardKeys(bob, 1))[0]).toBe('ALPHA-7');
    });

    it('answers 207 with 503 entries for injected rank failures', async () => {
      em.jira.faults.failRank(['ALPHA-6']);
      const answer = await em.call(alice, 'PUT', '/rest/agile/1.0/issue/rank', {
        issues: ['ALPHA-7', 'ALPHA-6'],
        rankBeforeIssue: 'ALPHA-3',
      });
      expect(answer.status).toBe(207);
      expect(answer.body.entries[1]).toEqual({
        issueId: 10006,
        issueKey: 'ALPHA-6',
        status: 503,
        errors: ['JIRA Agile cannot execute the rank operation at this time. Please try again later.'],
      });
    });

    it('answers 403 without Schedule issues permission', async () => {
      const carolAnswer = await em.call(carol, 'PUT', '/rest/agile/1.0/issue/rank', {
        issues: ['ALPHA-7'],
        rankBeforeIssue: 'ALPHA-3',
      });
      expect(carolAnswer.status).toBe(403);
      expect(carolAnswer.body.errorMessages[0]).toContain('schedule issue permission');
      const bobInBeta = await em.call(bob, 'PUT', '/rest/agile/1.0/issue/rank', {
        issues: ['BETA-3'],
        rankBeforeIssue: 'BETA-1',
      });
      expect(bobInBeta.status).toBe(403);
    });

    it.each([
      [
        'more than 50 issues',
        { issues: Array.from({ length: 51 }, (_, n) => `ALPHA-${n + 1}`), rankBeforeIssue: 'ALPHA-3' },
      ],
      ['both before and after', { issues: ['ALPHA-7'], rankBeforeIssue: 'ALPHA-3', rankAfterIssue: 'ALPHA-4' }],
      ['neither before nor after', { issues: ['ALPHA-7'] }],
      ['no issues', { issues: [], rankBeforeIssue: 'ALPHA-3' }],
      ['another rank field', { issues: ['ALPHA-7'], rankBeforeIssue: 'ALPHA-3', rankCustomFieldId: 10500 }],
    ])('answers 400 for %s', async (_, body) => {
      expect((await em.call(alice, 'PUT', '/rest/agile/1.0/issue/rank', body)).status).toBe(400);
    });
  });
});
