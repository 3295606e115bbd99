import { firstActions, Forest, IssueId } from '../../../src/domain/forest';
import {
  compareIssueKeys,
  HierarchyImportData,
  hierarchyImportVisibilityQuestions,
  HierarchyIssueFacts,
  HierarchyParams,
  HierarchyParamsInput,
  planHierarchyImport,
} from '../../../src/synchronizers/hierarchy/synchronizer';
import { getSynchronizer } from '../../../src/synchronizers/registry';
import { f, issue, keyOf, random, row, shape } from '../domain/builders';
import { randomForest } from '../domain/forest/model';
import { applyPlan, hiddenRowsMoved, recordingVisible } from './hierarchy-support';

/** 'KEY/level', 'KEY/level<PARENT', optionally '@rank': 'PLAT-3/0<PLAT-1@0|b'. */
function issuesOf(...specs: string[]): Map<IssueId, HierarchyIssueFacts> {
  return new Map(
    specs.map((spec) => {
      const [body, rank] = spec.split('@');
      const [keyLevel, parent] = body.split('<');
      const [key, level] = keyLevel.split('/');
      const facts: HierarchyIssueFacts = {
        id: issue(key),
        key,
        hierarchyLevel: Number(level),
        parentId: parent === undefined ? null : issue(parent),
        ...(rank === undefined ? {} : { rank }),
      };
      return [facts.id, facts] as const;
    }),
  );
}

const JQL: HierarchyParamsInput = { roots: { kind: 'jql', jql: 'issuetype = Initiative' } };

function importInto(
  forest: Forest,
  roots: string[],
  issues: Map<IssueId, HierarchyIssueFacts>,
  options: { params?: Partial<HierarchyParamsInput>; invisible?: string[] } = {},
) {
  const invisible = new Set(options.invisible ?? []);
  const params = HierarchyParams.parse({ ...JQL, ...options.params });
  const data: HierarchyImportData = { roots: roots.map(issue), issues };
  const plan = planHierarchyImport({ forest, params, data, visible: (id) => !invisible.has(keyOf(id)) });
  const after = applyPlan(forest, plan);
  return { plan, after, shape: shape(after), counts: plan.counts };
}

// Initiative → epics → stories → sub-tasks, ranked so that rank order differs from key order.
const PORTFOLIO = issuesOf(
  'H-1/2@0|c',
  'H-2/2@0|a',
  'H-10/1<H-1@0|b',
  'H-9/1<H-1@0|c',
  'H-11/0<H-10@0|a',
  'H-12/-1<H-11@0|a',
  'H-3/1<H-2@0|a',
);

describe('planHierarchyImport', () => {
  it.each<[string, Forest, string[], Partial<HierarchyParamsInput>, string]>([
    [
      'places every level under its parent, siblings by rank',
      f(),
      ['H-1', 'H-2'],
      {},
      'H-2(H-3) H-1(H-10(H-11(H-12)) H-9)',
    ],
    [
      'orders siblings by key in natural order',
      f(),
      ['H-1', 'H-2'],
      { order: 'key' },
      'H-1(H-9 H-10(H-11(H-12))) H-2(H-3)',
    ],
    ['stops at the levels limit', f(), ['H-1', 'H-2'], { levels: 1 }, 'H-2(H-3) H-1(H-10 H-9)'],
    ['goes two levels down with levels 2', f(), ['H-1'], { levels: 2, order: 'key' }, 'H-1(H-9 H-10(H-11))'],
    [
      'puts a root whose parent is among the issues under that parent only',
      f(),
      ['H-1', 'H-10'],
      { levels: 1 },
      'H-1(H-10 H-9)',
    ],
    [
      'keeps a root at the top when the levels limit stops above it',
      f(),
      ['H-1', 'H-11'],
      { levels: 1 },
      'H-11(H-12) H-1(H-10 H-9)',
    ],
    [
      'moves an issue found elsewhere to its parent',
      f(row('H-11'), row('H-1')),
      ['H-1'],
      {},
      'H-1(H-10(H-11(H-12)) H-9)',
    ],
    ['leaves rows of other issues alone', f(row('X', row('Y')), row('H-2')), ['H-2'], {}, 'X(Y) H-2(H-3)'],
    ['gives every row of a parent its children', f(row('X', row('H-10'))), ['H-2'], {}, 'X(H-10(H-11(H-12))) H-2(H-3)'],
  ])('%s', (_, forest, roots, params, expected) => {
    expect(importInto(forest, roots, PORTFOLIO, { params }).shape).toBe(expected);
  });

  it('moves an issue whose parent changed since the last import', () => {
    const first = importInto(f(), ['H-1'], PORTFOLIO, { params: { order: 'key' } });
    expect(first.shape).toBe('H-1(H-9 H-10(H-11(H-12)))');
    const changed = new Map(PORTFOLIO);
    changed.set(issue('H-11'), { ...(PORTFOLIO.get(issue('H-11')) as HierarchyIssueFacts), parentId: issue('H-9') });
    const second = importInto(first.after, ['H-1'], changed, { params: { order: 'key' } });
    expect(second.shape).toBe('H-1(H-9(H-11(H-12)) H-10)');
    expect(second.plan.update).toHaveLength(1);
  });

  it('puts issues without rank after ranked ones, by key', () => {
    const issues = issuesOf('P-1/1', 'P-10/0<P-1', 'P-9/0<P-1', 'P-3/0<P-1@0|z');
    expect(importInto(f(), ['P-1'], issues).shape).toBe('P-1(P-3 P-9 P-10)');
  });

  it.each<[string, string[], string]>([
    ['one who sees X', [], 'X H-2(H-3)'],
    ['one who does not', ['X'], 'X(H-3) H-2(H-3)'],
  ])('plans by what the importing user sees: %s', (_, invisible, expected) => {
    expect(importInto(f(row('X', row('H-3')), row('H-2')), ['H-2'], PORTFOLIO, { invisible }).shape).toBe(expected);
  });

  it('never places children under a row the user cannot see', () => {
    const result = importInto(f(row('X', row('H-2'))), ['H-2'], PORTFOLIO, { invisible: ['X'] });
    expect(result.shape).toBe('X(H-2) H-2(H-3)');
    expect(result.counts.skippedNotVisible).toBe(2);
  });

  it('plans nothing on a repeat with nothing changed', () => {
    const first = importInto(f(), ['H-1', 'H-2'], PORTFOLIO);
    const again = importInto(first.after, ['H-1', 'H-2'], PORTFOLIO);
    expect(again.plan.update).toEqual([]);
    expect(again.after).toBe(first.after);
  });

  it('previews the first rows of a big first import one top-level issue at a time', () => {
    // given
    const result = importInto(f(), ['H-1', 'H-2'], PORTFOLIO);
    // when
    const preview = firstActions(result.plan.update, 50);
    // then
    expect(result.plan.update).toHaveLength(1);
    expect(preview.map((a) => (a.kind === 'add' ? a.rows.map((r) => keyOf(r.issueId)).join(' ') : a.kind))).toEqual([
      'H-2 H-3',
      'H-1 H-10 H-11 H-12 H-9',
    ]);
  });

  it('is offered for import and export, with a form schema derived from its parameters', () => {
    expect(getSynchronizer('hierarchy')).toMatchObject({
      key: 'hierarchy',
      directions: ['import', 'export'],
      parameterSchema: { required: ['roots'], properties: { order: { enum: ['rank', 'key'], default: 'rank' } } },
    });
  });
});

