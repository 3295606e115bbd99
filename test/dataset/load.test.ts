import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_FILE } from '../../local/dataset/build-demo';
import { generateDataset } from '../../local/dataset/generate';
import { InvalidDatasetError, loadDataset, validateDataset } from '../../local/dataset/load';
import type { Dataset } from '../../local/dataset/types';

const demo = loadDataset(DEMO_FILE);
const given = (): Dataset => structuredClone(demo);
const issueIndex = (ds: Dataset, key: string): number => ds.issues.findIndex((i) => i.key === key);
const issue = (ds: Dataset, key: string) => ds.issues[issueIndex(ds, key)] as Dataset['issues'][number];

describe('loading a dataset', () => {
  it('accepts the demo dataset', () => {
    expect(demo.issues.length).toBeGreaterThan(100);
  });

  it('accepts a generated dataset', () => {
    const generated = generateDataset({ issues: 2000, seed: 11 });
    expect(validateDataset(generated).issues).toHaveLength(2000);
  });

  it('names the file and the first problem', () => {
    // given
    const ds = given();
    issue(ds, 'PLAT-3').parent = 'ABC-999';
    const index = issueIndex(ds, 'PLAT-3');
    // then
    expect(() => validateDataset(ds, 'demo.json')).toThrow(
      `Invalid dataset demo.json: issues[${index}].parent "ABC-999" does not exist`,
    );
  });

  it('reports the earlier of two problems', () => {
    const ds = given();
    (ds.issues[5] as Dataset['issues'][number]).status = 'Nope';
    (ds.issues[9] as Dataset['issues'][number]).status = 'Nope either';
    expect(() => validateDataset(ds)).toThrow('issues[5].status "Nope" does not exist');
  });

  it('rejects a file that is not JSON', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dataset-')), 'broken.json');
    writeFileSync(file, '{ "site": ');
    expect(() => loadDataset(file)).toThrow(/^Invalid dataset broken\.json: is not JSON/);
  });

  it('exposes where and what on the error', () => {
    const ds = given();
    ds.boards[0]!.filterId = '99999';
    const error = (() => {
      try {
        validateDataset(ds, 'x.json');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidDatasetError);
    expect(error).toMatchObject({ source: 'x.json', path: 'boards[0].filterId', problem: '"99999" does not exist' });
  });
});

type Breakage = [string, (ds: Dataset) => void, string | RegExp];

// Each row breaks one thing in a copy of the demo and names the message it must produce. The demo's
// PLAT-1 is an Initiative, PLAT-2 an Epic under it, PLAT-3 a Story under that, PLAT-4 its Sub-task.
const schemaBreakages: Breakage[] = [
  [
    'a missing required field',
    (ds) => void delete (ds.issues[0] as Partial<Dataset['issues'][number]>).key,
    'issues[0] is missing required property "key"',
  ],
  [
    'an unknown property',
    (ds) => Object.assign(ds.users[0]!, { password: 'x' }),
    'users[0] has unknown property "password"',
  ],
  [
    'an unknown status category',
    (ds) => Object.assign(ds.statuses[0]!, { category: 'todo' }),
    'statuses[0].category must be one of "new", "indeterminate", "done"',
  ],
  [
    'a malformed issue key',
    (ds) => Object.assign(ds.issues[0]!, { key: 'plat-1' }),
    /issues\[0\]\.key must match pattern/,
  ],
  [
    'a malformed date',
    (ds) => Object.assign(ds.issues[0]!, { created: '2025-01-06' }),
    'issues[0].created must match format "date-time"',
  ],
  [
    'a sub-query on a scrum board',
    (ds) => Object.assign(ds.boards[0]!, { subQuery: 'status = Done' }),
    'boards[0].subQuery is only allowed on kanban boards',
  ],
  [
    'a missing top-level section',
    (ds) => void delete (ds as Partial<Dataset>).boards,
    'dataset is missing required property "boards"',
  ],
  ['a board id that is a string', (ds) => Object.assign(ds.boards[0]!, { id: '1' }), 'boards[0].id must be integer'],
];

const integrityBreakages: Breakage[] = [
  [
    'a project naming an unknown workflow',
    (ds) => (ds.projects[0]!.workflow = 'Nope'),
    'projects[0].workflow "Nope" does not exist',
  ],
  [
    'a workflow with an unknown status',
    (ds) => ds.workflows![1]!.statuses.push('Nope'),
    'workflows[1].statuses[3] "Nope" does not exist',
  ],
  [
    'a transition to a status outside its workflow',
    (ds) => (ds.workflows![1]!.transitions[0]!.to = 'Closed'),
    'workflows[1].transitions[0].to "Closed" is not a status of workflow "Basic"',
  ],
  [
    'a duplicate transition id in one workflow',
    (ds) => (ds.workflows![0]!.transitions[1]!.id = '11'),
    'workflows[0].transitions[1].id "11" is a duplicate of workflows[0].transitions[0].id',
  ],
  [
    'a post function setting an unknown resolution',
    (ds) => (ds.workflows![0]!.transitions[4]!.setsResolution = 'Nope'),
    'workflows[0].transitions[4].setsResolution "Nope" does not exist',
  ],
  [
    'an issue in a status its workflow does not have',
    (ds) => (issue(ds, 'SEC-1').status = 'In Review'),
    /^issues\[\d+\]\.status "In Review" is not a status of workflow "Issue tracking"/,
  ],
  [
    'a status change no transition of the workflow makes',
    (ds) => (ds.workflows![2]!.transitions = ds.workflows![2]!.transitions.filter((t) => t.name !== 'Start Progress')),
    /^issues\[\d+\]\.history\[0\] changes status from "To Do" to "In Progress", which no transition of workflow "Issue tracking" does/,
  ],
  [
    'a duplicate account id',
    (ds) => (ds.users[1]!.accountId = ds.users[0]!.accountId),
    'users[1].accountId "5d1f0a11c2b3a40001a11ce0" is a duplicate of users[0].accountId',
  ],
  [
    'a duplicate email',
    (ds) => (ds.users[1]!.email = 'ALICE@demo.example'),
    'users[1].email "alice@demo.example" is a duplicate of users[0].email',
  ],
  [
    'a duplicate project key',
    (ds) => (ds.projects[1]!.key = 'PLAT'),
    'projects[1].key "PLAT" is a duplicate of projects[0].key',
  ],
  ['an unknown project lead', (ds) => (ds.projects[0]!.lead = 'nobody'), 'projects[0].lead "nobody" does not exist'],
  [
    'a grant to an unknown group',
    (ds) => (ds.projects[2]!.permissions.BROWSE_PROJECTS = { groups: ['secret-squirrels'] }),
    'projects[2].permissions.BROWSE_PROJECTS.groups[0] "secret-squirrels" does not exist (no user is in this group)',
  ],
  [
    'a grant to an unknown role',
    (ds) => (ds.projects[0]!.permissions.EDIT_ISSUES = { roles: ['Testers'] }),
    'projects[0].permissions.EDIT_ISSUES.roles[0] "Testers" does not exist',
  ],
  [
    'a grant to an unknown user',
    (ds) => (ds.securityLevels![0]!.members = { users: ['ghost'] }),
    'securityLevels[0].members.users[0] "ghost" does not exist',
  ],
  [
    'a sub-task type that is not at level -1',
    (ds) => (ds.issueTypes[5]!.hierarchyLevel = 0),
    'issueTypes[5].subtask is true but hierarchyLevel is 0 (sub-task types, and only they, have level -1)',
  ],
  [
    'a duplicate issue type name',
    (ds) => (ds.issueTypes[1]!.name = 'Initiative'),
    'issueTypes[1].name "Initiative" is a duplicate of issueTypes[0].name',
  ],
  [
    'a duplicate issue id',
    (ds) => (ds.issues[1]!.id = ds.issues[0]!.id),
    'issues[1].id "10000" is a duplicate of issues[0].id',
  ],
  [
    'a duplicate issue key',
    (ds) => (ds.issues[1]!.key = 'PLAT-1'),
    'issues[1].key "PLAT-1" is a duplicate of issues[0].key',
  ],
  [
    'a duplicate rank',
    (ds) => (ds.issues[1]!.rank = ds.issues[0]!.rank),
    /^issues\[1\]\.rank ".*" is a duplicate of issues\[0\]\.rank$/,
  ],
  [
    'a key of an unknown project',
    (ds) => (ds.issues[0]!.key = 'ZZZ-1'),
    'issues[0].key "ZZZ-1" names project "ZZZ", which does not exist',
  ],
  ['an unknown issue type', (ds) => (ds.issues[0]!.type = 'Feature'), 'issues[0].type "Feature" does not exist'],
  ['an unknown status', (ds) => (ds.issues[0]!.status = 'Blocked'), 'issues[0].status "Blocked" does not exist'],
  ['a missing parent', (ds) => (issue(ds, 'PLAT-3').parent = 'ABC-999'), /\.parent "ABC-999" does not exist$/],
  [
    'an issue that is its own parent',
    (ds) => (issue(ds, 'PLAT-3').parent = 'PLAT-3'),
    /\.parent "PLAT-3" is the issue itself$/,
  ],
  [
    'a sub-task under an epic',
    (ds) => (issue(ds, 'PLAT-4').parent = 'PLAT-2'),
    /\.parent "PLAT-2" is an Epic \(level 1\); a sub-task's parent must be a standard issue \(level 0\)$/,
  ],
  [
    'a sub-task without a parent',
    (ds) => void delete issue(ds, 'PLAT-4').parent,
    /\.parent is missing; a Sub-task \(sub-task\) must have a parent$/,
  ],
  [
    "a sub-task under another project's issue",
    (ds) => (issue(ds, 'PLAT-4').parent = 'MOB-2'),
    /\.parent "MOB-2" is in another project; a sub-task must be in its parent's project$/,
  ],
  [
    'a story under a story',
    (ds) => (issue(ds, 'PLAT-7').parent = 'PLAT-3'),
    /\.parent "PLAT-3" is a Story \(level 0\); a Story \(level 0\) needs a parent of a higher level$/,
  ],
  [
    'an epic under a story',
    (ds) => (issue(ds, 'PLAT-2').parent = 'PLAT-3'),
    /\.parent "PLAT-3" is a Story \(level 0\); an Epic \(level 1\) needs a parent of a higher level$/,
  ],
  [
    'an unknown link type',
    (ds) => (issue(ds, 'PLAT-7').links![0]!.type = 'Causes'),
    /\.links\[0\]\.type "Causes" does not exist$/,
  ],
  [
    'a link to a missing issue',
    (ds) => (issue(ds, 'PLAT-7').links![0]!.to = 'MOB-999'),
    /\.links\[0\]\.to "MOB-999" does not exist$/,
  ],
  [
    'a link to itself',
    (ds) => (issue(ds, 'PLAT-7').links![0]!.to = 'PLAT-7'),
    /\.links\[0\]\.to "PLAT-7" links the issue to itself$/,
  ],
  [
    'a duplicate link id',
    (ds) => (issue(ds, 'PLAT-7').links![0]!.id = ds.issues.find((i) => i.key !== 'PLAT-7' && i.links)!.links![0]!.id),
    /^issues\[\d+\]\.links\[0\]\.id "\d+" is a duplicate of issues\[\d+\]\.links\[0\]\.id$/,
  ],
  ['an unknown assignee', (ds) => (ds.issues[0]!.assignee = 'ghost'), 'issues[0].assignee "ghost" does not exist'],
  ['an unknown reporter', (ds) => (ds.issues[0]!.reporter = 'ghost'), 'issues[0].reporter "ghost" does not exist'],
  ['an unknown priority', (ds) => (ds.issues[0]!.priority = 'Urgent'), 'issues[0].priority "Urgent" does not exist'],
  [
    'an unknown security level',
    (ds) => (ds.issues[0]!.security = 'Top secret'),
    'issues[0].security "Top secret" does not exist',
  ],
  [
    'an update before creation',
    (ds) => (ds.issues[0]!.updated = '2024-01-01T00:00:00.000Z'),
    'issues[0].updated "2024-01-01T00:00:00.000Z" is before created "2025-01-06T09:00:00.000Z"',
  ],
  [
    'a duplicate filter id',
    (ds) => (ds.filters[1]!.id = ds.filters[0]!.id),
    'filters[1].id "10000" is a duplicate of filters[0].id',
  ],
  ['an unknown filter owner', (ds) => (ds.filters[0]!.owner = 'ghost'), 'filters[0].owner "ghost" does not exist'],
  [
    'a share with an unknown project',
    (ds) => (ds.filters[0]!.sharePermissions = [{ type: 'project', project: 'NOPE' }]),
    'filters[0].sharePermissions[0].project "NOPE" does not exist',
  ],
  [
    'a share with an unknown group',
    (ds) => (ds.filters[0]!.sharePermissions = [{ type: 'group', group: 'nobody' }]),
    'filters[0].sharePermissions[0].group "nobody" does not exist (no user is in this group)',
  ],
  [
    'a favourite of an unknown user',
    (ds) => (ds.filters[0]!.favouritedBy = ['ghost']),
    'filters[0].favouritedBy[0] "ghost" does not exist',
  ],
  [
    'a board on an unknown filter',
    (ds) => (ds.boards[1]!.filterId = '424242'),
    'boards[1].filterId "424242" does not exist',
  ],
  [
    'a board in an unknown project',
    (ds) => (ds.boards[1]!.projectKey = 'NOPE'),
    'boards[1].projectKey "NOPE" does not exist',
  ],
  ['a duplicate board id', (ds) => (ds.boards[1]!.id = 1), 'boards[1].id "1" is a duplicate of boards[0].id'],
];

describe('rejecting an invalid dataset', () => {
  it.each([...schemaBreakages, ...integrityBreakages])('rejects %s', (_, breakIt, expected) => {
    // given
    const ds = given();
    breakIt(ds);
    // when
    const attempt = (): Dataset => validateDataset(ds, 'demo.json');
    // then
    if (typeof expected === 'string') expect(attempt).toThrow(`Invalid dataset demo.json: ${expected}`);
    // A pattern anchored with ^ matches from the path on; an unanchored one is the end of the message.
    else
      expect(attempt).toThrow(
        new RegExp(
          `^Invalid dataset demo\\.json: ${expected.source.startsWith('^') ? expected.source.slice(1) : `.*${expected.source}`}`,
        ),
      );
  });
});
