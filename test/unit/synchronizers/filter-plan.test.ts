import { applyUpdate, Forest } from '../../../src/domain/forest';
import {
  FilterParams,
  FilterParamsInput,
  filterImportVisibilityQuestions,
  planFilterImport,
} from '../../../src/synchronizers/filter/synchronizer';
import { f, issue, issues, keyOf, random, row, shape } from '../domain/builders';
import { randomForest } from '../domain/forest/model';

interface Scene {
  params?: Partial<FilterParamsInput>;
  matching: string[];
  invisible?: string[];
  /** Defaults to the issue of params.add.issueKey; null says the runner could not find it. */
  under?: string | null;
}

/** Runs the planner and applies its update, answering in keys. */
function importInto(forest: Forest, scene: Scene) {
  const params = FilterParams.parse({
    source: { kind: 'jql', jql: 'project = OPS' },
    add: { at: 'top' },
    ...scene.params,
  });
  const invisible = new Set(scene.invisible ?? []);
  const underKey = scene.under !== undefined ? scene.under : params.add.at === 'under' ? params.add.issueKey : null;
  const plan = planFilterImport({
    forest,
    params,
    matching: issues(...scene.matching),
    visible: (id) => !invisible.has(keyOf(id)),
    underIssueId: underKey === null ? null : issue(underKey),
  });
  const after = applyUpdate(forest, plan.update);
  return { plan, after, shape: shape(after), counts: plan.counts };
}

const under = (issueKey: string, more: Partial<FilterParamsInput> = {}): Partial<FilterParamsInput> => ({
  add: { at: 'under', issueKey },
  ...more,
});
const removing = (more: Partial<FilterParamsInput> = {}): Partial<FilterParamsInput> => ({ remove: true, ...more });

describe('planFilterImport: add', () => {
  it('appends new issues at the end of the top level in result order', () => {
    const result = importInto(f(row('A'), row('B')), { matching: ['Z', 'A', 'X', 'Y'] });
    expect(result.shape).toBe('A B Z X Y');
    expect(result.counts).toEqual({ added: 3, moved: 0, removed: 0, unchanged: 1, skippedNotVisible: 0 });
    expect(result.plan.update).toHaveLength(1);
  });

  it('does not add an issue already in the structure, wherever it sits', () => {
    const result = importInto(f(row('A', row('B', row('C')))), { matching: ['C', 'B'] });
    expect(result.shape).toBe('A(B(C))');
    expect(result.after).toBe(result.after);
    expect(result.counts).toMatchObject({ added: 0, unchanged: 2 });
  });

  it('adds an issue once when the result lists it twice', () => {
    expect(importInto(f(), { matching: ['X', 'Y', 'X'] }).shape).toBe('X Y');
  });

  it('appends under the first row of the given issue when it appears twice', () => {
    const forest = f(row('A', row('P-1', row('K'))), row('P-1'));
    expect(importInto(forest, { params: under('P-1'), matching: ['X', 'Y'] }).shape).toBe('A(P-1(K X Y)) P-1');
  });

  it.each([
    ['is not in the structure', 'P-9' as string | null],
    ['was not found in Jira', null],
  ])('adds nothing when the given issue %s', (_, underKey) => {
    const result = importInto(f(row('A')), { params: under('P-9'), matching: ['X'], under: underKey });
    expect(result.shape).toBe('A');
    expect(result.plan.update).toEqual([]);
    expect(result.plan.notes).toEqual(['Issue P-9 is not in the structure, so nothing is added or moved.']);
  });

  it('adds under the first row of the issue the user can see, skipping one under an invisible issue', () => {
    const forest = f(row('H', row('P-1')), row('P-1'));
    const result = importInto(forest, { params: under('P-1'), matching: ['X'], invisible: ['H'] });
    expect(result.shape).toBe('H(P-1) P-1(X)');
  });

  it('adds nothing when every row of the issue is under an issue the user cannot see', () => {
    const result = importInto(f(row('H', row('P-1'))), { params: under('P-1'), matching: ['X'], invisible: ['H'] });
    expect(result.shape).toBe('H(P-1)');
    expect(result.plan.notes).toEqual([
      'Issue P-1 is in the structure only under issues you cannot see, so nothing is added or moved.',
    ]);
  });

  it('adds nothing under an issue the user cannot see', () => {
    const result = importInto(f(row('P-1')), { params: under('P-1'), matching: ['X'], invisible: ['P-1'] });
    expect(result.shape).toBe('P-1');
  });

  it('never adds a matching issue the user cannot see, and counts it', () => {
    const result = importInto(f(), { matching: ['X', 'S'], invisible: ['S'] });
    expect(result.shape).toBe('X');
    expect(result.counts).toMatchObject({ added: 1, skippedNotVisible: 1 });
  });

  it('leaves the forest object as it was when nothing changes', () => {
    const forest = f(row('A', row('B')));
    const result = importInto(forest, { params: removing(), matching: ['A', 'B'] });
    expect(result.plan.update).toEqual([]);
    expect(result.after).toBe(forest);
    expect(result.counts).toEqual({ added: 0, moved: 0, removed: 0, unchanged: 2, skippedNotVisible: 0 });
  });
});

