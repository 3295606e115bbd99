import { Forest, IssueId } from '../../../src/domain/forest';
import {
  agileImportVisibilityQuestions,
  AgileImportData,
  AgileIssueFacts,
  AgileParams,
  AgileParamsInput,
  planAgileImport,
} from '../../../src/synchronizers/agile/synchronizer';
import { getSynchronizer } from '../../../src/synchronizers/registry';
import { f, issue, keyOf, random, row, shape } from '../domain/builders';
import { randomForest } from '../domain/forest/model';
import { applyPlan, hiddenRowsMoved, recordingVisible } from './hierarchy-support';

/** Board issues in rank order: 'E1^' an epic, 'S1<E1' a story in E1, 'N1' a story without epic, 'T1.S1' a sub-task of S1. */
function board(...specs: string[]): AgileImportData {
  const issues: AgileIssueFacts[] = specs.map((spec) => {
    if (spec.endsWith('^'))
      return { id: issue(spec.slice(0, -1)), key: spec.slice(0, -1), hierarchyLevel: 1, parentId: null };
    const [key, sep, parent] = spec.split(/([<.])/);
    return {
      id: issue(key),
      key,
      hierarchyLevel: sep === '.' ? -1 : 0,
      parentId: parent === undefined ? null : issue(parent),
    };
  });
  return { issues };
}

const BOARD: AgileParamsInput = { source: { mode: 'board', boardId: 7 } };

function importInto(
  forest: Forest,
  data: AgileImportData,
  options: { params?: Partial<AgileParamsInput>; invisible?: string[] } = {},
) {
  const invisible = new Set(options.invisible ?? []);
  const params = AgileParams.parse({ ...BOARD, ...options.params });
  const plan = planAgileImport({ forest, params, data, visible: (id) => !invisible.has(keyOf(id)) });
  const after = applyPlan(forest, plan);
  return { plan, after, shape: shape(after), counts: plan.counts };
}

describe('planAgileImport', () => {
  it.each<[string, Forest, AgileImportData, Partial<AgileParamsInput>, string]>([
    [
      'puts epics at the top in rank order, their issues under them, issues without an epic after them',
      f(),
      board('E2^', 'S1<E1', 'N1', 'E1^', 'S2<E2', 'S3<E1', 'N2'),
      {},
      'E2(S2) E1(S1 S3) N1 N2',
    ],
    ['shows epics with no issues', f(), board('E1^', 'E2^', 'S1<E1'), {}, 'E1(S1) E2'],
    ['leaves sub-tasks out without the option', f(), board('E1^', 'S1<E1', 'T1.S1'), {}, 'E1(S1)'],
    [
      'puts sub-tasks under their parent with the option',
      f(),
      board('E1^', 'S1<E1', 'T2.S1', 'T1.S1', 'N1', 'T3.N1'),
      { subtasks: true },
      'E1(S1(T2 T1)) N1(T3)',
    ],
    [
      'leaves a sub-task whose parent is not on the board alone',
      f(row('T1')),
      board('E1^', 'T1.S9'),
      { subtasks: true },
      'T1 E1',
    ],
    [
      'places only the board’s issues (a Kanban sub-query already left the others out) and leaves other rows alone',
      f(row('X', row('Y')), row('E1', row('S9'))),
      board('E1^', 'S1<E1'),
      {},
      'X(Y) E1(S9 S1)',
    ],
    [
      'moves an issue whose epic changed since the last import',
      f(row('E1', row('S1'), row('S2')), row('E2')),
      board('E1^', 'E2^', 'S1<E2', 'S2<E1'),
      {},
      'E1(S2) E2(S1)',
    ],
    [
      'moves an issue that left its epic to the top level',
      f(row('E1', row('S1')), row('N0')),
      board('E1^', 'S1'),
      {},
      'E1 S1 N0',
    ],
    [
      'follows a rank change with one move',
      f(row('E1', row('S1'), row('S2'), row('S3'))),
      board('E1^', 'S3<E1', 'S1<E1', 'S2<E1'),
      {},
      'E1(S3 S1 S2)',
    ],
    ['treats an issue whose epic is not on the board as having none', f(), board('S1<E9', 'E1^'), {}, 'E1 S1'],
    [
      'moves an epic found under another issue to the top, with its issues',
      f(row('X', row('E1', row('S1')))),
      board('E1^', 'S1<E1'),
      {},
      'X E1(S1)',
    ],
    [
      'never moves a row the user cannot see out from under an invisible issue',
      f(row('H', row('E1'))),
      board('E1^', 'S1<E1'),
      {},
      'H(E1) E1(S1)',
    ],
  ])('%s', (_, forest, data, params, expected) => {
    const invisible = _.includes('cannot see') ? ['H'] : [];
    expect(importInto(forest, data, { params, invisible }).shape).toBe(expected);
  });

  it.each<[string, string[], string]>([
    ['one who sees H', [], 'H E1(S1)'],
    ['one who does not', ['H'], 'H(S1) E1(S1)'],
  ])('plans by what the importing user sees: %s', (_, invisible, expected) => {
    expect(importInto(f(row('H', row('S1')), row('E1')), board('E1^', 'S1<E1'), { invisible }).shape).toBe(expected);
  });

  it('places sub-tasks in their parent’s `subtasks` order (the Sub-tasks synchronizer’s), not in rank order', () => {
    // given: T2 ranked before T1, while Jira lists S1's sub-tasks as T1, T2, T3 (T4 unlisted comes last)
    const data = board('E1^', 'S1<E1', 'T4.S1', 'T2.S1', 'T1.S1');
    const withSubtasks: AgileImportData = {
      issues: data.issues.map((i) =>
        i.key === 'S1' ? { ...i, subtaskIds: [issue('T1'), issue('T2'), issue('T3')] } : i,
      ),
    };
    // when
    const { shape: after } = importInto(f(), withSubtasks, { params: { subtasks: true } });
    // then
    expect(after).toBe('E1(S1(T1 T2 T4))');
  });

  it('plans nothing on a repeat with nothing changed', () => {
    const data = board('E2^', 'S1<E1', 'N1', 'E1^', 'S2<E2', 'T1.S2');
    const first = importInto(f(row('X')), data, { params: { subtasks: true } });
    const again = importInto(first.after, data, { params: { subtasks: true } });
    expect(again.plan.update).toEqual([]);
    expect(again.after).toBe(first.after);
    expect(again.counts).toEqual({ added: 0, moved: 0, removed: 0, unchanged: 6, skippedNotVisible: 0 });
  });

  it('adds an empty structure’s rows in one action', () => {
    const result = importInto(f(), board('E1^', 'S1<E1', 'N1'));
    expect(result.plan.update).toHaveLength(1);
    expect(result.counts).toEqual({ added: 3, moved: 0, removed: 0, unchanged: 0, skippedNotVisible: 0 });
  });

  it('is offered for import and export, with a form schema derived from its parameters', () => {
    expect(getSynchronizer('agile')).toMatchObject({
      key: 'agile',
      directions: ['import', 'export'],
      parameterSchema: { required: ['source'], properties: { subtasks: { type: 'boolean', default: false } } },
    });
  });
});

