import { Forest, IssueId } from '../../../src/domain/forest';
import {
  planSubtasksImport,
  SubtasksImportData,
  SubtasksParams,
  SubtasksParamsInput,
  subtasksImportVisibilityQuestions,
} from '../../../src/synchronizers/subtasks/synchronizer';
import { getSynchronizer } from '../../../src/synchronizers/registry';
import { f, issue, keyOf, random, row, shape } from '../domain/builders';
import { randomForest } from '../domain/forest/model';
import { applyPlan, hiddenRowsMoved, recordingVisible } from './hierarchy-support';

interface Scene {
  /** Parent key → its sub-task keys in Jira's order. */
  subtasks: Record<string, string[]>;
  params?: SubtasksParamsInput;
  invisible?: string[];
}

function dataOf(subtasks: Record<string, string[]>): SubtasksImportData {
  return {
    issues: new Map(
      Object.entries(subtasks).map(
        ([key, subs]) => [issue(key), { id: issue(key), key, subtaskIds: subs.map(issue) }] as const,
      ),
    ),
  };
}

function importInto(forest: Forest, scene: Scene) {
  const invisible = new Set((scene.invisible ?? []).map(issue));
  const plan = planSubtasksImport({
    forest,
    params: SubtasksParams.parse(scene.params ?? {}),
    data: dataOf(scene.subtasks),
    visible: (id) => !invisible.has(id),
  });
  const after = applyPlan(forest, plan);
  return { plan, after, shape: shape(after), counts: plan.counts };
}

describe('planSubtasksImport', () => {
  it.each<[string, Forest, Scene, string]>([
    [
      'moves sub-tasks from the top level under their parent, in Jira order',
      f(row('P'), row('S2'), row('S1')),
      { subtasks: { P: ['S1', 'S2'] } },
      'P(S1 S2)',
    ],
    [
      'moves a sub-task from under another issue, with its subtree',
      f(row('A', row('S1', row('N'))), row('P')),
      { subtasks: { P: ['S1'] } },
      'A P(S1(N))',
    ],
    [
      'puts sub-tasks in Jira order, keeping the longest run in place',
      f(row('P', row('S2'), row('X'), row('S1'))),
      { subtasks: { P: ['S1', 'S2'] } },
      'P(S1 S2 X)',
    ],
    [
      'places a moved sub-task before the first one that stays',
      f(row('P', row('X'), row('S2')), row('S1')),
      { subtasks: { P: ['S1', 'S2'] } },
      'P(X S1 S2)',
    ],
    [
      'leaves sub-tasks whose parent is not in the structure alone',
      f(row('S1'), row('A')),
      { subtasks: { P: ['S1'] } },
      'S1 A',
    ],
    ['does not add missing sub-tasks by default', f(row('P')), { subtasks: { P: ['S1', 'S2'] } }, 'P'],
    [
      'adds missing sub-tasks with addMissing, in order',
      f(row('P', row('S2'))),
      { subtasks: { P: ['S1', 'S2', 'S3'] }, params: { addMissing: true } },
      'P(S1 S2 S3)',
    ],
    [
      'gives every row of a parent that appears twice its sub-tasks in the structure',
      f(row('P', row('S1')), row('A', row('P'))),
      { subtasks: { P: ['S1', 'S2'] } },
      'P(S1) A(P(S1))',
    ],
    [
      'adds missing sub-tasks under both rows of a parent that appears twice',
      f(row('P'), row('A', row('P'))),
      { subtasks: { P: ['S1', 'S2'] }, params: { addMissing: true } },
      'P(S1 S2) A(P(S1 S2))',
    ],
    [
      'moves a misplaced sub-task to the first row of its parent and adds it under the second',
      f(row('P'), row('A', row('P')), row('S1')),
      { subtasks: { P: ['S1'] } },
      'P(S1) A(P(S1))',
    ],
    [
      'leaves other children of the parent where they are',
      f(row('P', row('X'), row('Y'))),
      { subtasks: { P: ['S1'] }, params: { addMissing: true } },
      'P(X Y S1)',
    ],
    [
      'never moves rows under a parent the user cannot see',
      f(row('H', row('P')), row('S1')),
      { subtasks: { P: ['S1'] }, invisible: ['H'] },
      'H(P) S1',
    ],
    [
      'never moves a sub-task row from under an issue the user cannot see; gives the parent a row of it instead',
      f(row('P'), row('H', row('S1'))),
      { subtasks: { P: ['S1'] }, invisible: ['H'] },
      'P(S1) H(S1)',
    ],
  ])('%s', (_, forest, scene, expected) => {
    expect(importInto(forest, scene).shape).toBe(expected);
  });

  it.each<[string, string[], string]>([
    ['a user who sees H', [], 'P(S1) H'],
    ['a user who does not', ['H'], 'P(S1) H(S1)'],
  ])('plans by what the importing user sees: %s', (_, invisible, expected) => {
    const forest = f(row('P'), row('H', row('S1')));
    expect(importInto(forest, { subtasks: { P: ['S1'] }, invisible }).shape).toBe(expected);
  });

  it('counts what it did', () => {
    const result = importInto(f(row('P', row('S2')), row('S3'), row('Q')), {
      subtasks: { P: ['S1', 'S2', 'S3'], Q: [] },
      params: { addMissing: true },
    });
    expect(result.shape).toBe('P(S1 S2 S3) Q');
    expect(result.counts).toEqual({ added: 1, moved: 1, removed: 0, unchanged: 1, skippedNotVisible: 0 });
  });

  it('plans nothing when the sub-tasks are in place, and leaves the forest as it was', () => {
    const forest = f(row('P', row('S1'), row('S2')));
    const result = importInto(forest, { subtasks: { P: ['S1', 'S2'] } });
    expect(result.plan.update).toEqual([]);
    expect(result.after).toBe(forest);
    expect(result.counts).toMatchObject({ unchanged: 2 });
  });

  it('is offered for import only, with a form schema derived from its parameters', () => {
    expect(getSynchronizer('subtasks')).toMatchObject({
      key: 'subtasks',
      directions: ['import'],
      parameterSchema: { type: 'object', properties: { addMissing: { type: 'boolean', default: false } } },
    });
  });
});