describe('planFilterImport: allow move', () => {
  // A > (M > N), P-1 > (E > S), T
  const forest = f(row('A', row('M', row('N'))), row('P-1', row('E', row('S'))), row('T'));

  it('moves a matching issue that sits elsewhere, with its subtree, to the end under the issue', () => {
    const result = importInto(forest, { params: under('P-1', { allowMove: true }), matching: ['T', 'M', 'X'] });
    expect(result.shape).toBe('A P-1(E(S) T M(N) X)');
    expect(result.counts).toMatchObject({ moved: 2, added: 1, unchanged: 0 });
  });

  it('leaves an issue nested deeper under the issue where it is', () => {
    const result = importInto(forest, { params: under('P-1', { allowMove: true }), matching: ['S'] });
    expect(result.shape).toBe('A(M(N)) P-1(E(S)) T');
    expect(result.counts).toMatchObject({ moved: 0, unchanged: 1 });
  });

  it('does not move matching issues elsewhere without allow move', () => {
    expect(importInto(forest, { params: under('P-1'), matching: ['T', 'M'] }).shape).toBe('A(M(N)) P-1(E(S)) T');
  });

  it('does not move the issue itself, nor an ancestor of it', () => {
    const nested = f(row('G', row('P-1')));
    const result = importInto(nested, { params: under('P-1', { allowMove: true }), matching: ['G', 'P-1'] });
    expect(result.shape).toBe('G(P-1)');
    expect(result.counts).toMatchObject({ moved: 0, unchanged: 2 });
  });

  it('does not move a row brought under the issue by an earlier move', () => {
    const result = importInto(forest, { params: under('P-1', { allowMove: true }), matching: ['M', 'N'] });
    expect(result.shape).toBe('A P-1(E(S) M(N)) T');
    expect(result.counts).toMatchObject({ moved: 1, unchanged: 1 });
  });

  it('moves only the first row of an issue that appears twice elsewhere, and none if one is already in place', () => {
    const twice = f(row('D'), row('P-1', row('C')), row('D'), row('C'));
    const result = importInto(twice, { params: under('P-1', { allowMove: true }), matching: ['D', 'C'] });
    expect(result.shape).toBe('P-1(C D) D C');
  });

  it('never moves a row out from under an issue the user cannot see', () => {
    const hiddenRow = f(row('H', row('M')), row('P-1'));
    const result = importInto(hiddenRow, {
      params: under('P-1', { allowMove: true }),
      matching: ['M'],
      invisible: ['H'],
    });
    expect(result.shape).toBe('H(M) P-1');
    expect(result.counts).toMatchObject({ moved: 0, unchanged: 0, skippedNotVisible: 1 });
  });

  it('moves the first row it may move when an issue also sits under an invisible row', () => {
    const twice = f(row('H', row('M')), row('M', row('I')), row('P-1'));
    const result = importInto(twice, {
      params: under('P-1', { allowMove: true }),
      matching: ['M'],
      invisible: ['H', 'I'],
    });
    expect(result.shape).toBe('H(M) P-1(M(I))');
    expect(result.counts).toMatchObject({ moved: 1, skippedNotVisible: 0 });
  });

  it('never moves a row of an issue the user cannot see', () => {
    const result = importInto(forest, { params: under('P-1', { allowMove: true }), matching: ['T'], invisible: ['T'] });
    expect(result.shape).toBe('A(M(N)) P-1(E(S)) T');
    expect(result.counts).toMatchObject({ moved: 0, skippedNotVisible: 1 });
  });
});