describe('compareIssueKeys', () => {
  it.each([
    ['PROJ-9', 'PROJ-10', -1],
    ['PROJ-10', 'PROJ-9', 1],
    ['ABC-100', 'ABD-1', -1],
    ['PROJ-7', 'PROJ-7', 0],
    ['A-1', 'AB-1', -1],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareIssueKeys(a, b))).toBe(sign);
  });
});

describe('HierarchyParams', () => {
  it('fills defaults', () => {
    expect(HierarchyParams.parse(JQL)).toEqual({ ...JQL, levels: 10, order: 'rank' });
    expect(HierarchyParams.parse({ roots: { kind: 'highestLevel', projectKeys: ['plat'] } }).roots).toEqual({
      kind: 'highestLevel',
      projectKeys: ['PLAT'],
    });
  });

  it.each([
    ['empty JQL', { roots: { kind: 'jql', jql: ' ' } }, ['roots', 'jql']],
    ['no projects', { roots: { kind: 'highestLevel', projectKeys: [] } }, ['roots', 'projectKeys']],
    ['a project twice', { roots: { kind: 'highestLevel', projectKeys: ['A', 'a'] } }, ['roots', 'projectKeys']],
    ['zero levels', { ...JQL, levels: 0 }, ['levels']],
    ['too many levels', { ...JQL, levels: 11 }, ['levels']],
    ['an unknown order', { ...JQL, order: 'created' }, ['order']],
    ['an unknown field', { ...JQL, parentField: 'customfield_10018' }, []],
  ])('refuses %s, naming the field', (_, input, path) => {
    const result = HierarchyParams.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(path);
  });
});

describe('planHierarchyImport on random hierarchies', () => {
  it.each(Array.from({ length: 150 }, (_, i) => i + 1))(
    'is idempotent, keeps hidden rows and asks only listed questions, case #%i',
    (seed) => {
      // given: a parent field over 1–40 (parents have smaller ids, so it is acyclic as Jira's is)
      const rnd = random(seed);
      const forest = randomForest(rnd, rnd.int(40), 45);
      const issues = new Map<IssueId, HierarchyIssueFacts>();
      for (let id = 1; id <= 40; id++) {
        if (rnd.next() < 0.15) continue;
        const parentId = id > 3 && rnd.next() < 0.85 ? 1 + rnd.int(id - 1) : null;
        issues.set(id, {
          id,
          key: `H-${id}`,
          hierarchyLevel: 0,
          parentId,
          ...(rnd.next() < 0.9 ? { rank: `0|${rnd.int(50)}` } : {}),
        });
      }
      const roots = [...issues.keys()].filter(() => rnd.next() < 0.3);
      const data: HierarchyImportData = { roots, issues };
      const invisible = new Set<IssueId>(Array.from({ length: rnd.int(5) }, () => 41 + rnd.int(5)));
      const params = HierarchyParams.parse({
        ...JQL,
        levels: 1 + rnd.int(4),
        order: rnd.pick(['rank', 'key'] as const),
      });
      const { visible, asked } = recordingVisible(invisible);
      // when
      const plan = planHierarchyImport({ forest, params, data, visible });
      const after = applyPlan(forest, plan);
      const again = planHierarchyImport({ forest: after, params, data, visible: (id) => !invisible.has(id) });
      // then
      expect(again.update).toEqual([]);
      const allowed = new Set([...hierarchyImportVisibilityQuestions({ forest, params, data }), ...issues.keys()]);
      expect([...asked].filter((id) => !allowed.has(id))).toEqual([]);
      expect(hiddenRowsMoved(forest, after, (id) => !invisible.has(id))).toEqual([]);
    },
  );
});