describe('AgileParams', () => {
  it('fills defaults and normalises project keys', () => {
    expect(AgileParams.parse(BOARD)).toEqual({ ...BOARD, subtasks: false });
    expect(
      AgileParams.parse({ source: { mode: 'custom', projectKeys: [' plat', 'MOB'], rankFieldId: 'customfield_10019' } })
        .source,
    ).toEqual({
      mode: 'custom',
      projectKeys: ['PLAT', 'MOB'],
      rankFieldId: 'customfield_10019',
    });
  });

  it.each([
    ['a board id that is not a whole number', { source: { mode: 'board', boardId: 1.5 } }, ['source', 'boardId']],
    ['a negative board id', { source: { mode: 'board', boardId: -1 } }, ['source', 'boardId']],
    [
      'no projects',
      { source: { mode: 'custom', projectKeys: [], rankFieldId: 'customfield_1' } },
      ['source', 'projectKeys'],
    ],
    [
      'a malformed project key',
      { source: { mode: 'custom', projectKeys: ['P-1'], rankFieldId: 'customfield_1' } },
      ['source', 'projectKeys', 0],
    ],
    [
      'a project twice',
      { source: { mode: 'custom', projectKeys: ['P', 'p'], rankFieldId: 'customfield_1' } },
      ['source', 'projectKeys'],
    ],
    [
      'a rank field that is not a custom field',
      { source: { mode: 'custom', projectKeys: ['P'], rankFieldId: 'rank' } },
      ['source', 'rankFieldId'],
    ],
    ['an unknown mode', { source: { mode: 'sprint', sprintId: 1 } }, ['source', 'mode']],
    ['an unknown field', { ...BOARD, writeRank: true }, []],
  ])('refuses %s, naming the field', (_, input, path) => {
    const result = AgileParams.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(path);
  });
});

describe('planAgileImport on random boards', () => {
  it.each(Array.from({ length: 150 }, (_, i) => i + 1))(
    'is idempotent, keeps hidden rows and asks only listed questions, case #%i',
    (seed) => {
      // given: epics 1–5, stories 6–25, sub-tasks 26–40, other issues up to 45; some of each left off the board
      const rnd = random(seed);
      const forest = randomForest(rnd, rnd.int(40), 45);
      const issues: AgileIssueFacts[] = [];
      for (let id = 1; id <= 40; id++) {
        if (rnd.next() < 0.2) continue;
        const level = id <= 5 ? 1 : id <= 25 ? 0 : -1;
        const parentId =
          level === 1 ? null : level === 0 ? (rnd.next() < 0.8 ? 1 + rnd.int(5) : null) : 6 + rnd.int(20);
        issues.push({ id, key: `A-${id}`, hierarchyLevel: level, parentId });
      }
      for (let i = issues.length - 1; i > 0; i--) {
        const j = rnd.int(i + 1);
        [issues[i], issues[j]] = [issues[j], issues[i]];
      }
      const data: AgileImportData = { issues };
      const invisible = new Set<IssueId>(Array.from({ length: rnd.int(5) }, () => 41 + rnd.int(5)));
      const params = AgileParams.parse({ ...BOARD, subtasks: rnd.next() < 0.5 });
      const { visible, asked } = recordingVisible(invisible);
      // when
      const plan = planAgileImport({ forest, params, data, visible });
      const after = applyPlan(forest, plan);
      const again = planAgileImport({ forest: after, params, data, visible: (id) => !invisible.has(id) });
      // then
      expect(again.update).toEqual([]);
      const allowed = new Set([
        ...agileImportVisibilityQuestions({ forest, params, data }),
        ...issues.map((i) => i.id),
      ]);
      expect([...asked].filter((id) => !allowed.has(id))).toEqual([]);
      expect(hiddenRowsMoved(forest, after, (id) => !invisible.has(id))).toEqual([]);
    },
  );
});