describe('planFilterImport: remove', () => {
  it('removes rows of issues that no longer match, anywhere', () => {
    const result = importInto(f(row('A', row('B')), row('C'), row('D', row('E'))), {
      params: removing(),
      matching: ['A', 'D'],
    });
    expect(result.shape).toBe('A D');
    expect(result.counts).toMatchObject({ removed: 3, unchanged: 2 });
  });

  it('keeps a non-matching row that still has a child that stays', () => {
    const result = importInto(f(row('A', row('B'), row('C', row('D')))), { params: removing(), matching: ['D'] });
    expect(result.shape).toBe('A(C(D))');
    expect(result.counts.removed).toBe(1);
  });

  it('removes every row of a non-matching issue that appears twice', () => {
    const result = importInto(f(row('A', row('X')), row('X'), row('B')), { params: removing(), matching: ['A', 'B'] });
    expect(result.shape).toBe('A B');
    expect(result.counts).toMatchObject({ removed: 2 });
  });

  it('never removes a row the user cannot see, nor anything under it, and keeps its ancestors', () => {
    const result = importInto(f(row('A', row('H', row('B'), row('C'))), row('D')), {
      params: removing(),
      matching: ['C'],
      invisible: ['H'],
    });
    expect(result.shape).toBe('A(H(B C))');
    expect(result.counts).toEqual({ added: 0, moved: 0, removed: 1, unchanged: 1, skippedNotVisible: 2 });
  });

  it('keeps visible non-matching children of an invisible row', () => {
    const result = importInto(f(row('H', row('B', row('K'))), row('V')), {
      params: removing(),
      matching: [],
      invisible: ['H'],
    });
    expect(result.shape).toBe('H(B(K))');
    expect(result.counts).toMatchObject({ removed: 1, skippedNotVisible: 3 });
  });

  it('keeps a non-matching row whose only child is invisible', () => {
    const result = importInto(f(row('B', row('H'))), { params: removing(), matching: [], invisible: ['H'] });
    expect(result.shape).toBe('B(H)');
  });

  it('removes the top-most row of a removed branch with one action', () => {
    const result = importInto(f(row('A', row('B', row('C'))), row('D')), { params: removing(), matching: ['D'] });
    expect(result.plan.update).toEqual([{ kind: 'remove', rowId: 1, children: 'remove' }]);
    expect(result.counts.removed).toBe(3);
  });

  it('never removes the row new issues go under, even when its issue does not match', () => {
    const result = importInto(f(row('P-1'), row('B')), { params: under('P-1', removing()), matching: ['X'] });
    expect(result.shape).toBe('P-1(X)');
  });

  it('removes after moving, so a row moved away no longer keeps its old parent', () => {
    const result = importInto(f(row('A', row('M')), row('P-1')), {
      params: under('P-1', removing({ allowMove: true })),
      matching: ['M'],
    });
    expect(result.shape).toBe('P-1(M)');
  });
});

describe('planFilterImport: remove only where added', () => {
  const forest = f(row('A', row('B')), row('C'), row('P-1', row('D'), row('E', row('F'))));

  it('at the top level removes only top-level rows', () => {
    const result = importInto(forest, { params: removing({ removeOnlyWhereAdded: true }), matching: ['P-1'] });
    expect(result.shape).toBe('A(B) P-1(D E(F))');
  });

  it('under an issue removes only its children', () => {
    const result = importInto(forest, { params: under('P-1', removing({ removeOnlyWhereAdded: true })), matching: [] });
    expect(result.shape).toBe('A(B) C P-1(E(F))');
    expect(result.counts.removed).toBe(1);
  });

  it('removes nothing when the issue to add under is not in the structure', () => {
    const result = importInto(forest, { params: under('P-9', removing({ removeOnlyWhereAdded: true })), matching: [] });
    expect(result.shape).toBe('A(B) C P-1(D E(F))');
  });

  it('counts an invisible row at the place as skipped', () => {
    const result = importInto(forest, {
      params: removing({ removeOnlyWhereAdded: true }),
      matching: ['A', 'P-1'],
      invisible: ['C'],
    });
    expect(result.shape).toBe('A(B) C P-1(D E(F))');
    expect(result.counts).toMatchObject({ removed: 0, skippedNotVisible: 1 });
  });
});

