// The JQL clause families beyond the core subset — sprints, versions, components, resolution and
// resolved, due date, custom fields, "Epic Link", issueLinkType, description/comment text, watchers and
// history (WAS, CHANGED) — evaluated against a generated dataset. Each expected set is the same question
// written as a TypeScript filter over the dataset's own records, so the evaluator is checked against the
// data, not against numbers copied from a run.
import { EPOCH } from '../../local/dataset/catalog';
import { generateDataset } from '../../local/dataset/generate';
import type { DatasetChange, DatasetIssue } from '../../local/dataset/types';
import { EmulatorStore } from '../../local/emulator/store';
import { runJql, JqlError, type SearchWarning } from '../../local/emulator/jql';
import { Viewer } from '../../local/emulator/visibility';

const dataset = generateDataset({ issues: 3000, seed: 'jql-fields' });
const now = new Date(EPOCH);
const store = new EmulatorStore(dataset, () => now);
const admin = dataset.users.find((u) => u.siteAdmin)!;
// The site admin is in every group and role the generator grants, so they see every issue.
const viewer = new Viewer(store, { kind: 'user', user: admin });

const keysOf = (jql: string, warnings?: SearchWarning[]): string[] =>
  runJql(jql, { store, viewer, now, warnings })
    .map((i) => i.key)
    .sort();
const where = (test: (i: DatasetIssue) => boolean): string[] =>
  dataset.issues
    .filter(test)
    .map((i) => i.key)
    .sort();
const at = (day: string): number => Date.parse(`${day}T00:00:00Z`);

const sprints = dataset.sprints ?? [];
const sprintState = new Map(sprints.map((s) => [s.id, s.state]));
const closedSprint = sprints.find((s) => s.state === 'closed' && s.id > 3)!;
const versions = dataset.versions ?? [];
const unreleased = new Set(versions.filter((v) => !v.released).map((v) => `${v.project}\n${v.name}`));
const projectOf = (i: DatasetIssue): string => i.key.slice(0, i.key.lastIndexOf('-'));
const component = (dataset.components ?? [])[2]!;
const otherComponent = (dataset.components ?? [])[5]!;
const byKey = new Map(dataset.issues.map((i) => [i.key, i]));
const epicOf = (i: DatasetIssue): string | undefined =>
  i.parent !== undefined && byKey.get(i.parent)?.type === 'Epic' ? i.parent : undefined;
const bigEpic = [...dataset.issues.filter((i) => i.type === 'Epic')].sort(
  (a, b) => where((i) => epicOf(i) === b.key).length - where((i) => epicOf(i) === a.key).length,
)[0]!;
const points = (i: DatasetIssue): number | undefined => i.customFields?.customfield_10016 as number | undefined;
const statusChanges = (i: DatasetIssue): DatasetChange[] => (i.history ?? []).filter((h) => h.field === 'status');
const someone = dataset.issues.find((i) => statusChanges(i).length > 0)!.history![0]!.by;

/** The statuses an issue had as [status, from, until, set by], from its history. */
function statusIntervals(i: DatasetIssue): { value: string; start: number; end: number; by?: string }[] {
  const changes = statusChanges(i);
  const out: { value: string; start: number; end: number; by?: string }[] = [];
  let value: string | null = changes[0]?.from ?? i.status;
  let start = Date.parse(i.created);
  let by: string | undefined;
  for (const c of changes) {
    out.push({ value: value as string, start, end: Date.parse(c.at), by });
    value = c.to;
    start = Date.parse(c.at);
    by = c.by;
  }
  out.push({ value: value as string, start, end: Infinity, by });
  return out;
}

/** Outgoing (source) and incoming (destination) link descriptions of every issue. */
const linkPhrases = new Map<string, Set<string>>();
const phrases = (key: string): Set<string> => linkPhrases.get(key) ?? linkPhrases.set(key, new Set()).get(key)!;
for (const i of dataset.issues) {
  for (const l of i.links ?? []) {
    const type = dataset.linkTypes.find((t) => t.name === l.type)!;
    phrases(i.key).add(type.outward);
    phrases(l.to).add(type.inward);
  }
}

