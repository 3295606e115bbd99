// The fields teams plan with (versions, components, resolution, due date, sprints, story points,
// description, comments, watchers), as GET issue, search and bulkfetch return them: shaped as the
// OpenAPI documents say, and holding what the dataset holds.
import { generateDataset } from '../../local/dataset/generate';
import type { DatasetIssue } from '../../local/dataset/types';
import { startEmulator, type Caller, type Running } from '../emulator/helpers';
import { expectMatchesOperation } from './openapi';

const dataset = generateDataset({ issues: 400, seed: 'planning-fields' });
const admin: Caller = { user: dataset.users.find((u) => u.siteAdmin)! };
const sprintNames = new Map((dataset.sprints ?? []).map((s) => [s.id, s.name]));

/** One issue of the dataset that has every optional field the test looks at, and one with none of them. */
const full = dataset.issues.find(
  (i) => i.fixVersions && i.components && i.resolution && i.sprints && i.comments && i.watchers && i.customFields,
)!;
const bare = dataset.issues.find((i) => !i.fixVersions && !i.resolution && !i.due && !i.sprints && !i.customFields)!;

describe('planning fields in issue reads', () => {
  let em: Running;
  beforeAll(async () => {
    em = await startEmulator(dataset);
  });
  afterAll(() => em.close());

  it('GET issue returns every planning field with the dataset values, in the documented shapes', async () => {
    // given an issue with versions, components, a resolution, sprints, comments, watchers and story points
    expect(full).toBeDefined();
    // when it is read with all fields
    const answer = await em.call(admin, 'GET', `/rest/api/3/issue/${full.key}?expand=names,schema`);
    // then the answer is documented, and holds the dataset's values
    expect(answer.status).toBe(200);
    expectMatchesOperation('GET', `/rest/api/3/issue/${full.key}`, 200, answer.body);
    const f = answer.body.fields;
    expect(f.fixVersions.map((v: { name: string }) => v.name)).toEqual(full.fixVersions);
    expect(f.components.map((c: { name: string }) => c.name)).toEqual(full.components);
    expect(f.resolution.name).toBe(full.resolution);
    expect(Date.parse(f.resolutiondate)).toBe(Date.parse(full.resolved!));
    expect(f.duedate).toBe(full.due ?? null);
    expect(f.customfield_10020.map((s: { name: string }) => s.name)).toEqual(
      full.sprints!.map((id) => sprintNames.get(id)),
    );
    expect(f.customfield_10016).toBe(full.customFields!.customfield_10016);
    expect(f.comment.total).toBe(full.comments!.length);
    expect(f.comment.comments[0].body.content[0].content[0].text).toBe(full.comments![0]!.body);
    expect(f.watches.watchCount).toBe(full.watchers!.length);
    expect(f.description === null ? undefined : f.description.content[0].content[0].text).toBe(full.description);
    expect(answer.body.names).toMatchObject({ customfield_10020: 'Sprint', customfield_10016: 'Story Points' });
    expect(answer.body.schema.fixVersions).toEqual({ type: 'array', items: 'version', system: 'fixVersions' });
  });

  it('sends null or empty for planning fields an issue does not have', async () => {
    // given an issue without versions, resolution, due date, sprints or story points
    const fields = 'fixVersions,resolution,resolutiondate,duedate,customfield_10020,customfield_10016';
    // when those fields are asked for
    const answer = await em.call(admin, 'GET', `/rest/api/3/issue/${bare.key}?fields=${fields}`);
    // then each is there, empty
    expectMatchesOperation('GET', `/rest/api/3/issue/${bare.key}`, 200, answer.body);
    expect(answer.body.fields).toEqual({
      fixVersions: [],
      resolution: null,
      resolutiondate: null,
      duedate: null,
      customfield_10020: null,
      customfield_10016: null,
    });
  });

  it('search and bulkfetch return the fields asked for by name, in the documented shapes', async () => {
    // given issues of one project with planning fields
    const project = full.key.slice(0, full.key.lastIndexOf('-'));
    const wanted = ['fixVersions', 'components', 'sprint', 'Story Points', 'resolution', 'duedate', 'watches'];
    // when searched and bulk-fetched with those fields
    const search = await em.call(admin, 'POST', '/rest/api/3/search/jql', {
      jql: `project = ${project} AND fixVersion is not EMPTY ORDER BY key`,
      fields: wanted.map((w) => (w === 'Story Points' ? 'customfield_10016' : w)),
      maxResults: 20,
    });
    const bulk = await em.call(admin, 'POST', '/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: [full.key],
      fields: ['fixVersions', 'components', 'customfield_10020'],
    });
    // then both are documented and the versions match the dataset
    expectMatchesOperation('POST', '/rest/api/3/search/jql', 200, search.body);
    expectMatchesOperation('POST', '/rest/api/3/issue/bulkfetch', 200, bulk.body);
    const byId = new Map<string, DatasetIssue>(dataset.issues.map((i) => [i.id, i]));
    expect(search.body.issues.length).toBeGreaterThan(0);
    for (const issue of search.body.issues as { key?: string; id: string; fields: Record<string, unknown> }[]) {
      const source = byId.get(issue.id)!;
      expect((issue.fields.fixVersions as { name: string }[]).map((v) => v.name)).toEqual(source.fixVersions);
      expect(Object.keys(issue.fields).sort()).toEqual([
        'components',
        'customfield_10016',
        'customfield_10020',
        'duedate',
        'fixVersions',
        'resolution',
        'watches',
      ]);
    }
    expect(Object.keys(bulk.body.issues[0].fields).sort()).toEqual(['components', 'customfield_10020', 'fixVersions']);
  });

  it('GET field lists the planning fields with their clause names', async () => {
    // when the site's fields are listed
    const answer = await em.call(admin, 'GET', '/rest/api/3/field');
    // then they are documented and include the sprint and story points custom fields
    expectMatchesOperation('GET', '/rest/api/3/field', 200, answer.body);
    const byId = new Map((answer.body as { id: string; clauseNames: string[] }[]).map((f) => [f.id, f.clauseNames]));
    expect(byId.get('customfield_10020')).toEqual(['cf[10020]', 'Sprint']);
    expect(byId.get('customfield_10016')).toEqual(['cf[10016]', 'Story Points']);
    expect(byId.get('fixVersions')).toEqual(['fixVersion']);
  });
});