describe('planFilterImport: double-check sub-issues', () => {
  // S > (L1 > L2), (M > K), X — S stopped matching; M matches on its own
  const forest = f(row('S', row('L1', row('L2')), row('M', row('K')), row('X')), row('T', row('L3')));

  it('without it, a removed-only-where-added row with children stays whole', () => {
    const result = importInto(forest, { params: removing({ removeOnlyWhereAdded: true }), matching: ['M', 'T'] });
    expect(result.shape).toBe('S(L1(L2) M(K) X) T(L3)');
  });

  it('removes the branch under a removed row, except a child that matches on its own (which keeps the row)', () => {
    const result = importInto(forest, {
      params: removing({ removeOnlyWhereAdded: true, doubleCheckSubIssues: true }),
      matching: ['M', 'T'],
    });
    expect(result.shape).toBe('S(M(K)) T(L3)');
    expect(result.counts.removed).toBe(3);
  });

  it('removes the whole branch when nothing in it matches', () => {
    const result = importInto(forest, {
      params: removing({ removeOnlyWhereAdded: true, doubleCheckSubIssues: true }),
      matching: ['T'],
    });
    expect(result.shape).toBe('T(L3)');
    expect(result.counts.removed).toBe(6);
  });

  it('keeps an invisible row in the branch, and the rows above it', () => {
    const result = importInto(forest, {
      params: removing({ removeOnlyWhereAdded: true, doubleCheckSubIssues: true }),
      matching: ['T'],
      invisible: ['L2'],
    });
    expect(result.shape).toBe('S(L1(L2)) T(L3)');
    expect(result.counts).toMatchObject({ removed: 3, skippedNotVisible: 1 });
  });
});

describe('filterImportVisibilityQuestions', () => {
  const forest = f(row('A', row('B')), row('C'), row('P-1', row('D'), row('E', row('F'))));
  const ask = (params: Partial<FilterParamsInput>, matching: string[]) => {
    const p = FilterParams.parse({ source: { kind: 'jql', jql: 'x' }, add: { at: 'top' }, ...params });
    const underIssueId = p.add.at === 'under' ? issue(p.add.issueKey) : null;
    return filterImportVisibilityQuestions({ forest, params: p, matching: issues(...matching), underIssueId })
      .map(keyOf)
      .sort();
  };

  it.each<[string, Partial<FilterParamsInput>, string[], string[]]>([
    ['nothing without remove', {}, ['A'], []],
    ['the issue to add under', under('P-1'), [], ['P-1']],
    ['every non-matching issue when removing anywhere', removing(), ['A', 'F'], ['B', 'C', 'D', 'E', 'P-1']],
    [
      'only the place when removing only where added',
      under('P-1', removing({ removeOnlyWhereAdded: true })),
      ['D'],
      ['E', 'P-1'],
    ],
    [
      'the top level when removing only where added there',
      removing({ removeOnlyWhereAdded: true }),
      [],
      ['A', 'C', 'P-1'],
    ],
  ])('asks about %s', (_, params, matching, expected) => {
    expect(ask(params, matching)).toEqual(expected);
  });

  it.each(Array.from({ length: 60 }, (_, i) => i + 1))(
    'covers every question the planner asks, random case #%i',
    (seed) => {
      // given
      const rnd = random(seed);
      const forest = randomForest(rnd, 5 + rnd.int(60), 30);
      const at = rnd.next() < 0.5 ? 'top' : 'under';
      const remove = rnd.next() < 0.7;
      const p = FilterParams.parse({
        source: { kind: 'jql', jql: 'x' },
        add: at === 'top' ? { at } : { at, issueKey: 'P-1' },
        allowMove: at === 'under' && rnd.next() < 0.6,
        remove,
        removeOnlyWhereAdded: remove && rnd.next() < 0.5,
        doubleCheckSubIssues: remove && rnd.next() < 0.5,
      });
      const matching = Array.from({ length: rnd.int(15) }, () => 1 + rnd.int(40));
      const invisible = new Set(Array.from({ length: rnd.int(8) }, () => 1 + rnd.int(30)));
      const underIssueId = 1 + rnd.int(30);
      const asked = new Set<number>();
      // when
      planFilterImport({
        forest,
        params: p,
        matching,
        underIssueId,
        visible: (id) => (asked.add(id), !invisible.has(id)),
      });
      // then
      const allowed = new Set([
        ...filterImportVisibilityQuestions({ forest, params: p, matching, underIssueId }),
        ...matching,
      ]);
      expect([...asked].filter((id) => !allowed.has(id))).toEqual([]);
    },
  );

  it('covers every question the planner asks', () => {
    const p = FilterParams.parse({
      source: { kind: 'jql', jql: 'x' },
      add: { at: 'under', issueKey: 'P-1' },
      remove: true,
      removeOnlyWhereAdded: true,
      doubleCheckSubIssues: true,
    });
    const matching = issues('D', 'X');
    const asked = new Set<number>();
    planFilterImport({
      forest,
      params: p,
      matching,
      underIssueId: issue('P-1'),
      visible: (id) => (asked.add(id), true),
    });
    const allowed = new Set([
      ...filterImportVisibilityQuestions({ forest, params: p, matching, underIssueId: issue('P-1') }),
      ...matching,
    ]);
    expect([...asked].filter((id) => !allowed.has(id)).map(keyOf)).toEqual([]);
  });
});