describe('SubtasksParams', () => {
  it('defaults addMissing to off', () => {
    expect(SubtasksParams.parse({})).toEqual({ addMissing: false });
  });

  it.each([
    ['a string for a boolean', { addMissing: 'yes' }, ['addMissing']],
    ['an unknown field', { removeOthers: true }, []],
  ])('refuses %s, naming the field', (_, input, path) => {
    const result = SubtasksParams.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(path);
  });
});

describe('planSubtasksImport on random structures', () => {
  it.each(Array.from({ length: 80 }, (_, i) => i + 1))(
    'is idempotent, keeps hidden rows and asks only listed questions, case #%i',
    (seed) => {
      // given
      const rnd = random(seed);
      const forest = randomForest(rnd, 1 + rnd.int(60), 40);
      const subtasks = new Map<IssueId, { id: IssueId; key: string; subtaskIds: IssueId[] }>();
      const taken = new Set<IssueId>();
      for (let p = 1; p <= 40; p++) {
        if (rnd.next() < 0.6) continue;
        // Sub-tasks come from the same pool as the rows, so many are in the structure already (even as parents: a stress case).
        const ids = [...new Set(Array.from({ length: rnd.int(4) }, () => 1 + rnd.int(60)))].filter(
          (s) => s !== p && !taken.has(s),
        );
        ids.forEach((s) => taken.add(s));
        subtasks.set(p, { id: p, key: `P-${p}`, subtaskIds: ids });
      }
      const data: SubtasksImportData = { issues: subtasks };
      const invisible = new Set(Array.from({ length: rnd.int(6) }, () => 1 + rnd.int(40)));
      const params = SubtasksParams.parse({ addMissing: rnd.next() < 0.5 });
      const { visible, asked } = recordingVisible(invisible);
      // when
      const plan = planSubtasksImport({ forest, params, data, visible });
      const after = applyPlan(forest, plan);
      const again = planSubtasksImport({ forest: after, params, data, visible: (id) => !invisible.has(id) });
      // then
      expect(again.update).toEqual([]);
      const allowed = new Set([
        ...subtasksImportVisibilityQuestions({ forest, params, data }),
        ...subtasks.keys(),
        ...taken,
      ]);
      expect([...asked].filter((id) => !allowed.has(id)).map(keyOf)).toEqual([]);
      expect(hiddenRowsMoved(forest, after, (id) => !invisible.has(id))).toEqual([]);
    },
  );

  it.each(Array.from({ length: 40 }, (_, i) => i + 1))(
    'puts every visible sub-task row of a parent in the structure under it, case #%i',
    (seed) => {
      const rnd = random(1000 + seed);
      // Sub-tasks 101.. live at random places among parents 1..20.
      const forest = randomForest(rnd, 10 + rnd.int(40), 20);
      const parents = [...new Set(Array.from({ length: forest.size }, (_, i) => forest.issueIdAt(i)))];
      const subtasks = new Map(
        parents.map((p, k) => [p, { id: p, key: `P-${p}`, subtaskIds: [100 + 2 * k, 101 + 2 * k] }]),
      );
      const plan = planSubtasksImport({
        forest,
        params: { addMissing: true },
        data: { issues: subtasks },
        visible: () => true,
      });
      const after = applyPlan(forest, plan);
      for (let i = 0; i < after.size; i++) {
        const s = subtasks.get(after.issueIdAt(i));
        if (s === undefined) continue;
        const childIssues = after.childrenOf(after.rowIdAt(i)).map((r) => after.issueOf(r));
        expect(childIssues.filter((c) => c >= 100)).toEqual(s.subtaskIds);
      }
    },
  );
});
