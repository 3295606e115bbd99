// Issue reads and writes: field shapes, bulkfetch limits and order, link direction, parent edits.
import { users } from './fixtures';
import { startEmulator, type Running } from './helpers';

const alice = { user: users.alice };
const bob = { user: users.bob };
const carol = { user: users.carol };

describe('issues', () => {
  let em: Running;
  beforeEach(async () => {
    em = await startEmulator();
  });
  afterEach(() => em.close());

  it("GET issue returns Jira's field shapes", async () => {
    const answer = await em.call(alice, 'GET', '/rest/api/3/issue/ALPHA-3');
    expect(answer.status).toBe(200);
    const { fields } = answer.body;
    expect(answer.body).toMatchObject({ id: '10003', key: 'ALPHA-3', self: `${em.url}/rest/api/3/issue/10003` });
    expect(fields.issuetype).toMatchObject({ id: '10001', name: 'Story', subtask: false, hierarchyLevel: 0 });
    expect(fields.status).toMatchObject({
      id: '1',
      name: 'To Do',
      statusCategory: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
    });
    expect(fields.project).toMatchObject({ id: '10000', key: 'ALPHA', name: 'Alpha', projectTypeKey: 'software' });
    expect(fields.parent).toMatchObject({
      id: '10002',
      key: 'ALPHA-2',
      fields: { summary: 'Login epic', issuetype: { hierarchyLevel: 1 }, status: { name: 'In Progress' } },
    });
    expect(fields.subtasks.map((s: { key: string }) => s.key)).toEqual(['ALPHA-4', 'ALPHA-5']);
    expect(fields.subtasks[0].fields.issuetype).toMatchObject({ subtask: true, hierarchyLevel: -1 });
    expect(fields.assignee).toMatchObject({ accountId: 'acc-bob', displayName: 'Bob Builder', active: true });
    expect(fields.labels).toEqual(['frontend']);
    expect(fields.priority).toMatchObject({ name: 'Medium', id: '3' });
    expect(fields.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    expect(fields.customfield_10019).toBe('0|i0000a:');
    expect(fields.reporter).toBeNull();
  });

  it('leaves parent out when there is none and honours fields=', async () => {
    const answer = await em.call(alice, 'GET', '/rest/api/3/issue/ALPHA-7?fields=summary,parent');
    expect(answer.body.fields).toEqual({ summary: 'Write the docs' });
  });

  it('bulkfetch returns issues in ascending id order, mixing ids and keys, default navigable fields', async () => {
    const answer = await em.call(alice, 'POST', '/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: ['BETA-2', '10001', 'alpha-6', 'NOPE-1'],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.issues.map((i: { id: string }) => i.id)).toEqual(['10001', '10006', '10009']);
    expect(answer.body.issues[0].fields).toHaveProperty('summary');
    expect(answer.body.issues[0].fields).toHaveProperty('issuelinks');
  });

  it.each([
    ['no ids', { issueIdsOrKeys: [] }],
    ['101 ids', { issueIdsOrKeys: Array.from({ length: 101 }, (_, n) => `ALPHA-${n + 1}`) }],
    ['no body field', {}],
  ])('bulkfetch answers 400 for %s', async (_, body) => {
    const answer = await em.call(alice, 'POST', '/rest/api/3/issue/bulkfetch', body);
    expect(answer.status).toBe(400);
    expect(answer.body.errorMessages).toHaveLength(1);
  });

  it('accepts exactly 100 ids', async () => {
    const answer = await em.call(alice, 'POST', '/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: Array.from({ length: 100 }, (_, n) => `ALPHA-${n + 1}`),
    });
    expect(answer.status).toBe(200);
    expect(answer.body.issues).toHaveLength(7);
  });

  describe('links', () => {
    const other = (l: { inwardIssue?: { key: string }; outwardIssue?: { key: string } }) =>
      l.outwardIssue ? `outward:${l.outwardIssue.key}` : `inward:${l.inwardIssue!.key}`;

    it('shows a dataset link "ALPHA-6 blocks ALPHA-3" from both ends', async () => {
      const source = await em.call(alice, 'GET', '/rest/api/3/issue/ALPHA-6?fields=issuelinks');
      const destination = await em.call(alice, 'GET', '/rest/api/3/issue/ALPHA-3?fields=issuelinks');
      expect(source.body.fields.issuelinks.map(other)).toContain('outward:ALPHA-3');
      const fromDestination = destination.body.fields.issuelinks.find(
        (l: { type: { name: string } }) => l.type.name === 'Blocks',
      );
      expect(fromDestination).toMatchObject({
        type: { inward: 'is blocked by', outward: 'blocks' },
        inwardIssue: { key: 'ALPHA-6' },
      });
    });

    it('creates "inwardIssue <outward> outwardIssue": 201 with no body, idempotent, deletable', async () => {
      const body = { type: { name: 'Blocks' }, inwardIssue: { key: 'ALPHA-7' }, outwardIssue: { key: 'BETA-3' } };
      const created = await em.call(bob, 'POST', '/rest/api/3/issueLink', body);
      expect(created.status).toBe(201);
      expect(created.body).toBeUndefined();
      expect((await em.call(bob, 'POST', '/rest/api/3/issueLink', body)).status).toBe(201);

      const source = await em.call(bob, 'GET', '/rest/api/3/issue/ALPHA-7?fields=issuelinks');
      const destination = await em.call(bob, 'GET', '/rest/api/3/issue/BETA-3?fields=issuelinks');
      expect(source.body.fields.issuelinks.map(other)).toEqual(['outward:BETA-3']);
      expect(destination.body.fields.issuelinks.map(other)).toEqual(['inward:ALPHA-7']);

      const linkId = source.body.fields.issuelinks[0].id;
      const link = await em.call(bob, 'GET', `/rest/api/3/issueLink/${linkId}`);
      expect(link.body).toMatchObject({ inwardIssue: { key: 'ALPHA-7' }, outwardIssue: { key: 'BETA-3' } });
      expect((await em.call(bob, 'DELETE', `/rest/api/3/issueLink/${linkId}`)).status).toBe(204);
      expect((await em.call(bob, 'GET', '/rest/api/3/issue/ALPHA-7?fields=issuelinks')).body.fields.issuelinks).toEqual(
        [],
      );
      expect((await em.call(bob, 'DELETE', `/rest/api/3/issueLink/${linkId}`)).status).toBe(404);
    });

    it('needs Link issues permission', async () => {
      const answer = await em.call(carol, 'POST', '/rest/api/3/issueLink', {
        type: { name: 'Relates' },
        inwardIssue: { key: 'ALPHA-7' },
        outwardIssue: { key: 'ALPHA-1' },
      });
      expect(answer.status).toBe(404);
      expect(answer.body.errorMessages[0]).toContain('Link Issue Permission');
    });

    it('answers 400 naming missing parts and 404 for an unknown link type', async () => {
      const missing = await em.call(bob, 'POST', '/rest/api/3/issueLink', { type: { name: 'Blocks' } });
      expect(missing.status).toBe(400);
      expect(Object.keys(missing.body.errors).sort()).toEqual(['inwardIssue', 'outwardIssue']);
      const badType = await em.call(bob, 'POST', '/rest/api/3/issueLink', {
        type: { name: 'Clones' },
        inwardIssue: { key: 'ALPHA-7' },
        outwardIssue: { key: 'ALPHA-1' },
      });
      expect(badType.status).toBe(404);
    });
  });

  describe('PUT issue', () => {
    it('sets the parent by key and by id, and removes it with update.parent.set.none', async () => {
      expect(
        (await em.call(bob, 'PUT', '/rest/api/3/issue/ALPHA-7', { fields: { parent: { key: 'ALPHA-2' } } })).status,
      ).toBe(204);
      expect((await em.call(bob, 'GET', '/rest/api/3/issue/ALPHA-7?fields=parent')).body.fields.parent.key).toBe(
        'ALPHA-2',
      );
      expect((await em.call(bob, 'GET', '/rest/api/3/issue/ALPHA-2?fields=subtasks')).body.fields.subtasks).toEqual([]);
      expect(
        (await em.call(bob, 'PUT', '/rest/api/3/issue/ALPHA-7', { fields: { parent: { id: '10008' } } })).status,
      ).toBe(204);
      const search = await em.call(bob, 'POST', '/rest/api/3/search/jql', { jql: 'parent = BETA-1', fields: ['key'] });
      expect(search.body.issues.map((i: { key: string }) => i.key).sort()).toEqual(['ALPHA-7', 'BETA-2']);
      expect(
        (await em.call(bob, 'PUT', '/rest/api/3/issue/ALPHA-7', { update: { parent: [{ set: { none: true } }] } }))
          .status,
      ).toBe(204);
      expect((await em.call(bob, 'GET', '/rest/api/3/issue/ALPHA-7?fields=parent')).body.fields).toEqual({});
    });

    it.each([
      [
        'a story under a story',
        'ALPHA-7',
        { key: 'ALPHA-3' },
        'Given parent work item does not belong to appropriate hierarchy.',
      ],
      [
        'an epic under an epic',
        'BETA-1',
        { key: 'ALPHA-2' },
        'Given parent work item does not belong to appropriate hierarchy.',
      ],
      ['a missing parent', 'ALPHA-7', { key: 'ALPHA-99' }, 'Could not find issue by id or key.'],
      ['a hidden parent', 'ALPHA-7', { key: 'SECRET-1' }, 'Could not find issue by id or key.'],
    ])('rejects %s with errors.parent', async (_, key, parent, message) => {
      const answer = await em.call(bob, 'PUT', `/rest/api/3/issue/${key}`, { fields: { parent } });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ errorMessages: [], errors: { parent: message } });
    });

    it('edits summary and labels and bumps updated', async () => {
      const before = em.jira.store.changeCounter;
      expect(
        (
          await em.call(bob, 'PUT', '/rest/api/3/issue/ALPHA-7', {
            fields: { summary: 'Docs, revised' },
            update: { labels: [{ add: 'docs' }] },
          })
        ).status,
      ).toBe(204);
      const after = await em.call(bob, 'GET', '/rest/api/3/issue/ALPHA-7?fields=summary,labels');
      expect(after.body.fields).toEqual({ summary: 'Docs, revised', labels: ['docs'] });
      expect(em.jira.store.changeCounter).toBeGreaterThan(before);
    });

    it('refuses without Edit issues permission and for unknown fields', async () => {
      expect((await em.call(carol, 'PUT', '/rest/api/3/issue/ALPHA-7', { fields: { summary: 'x' } })).status).toBe(403);
      const unknown = await em.call(bob, 'PUT', '/rest/api/3/issue/ALPHA-7', { fields: { sprint: 1 } });
      expect(unknown).toMatchObject({
        status: 400,
        body: { errors: { sprint: expect.stringContaining('cannot be set') } },
      });
    });
  });

  describe('search lag (eventual consistency)', () => {
    const searchKeys = async (jql: string, reconcileIssues?: number[]) => {
      const answer = await em.call(bob, 'POST', '/rest/api/3/search/jql', {
        jql,
        fields: ['key', 'summary'],
        reconcileIssues,
      });
      return answer.body.issues.map((i: { key: string }) => i.key);
    };

    it('hides writes from search until reindexed, except for reconciled ids; GET issue is current', async () => {
      // given
      await fetch(`${em.url}/__emulator/search-lag`, { method: 'POST', body: JSON.stringify({ enabled: true }) });
      // when
      expect(
        (await em.call(bob, 'PUT', '/rest/api/3/issue/ALPHA-7', { fields: { parent: { key: 'ALPHA-2' } } })).status,
      ).toBe(204);
      // then
      expect(await searchKeys('parent = ALPHA-2')).toEqual(['ALPHA-3']);
      expect(await searchKeys('parent = ALPHA-2 ORDER BY key', [10007])).toEqual(['ALPHA-3', 'ALPHA-7']);
      expect((await em.call(bob, 'GET', '/rest/api/3/issue/ALPHA-7?fields=parent')).body.fields.parent.key).toBe(
        'ALPHA-2',
      );
      await fetch(`${em.url}/__emulator/reindex`, { method: 'POST' });
      expect(await searchKeys('parent = ALPHA-2 ORDER BY key')).toEqual(['ALPHA-3', 'ALPHA-7']);
    });

    it('finds new issues only after reindexing and deleted ones until then', async () => {
      em.jira.store.setSearchLag(true);
      em.jira.store.createIssue({ project: 'BETA', type: 'Story', summary: 'Fresh' });
      em.jira.store.deleteIssue('BETA-3');
      expect(await searchKeys('project = BETA ORDER BY key')).toEqual(['BETA-1', 'BETA-2', 'BETA-3']);
      em.jira.store.indexNow();
      expect(await searchKeys('project = BETA ORDER BY key')).toEqual(['BETA-1', 'BETA-2', 'BETA-4']);
    });
  });
});
