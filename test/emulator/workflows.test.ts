// Workflows over HTTP: GET transitions lists what the caller may take from the issue's status, POST takes
// one — status, resolution, history, product event, search — and Jira's refusals.
import type { JiraProductEvent as ProductEvent } from '../../local/emulator';
import { createJiraEmulator } from '../../local/emulator';
import { expectDocumentedShape } from '../runtime/product-event-shapes';
import { NOW, users } from './fixtures';
import { keysOf, startEmulator, type Caller, type Running } from './helpers';
import { BASIC, CLASSIC, workflowDataset } from './workflow-fixtures';

const alice: Caller = { user: users.alice };
const bob: Caller = { user: users.bob };
const carol: Caller = { user: users.carol };

interface Transition {
  id: string;
  name: string;
  to: { id: string; name: string; statusCategory: { key: string } };
  hasScreen: boolean;
  isGlobal: boolean;
  fields?: Record<string, { required: boolean; allowedValues: { name: string }[] }>;
}

describe('workflows', () => {
  let em: Running;
  let events: ProductEvent[];
  let unsubscribe: () => void;
  beforeEach(async () => {
    em = await startEmulator(workflowDataset());
    events = [];
    unsubscribe = em.jira.events.subscribe((e) => events.push(e));
  });
  afterEach(async () => {
    unsubscribe();
    await em.close();
  });

  const transitions = async (caller: Caller, key: string, query = ''): Promise<Transition[]> => {
    const answer = await em.call<{ transitions: Transition[] }>(
      caller,
      'GET',
      `/rest/api/3/issue/${key}/transitions${query}`,
    );
    expect(answer.status).toBe(200);
    return answer.body.transitions;
  };
  const transition = (caller: Caller, key: string, body: unknown) =>
    em.call(caller, 'POST', `/rest/api/3/issue/${key}/transitions`, body);
  const fields = async (key: string) =>
    (await em.call(alice, 'GET', `/rest/api/3/issue/${key}?fields=status,resolution,resolutiondate,updated`)).body
      .fields;
  const search = async (jql: string) =>
    keysOf((await em.call(alice, 'POST', '/rest/api/3/search/jql', { jql, fields: ['key'] })).body);

  describe('GET transitions', () => {
    it('lists only the transitions available from the issue status, with the status they reach and its category', async () => {
      // when
      const fromToDo = await transitions(bob, 'ALPHA-7');
      const fromInProgress = await transitions(bob, 'ALPHA-1');
      // then
      expect(fromToDo).toEqual([
        expect.objectContaining({
          id: BASIC.start,
          name: 'Start progress',
          hasScreen: false,
          isGlobal: false,
          to: expect.objectContaining({
            id: '3',
            name: 'In Progress',
            statusCategory: expect.objectContaining({ key: 'indeterminate' }),
          }),
        }),
      ]);
      expect(fromInProgress.map((t) => [t.name, t.to.name, t.to.statusCategory.key])).toEqual([
        ['Done', 'Done', 'done'],
        ['Stop progress', 'To Do', 'new'],
      ]);
    });

    it('does not offer a status that is reached only through another one', async () => {
      const names = (await transitions(alice, 'BETA-2')).map((t) => t.to.name);
      expect(names).toEqual(['To Do', 'Resolved']);
      expect((await transitions(alice, 'BETA-3')).map((t) => t.name)).toEqual(['Close Issue', 'Reopen Issue']);
    });

    it('shows the required Resolution field with expand=transitions.fields, to a user who may resolve', async () => {
      // when
      const forAlice = await transitions(alice, 'BETA-2', '?expand=transitions.fields');
      const forBob = await transitions(bob, 'BETA-2', '?expand=transitions.fields');
      const unexpanded = await transitions(alice, 'BETA-2');
      // then
      const resolve = forAlice.find((t) => t.id === CLASSIC.resolve)!;
      expect(resolve.hasScreen).toBe(true);
      expect(resolve.fields?.resolution).toMatchObject({ required: true, key: 'resolution', operations: ['set'] });
      expect(resolve.fields?.resolution?.allowedValues.map((r) => r.name)).toEqual(['Done', "Won't Do", 'Duplicate']);
      expect(forAlice.find((t) => t.id === CLASSIC.stop)?.fields).toEqual({});
      // Jira hides the Resolution field from users without Resolve Issues.
      expect(forBob.find((t) => t.id === CLASSIC.resolve)?.fields).toEqual({});
      expect(unexpanded.find((t) => t.id === CLASSIC.resolve)).not.toHaveProperty('fields');
    });

    it('filters by transitionId and sorts by category with sortByOpsBarAndStatus', async () => {
      expect((await transitions(alice, 'BETA-2', `?transitionId=${CLASSIC.resolve}`)).map((t) => t.id)).toEqual([
        CLASSIC.resolve,
      ]);
      expect(await transitions(alice, 'BETA-2', `?transitionId=${CLASSIC.close}`)).toEqual([]);
      expect((await transitions(bob, 'ALPHA-1', '?sortByOpsBarAndStatus=true')).map((t) => t.to.name)).toEqual([
        'To Do',
        'Done',
      ]);
    });

    it('lists nothing to a user without Transition Issues, and answers 404 to one who cannot browse', async () => {
      expect(await transitions(carol, 'ALPHA-7')).toEqual([]);
      const hidden = await em.call(carol, 'GET', '/rest/api/3/issue/BETA-1/transitions');
      expect(hidden.status).toBe(404);
      expect(hidden.body.errorMessages).toEqual(['Issue does not exist or you do not have permission to see it.']);
    });

    it("offers every other status in a project without a workflow (Jira's simplified workflow)", async () => {
      const list = await transitions(alice, 'SECRET-1');
      expect(list.map((t) => [t.id, t.name, t.isGlobal])).toEqual([
        ['21', 'In Progress', true],
        ['31', 'Done', true],
        ['41', 'Resolved', true],
        ['51', 'Closed', true],
      ]);
    });
  });

  it('answers mypermissions and permissions/check for Transition Issues and Resolve Issues', async () => {
    // when
    const mine = await em.call(
      bob,
      'GET',
      '/rest/api/3/mypermissions?permissions=TRANSITION_ISSUES,RESOLVE_ISSUES&projectKey=BETA',
    );
    const carols = await em.call(carol, 'POST', '/rest/api/3/permissions/check', {
      projectPermissions: [{ permissions: ['TRANSITION_ISSUES', 'BROWSE_PROJECTS'], projects: [10000] }],
    });
    // then
    expect(mine.body.permissions.TRANSITION_ISSUES).toMatchObject({ id: '46', havePermission: true });
    expect(mine.body.permissions.RESOLVE_ISSUES).toMatchObject({ id: '14', havePermission: false });
    // carol browses ALPHA (10000) but may not transition there
    expect(carols.body.projectPermissions).toEqual([
      { permission: 'TRANSITION_ISSUES', issues: [], projects: [] },
      { permission: 'BROWSE_PROJECTS', issues: [], projects: [10000] },
    ]);
  });

  it("searches statuses by project (its workflow's), category and name, for project admins", async () => {
    // when
    const beta = await em.call(alice, 'GET', '/rest/api/3/statuses/search?projectId=BETA&maxResults=3');
    const done = await em.call(alice, 'GET', '/rest/api/3/statuses/search?statusCategory=DONE&searchString=clo');
    const refused = await em.call(bob, 'GET', '/rest/api/3/statuses/search');
    // then
    expect(beta.body).toMatchObject({ startAt: 0, maxResults: 3, total: 4, isLast: false });
    expect(beta.body.values.map((s: { name: string; statusCategory: string }) => [s.name, s.statusCategory])).toEqual([
      ['To Do', 'TODO'],
      ['In Progress', 'IN_PROGRESS'],
      ['Resolved', 'DONE'],
    ]);
    expect(done.body.values.map((s: { name: string }) => s.name)).toEqual(['Closed']);
    expect(refused.status).toBe(401);
  });

  it("starts an issue created through the control API in its workflow's first status", async () => {
    // given BETA's workflow, which starts at To Do, in a site whose first status is To Do too: make it differ
    const ds = workflowDataset();
    ds.workflows![1]!.statuses = ['In Progress', 'To Do', 'Resolved', 'Closed'];
    const other = await startEmulator(ds);
    try {
      // when
      const created = await fetch(`${other.url}/__emulator/issues`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ project: 'BETA', type: 'Task', summary: 'Triage' }),
      });
      // then
      expect(created.status).toBe(200);
      const key = ((await created.json()) as { issue: { key: string } }).issue.key;
      expect((await other.call(alice, 'GET', `/rest/api/3/issue/${key}?fields=status`)).body.fields.status.name).toBe(
        'In Progress',
      );
    } finally {
      await other.close();
    }
  });

  describe('POST transitions', () => {
    it('moves the status, records history, sends the product event and is searchable', async () => {
      // given
      const before = await fields('ALPHA-7');
      expect(await search('project = ALPHA AND status = "In Progress"')).not.toContain('ALPHA-7');
      // when
      const answer = await transition(bob, 'ALPHA-7', { transition: { id: BASIC.start } });
      // then
      expect(answer.status).toBe(204);
      const after = await fields('ALPHA-7');
      expect(after.status).toMatchObject({ id: '3', name: 'In Progress' });
      expect(Date.parse(after.updated)).toBeGreaterThanOrEqual(Date.parse(before.updated));
      expect(after.updated).not.toBe(before.updated);
      expect(await search('project = ALPHA AND status = "In Progress"')).toContain('ALPHA-7');
      expect(await search('status CHANGED FROM "To Do" TO "In Progress" BY "acc-bob"')).toEqual(['ALPHA-7']);
      expect(await search('key = ALPHA-7 AND status WAS "To Do"')).toEqual(['ALPHA-7']);
      const updates = events.filter((e) => e.eventType === 'avi:jira:updated:issue');
      expect(updates).toHaveLength(1);
      expectDocumentedShape(updates[0]);
      expect(updates[0]).toMatchObject({ atlassianId: 'acc-bob', issue: { key: 'ALPHA-7' } });
      expect((updates[0] as { changelog?: { items: unknown[] } }).changelog?.items).toEqual([
        expect.objectContaining({ field: 'status', from: '1', fromString: 'To Do', to: '3', toString: 'In Progress' }),
      ]);
    });

    it('is seen by search only once it catches up, when search lags', async () => {
      // given
      em.jira.store.setSearchLag(true);
      // when
      expect((await transition(bob, 'ALPHA-7', { transition: { id: BASIC.start } })).status).toBe(204);
      // then GET issue reads the new status at once, search the old one until it is reindexed
      expect((await fields('ALPHA-7')).status.name).toBe('In Progress');
      expect(await search('key = ALPHA-7 AND status = "To Do"')).toEqual(['ALPHA-7']);
      em.jira.store.indexNow();
      expect(await search('key = ALPHA-7 AND status = "To Do"')).toEqual([]);
      expect(await search('key = ALPHA-7 AND status = "In Progress"')).toEqual(['ALPHA-7']);
    });

    it('sets the resolution of a done status by post function and clears it on the way out', async () => {
      // given
      expect((await transition(bob, 'ALPHA-7', { transition: { id: BASIC.start } })).status).toBe(204);
      // when
      expect((await transition(bob, 'ALPHA-7', { transition: { id: Number(BASIC.done) } })).status).toBe(204);
      // then
      const done = await fields('ALPHA-7');
      expect(done.status.statusCategory.key).toBe('done');
      expect(done.resolution).toMatchObject({ name: 'Done' });
      expect(done.resolutiondate).toBe(done.updated);
      expect(await search('statusCategory = Done AND resolution = Done AND project = ALPHA')).toContain('ALPHA-7');
      expectDocumentedShape(events.at(-1));
      const last = events.at(-1) as { changelog?: { items: { field: string; toString: string | null }[] } };
      expect(last.changelog?.items.map((i) => [i.field, i.toString])).toEqual([
        ['status', 'Done'],
        ['resolution', 'Done'],
      ]);
      // when reopened
      expect((await transition(bob, 'ALPHA-7', { transition: { id: BASIC.reopen } })).status).toBe(204);
      const reopened = await fields('ALPHA-7');
      expect(reopened.resolution).toBeNull();
      expect(reopened.resolutiondate).toBeNull();
    });

    it('takes the resolution from the screen, keeps it into Closed and clears it when reopened', async () => {
      // when
      const resolved = await transition(alice, 'BETA-2', {
        transition: { id: CLASSIC.resolve },
        fields: { resolution: { name: 'Duplicate' } },
        historyMetadata: { activityDescription: 'Rolled up by Structure Sync' },
      });
      // then
      expect(resolved.status).toBe(204);
      expect(await fields('BETA-2')).toMatchObject({ status: { name: 'Resolved' }, resolution: { name: 'Duplicate' } });
      expect((await transition(alice, 'BETA-2', { transition: { id: CLASSIC.close } })).status).toBe(204);
      expect(await fields('BETA-2')).toMatchObject({ status: { name: 'Closed' }, resolution: { name: 'Duplicate' } });
      expect(await search('resolution CHANGED TO Duplicate')).toEqual(['BETA-2']);
      expect((await transition(alice, 'BETA-2', { transition: { id: CLASSIC.reopen } })).status).toBe(204);
      expect(await fields('BETA-2')).toMatchObject({ status: { name: 'To Do' }, resolution: null });
      // update.resolution[].set works as well as fields.resolution
      const viaUpdate = await transition(alice, 'BETA-2', {
        transition: { id: CLASSIC.resolve },
        update: { resolution: [{ set: { id: '10001' } }] },
      });
      expect(viaUpdate.status).toBe(204);
      expect((await fields('BETA-2')).resolution).toMatchObject({ name: "Won't Do" });
    });

    it('answers 400 for a transition not available from the issue status', async () => {
      // ALPHA-3 is To Do: Done leaves only from In Progress.
      const answer = await transition(bob, 'ALPHA-3', { transition: { id: BASIC.done } });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ errorMessages: ["Transition id '21' is not valid for this issue."], errors: {} });
      // Closed is reached only from Resolved.
      const closed = await transition(alice, 'BETA-2', { transition: { id: CLASSIC.close } });
      expect(closed.status).toBe(400);
      expect((await fields('BETA-2')).status.name).toBe('In Progress');
      expect(events).toEqual([]);
    });

    it('answers 400 for a missing or malformed transition', async () => {
      expect((await transition(bob, 'ALPHA-7', {})).body).toEqual({
        errorMessages: ["Missing 'transition' identifier"],
        errors: {},
      });
      expect((await transition(bob, 'ALPHA-7', { transition: { id: 'start' } })).body).toEqual({
        errorMessages: ["'transition' identifier must be an integer"],
        errors: {},
      });
    });

    it('answers 400 with a field error when the screen requires a resolution and none is given', async () => {
      const answer = await transition(alice, 'BETA-2', { transition: { id: CLASSIC.resolve } });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ errorMessages: [], errors: { resolution: 'Resolution is required.' } });
      expect((await fields('BETA-2')).status.name).toBe('In Progress');
    });

    it('refuses a field that is not on the transition screen', async () => {
      const answer = await transition(bob, 'ALPHA-1', {
        transition: { id: BASIC.done },
        fields: { resolution: { name: 'Done' } },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual({
        resolution: "Field 'resolution' cannot be set. It is not on the appropriate screen, or unknown.",
      });
    });

    it("refuses a user without Transition Issues with Jira's 400", async () => {
      const answer = await transition(carol, 'ALPHA-7', { transition: { id: BASIC.start } });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        errorMessages: ["You don't have permission to transition this issue."],
        errors: {},
      });
      expect((await fields('ALPHA-7')).status.name).toBe('To Do');
      // and 404 to one who cannot see the issue
      expect((await transition(carol, 'BETA-2', { transition: { id: CLASSIC.start } })).status).toBe(404);
    });

    it('refuses a resolution from a user without Resolve Issues: the field is not on their screen', async () => {
      // when
      const answer = await transition(bob, 'BETA-2', {
        transition: { id: CLASSIC.resolve },
        fields: { resolution: { name: 'Done' } },
      });
      // then
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual({
        resolution: "Field 'resolution' cannot be set. It is not on the appropriate screen, or unknown.",
      });
      expect((await fields('BETA-2')).status.name).toBe('In Progress');
      // A hidden field is not required: the issue moves, unresolved, as in Jira.
      expect((await transition(bob, 'BETA-2', { transition: { id: CLASSIC.resolve } })).status).toBe(204);
      expect(await fields('BETA-2')).toMatchObject({ status: { name: 'Resolved' }, resolution: null });
    });

    it('gives the app every permission', async () => {
      const answer = await transition({ app: true }, 'BETA-2', {
        transition: { id: CLASSIC.resolve },
        fields: { resolution: { name: 'Done' } },
      });
      expect(answer.status).toBe(204);
      expect(events.at(-1)).toMatchObject({ selfGenerated: true });
    });

    it('charges one point per transition and none for a refused one', async () => {
      em.jira.ledger.reset();
      await transition(bob, 'ALPHA-7', { transition: { id: BASIC.start } });
      await transition(bob, 'ALPHA-7', { transition: { id: BASIC.reopen } });
      expect(em.jira.ledger.get('acc-bob')).toEqual({ calls: 2, points: 2 });
    });
  });
});

describe('transitions and the per-issue write limit', () => {
  it('counts each transition as a write to its issue', async () => {
    // given an emulator whose wall clock stands still
    const jira = createJiraEmulator({
      dataset: workflowDataset(),
      now: () => NOW,
      wallClockMs: () => 1_000_000,
      burstLimits: false,
    });
    const { url } = await jira.listen();
    const post = (id: string) =>
      fetch(`${url}/rest/api/3/issue/ALPHA-7/transitions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forge-As-App': 'true' },
        body: JSON.stringify({ transition: { id } }),
      });
    try {
      // when: 20 transitions back and forth
      for (let i = 0; i < 20; i++) expect((await post(i % 2 === 0 ? BASIC.start : BASIC.stop)).status).toBe(204);
      // then the 21st is refused
      const refused = await post(BASIC.start);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('ratelimit-reason')).toBe('jira-per-issue-on-write');
    } finally {
      await jira.close();
    }
  });
});
