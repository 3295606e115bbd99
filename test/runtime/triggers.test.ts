// Product-event and scheduled triggers in the local runtime: the fixture app's `trigger` and
// `scheduledTrigger` modules receive what the platform would send, from `deliverProductEvent` and from
// the Jira emulator's change feed.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APP_ACCOUNT_ID, createJiraEmulator, type JiraEmulator } from '../../local/emulator';
import { startLocalForge, type LocalForge, type LocalForgeOptions } from '../../local/runtime';
import { smallDataset, users } from '../emulator/fixtures';
import { scheduleJournal, triggerBehaviour, triggerJournal } from './fixture-app/src';
import { FIXTURE_APP } from './harness';
import { expectDocumentedShape } from './product-event-shapes';

const ALL_EVENTS = 'fixture-jira-events';
const OTHERS_LINKS = 'fixture-others-links';
const CLOUD_ID = '00000000-0000-4000-8000-0000000c10d1';

let jira: JiraEmulator;
let jiraUrl: string;
let rt: LocalForge;
const logs: string[] = [];

async function startRuntime(options: Partial<LocalForgeOptions> = {}): Promise<LocalForge> {
  return startLocalForge({
    appDir: FIXTURE_APP,
    jiraBaseUrl: jiraUrl,
    timeScale: 0.001,
    cloudId: CLOUD_ID,
    log: (m) => logs.push(m),
    ...options,
  });
}

beforeEach(async () => {
  triggerJournal.length = 0;
  scheduleJournal.length = 0;
  triggerBehaviour.retryTimes = 0;
  triggerBehaviour.sleepMs = 0;
  logs.length = 0;
  jira = createJiraEmulator({ dataset: smallDataset() });
  jiraUrl = (await jira.listen()).url;
  rt = await startRuntime({ jira });
});

afterEach(async () => {
  await rt.close();
  await jira.close();
});