describe('JQL clause families, checked against the dataset', () => {
  it('has data for every family (else the checks below prove nothing)', () => {
    // given the generated dataset
    const has = (test: (i: DatasetIssue) => boolean) => dataset.issues.some(test);
    // then each field is set on some issues and not on others
    expect(sprints.some((s) => s.state === 'active') && sprints.some((s) => s.state === 'closed')).toBe(true);
    for (const test of [
      (i: DatasetIssue) => (i.sprints ?? []).length > 0,
      (i: DatasetIssue) => (i.fixVersions ?? []).length > 0,
      (i: DatasetIssue) => (i.affectedVersions ?? []).length > 0,
      (i: DatasetIssue) => (i.components ?? []).length > 0,
      (i: DatasetIssue) => i.resolution !== undefined,
      (i: DatasetIssue) => i.due !== undefined,
      (i: DatasetIssue) => points(i) !== undefined,
      (i: DatasetIssue) => (i.watchers ?? []).length > 1,
      (i: DatasetIssue) => i.description !== undefined,
      (i: DatasetIssue) => (i.comments ?? []).length > 0,
      (i: DatasetIssue) => statusChanges(i).length > 1,
    ]) {
      expect(has(test)).toBe(true);
      expect(has((i) => !test(i))).toBe(true);
    }
  });

  it.each<[string, string, (i: DatasetIssue) => boolean]>([
    ['sprint', 'sprint in openSprints()', (i) => (i.sprints ?? []).some((s) => sprintState.get(s) !== 'closed')],
    ['sprint', 'sprint in closedSprints()', (i) => (i.sprints ?? []).some((s) => sprintState.get(s) === 'closed')],
    ['sprint', `sprint = ${closedSprint.id}`, (i) => (i.sprints ?? []).includes(closedSprint.id)],
    ['sprint', `sprint = "${closedSprint.name}"`, (i) => (i.sprints ?? []).includes(closedSprint.id)],
    ['sprint', 'sprint is EMPTY AND type = Story', (i) => (i.sprints ?? []).length === 0 && i.type === 'Story'],
    ['fixVersion', 'fixVersion = "1.2"', (i) => (i.fixVersions ?? []).includes('1.2')],
    [
      'fixVersion',
      'fixVersion in unreleasedVersions()',
      (i) => (i.fixVersions ?? []).some((v) => unreleased.has(`${projectOf(i)}\n${v}`)),
    ],
    ['fixVersion', 'fixVersion is EMPTY AND type = Bug', (i) => (i.fixVersions ?? []).length === 0 && i.type === 'Bug'],
    [
      'affectedVersion',
      'affectedVersion in ("1.0", "1.1")',
      (i) => (i.affectedVersions ?? []).some((v) => ['1.0', '1.1'].includes(v)),
    ],
    ['component', `component = "${component.name}"`, (i) => (i.components ?? []).includes(component.name)],
    [
      'component',
      `component in ("${component.name}", "${otherComponent.name}")`,
      (i) => (i.components ?? []).some((c) => c === component.name || c === otherComponent.name),
    ],
    [
      'component',
      `component != "${component.name}"`,
      (i) => (i.components ?? []).length > 0 && !(i.components ?? []).includes(component.name),
    ],
    ['resolution', 'resolution = Done', (i) => i.resolution === 'Done'],
    ['resolution', 'resolution = Unresolved', (i) => i.resolution === undefined],
    [
      'resolution',
      'resolution in ("Won\'t Do", Duplicate)',
      (i) => i.resolution === "Won't Do" || i.resolution === 'Duplicate',
    ],
    ['resolution', 'resolution != Done', (i) => i.resolution !== undefined && i.resolution !== 'Done'],
    [
      'resolved',
      'resolved >= "2025-06-01"',
      (i) => i.resolved !== undefined && Date.parse(i.resolved) >= at('2025-06-01'),
    ],
    ['resolved', 'resolved is EMPTY', (i) => i.resolved === undefined],
    [
      'resolved',
      'resolutiondate < -365d',
      (i) => i.resolved !== undefined && Date.parse(i.resolved) < EPOCH - 365 * 86_400_000,
    ],
    ['due', 'due < "2025-06-01"', (i) => i.due !== undefined && at(i.due) < at('2025-06-01')],
    ['due', 'duedate is not EMPTY', (i) => i.due !== undefined],
    ['custom field', 'cf[10016] >= 5', (i) => (points(i) ?? -1) >= 5],
    ['custom field', '"Story Points" in (3, 5)', (i) => points(i) === 3 || points(i) === 5],
    ['custom field', '"story points" is EMPTY AND type = Story', (i) => points(i) === undefined && i.type === 'Story'],
    ['custom field', 'cf[10016] != 8', (i) => points(i) !== undefined && points(i) !== 8],
    ['Epic Link', `"Epic Link" = ${bigEpic.key}`, (i) => epicOf(i) === bigEpic.key],
    ['Epic Link', '"Epic Link" is EMPTY AND type = Task', (i) => epicOf(i) === undefined && i.type === 'Task'],
    ['issueLinkType', 'issueLinkType = blocks', (i) => phrases(i.key).has('blocks')],
    [
      'issueLinkType',
      'issueLinkType in ("is blocked by", duplicates)',
      (i) => phrases(i.key).has('is blocked by') || phrases(i.key).has('duplicates'),
    ],
    ['description', 'description ~ monitoring', (i) => /\bmonitoring\b/i.test(i.description ?? '')],
    ['description', 'description is EMPTY AND type = Epic', (i) => i.description === undefined && i.type === 'Epic'],
    ['comment', 'comment ~ escalation', (i) => (i.comments ?? []).some((c) => /\bescalation\b/i.test(c.body))],
    [
      'text',
      'text ~ escalation',
      (i) =>
        [i.summary, i.description ?? '', ...(i.comments ?? []).map((c) => c.body)].some((t) =>
          /\bescalation\b/i.test(t),
        ),
    ],
    ['watcher', 'watcher = currentUser()', (i) => (i.watchers ?? []).includes(admin.accountId)],
    ['watcher', 'watcher is EMPTY', (i) => (i.watchers ?? []).length === 0],
    ['watcher', 'watchers > 1', (i) => (i.watchers ?? []).length > 1],
    ['WAS', 'status WAS "In Review"', (i) => statusIntervals(i).some((s) => s.value === 'In Review')],
    [
      'WAS',
      'status WAS IN ("In Review", Backlog)',
      (i) => statusIntervals(i).some((s) => s.value === 'In Review' || s.value === 'Backlog'),
    ],
    ['WAS', 'status WAS NOT "In Progress"', (i) => !statusIntervals(i).some((s) => s.value === 'In Progress')],
    [
      'WAS',
      'status WAS "In Review" BEFORE "2025-01-01"',
      (i) => statusIntervals(i).some((s) => s.value === 'In Review' && s.start < at('2025-01-01')),
    ],
    [
      'WAS',
      'status WAS "In Progress" DURING ("2025-03-01", "2025-04-01")',
      (i) =>
        statusIntervals(i).some(
          (s) => s.value === 'In Progress' && s.start <= at('2025-04-01') && s.end > at('2025-03-01'),
        ),
    ],
    [
      'WAS',
      `status WAS Done BY ${someone}`,
      (i) => statusIntervals(i).some((s) => s.value === 'Done' && s.by === someone),
    ],
    ['WAS', `assignee WAS ${someone}`, (i) => i.assignee === someone],
    ['CHANGED', 'status CHANGED', (i) => statusChanges(i).length > 0],
    [
      'CHANGED',
      'status CHANGED TO Done AFTER "2025-06-01"',
      (i) => statusChanges(i).some((c) => c.to === 'Done' && Date.parse(c.at) > at('2025-06-01')),
    ],
    [
      'CHANGED',
      `status CHANGED FROM "In Review" TO Done BY ${someone}`,
      (i) => statusChanges(i).some((c) => c.from === 'In Review' && c.to === 'Done' && c.by === someone),
    ],
    [
      'CHANGED',
      'status CHANGED BEFORE "2024-06-01"',
      (i) => statusChanges(i).some((c) => Date.parse(c.at) < at('2024-06-01')),
    ],
    [
      'CHANGED',
      'status CHANGED DURING ("2025-01-01", "2025-02-01")',
      (i) => statusChanges(i).some((c) => Date.parse(c.at) >= at('2025-01-01') && Date.parse(c.at) <= at('2025-02-01')),
    ],
    ['CHANGED', 'status CHANGED ON "2025-05-05"', (i) => statusChanges(i).some((c) => c.at.startsWith('2025-05-05'))],
    // A resolution is set with the status change that resolves an issue, so its history is the resolved date.
    ['WAS', 'resolution WAS Duplicate', (i) => i.resolution === 'Duplicate'],
    [
      'WAS',
      'resolution WAS Unresolved AFTER "2025-06-01"',
      (i) => !i.resolved || Date.parse(i.resolved) > at('2025-06-01'),
    ],
    [
      'CHANGED',
      'resolution CHANGED TO Done BEFORE "2025-01-01"',
      (i) => i.resolution === 'Done' && Date.parse(i.resolved ?? '') < at('2025-01-01'),
    ],
    ['WAS', `reporter WAS ${someone}`, (i) => i.reporter === someone],
    ['sprint', `cf[10020] = ${closedSprint.id}`, (i) => (i.sprints ?? []).includes(closedSprint.id)],
  ])('%s: %s', (_family, jql, expected) => {
    // given the dataset's own records, filtered in TypeScript
    const want = where(expected);
    // when the emulator evaluates the query
    const got = keysOf(jql);
    // then both agree, on a set that is neither empty nor everything
    expect(got).toEqual(want);
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(dataset.issues.length);
  });

  it.each<[string, string]>([
    ['sprint = "No such sprint"', "The value 'No such sprint' does not exist for the field 'sprint'."],
    ['fixVersion = "9.9"', "The value '9.9' does not exist for the field 'fixVersion'."],
    ['component = nothing', "The value 'nothing' does not exist for the field 'component'."],
    ['resolution = Fixed', "The value 'Fixed' does not exist for the field 'resolution'."],
    ['issueLinkType = frobs', "The value 'frobs' does not exist for the field 'issueLinkType'."],
    ['cf[10016] > many', "The value 'many' for the field 'cf[10016]' is not a valid number."],
    ['cf[99999] = 1', "Field 'cf[99999]' does not exist or you do not have permission to view it."],
    // Atlassian's grammar itself refuses FROM and TO after WAS.
    [
      'status WAS Done FROM "To Do"',
      "Error in the JQL Query: mismatched input 'FROM' expecting {<EOF>, ORDER} (line 1, character 17)",
    ],
    ['status CHANGED DURING ("2025-01-01")', "The 'DURING' predicate of the 'status' history search takes two dates"],
    ['fixVersion WAS "1.0"', "History searches are not supported for the 'fixVersion' field."],
    ['status WAS Nope', "The value 'Nope' does not exist for the field 'status'."],
    ['comment = "x"', "The operator '=' is not supported by the 'comment' field."],
    ['sprint in unreleasedVersions()', "The function 'unreleasedVersions' is not supported by the 'sprint' field."],
  ])("rejects %s with Jira's message", (jql, message) => {
    // when the query is evaluated
    const run = () => keysOf(jql);
    // then it fails with the message the user sees
    expect(run).toThrow(JqlError);
    expect(run).toThrow(message);
  });

  it('rejects an "Epic Link" that is not an epic', () => {
    // given a story
    const story = dataset.issues.find((i) => i.type === 'Story')!;
    // then
    expect(() => keysOf(`"Epic Link" = ${story.key}`)).toThrow(`The issue '${story.key}' is not an epic`);
  });

  it('searches a list of more than 1000 values with its first 1000, and warns', () => {
    // given 1200 issue ids, of which the last 200 are real issues
    const real = dataset.issues.slice(0, 200).map((i) => i.id);
    const ids = [...Array.from({ length: 1000 }, (_, n) => String(900_000 + n)), ...real];
    const warnings: SearchWarning[] = [];
    // when
    const found = keysOf(`id in (${ids.join(', ')})`, warnings);
    // then the real ids past the limit are not searched, and the warning names the clause and the limit
    expect(found).toEqual([]);
    expect(warnings).toEqual([
      {
        type: 'CLAUSE_LIMIT_EXCEEDED',
        message:
          "The 'id in' clause has 1200 values, more than the maximum of 1000: only the first 1000 were searched.",
        details: { clause: 'id in', limit: 1000, actual: 1200 },
      },
    ]);
    expect(keysOf(`id in (${real.join(', ')})`, [])).toHaveLength(200);
  });
});

