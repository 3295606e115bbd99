// Each JQL construct of the documented subset, evaluated as alice (who sees everything), plus the
// Jira-style 400 for everything outside it. Results are sorted by key so that tables stay readable.
import { users } from './fixtures';
import { startEmulator, type Running } from './helpers';

const alice = { user: users.alice };
const bob = { user: users.bob };

describe('JQL subset', () => {
  let em: Running;
  beforeAll(async () => {
    em = await startEmulator();
  });
  afterAll(() => em.close());

  const search = async (jql: string, caller: object = alice) => {
    const answer = await em.call(caller as typeof alice, 'POST', '/rest/api/3/search/jql', {
      jql,
      fields: ['key'],
      maxResults: 100,
    });
    return answer;
  };
  const keys = async (jql: string, caller: object = alice): Promise<string[]> => {
    const answer = await search(jql, caller);
    if (answer.status !== 200) throw new Error(`${jql}: ${JSON.stringify(answer.body)}`);
    return (answer.body.issues as { key: string }[]).map((i) => i.key).sort();
  };

  it.each<[string, string[]]>([
    ['project = BETA', ['BETA-1', 'BETA-2', 'BETA-3']],
    ['project in (BETA, SECRET)', ['BETA-1', 'BETA-2', 'BETA-3', 'SECRET-1']],
    ['project = 10001', ['BETA-1', 'BETA-2', 'BETA-3']],
    ['project = "Beta"', ['BETA-1', 'BETA-2', 'BETA-3']],
    ['project != ALPHA AND project != BETA', ['SECRET-1']],
    ['project not in (ALPHA, BETA)', ['SECRET-1']],
    ['key = ALPHA-3', ['ALPHA-3']],
    ['issue in (ALPHA-1, BETA-2, 10010)', ['ALPHA-1', 'BETA-2', 'BETA-3']],
    ['id = 10008', ['BETA-1']],
    ['project = BETA AND id >= 10009', ['BETA-2', 'BETA-3']],
    ['project = BETA AND id < 10009', ['BETA-1']],
    ['id > 10008 AND id <= 10009', ['BETA-2']],
    ['project = BETA AND key > BETA-1', ['BETA-2', 'BETA-3']],
    ['key <= BETA-2 AND project in (BETA, SECRET)', ['BETA-1', 'BETA-2']],
    ['issuekey != ALPHA-1 AND project = ALPHA AND type = Story', ['ALPHA-3']],
    ['issuetype = Epic', ['ALPHA-2', 'BETA-1']],
    ['type in (Initiative, "Sub-task")', ['ALPHA-1', 'ALPHA-4', 'ALPHA-5']],
    ['issuetype = 10004', ['ALPHA-6']],
    ['status = Done', ['ALPHA-6', 'BETA-3']],
    ['status in ("To Do", "In Progress") AND project = BETA', ['BETA-1', 'BETA-2']],
    ['statusCategory = "In Progress"', ['ALPHA-1', 'ALPHA-2', 'BETA-2']],
    ['statusCategory = done', ['ALPHA-6', 'BETA-3']],
    ['statusCategory != Done AND project = BETA', ['BETA-1', 'BETA-2']],
    ['parent = ALPHA-3', ['ALPHA-4', 'ALPHA-5']],
    ['parent in (ALPHA-1, BETA-1)', ['ALPHA-2', 'BETA-2']],
    ['parent is EMPTY AND project = BETA', ['BETA-1', 'BETA-3']],
    ['project = ALPHA AND parent is not EMPTY', ['ALPHA-2', 'ALPHA-3', 'ALPHA-4', 'ALPHA-5']],
    ['labels = urgent', ['ALPHA-6']],
    ['labels in (frontend, backend)', ['ALPHA-3', 'ALPHA-6']],
    ['labels != urgent', ['ALPHA-3']],
    ['labels not in (urgent)', ['ALPHA-3']],
    ['labels is EMPTY AND project = BETA', ['BETA-1', 'BETA-2', 'BETA-3']],
    ['labels is not EMPTY', ['ALPHA-3', 'ALPHA-6']],
    ['assignee = acc-bob', ['ALPHA-3']],
    ['assignee = currentUser()', ['ALPHA-6']],
    ['assignee = "bob@example.com"', ['ALPHA-3']],
    ['assignee in (acc-bob, acc-alice)', ['ALPHA-3', 'ALPHA-6']],
    ['assignee != acc-bob', ['ALPHA-6']],
    ['assignee is EMPTY AND project = BETA', ['BETA-1', 'BETA-2', 'BETA-3']],
    ['assignee is not EMPTY', ['ALPHA-3', 'ALPHA-6']],
    ['reporter = acc-alice', ['ALPHA-1', 'ALPHA-2']],
    ['reporter in membersOf("jira-admins")', ['ALPHA-1', 'ALPHA-2']],
    ['summary ~ login', ['ALPHA-2', 'ALPHA-3']],
    ['summary ~ "login form"', ['ALPHA-3']],
    ['summary ~ "\\"form story\\""', ['ALPHA-3']],
    ['summary ~ "pay*"', ['BETA-1']],
    ['text ~ story AND project = BETA', ['BETA-2', 'BETA-3']],
    ['summary !~ story AND project = BETA', ['BETA-1']],
    ['created >= -7d', ['ALPHA-3', 'ALPHA-4', 'ALPHA-7']],
    ['created > -2d', ['ALPHA-7']],
    ['created < "2026-03-01"', ['ALPHA-1', 'ALPHA-2', 'ALPHA-5', 'ALPHA-6', 'BETA-1', 'BETA-2', 'BETA-3', 'SECRET-1']],
    ['updated >= "-1d 2h"', ['ALPHA-6', 'ALPHA-7']],
    ['created >= startOfDay(-2)', ['ALPHA-4', 'ALPHA-7']],
    ['created <= endOfDay(-3) AND created >= startOfDay(-3)', ['ALPHA-3']],
    ['updated > now()', []],
    ['priority = Highest', ['ALPHA-6']],
    ['priority in (High, Highest)', ['ALPHA-2', 'ALPHA-6']],
    ['project = ALPHA AND priority is EMPTY', ['ALPHA-7']],
    ['project = ALPHA AND issuetype in subTaskIssueTypes()', ['ALPHA-4', 'ALPHA-5']],
    ['project = BETA AND issuetype in standardIssueTypes()', ['BETA-1', 'BETA-2', 'BETA-3']],
    ['issue in linkedIssues(ALPHA-3)', ['ALPHA-6', 'BETA-2']],
    ['issue in linkedIssues(ALPHA-3, "is blocked by")', ['ALPHA-6']],
    ['issue in linkedIssues(ALPHA-6, "blocks")', ['ALPHA-3']],
    ['issue in linkedIssues(ALPHA-6, "is blocked by")', ['SECRET-1']],
    ['filter = 10000 AND type = Bug', ['ALPHA-6']],
    ['filter = "Alpha everything" AND labels = frontend', ['ALPHA-3']],
    ['filter = 10003', ['ALPHA-1', 'ALPHA-2', 'ALPHA-3', 'ALPHA-4', 'ALPHA-5', 'ALPHA-7']],
    ['filter != 10000 AND project in (ALPHA, BETA) AND type = Epic', ['BETA-1']],
    ['project = BETA OR key = SECRET-1', ['BETA-1', 'BETA-2', 'BETA-3', 'SECRET-1']],
    ['project = ALPHA AND (type = Bug OR labels = frontend)', ['ALPHA-3', 'ALPHA-6']],
    ['project = BETA AND NOT status = Done', ['BETA-1', 'BETA-2']],
    ['NOT project = ALPHA AND NOT project = BETA', ['SECRET-1']],
  ])('%s', async (jql, expected) => {
    expect(await keys(jql)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['project = ALPHA AND parent is EMPTY ORDER BY Rank ASC', ['ALPHA-6', 'ALPHA-7', 'ALPHA-1']],
    ['project = ALPHA AND parent is EMPTY ORDER BY Rank DESC', ['ALPHA-1', 'ALPHA-7', 'ALPHA-6']],
    ['project = ALPHA AND parent is EMPTY ORDER BY key DESC', ['ALPHA-7', 'ALPHA-6', 'ALPHA-1']],
    ['project in (BETA, ALPHA) AND type = Epic ORDER BY key', ['ALPHA-2', 'BETA-1']],
    ['project = ALPHA AND parent is EMPTY ORDER BY created DESC', ['ALPHA-7', 'ALPHA-1', 'ALPHA-6']],
    ['project = ALPHA AND parent is EMPTY ORDER BY updated ASC, key ASC', ['ALPHA-1', 'ALPHA-6', 'ALPHA-7']],
    ['project = ALPHA AND type in (Initiative, Epic, Bug) ORDER BY priority DESC', ['ALPHA-6', 'ALPHA-2', 'ALPHA-1']],
    ['project = ALPHA AND type in (Initiative, Epic, Bug) ORDER BY priority ASC', ['ALPHA-1', 'ALPHA-2', 'ALPHA-6']],
  ])('orders %s', async (jql, expected) => {
    const answer = await search(jql);
    expect((answer.body.issues as { key: string }[]).map((i) => i.key)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['project = ALPHA AND sprnt = 1', "Field 'sprnt' does not exist or you do not have permission to view it."],
    ['project = NOPE', "The value 'NOPE' does not exist for the field 'project'."],
    ['project = ALPHA AND status = Blocked', "The value 'Blocked' does not exist for the field 'status'."],
    ['issuetype = Spike', "The value 'Spike' does not exist for the field 'issuetype'."],
    ['key = ALPHA-999', "An issue with key 'ALPHA-999' does not exist for field 'key'."],
    ['project > ALPHA', "The operator '>' is not supported by the 'project' field."],
    ['summary = "x"', "The operator '=' is not supported by the 'summary' field."],
    [
      'project = ALPHA AND created > "yesterday"',
      "Date value 'yesterday' for field 'created' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
    ],
    ['issue in issueHistory()', "Unable to find JQL function 'issueHistory()'."],
    ['issue in linkedIssues(ALPHA-99)', "Issue 'ALPHA-99' could not be found in function 'linkedIssues'."],
    ['issuetype in linkedIssues(ALPHA-1)', "The function 'linkedIssues' is not supported by the 'issuetype' field."],
    ['project = currentUser()', "The function 'currentUser' is not supported by the 'project' field."],
    ['filter = 99999', "The value '99999' does not exist for the field 'filter'."],
    ['summary WAS Done', "History searches are not supported for the 'summary' field."],
    ['project = ALPHA ORDER BY sprnt', "Field 'sprnt' does not exist or you do not have permission to view it."],
    ['project = ALPHA ORDER BY labels', "Field 'labels' does not support sorting."],
    ['cf[10019] = x', "Field 'cf[10019]' does not exist or you do not have permission to view it."],
  ])("rejects %s with Jira's message", async (jql, message) => {
    const answer = await search(jql);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ errorMessages: [message], errors: {} });
  });

  it('treats a project the caller cannot browse as nonexistent', async () => {
    const answer = await search('project = SECRET', bob);
    expect(answer.status).toBe(400);
    expect(answer.body.errorMessages).toEqual(["The value 'SECRET' does not exist for the field 'project'."]);
  });

  it('resolves currentUser() per caller', async () => {
    expect(await keys('assignee = currentUser()', bob)).toEqual(['ALPHA-3']);
  });

  it('leaves hidden issues out of linkedIssues()', async () => {
    expect(await keys('issue in linkedIssues(ALPHA-6)', bob)).toEqual(['ALPHA-3']);
  });

  it('rejects filters the caller cannot see', async () => {
    const answer = await search('filter = 10001', bob);
    expect(answer.body.errorMessages).toEqual(["The value '10001' does not exist for the field 'filter'."]);
  });
});

describe('JQL parsing', () => {
  it('answers the same query twice in a row identically (a reused JastBuilder returns an empty query the second time)', async () => {
    const em = await startEmulator();
    try {
      const first = await em.call(alice, 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = BETA' });
      const second = await em.call(bob, 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = BETA' });
      expect([first.body, second.body]).toEqual([{ count: 3 }, { count: 3 }]);
    } finally {
      await em.close();
    }
  });
});
