import type { IssueId } from '../../../src/domain/forest';
import type { IssueFacts, StatusFact } from '../../../src/domain/jira';
import { statusRollupExport } from '../../../src/synchronizers/status-rollup/export';
import { StatusRollupParams } from '../../../src/synchronizers/status-rollup/params';
import { f, issue, row } from '../domain/builders';

const TODO: StatusFact = { id: '1', name: 'To Do', done: false };
const PROGRESS: StatusFact = { id: '3', name: 'In Progress', done: false };
const DONE: StatusFact = { id: '5', name: 'Done', done: true };
const BLOCKED: StatusFact = { id: '9', name: 'Blocked', done: false };

function facts(list: Array<[string, StatusFact, string?]>): Map<IssueId, IssueFacts> {
  return new Map(
    list.map(([key, status, type]) => [
      issue(key),
      { id: issue(key), key, projectKey: key.split('-')[0], issueTypeId: type ?? '10001', hierarchyLevel: 0, status },
    ]),
  );
}

const plan = (
  params: unknown,
  forest: ReturnType<typeof f>,
  known: Map<IssueId, IssueFacts>,
  held?: Map<IssueId, string>,
) =>
  statusRollupExport.plan({
    params: StatusRollupParams.parse(params),
    forest,
    facts: known,
    issueTypeNames: new Map(),
    names: {},
    ...(held ? { held } : {}),
  });

describe('Status Rollup export planner', () => {
  const forest = f(row('RU-1', row('RU-2', row('RU-3'), row('RU-4')), row('RU-5')));
  const known = facts([
    ['RU-1', TODO],
    ['RU-2', PROGRESS],
    ['RU-3', DONE],
    ['RU-4', DONE],
    ['RU-5', DONE],
  ]);

  it('moves parents bottom-up with their statuses and the transition policy', () => {
    const planned = plan(
      { statusIds: ['1', '3', '5'], transitions: [{ statusId: '5', names: ['Close'] }], resolution: 'Done' },
      forest,
      known,
    );
    expect(planned.plan.statuses?.changes).toEqual([
      { issueId: issue('RU-2'), from: PROGRESS, to: DONE, withResolution: true },
      { issueId: issue('RU-1'), from: TODO, to: DONE, withResolution: true },
    ]);
    expect(planned.plan.statuses?.policy).toEqual({ allowed: { '5': ['Close'] }, resolution: 'Done' });
    expect(planned.warnings).toEqual([]);
  });

  it('plans again around a held parent: its own parent counts the status it keeps', () => {
    const held = new Map([[issue('RU-2'), 'stays in In Progress, not moved to Done: no transition']]);
    const planned = plan({ statusIds: ['1', '3', '5'] }, forest, known, held);
    expect(planned.plan.statuses?.changes).toEqual([{ issueId: issue('RU-1'), from: TODO, to: PROGRESS }]);
    expect(planned.warnings).toEqual(['stays in In Progress, not moved to Done: no transition']);
  });

  it('leaves a parent with an unlisted child alone, and names why; checks only the parent’s type', () => {
    const withBlocked = facts([
      ['RU-1', TODO, '10000'],
      ['RU-2', PROGRESS],
      ['RU-3', DONE],
      ['RU-4', BLOCKED],
      ['RU-5', DONE],
    ]);
    const planned = plan({ statusIds: ['1', '3', '5'], issueTypeIds: ['10000'] }, forest, withBlocked);
    // RU-2 is a Story (not rolled up); RU-1 is an Epic whose children are In Progress and Done.
    expect(planned.plan.statuses?.changes).toEqual([{ issueId: issue('RU-1'), from: TODO, to: PROGRESS }]);
    const everyType = plan({ statusIds: ['1', '3', '5'] }, forest, withBlocked);
    expect(everyType.warnings).toEqual(['RU-2 is left as it is: RU-4 is in Blocked, which is not rolled up']);
  });

  it('caps the skipped parents it names', () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(`SK-${i * 2 + 1}`, row(`SK-${i * 2 + 2}`)));
    const many = facts(
      Array.from({ length: 60 }, (_, i): [string, StatusFact] => [`SK-${i + 1}`, i % 2 === 0 ? TODO : BLOCKED]),
    );
    const planned = plan({ statusIds: ['1', '5'] }, f(...rows), many);
    expect(planned.warnings).toHaveLength(21);
    expect(planned.warnings[20]).toBe('… and 10 more parents left as they are.');
  });
});

describe('Status Rollup parameters', () => {
  it.each([
    [{ statusIds: [] }, 'statusIds', 'Choose at least one status to roll up'],
    [{ statusIds: ['1', '1'] }, 'statusIds', 'Status 1 is listed twice'],
    [{ statusIds: ['Done'] }, 'statusIds.0', 'A status is chosen by its id, e.g. 10001'],
    [
      { statusIds: ['1'], transitions: [{ statusId: '5', names: ['Done'] }] },
      'transitions.0.statusId',
      'Status 5 has transitions but is not rolled up',
    ],
    [{ statusIds: ['1'], notify: false }, '', 'Unrecognized key: "notify"'],
  ])('%j is refused at %s', (params, path, message) => {
    const result = StatusRollupParams.safeParse(params);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join('.') === path);
    expect(issue?.message).toBe(message);
  });

  it('fills defaults: every project and type, any transition', () => {
    expect(StatusRollupParams.parse({ statusIds: ['1', '5'] })).toEqual({
      statusIds: ['1', '5'],
      projectKeys: [],
      issueTypeIds: [],
      transitions: [],
    });
  });
});
