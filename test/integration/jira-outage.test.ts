// Jira failing for a while (issue 15 item 9): a start's checks ride out 429s and 5xx within the
// resolver's time limit, and a job that Jira's outage ends says so and can be retried.
import { givenStructure, useSite } from './support/site';

const local = useSite();
afterEach(() => local.site.jira.faults.clear());

const params = { source: { kind: 'jql', jql: 'project = APP' }, add: { at: 'top' } };

async function startAs(structureId: string) {
  return local.site.invokeAs('olivia', 'startImport', { structureId, synchronizer: 'filter', params });
}

describe('starting while Jira is briefly unavailable', () => {
  it('waits out a Retry-After of 6 s within the call and starts the job', async () => {
    // given
    const structure = await givenStructure(local.site);
    local.site.jira.faults.inject429({ kind: 'burst', count: 1, match: 'search/jql', retryAfterSeconds: 6 });
    // when
    const began = Date.now();
    const answer = await startAs(structure.id);
    await local.site.rt.queue.drain();
    // then
    expect(answer).toMatchObject({ ok: true, data: { job: { state: 'queued' } } });
    expect(Date.now() - began).toBeGreaterThanOrEqual(6000);
  }, 30_000);

  it('retries four 503s in a row and starts the job', async () => {
    // given
    const structure = await givenStructure(local.site);
    local.site.jira.faults.inject5xx({ count: 4, status: 503, match: 'search/jql' });
    // when
    const answer = await startAs(structure.id);
    await local.site.rt.queue.drain();
    // then
    expect(answer).toMatchObject({ ok: true });
  }, 30_000);

  it('gives up before the resolver’s time limit when Jira asks for a long wait', async () => {
    // given
    const structure = await givenStructure(local.site);
    local.site.jira.faults.inject429({ kind: 'burst', count: 1, match: 'search/jql', retryAfterSeconds: 20 });
    // when
    const began = Date.now();
    const answer = await startAs(structure.id);
    // then
    expect(answer).toMatchObject({ ok: false, error: { code: 'JIRA_UNAVAILABLE' } });
    expect(Date.now() - began).toBeLessThan(5000);
  });
});