describe('changes made in the emulator', () => {
  it('are history that WAS and CHANGED find, and moving to a done status resolves the issue', () => {
    // given an open issue of a fresh store, and a later clock
    let clock = new Date(EPOCH);
    const fresh = new EmulatorStore(dataset, () => clock);
    const asAdmin = new Viewer(fresh, { kind: 'user', user: admin });
    const open = dataset.issues.find((i) => i.status === 'To Do' && statusChanges(i).length === 0)!;
    const search = (jql: string) => runJql(jql, { store: fresh, viewer: asAdmin, now: clock }).map((i) => i.key);
    expect(search(`key = ${open.key} AND resolution is EMPTY`)).toEqual([open.key]);
    // when it moves to In Progress, then to Done a day later
    clock = new Date(EPOCH + 86_400_000);
    fresh.events.asActor(someone, () => fresh.updateIssue(open.key, { status: 'In Progress' }));
    clock = new Date(EPOCH + 2 * 86_400_000);
    fresh.updateIssue(open.key, { status: 'Done' });
    // then its history and resolution say so
    expect(search(`key = ${open.key} AND status WAS "In Progress" BY ${someone}`)).toEqual([open.key]);
    expect(search(`key = ${open.key} AND status CHANGED FROM "In Progress" TO Done AFTER "2026-01-02"`)).toEqual([
      open.key,
    ]);
    expect(search(`key = ${open.key} AND resolution = Done AND resolved >= "2026-01-03"`)).toEqual([open.key]);
  });
});

