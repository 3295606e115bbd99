// Errors users can act on: each is a JSON value with a code and a message, and none creates a job.
import { people } from './support/dataset';
import { data, givenStructure, useSite } from './support/site';

const local = useSite();

const top = { at: 'top' } as const;
const jql = (q: string) => ({ kind: 'jql', jql: q });

async function startImportAs(who: 'olivia' | 'pat' | 'ed', params: Record<string, unknown>, structureId?: string) {
  const id = structureId ?? (await givenStructure(local.site)).id;
  return local.site.invokeAs(who, 'startImport', { structureId: id, synchronizer: 'filter', params });
}

describe('payload errors', () => {
  it('names the field of a payload that fails its schema', async () => {
    const answer = await local.site.invokeAs('olivia', 'createStructure', { name: '  ' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', field: 'name' } });
  });

  it('names a nested field', async () => {
    const structure = await givenStructure(local.site);
    const answer = await local.site.invokeAs('olivia', 'setPermissions', {
      structureId: structure.id,
      rules: [{ subject: { type: 'user', accountId: 'acc-ed' }, level: 'owner' as never }],
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', field: 'rules.0.level' } });
  });

  it('refuses a payload that is too large', async () => {
    const answer = await local.site.invokeAs('olivia', 'createStructure', {
      name: 'big',
      description: 'x'.repeat(300_000),
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('takes the acting user from the platform context, never from the payload', async () => {
    // given
    const structure = await givenStructure(local.site);
    // when: olivia slips adam's accountId into the payload
    const answer = await local.site.invokeAs('olivia', 'startImport', {
      structureId: structure.id,
      synchronizer: 'filter',
      params: { source: jql('project = APP'), add: top },
      accountId: people.adam.accountId,
    } as never);
    // then
    expect(data(answer).job.startedBy).toBe(people.olivia.accountId);
    await local.site.rt.queue.drain();
  });
});

describe('not found', () => {
  it.each([
    ['getStructure', { structureId: 'no-such-structure' }, 'STRUCTURE_NOT_FOUND'],
    ['getForest', { structureId: 'no-such-structure' }, 'STRUCTURE_NOT_FOUND'],
    ['getJob', { jobId: 'no-such-job' }, 'JOB_NOT_FOUND'],
    ['cancelJob', { jobId: 'no-such-job' }, 'JOB_NOT_FOUND'],
    ['undoImport', { jobId: 'no-such-job' }, 'JOB_NOT_FOUND'],
  ] as const)('%s of something that does not exist → %s', async (key, payload, code) => {
    const answer = await local.site.invokeAs('olivia', key, payload as never);
    expect(answer).toMatchObject({ ok: false, error: { code } });
  });
});

describe('startImport errors, found before any job exists', () => {
  it('refuses an unknown synchronizer', async () => {
    const structure = await givenStructure(local.site);
    const answer = await local.site.invokeAs('olivia', 'startImport', {
      structureId: structure.id,
      synchronizer: 'telepathy',
      params: {},
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SYNCHRONIZER' } });
  });

  it.each([
    ['a missing source', { add: top }, 'params.source'],
    [
      'Allow move without "under an issue"',
      { source: jql('project = APP'), add: top, allowMove: true },
      'params.allowMove',
    ],
    [
      'Remove only where added without Remove',
      { source: jql('project = APP'), add: top, removeOnlyWhereAdded: true },
      'params.removeOnlyWhereAdded',
    ],
    [
      'a malformed issue key',
      { source: jql('project = APP'), add: { at: 'under', issueKey: 'not a key' } },
      'params.add.issueKey',
    ],
    [
      'a filter id that is not a number',
      { source: { kind: 'filter', filterId: 'abc' }, add: top },
      'params.source.filterId',
    ],
  ])('names the parameter for %s (INVALID_PARAMS)', async (_, params, field) => {
    const answer = await startImportAs('olivia', params);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS', field } });
  });

  it('answers Jira’s own message for an invalid JQL', async () => {
    // given: what Jira itself says about the query
    const jira = await fetch(`${local.site.jiraUrl}/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forge-Account-Id': people.olivia.accountId },
      body: JSON.stringify({ jql: 'project = APP AND (', fields: ['id'] }),
    });
    const jiraMessage = ((await jira.json()) as { errorMessages: string[] }).errorMessages.join(' ');
    // when
    const answer = await startImportAs('olivia', { source: jql('project = APP AND ('), add: top });
    // then
    expect(jira.status).toBe(400);
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'JQL_INVALID', message: jiraMessage, field: 'params.source.jql' },
    });
  });

  it.each([
    ['does not exist', '99999'],
    ['is not shared with the user', '10001'],
  ])('refuses a saved filter that %s (FILTER_NOT_FOUND)', async (_, filterId) => {
    const answer = await startImportAs('olivia', { source: { kind: 'filter', filterId }, add: top });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FILTER_NOT_FOUND', field: 'params.source.filterId' } });
  });

  it('refuses an "under" issue that does not exist (PARENT_ISSUE_NOT_FOUND)', async () => {
    const answer = await startImportAs('olivia', {
      source: jql('project = APP'),
      add: { at: 'under', issueKey: 'APP-999' },
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'PARENT_ISSUE_NOT_FOUND', field: 'params.add.issueKey' },
    });
  });

  it('refuses an "under" issue the user cannot see (PARENT_ISSUE_NOT_FOUND)', async () => {
    // given
    const structure = await givenStructure(local.site);
    data(
      await local.site.invokeAs('olivia', 'setPermissions', {
        structureId: structure.id,
        rules: [{ subject: { type: 'user', accountId: 'acc-pat' }, level: 'control' }],
      }),
    );
    // when
    const answer = await startImportAs(
      'pat',
      { source: jql('project = APP'), add: { at: 'under', issueKey: 'OPS-1' } },
      structure.id,
    );
    // then
    expect(answer).toMatchObject({ ok: false, error: { code: 'PARENT_ISSUE_NOT_FOUND' } });
  });

  it('records no job for a refused import', async () => {
    // given
    const structure = await givenStructure(local.site);
    // when
    await startImportAs('olivia', { source: jql('project = ('), add: top }, structure.id);
    // then
    expect(data(await local.site.invokeAs('olivia', 'listJobs', { structureId: structure.id })).jobs).toEqual([]);
  });
});

describe('a synchronizer asked for a direction it does not run', () => {
  it('answers DIRECTION_NOT_SUPPORTED for an export with the import-only Filter synchronizer', async () => {
    // given
    const structure = await givenStructure(local.site);
    // when
    const answer = await local.site.invokeAs('olivia', 'previewExport', {
      structureId: structure.id,
      synchronizer: 'filter',
      params: {},
    });
    // then
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'DIRECTION_NOT_SUPPORTED',
        field: 'synchronizer',
        message: 'The Filter synchronizer does not export to Jira.',
      },
    });
  });
});
