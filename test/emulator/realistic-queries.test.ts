// Forty queries of the kind teams build structures from ("this sprint's stories", "fix version 3.2",
// "unresolved bugs in component X"), sent through POST /search/jql as the app sends them. Each must be
// accepted; each is checked to find something on a generated site, so a clause that silently matches
// nothing counts as a failure too.
import { generateDataset } from '../../local/dataset/generate';
import { startEmulator, type Caller, type Running } from './helpers';
import { EPOCH } from '../../local/dataset/catalog';

const dataset = generateDataset({ issues: 4000, seed: 'realistic-queries' });
const admin = dataset.users.find((u) => u.siteAdmin)!;
const caller: Caller = { user: admin };
// Someone who works in PLAT: assigned an issue there, which they reviewed and finished, and watch.
const someone = dataset.issues.find(
  (i) =>
    i.key.startsWith('PLAT-') &&
    i.watchers?.includes(i.assignee ?? '') &&
    i.history?.some((h) => h.from === 'In Review' && h.to === 'Done' && h.by === i.assignee),
)!.assignee!;
const someoneName = dataset.users.find((u) => u.accountId === someone)!.displayName;
const epic = dataset.issues
  .filter((i) => i.type === 'Epic')
  .find((e) => dataset.issues.some((i) => i.parent === e.key))!;
const component = (dataset.components ?? []).find((c) => c.project === 'PLAT')!.name;
const activeSprint = (dataset.sprints ?? []).find((s) => s.state === 'active')!;
const filter = dataset.filters[1]!;

const QUERIES: string[] = [
  'project = PLAT AND sprint in openSprints() AND type = Story',
  `sprint = "${activeSprint.name}" ORDER BY Rank ASC`,
  `sprint = ${activeSprint.id} AND statusCategory != Done`,
  'project = PLAT AND sprint in closedSprints() AND resolution = Unresolved',
  'project = MOB AND sprint is EMPTY AND type in (Story, Bug) AND statusCategory = "To Do"',
  'project = PLAT AND fixVersion = "2.1"',
  'project = PLAT AND fixVersion in unreleasedVersions() ORDER BY priority DESC',
  'project = WEB AND fixVersion in releasedVersions() AND resolved >= -365d',
  'project = PLAT AND affectedVersion = "1.2" AND type = Bug',
  `project = PLAT AND component = "${component}" AND type = Bug AND resolution is EMPTY`,
  'project in (PLAT, API) AND component is EMPTY AND type = Bug',
  'resolution = Unresolved AND type = Bug ORDER BY priority DESC, created ASC',
  'project in (PLAT, SEC, API) AND resolution in (Duplicate, "Cannot Reproduce")',
  'project = PLAT AND resolved >= "2025-01-01" AND resolved < "2025-04-01"',
  'project = API AND resolved >= startOfMonth(-6)',
  'project = PLAT AND due < now() AND statusCategory != Done',
  'due <= endOfWeek(4) AND due >= startOfYear(-2) AND project = MOB',
  'project = PLAT AND cf[10016] >= 8',
  'project = PLAT AND "Story Points" is EMPTY AND type = Story',
  `"Epic Link" = ${epic.key}`,
  `parent = ${epic.key} ORDER BY Rank`,
  'project = PLAT AND issueLinkType = blocks',
  'project = PLAT AND issueLinkType in ("is blocked by", duplicates)',
  'project = PLAT AND description ~ "monitoring"',
  'project = PLAT AND comment ~ "escalation"',
  'project = PLAT AND text ~ "staging"',
  `watcher = ${someone}`,
  `project = PLAT AND watcher = "${someoneName}" AND assignee != "${someoneName}"`,
  'project = PLAT AND status WAS "In Review"',
  'project = PLAT AND status WAS IN ("In Progress", "In Review") DURING ("2025-01-01", "2025-06-30")',
  'project = PLAT AND status CHANGED TO Done AFTER "2025-06-01"',
  `project = PLAT AND status CHANGED FROM "In Review" TO Done BY ${someone}`,
  `project = PLAT AND assignee WAS ${someone}`,
  'project = PLAT AND resolution CHANGED TO Done DURING (startOfYear(-1), endOfYear(-1))',
  'project = PLAT AND priority in (Highest, High) AND labels in (backend, api)',
  'project = MOB AND updated >= -30d ORDER BY updated DESC',
  'project = PLAT AND created >= startOfYear(-1) AND type = Epic ORDER BY created ASC',
  `filter = ${filter.id} AND statusCategory = "In Progress"`,
  'project = PLAT AND issuetype in standardIssueTypes() AND status != Done',
  'project = PLAT AND issuetype in subTaskIssueTypes() AND statusCategory != Done',
];

describe('realistic queries through POST /search/jql', () => {
  let em: Running;
  beforeAll(async () => {
    em = await startEmulator(dataset, () => new Date(EPOCH));
  });
  afterAll(() => em.close());

  it('are forty', () => {
    expect(QUERIES).toHaveLength(40);
  });

  it.each(QUERIES)('%s', async (jql) => {
    // when the query is sent as the app sends a search
    const answer = await em.call(caller, 'POST', '/rest/api/3/search/jql', { jql, fields: ['key'], maxResults: 100 });
    // then Jira accepts it, and it finds issues on a generated site
    expect({ status: answer.status, errors: answer.body.errorMessages }).toEqual({ status: 200, errors: undefined });
    expect(answer.body.issues.length).toBeGreaterThan(0);
  });
});