describe('ORDER BY the new fields', () => {
  const ordered = (jql: string): string[] => runJql(jql, { store, viewer, now }).map((i) => i.key);
  const byThenId = (value: (i: DatasetIssue) => number) => (a: DatasetIssue, b: DatasetIssue) =>
    value(a) - value(b) || Number(a.id) - Number(b.id);

  it.each<[string, (i: DatasetIssue) => boolean, (i: DatasetIssue) => number]>([
    [
      'project = PLAT AND due is not EMPTY ORDER BY due ASC',
      (i) => projectOf(i) === 'PLAT' && !!i.due,
      (i) => at(i.due!),
    ],
    [
      'project = PLAT AND resolved is not EMPTY ORDER BY resolved DESC',
      (i) => projectOf(i) === 'PLAT' && !!i.resolved,
      (i) => -Date.parse(i.resolved!),
    ],
    [
      'project = PLAT AND cf[10016] is not EMPTY ORDER BY "Story Points" ASC',
      (i) => projectOf(i) === 'PLAT' && points(i) !== undefined,
      (i) => points(i)!,
    ],
    [
      'project = PLAT ORDER BY status ASC',
      (i) => projectOf(i) === 'PLAT',
      (i) => dataset.statuses.findIndex((s) => s.name === i.status),
    ],
  ])('%s', (jql, match, value) => {
    // given the matching issues, sorted in TypeScript (ties by ascending id, as the emulator breaks them)
    const want = dataset.issues
      .filter(match)
      .sort(byThenId(value))
      .map((i) => i.key);
    // then
    expect(ordered(jql)).toEqual(want);
  });
});