/** Calls the emulator's REST API as a dataset user (Basic auth) or as the app. */
async function rest(
  as: { email: string; apiToken: string } | 'app',
  method: string,
  pathname: string,
  body?: unknown,
): Promise<number> {
  const auth: Record<string, string> =
    as === 'app'
      ? { 'X-Forge-As-App': 'true' }
      : { Authorization: `Basic ${Buffer.from(`${as.email}:${as.apiToken}`).toString('base64')}` };
  const res = await fetch(jiraUrl + pathname, {
    method,
    headers: { 'Content-Type': 'application/json', ...auth },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await res.text();
  return res.status;
}

const delivered = (moduleKey: string) => triggerJournal.filter((j) => j.moduleKey === moduleKey).map((j) => j.event);

describe('manifest', () => {
  it('reads trigger and scheduledTrigger modules', () => {
    expect(rt.manifest.triggers).toEqual([
      {
        key: ALL_EVENTS,
        functionKey: 'jira-listener',
        events: [
          'avi:jira:created:issue',
          'avi:jira:updated:issue',
          'avi:jira:deleted:issue',
          'avi:jira:created:issuelink',
          'avi:jira:deleted:issuelink',
        ],
        ignoreSelf: false,
      },
      { key: OTHERS_LINKS, functionKey: 'jira-listener', events: ['avi:jira:created:issuelink'], ignoreSelf: true },
    ]);
    expect(rt.manifest.scheduledTriggers).toEqual([
      { key: 'fixture-hourly', functionKey: 'scheduled-job', interval: 'hour' },
    ]);
  });
});

describe('deliverProductEvent', () => {
  const event = {
    eventType: 'avi:jira:updated:issue',
    atlassianId: 'acc-bob',
    selfGenerated: false,
    issue: { id: '10003', key: 'ALPHA-3', fields: { summary: 'x' } },
    changelog: {
      id: '1',
      items: [{ field: 'summary', fieldtype: 'jira', from: null, fromString: 'a', to: null, toString: 'x' }],
    },
  };

  it('calls each subscribed trigger later, as the app, with (event, context) like the platform', async () => {
    const queued = rt.deliverProductEvent(event);
    expect(queued.triggers).toEqual([ALL_EVENTS]);
    // Never inside the call that reported the event.
    expect(triggerJournal).toHaveLength(0);
    await rt.drain();
    expect(triggerJournal).toHaveLength(1);
    const [seen] = triggerJournal;
    expect(seen.moduleKey).toBe(ALL_EVENTS);
    expect(seen.event).toEqual(event);
    expect(seen.event).not.toBe(event);
    expect(seen.context).toMatchObject({ installContext: `ari:cloud:jira::site/${CLOUD_ID}` });
    expect(seen.context.principal).toBeUndefined();
    // @forge/api's NeedsAuthenticationError: asUser() needs a user, and a trigger has none.
    expect(seen.asUserWithoutId).toBe('NEEDS_AUTHENTICATION_ERR');
    expect(rt.triggerQueue.deliveries).toEqual([
      expect.objectContaining({ jobId: queued.jobId, queueName: ALL_EVENTS, outcome: 'success' }),
    ]);
  });

  it('skips triggers that do not list the event type, and selfGenerated events for ignoreSelf triggers', async () => {
    expect(rt.deliverProductEvent({ eventType: 'avi:jira:commented:issue' }).triggers).toEqual([]);
    const link = {
      eventType: 'avi:jira:created:issuelink',
      id: '1',
      sourceIssueId: '10001',
      destinationIssueId: '10002',
    };
    expect(rt.deliverProductEvent({ ...link, selfGenerated: false }).triggers).toEqual([ALL_EVENTS, OTHERS_LINKS]);
    expect(rt.deliverProductEvent({ ...link, selfGenerated: true }).triggers).toEqual([ALL_EVENTS]);
    await rt.drain();
    expect(delivered(ALL_EVENTS)).toHaveLength(2);
    expect(delivered(OTHERS_LINKS)).toEqual([{ ...link, selfGenerated: false }]);
  });

  it('honours the queue duplicate switch: every trigger may see an event twice', async () => {
    rt.queue.switches.duplicate = true;
    rt.deliverProductEvent(event);
    await rt.drain();
    expect(delivered(ALL_EVENTS)).toEqual([event, event]);
    expect(rt.triggerQueue.deliveries.map((d) => d.duplicate).sort()).toEqual([false, true]);
  });

  it('redelivers when the trigger returns InvocationError, with event.retryContext', async () => {
    triggerBehaviour.retryTimes = 2;
    rt.deliverProductEvent(event);
    await rt.drain();
    const attempts = delivered(ALL_EVENTS);
    expect(attempts).toHaveLength(3);
    expect(attempts[0].retryContext).toBeUndefined();
    expect(attempts[2].retryContext).toEqual({
      retryCount: 2,
      retryReason: 'FUNCTION_RETRY_REQUEST',
      retryData: { attempt: 1 },
    });
  });

  it('drain() waits for trigger invocations in flight', async () => {
    triggerBehaviour.sleepMs = 30;
    rt.deliverProductEvent(event);
    rt.deliverProductEvent({ ...event, issue: { ...event.issue, key: 'ALPHA-4' } });
    await rt.drain();
    expect(triggerJournal.map((j) => j.finished)).toEqual([true, true]);
  });
});

describe('connected to the Jira emulator', () => {
  it('delivers all five event types with documented shapes and the actor', async () => {
    // created: by bob through the control API
    const created = await fetch(`${jiraUrl}/__emulator/issues`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Emulator-Actor': 'acc-bob' },
      body: JSON.stringify({ project: 'ALPHA', type: 'Task', summary: 'Born in a test' }),
    }).then((r) => r.json() as Promise<{ issue: { id: string; key: string } }>);
    // updated: a parent change by bob over REST
    expect(
      await rest(users.bob, 'PUT', `/rest/api/3/issue/${created.issue.key}`, {
        fields: { parent: { key: 'ALPHA-2' } },
      }),
    ).toBe(204);
    // issue link created and deleted by alice over REST
    expect(
      await rest(users.alice, 'POST', '/rest/api/3/issueLink', {
        type: { name: 'Blocks' },
        inwardIssue: { key: created.issue.key },
        outwardIssue: { key: 'ALPHA-7' },
      }),
    ).toBe(201);
    const linkId = [...jira.store.links.values()].find((l) => l.sourceId === created.issue.id)!.id;
    expect(await rest(users.alice, 'DELETE', `/rest/api/3/issueLink/${linkId}`)).toBe(204);
    // deleted: directly on the store, attributed to carol
    jira.events.asActor('acc-carol', () => jira.store.deleteIssue(created.issue.key));
    await rt.drain();

    const events = delivered(ALL_EVENTS);
    expect(events.map((e) => [e.eventType, e.atlassianId])).toEqual([
      ['avi:jira:created:issue', 'acc-bob'],
      ['avi:jira:updated:issue', 'acc-bob'],
      ['avi:jira:created:issuelink', 'acc-alice'],
      ['avi:jira:deleted:issuelink', 'acc-alice'],
      ['avi:jira:deleted:issue', 'acc-carol'],
    ]);
    events.forEach(expectDocumentedShape);
    expect(events[0]).toMatchObject({
      issue: {
        id: created.issue.id,
        key: created.issue.key,
        fields: { summary: 'Born in a test', creator: { accountId: 'acc-bob' } },
      },
    });
    expect(events[1]).toMatchObject({
      issue: { key: created.issue.key, fields: { parent: { id: '10002', key: 'ALPHA-2' } } },
      changelog: {
        items: [
          {
            field: 'IssueParentAssociation',
            fieldtype: 'jira',
            from: null,
            fromString: null,
            to: '10002',
            toString: 'ALPHA-2',
          },
        ],
      },
    });
    for (const link of events.slice(2, 4)) {
      expect(link).toMatchObject({
        id: linkId,
        sourceIssueId: created.issue.id,
        destinationIssueId: '10007',
        issueLinkType: { name: 'Blocks' },
      });
    }
    // The user's link also reached the ignoreSelf trigger.
    expect(delivered(OTHERS_LINKS).map((e) => e.id)).toEqual([linkId]);
  });

  it("the app's own link is not delivered to the ignoreSelf trigger", async () => {
    expect(
      await rest('app', 'POST', '/rest/api/3/issueLink', {
        type: { name: 'Relates' },
        inwardIssue: { key: 'ALPHA-7' },
        outwardIssue: { key: 'BETA-3' },
      }),
    ).toBe(201);
    await rt.drain();
    expect(delivered(ALL_EVENTS)).toEqual([
      expect.objectContaining({
        eventType: 'avi:jira:created:issuelink',
        atlassianId: APP_ACCOUNT_ID,
        selfGenerated: true,
      }),
    ]);
    expect(delivered(OTHERS_LINKS)).toEqual([]);
  });

  it('stops delivering once disconnected, and close() unsubscribes from the feed', async () => {
    const other = await startRuntime();
    const disconnect = other.connectJira(jira.events);
    disconnect();
    jira.store.updateIssue('ALPHA-7', { summary: 'seen by rt only' });
    await Promise.all([rt.drain(), other.drain()]);
    expect(triggerJournal).toHaveLength(1);
    await other.close();
    await rt.close();
    expect(jira.events.active).toBe(false);
  });
});

describe('scheduled triggers', () => {
  it('runScheduledTrigger fires one now as the platform calls it, and returns its result', async () => {
    await expect(rt.runScheduledTrigger('fixture-hourly')).resolves.toEqual({ runs: 1 });
    await expect(rt.runScheduledTrigger('fixture-hourly')).resolves.toEqual({ runs: 2 });
    expect(scheduleJournal).toHaveLength(2);
    const [first] = scheduleJournal;
    expect(first.moduleKey).toBe('fixture-hourly');
    expect(first.request).toEqual({
      context: { cloudId: CLOUD_ID, moduleKey: 'fixture-hourly' },
      contextToken: expect.any(String),
    });
    expect(first.context).toMatchObject({ installContext: `ari:cloud:jira::site/${CLOUD_ID}` });
    await expect(rt.runScheduledTrigger('nope')).rejects.toThrow(
      "No scheduledTrigger 'nope' in manifest.yml (there are: fixture-hourly)",
    );
  });

  it('with scheduledTriggers on, they run every interval × timeScale until close; off (the default) they never run by themselves', async () => {
    // At this scale an hour is 36 ms.
    const ticking = await startRuntime({ scheduledTriggers: true, timeScale: 1e-5, cloudId: 'ticking' });
    const quiet = await startRuntime({ timeScale: 1e-5, cloudId: 'quiet' });
    const runsOf = (cloudId: string) =>
      scheduleJournal.filter((r) => (r.request.context as { cloudId: string }).cloudId === cloudId).length;
    while (runsOf('ticking') < 3) await new Promise((r) => setTimeout(r, 10));
    await ticking.close();
    await quiet.close();
    const afterClose = runsOf('ticking');
    await new Promise((r) => setTimeout(r, 150));
    expect(runsOf('ticking')).toBe(afterClose);
    // Three hours passed for `quiet` too, but without the option nothing runs by itself.
    expect(runsOf('quiet')).toBe(0);
  });
});

describe('an app without triggers', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'no-triggers-'));
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'src', 'index.js'), 'exports.handler = async () => "ok";\n');
    writeFileSync(
      path.join(dir, 'manifest.yml'),
      [
        'modules:',
        '  function:',
        '    - key: main',
        '      handler: index.handler',
        'app:',
        '  id: ari:cloud:ecosystem::app/22222222-2222-4222-8222-222222222222',
        '  runtime:',
        '    name: nodejs22.x',
        '',
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts events and feeds, delivering nothing, and has no scheduled triggers', async () => {
    const bare = await startLocalForge({
      appDir: dir,
      jiraBaseUrl: jiraUrl,
      jira,
      scheduledTriggers: true,
      log: () => undefined,
    });
    try {
      expect(bare.manifest.triggers).toEqual([]);
      expect(bare.deliverProductEvent({ eventType: 'avi:jira:updated:issue' })).toEqual({ jobId: '', triggers: [] });
      jira.store.updateIssue('ALPHA-7', { summary: 'nobody of bare listens' });
      await bare.drain();
      expect(bare.triggerQueue.deliveries).toEqual([]);
      await expect(bare.runScheduledTrigger('fixture-hourly')).rejects.toThrow(
        "No scheduledTrigger 'fixture-hourly' in manifest.yml",
      );
    } finally {
      await bare.close();
    }
  });
});
