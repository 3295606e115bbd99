// What the platform refuses before Jira answers: operations outside the manifest's scopes (Jira's 401),
// offline impersonation without allowImpersonation (the Forge proxy's NEEDS_AUTHENTICATION_ERR, thrown by
// @forge/api as NeedsAuthenticationError), and egress to hosts the manifest does not list.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ExternalEndpointNotAllowedError, NeedsAuthenticationError } from '@forge/api';
import { FIXTURE_APP, Harness, startHarness, stopHarness } from './harness';
import { outcomes } from './fixture-app/src';

const manifest = readFileSync(path.join(FIXTURE_APP, 'manifest.yml'), 'utf8');
const withoutImpersonation = manifest.replace('read:jira-user:\n      allowImpersonation: true', 'read:jira-user: {}');
const withoutUserScope = manifest.replace(/ +read:jira-user:\n +allowImpersonation: true\n/, '');

let h: Harness | undefined;
afterEach(async () => {
  await stopHarness(h);
  h = undefined;
});

/** Runs the consumer as the platform does: as the app, with no user in the invocation. */
async function deliver(body: Record<string, unknown>) {
  const eventId = `event-${Math.random().toString(36).slice(2)}`;
  await h!.rt.invokeFunction('job-worker', [{ eventId, jobId: 'job-1', queueName: 'fixture-jobs', body }, {}], {
    moduleType: 'core:consumer',
  });
  return outcomes.get(eventId);
}

describe('offline impersonation', () => {
  it('refuses asUser(accountId) in a consumer when the scope does not allow impersonation', async () => {
    // given
    h = await startHarness({ manifestText: withoutImpersonation });
    // when
    const outcome = await deliver({ mode: 'myselfAs', accountId: 'acc-alice' });
    // then
    expect(outcome?.error).toBeInstanceOf(NeedsAuthenticationError);
    expect(outcome?.error).toMatchObject({ name: 'NEEDS_AUTHENTICATION_ERR', status: 401 });
    expect(h.jira.requests).toEqual([]);
    expect(h.rt.jira.calls).toEqual([
      { method: 'GET', path: '/rest/api/3/myself', as: 'acc-alice', status: 401, refused: 'impersonation' },
    ]);
  });

  it('lets asUser(accountId) through when the scope allows impersonation', async () => {
    // given
    h = await startHarness();
    // when
    const outcome = await deliver({ mode: 'myselfAs', accountId: 'acc-alice' });
    // then
    expect(outcome).toMatchObject({ status: 200 });
    expect(JSON.parse(outcome?.body ?? '{}')).toMatchObject({ accountId: 'acc-alice' });
  });

  it('lets the present user be impersonated with any declared scope', async () => {
    // given
    h = await startHarness({ manifestText: withoutImpersonation });
    // when
    const result = await h.rt.invokeResolver({ key: 'whoami', accountId: 'acc-alice' });
    // then
    expect(result).toMatchObject({ status: 200, body: { accountId: 'acc-alice' } });
  });
});

describe('scopes', () => {
  it("answers Jira's 401 for an operation whose scope the manifest does not declare, without reaching Jira", async () => {
    // given
    h = await startHarness({ manifestText: withoutUserScope });
    // when
    const result = await h.rt.invokeResolver({ key: 'whoami', accountId: 'acc-alice' });
    // then
    expect(result).toMatchObject({ status: 401, body: { code: 401, message: 'Unauthorized; scope does not match' } });
    expect(h.jira.requests).toEqual([]);
  });

  it('takes any one of the alternatives the spec lists (serverInfo needs no scope)', async () => {
    // given
    h = await startHarness({ manifestText: withoutUserScope });
    // when
    const result = await h.rt.invokeResolver({ key: 'asApp', accountId: 'acc-alice' });
    // then
    expect(result).toMatchObject({ status: 200 });
  });
});

describe('egress', () => {
  it('lets a function fetch a host of permissions.external.fetch.backend', async () => {
    // given
    h = await startHarness();
    // when
    const outcome = await deliver({ mode: 'egress', url: `${h.jira.baseUrl}/rest/api/3/serverInfo` });
    // then
    expect(outcome).toMatchObject({ status: 200 });
  });

  it('refuses any other host as @forge/api does, before sending anything', async () => {
    // given
    h = await startHarness();
    // when
    const outcome = await deliver({ mode: 'egress', url: 'https://collector.example.com/ingest' });
    // then
    expect(outcome?.error).toBeInstanceOf(ExternalEndpointNotAllowedError);
    expect(outcome?.error).toMatchObject({
      name: 'REQUEST_EGRESS_ALLOWLIST_ERR',
      message: expect.stringContaining('https://collector.example.com/ingest'),
    });
  });
});
