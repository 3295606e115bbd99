// The emulator's change feed: every change — REST writes by a user or the app, the control API, direct
// `store` calls — arrives as the Forge product event Jira would send, with the actor and a changelog.
import {
  APP_ACCOUNT_ID,
  EMULATOR_ACTOR_HEADER,
  type IssueEvent,
  type IssueLinkEvent,
  type JiraProductEvent,
} from '../../local/emulator';
import { ProductEventBuilder } from '../../local/emulator/product-events';
import { expectDocumentedShape } from '../runtime/product-event-shapes';
import { users } from './fixtures';
import { startEmulator, type Running } from './helpers';

let em: Running;
let events: JiraProductEvent[];
let unsubscribe: () => void;

beforeEach(async () => {
  em = await startEmulator();
  events = [];
  unsubscribe = em.jira.events.subscribe((e) => events.push(e));
});

afterEach(async () => {
  unsubscribe();
  await em.close();
});

const issueEvents = (): IssueEvent[] => events.filter((e): e is IssueEvent => 'issue' in e);
const linkEvents = (): IssueLinkEvent[] => events.filter((e): e is IssueLinkEvent => !('issue' in e));

async function control(
  method: string,
  path: string,
  body?: unknown,
  actor?: string,
): Promise<{ status: number; body: any }> {
  const res = await fetch(em.url + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(actor ? { [EMULATOR_ACTOR_HEADER]: actor } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('issue updates', () => {
  it('a user editing over REST sends avi:jira:updated:issue with their accountId and a changelog of each changed field', async () => {
    const res = await em.call({ user: users.bob }, 'PUT', '/rest/api/3/issue/ALPHA-3', {
      fields: { summary: 'Login form, reworked', labels: ['frontend', 'ux'], assignee: { accountId: 'acc-alice' } },
    });
    expect(res.status).toBe(204);
    expect(events).toHaveLength(1);
    const [event] = issueEvents();
    expectDocumentedShape(event);
    expect(event).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      atlassianId: 'acc-bob',
      selfGenerated: false,
      associatedUsers: [{ accountId: 'acc-bob' }],
      issue: {
        id: '10003',
        key: 'ALPHA-3',
        fields: {
          summary: 'Login form, reworked',
          assignee: { accountId: 'acc-alice' },
          parent: { id: '10002', key: 'ALPHA-2' },
        },
      },
    });
    expect(event.changelog?.items).toEqual([
      {
        field: 'summary',
        fieldtype: 'jira',
        fieldId: 'summary',
        from: null,
        fromString: 'Login form story',
        to: null,
        toString: 'Login form, reworked',
      },
      {
        field: 'labels',
        fieldtype: 'jira',
        fieldId: 'labels',
        from: null,
        fromString: 'frontend',
        to: null,
        toString: 'frontend ux',
      },
      {
        field: 'assignee',
        fieldtype: 'jira',
        fieldId: 'assignee',
        from: 'acc-bob',
        fromString: 'Bob Builder',
        to: 'acc-alice',
        toString: 'Alice Admin',
      },
    ]);
  });

  it('a parent change by the app (asApp) is an IssueParentAssociation item, attributed to the app and selfGenerated', async () => {
    const res = await em.call({ app: true }, 'PUT', '/rest/api/3/issue/BETA-2', {
      fields: { parent: { key: 'ALPHA-2' } },
    });
    expect(res.status).toBe(204);
    const [event] = issueEvents();
    expectDocumentedShape(event);
    expect(event.atlassianId).toBe(APP_ACCOUNT_ID);
    expect(event.selfGenerated).toBe(true);
    expect(event.issue.fields.parent).toMatchObject({ id: '10002', key: 'ALPHA-2' });
    expect(event.changelog?.items).toEqual([
      {
        field: 'IssueParentAssociation',
        fieldtype: 'jira',
        from: '10008',
        fromString: 'BETA-1',
        to: '10002',
        toString: 'ALPHA-2',
      },
    ]);
  });

  it('removing a parent through update.parent as a user via the app (asUser) is selfGenerated with that user as actor', async () => {
    const res = await em.call({ accountId: 'acc-alice' }, 'PUT', '/rest/api/3/issue/BETA-2', {
      update: { parent: [{ set: { none: true } }] },
    });
    expect(res.status).toBe(204);
    const [event] = issueEvents();
    expectDocumentedShape(event);
    expect(event).toMatchObject({ atlassianId: 'acc-alice', selfGenerated: true });
    expect(event.issue.fields.parent).toBeUndefined();
    expect(event.changelog?.items).toEqual([
      {
        field: 'IssueParentAssociation',
        fieldtype: 'jira',
        from: '10008',
        fromString: 'BETA-1',
        to: null,
        toString: null,
      },
    ]);
  });

  it('a status change through the control API names the status ids and names; X-Emulator-Actor picks the actor', async () => {
    expect((await control('POST', '/__emulator/issues/ALPHA-7', { status: 'In Progress' }, 'acc-carol')).status).toBe(
      200,
    );
    expect((await control('POST', '/__emulator/issues/ALPHA-7', { status: 'Done' })).status).toBe(200);
    const [byCarol, byDefault] = issueEvents();
    expectDocumentedShape(byCarol);
    expect(byCarol.atlassianId).toBe('acc-carol');
    expect(byCarol.changelog?.items).toEqual([
      {
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: '1',
        fromString: 'To Do',
        to: '3',
        toString: 'In Progress',
      },
    ]);
    // Without the header: the dataset's first site admin, like someone editing in Jira's UI.
    expect(byDefault.atlassianId).toBe('acc-alice');
    expect(byDefault.selfGenerated).toBe(false);
    expect(byDefault.issue.fields.status).toMatchObject({ id: '10001', name: 'Done' });
    expect((await control('POST', '/__emulator/issues/ALPHA-7', { status: 'Done' }, 'nobody')).status).toBe(400);
  });

  it('ranking over the agile API sends one update per moved issue with a Rank item saying which way it moved', async () => {
    // ALPHA-3 (0|i0000a:) is first in rank order; move ALPHA-7 and ALPHA-6 before it.
    const res = await em.call({ user: users.alice }, 'PUT', '/rest/agile/1.0/issue/rank', {
      issues: ['ALPHA-7', 'ALPHA-6'],
      rankBeforeIssue: 'ALPHA-3',
    });
    expect(res.status).toBe(204);
    expect(issueEvents().map((e) => e.issue.key)).toEqual(['ALPHA-7', 'ALPHA-6']);
    for (const e of issueEvents()) {
      expectDocumentedShape(e);
      expect(e.changelog?.items).toEqual([
        {
          field: 'Rank',
          fieldtype: 'custom',
          fieldId: 'customfield_10019',
          from: null,
          fromString: null,
          to: null,
          toString: 'Ranked higher',
        },
      ]);
    }
    events.length = 0;
    em.jira.store.updateIssue('ALPHA-7', { rank: '0|zzzzzz:' });
    expect(issueEvents()[0].changelog?.items[0].toString).toBe('Ranked lower');
  });

  it('saving unchanged values, and refused writes, send nothing', async () => {
    expect(
      (
        await em.call({ user: users.bob }, 'PUT', '/rest/api/3/issue/ALPHA-3', {
          fields: { summary: 'Login form story' },
        })
      ).status,
    ).toBe(204);
    expect(
      (await em.call({ user: users.carol }, 'PUT', '/rest/api/3/issue/ALPHA-3', { fields: { summary: 'Not allowed' } }))
        .status,
    ).toBe(403);
    expect(
      (
        await em.call({ user: users.bob }, 'PUT', '/rest/api/3/issue/ALPHA-4', {
          fields: { parent: { key: 'ALPHA-1' } },
        })
      ).status,
    ).toBe(400);
    expect(events).toEqual([]);
  });
});

describe('issue creation and deletion', () => {
  it('creating an issue with a parent sends one avi:jira:created:issue carrying the parent, its creator and reporter', async () => {
    const res = await control(
      'POST',
      '/__emulator/issues',
      { project: 'ALPHA', type: 'Sub-task', summary: 'New sub-task', parent: 'ALPHA-3', reporter: 'acc-bob' },
      'acc-bob',
    );
    expect(res.status).toBe(200);
    expect(events).toHaveLength(1);
    const [event] = issueEvents();
    expectDocumentedShape(event);
    expect(event).toMatchObject({
      eventType: 'avi:jira:created:issue',
      atlassianId: 'acc-bob',
      issue: {
        id: res.body.issue.id,
        key: res.body.issue.key,
        fields: {
          summary: 'New sub-task',
          issuetype: { name: 'Sub-task', subtask: true },
          project: { id: '10000', key: 'ALPHA' },
          creator: { accountId: 'acc-bob' },
          reporter: { accountId: 'acc-bob' },
          assignee: null,
          parent: { key: 'ALPHA-3' },
        },
      },
    });
    expect(event.changelog).toBeUndefined();
  });

  it('deleting an issue sends avi:jira:deleted:issue for it and its sub-tasks (which keep their parent), and deleted links', () => {
    em.jira.events.asActor('acc-bob', () => em.jira.store.deleteIssue('ALPHA-3'));
    for (const e of events) expectDocumentedShape(e);
    const deleted = issueEvents();
    expect(deleted.map((e) => [e.eventType, e.issue.key])).toEqual([
      ['avi:jira:deleted:issue', 'ALPHA-4'],
      ['avi:jira:deleted:issue', 'ALPHA-5'],
      ['avi:jira:deleted:issue', 'ALPHA-3'],
    ]);
    expect(deleted.every((e) => e.atlassianId === 'acc-bob')).toBe(true);
    expect(deleted[0].issue.fields.parent).toMatchObject({ key: 'ALPHA-3' });
    // A deleted standard issue carries no parent, as observed on live sites.
    expect(deleted[2].issue.fields.parent).toBeUndefined();
    // ALPHA-6 blocks ALPHA-3; BETA-2 relates to ALPHA-3.
    expect(
      linkEvents()
        .map((e) => [e.eventType, e.sourceIssueId, e.destinationIssueId])
        .sort(),
    ).toEqual([
      ['avi:jira:deleted:issuelink', '10006', '10003'],
      ['avi:jira:deleted:issuelink', '10009', '10003'],
    ]);
  });
});

describe('issue links', () => {
  it('POST /issueLink sends avi:jira:created:issuelink with the link fields at the top level; inwardIssue is the source', async () => {
    const res = await em.call({ user: users.bob }, 'POST', '/rest/api/3/issueLink', {
      type: { name: 'Blocks' },
      inwardIssue: { key: 'ALPHA-7' },
      outwardIssue: { key: 'BETA-3' },
    });
    expect(res.status).toBe(201);
    expect(events).toHaveLength(1);
    const [event] = linkEvents();
    expectDocumentedShape(event);
    const linkId = [...em.jira.store.links.values()].find(
      (l) => l.sourceId === '10007' && l.destinationId === '10010',
    )?.id;
    expect(event).toEqual({
      eventType: 'avi:jira:created:issuelink',
      atlassianId: 'acc-bob',
      selfGenerated: false,
      id: linkId,
      sourceIssueId: '10007',
      destinationIssueId: '10010',
      sourceProjectId: '10000',
      destinationProjectId: '10001',
      issueLinkType: { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
    });
    // Linking the same pair again changes nothing and sends nothing.
    await em.call({ user: users.bob }, 'POST', '/rest/api/3/issueLink', {
      type: { name: 'Blocks' },
      inwardIssue: { key: 'ALPHA-7' },
      outwardIssue: { key: 'BETA-3' },
    });
    expect(events).toHaveLength(1);
  });

  it('DELETE /issueLink/{id} by the app sends avi:jira:deleted:issuelink, selfGenerated', async () => {
    const link = [...em.jira.store.links.values()].find((l) => l.sourceId === '10006')!;
    expect((await em.call({ app: true }, 'DELETE', `/rest/api/3/issueLink/${link.id}`)).status).toBe(204);
    const [event] = linkEvents();
    expectDocumentedShape(event);
    expect(event).toMatchObject({
      eventType: 'avi:jira:deleted:issuelink',
      id: link.id,
      sourceIssueId: '10006',
      destinationIssueId: '10003',
      atlassianId: APP_ACCOUNT_ID,
      selfGenerated: true,
    });
  });

  it('the control API adds and removes links with events too', async () => {
    const added = await control('POST', '/__emulator/links', {
      source: 'BETA-3',
      type: 'Relates',
      destination: 'ALPHA-1',
    });
    expect((await control('DELETE', `/__emulator/links/${added.body.link.id}`)).status).toBe(200);
    expect(events.map((e) => e.eventType)).toEqual(['avi:jira:created:issuelink', 'avi:jira:deleted:issuelink']);
    events.forEach(expectDocumentedShape);
  });
});

describe('subscription', () => {
  it('stops after unsubscribe, and nobody listening means no events are built', () => {
    unsubscribe();
    expect(em.jira.events.active).toBe(false);
    const issueBuilds = jest.spyOn(ProductEventBuilder.prototype, 'issueEvent');
    const linkBuilds = jest.spyOn(ProductEventBuilder.prototype, 'linkEvent');
    try {
      em.jira.store.updateIssue('ALPHA-7', { summary: 'quiet' });
      em.jira.store.addLink('ALPHA-7', 'Blocks', 'BETA-3');
      em.jira.store.deleteIssue('ALPHA-3');
      expect(issueBuilds).not.toHaveBeenCalled();
      expect(linkBuilds).not.toHaveBeenCalled();
    } finally {
      issueBuilds.mockRestore();
      linkBuilds.mockRestore();
    }
    expect(events).toEqual([]);
  });

  it('a listener that throws neither fails the write nor starves other listeners', async () => {
    const errors: unknown[] = [];
    em.jira.events.onListenerError((e) => errors.push(e));
    const stop = em.jira.events.subscribe(() => {
      throw new Error('listener bug');
    });
    const res = await em.call({ user: users.bob }, 'PUT', '/rest/api/3/issue/ALPHA-7', {
      fields: { summary: 'Still saved' },
    });
    stop();
    expect(res.status).toBe(204);
    expect(events).toHaveLength(1);
    expect(errors).toEqual([expect.objectContaining({ message: 'listener bug' })]);
  });

  it('payload self URLs point at the listening emulator', () => {
    em.jira.store.updateIssue('ALPHA-7', { summary: 'x' });
    expect((issueEvents()[0].issue.fields.project as { self: string }).self.startsWith(em.url)).toBe(true);
  });
});
