import { Forest, IssueId } from '../../../src/domain/forest';
import { LinkFact } from '../../../src/domain/jira';
import {
  LinksImportData,
  LinksIssueFacts,
  LinksParams,
  LinksParamsInput,
  linksImportVisibilityQuestions,
  planLinksImport,
} from '../../../src/synchronizers/links/synchronizer';
import { MAX_NOTES } from '../../../src/domain/synchronizers/placement';
import { getSynchronizer } from '../../../src/synchronizers/registry';
import { f, issue, keyOf, random, row, shape } from '../domain/builders';
import { randomForest } from '../domain/forest/model';
import { applyPlan, hiddenRowsMoved, recordingVisible } from './hierarchy-support';

const BLOCKS = '10000';
const RELATES = '10003';

/** 'A>B' is "A blocks B" (A the inward issue, B the outward one); 'A~B' is "A relates to B". */
type LinkSpec = string;

interface Scene {
  links: LinkSpec[];
  params?: Partial<LinksParamsInput>;
  invisible?: string[];
  /** Keys matching the parent / child filter; absent: no filter. */
  parents?: string[];
  children?: string[];
  /** Scope `all`: what the parent filter found. */
  roots?: string[];
}

function linkFacts(specs: LinkSpec[], invisible: ReadonlySet<string>): Map<IssueId, LinksIssueFacts> {
  const links = new Map<string, LinkFact[]>();
  const at = (key: string): LinkFact[] => {
    let list = links.get(key);
    if (list === undefined) links.set(key, (list = []));
    return list;
  };
  specs.forEach((spec, i) => {
    const [a, b] = spec.split(/[>~]/);
    const link: LinkFact = {
      linkId: String(20_000 + i),
      linkTypeId: spec.includes('~') ? RELATES : BLOCKS,
      inwardId: issue(a),
      outwardId: issue(b),
    };
    // Jira shows a user only the links between issues they can see.
    if (invisible.has(a) || invisible.has(b)) return;
    at(a).push(link);
    at(b).push(link);
  });
  return new Map([...links].map(([key, list]) => [issue(key), { id: issue(key), key, links: list }]));
}

function importInto(forest: Forest, scene: Scene) {
  const invisible = new Set(scene.invisible ?? []);
  const params = LinksParams.parse({ linkTypeId: BLOCKS, ...scene.params });
  const data: LinksImportData = {
    issues: linkFacts(scene.links, invisible),
    parentMatches: scene.parents === undefined ? null : new Set(scene.parents.map(issue)),
    childMatches: scene.children === undefined ? null : new Set(scene.children.map(issue)),
    roots: scene.roots?.map(issue),
  };
  const plan = planLinksImport({ forest, params, data, visible: (id) => !invisible.has(keyOf(id)) });
  const after = applyPlan(forest, plan);
  return { plan, after, shape: shape(after), counts: plan.counts, notes: plan.notes };
}

const expand = (more: Partial<LinksParamsInput> = {}): Partial<LinksParamsInput> => ({ scope: 'expand', ...more });

describe('planLinksImport', () => {
  it.each<[string, Forest, Scene, string]>([
    ['parent at the inward end: "A blocks B" puts B under A', f(row('A'), row('B')), { links: ['A>B'] }, 'A(B)'],
    [
      'parent at the outward end: "A blocks B" puts A under B',
      f(row('A'), row('B')),
      { links: ['A>B'], params: { parentEnd: 'outward' } },
      'B(A)',
    ],
    ['ignores links of other types', f(row('A'), row('B')), { links: ['A~B'] }, 'A B'],
    ['scope structure does not add issues that are not in the structure', f(row('A')), { links: ['A>B'] }, 'A'],
    [
      'scope expand adds linked issues level by level',
      f(row('A')),
      { links: ['A>B', 'B>C', 'A>D'], params: expand() },
      'A(B(C) D)',
    ],
    ['orders children by link id', f(row('A', row('D'), row('B'))), { links: ['A>B', 'A>D'] }, 'A(B D)'],
    [
      'stops at the levels limit',
      f(row('A')),
      { links: ['A>B', 'B>C', 'C>D'], params: expand({ levels: 2 }) },
      'A(B(C))',
    ],
    [
      'counts levels from rows that are not linked children themselves',
      f(row('X', row('A'))),
      { links: ['A>B', 'B>C'], params: expand({ levels: 1 }) },
      'X(A(B))',
    ],
    [
      'puts an issue linked under two parents under both',
      f(row('A'), row('B')),
      { links: ['A>C', 'B>C'], params: expand() },
      'A(C) B(C)',
    ],
    [
      'moves an issue already in the structure under its parent',
      f(row('A'), row('X', row('C'))),
      { links: ['A>C'] },
      'A(C) X',
    ],
    [
      'gives a child in the structure a second row when it has two parents there',
      f(row('A'), row('B'), row('C')),
      { links: ['A>C', 'B>C'] },
      'A(C) B(C)',
    ],
    [
      'ignores a link whose parent fails the parent filter',
      f(row('A')),
      { links: ['A>B'], params: expand({ parentJql: 'type = Epic' }), parents: [] },
      'A',
    ],
    [
      'ignores a link whose child fails the child filter',
      f(row('A')),
      { links: ['A>B', 'A>C'], params: expand({ childJql: 'type = Story' }), children: ['C'] },
      'A(C)',
    ],
    [
      'scope all puts the issues that are nobody’s child at the top level',
      f(),
      { links: ['A>B', 'B>C'], params: { scope: 'all', parentJql: 'project = P' }, roots: ['A', 'B', 'C', 'X'] },
      'A(B(C)) X',
    ],
    [
      'scope all keeps rows of other issues where they are',
      f(row('Z'), row('B')),
      { links: ['A>B'], params: { scope: 'all', parentJql: 'project = P' }, roots: ['A', 'B'] },
      'Z A(B)',
    ],
    [
      'never arranges under a row the user cannot see',
      f(row('H', row('A')), row('B')),
      { links: ['A>B'], invisible: ['H'] },
      'H(A) B',
    ],
    [
      'never moves a row from under an issue the user cannot see',
      f(row('A'), row('H', row('X', row('B')))),
      { links: ['A>B'], invisible: ['H'] },
      'A(B) H(X(B))',
    ],
  ])('%s', (_, forest, scene, expected) => {
    expect(importInto(forest, scene).shape).toBe(expected);
  });

  it.each<[string, string[], string]>([
    ['one who sees S', [], 'A(B S) H(X)'],
    ['one who does not', ['S'], 'A(B) H(X(S))'],
  ])('plans by what the importing user sees: %s', (_, invisible, expected) => {
    const forest = f(row('A'), row('H', row('X', row('S'))), row('B'));
    expect(importInto(forest, { links: ['A>B', 'A>S'], invisible }).shape).toBe(expected);
  });

  describe('cycles', () => {
    it('does not place an issue under itself, and names the cycle', () => {
      const result = importInto(f(row('PLAT-26')), { links: ['PLAT-26>PLAT-29', 'PLAT-29>PLAT-26'], params: expand() });
      expect(result.shape).toBe('PLAT-26(PLAT-29)');
      expect(result.notes).toEqual(['Cycle PLAT-26 → PLAT-29 → PLAT-26: PLAT-26 not placed under PLAT-29']);
    });

    it('stops a longer cycle where it closes', () => {
      const result = importInto(f(), {
        links: ['A>B', 'B>C', 'C>A'],
        params: { scope: 'all', parentJql: 'x' },
        roots: ['A', 'R'],
      });
      expect(result.shape).toBe('R');
      const inside = importInto(f(row('A')), { links: ['A>B', 'B>C', 'C>A'], params: expand() });
      expect(inside.shape).toBe('A(B(C))');
      expect(inside.notes).toEqual(['Cycle A → B → C → A: A not placed under C']);
    });

    it('names at most MAX_NOTES cycles and counts the rest', () => {
      const keys = Array.from({ length: MAX_NOTES + 7 }, (_, i) => `SELF-${i + 1}`);
      const result = importInto(f(...keys.map((k) => row(k))), { links: keys.map((k) => `${k}>${k}`) });
      expect(result.notes).toHaveLength(MAX_NOTES + 1);
      expect(result.notes[0]).toBe('Cycle SELF-1 → SELF-1: SELF-1 not placed under SELF-1');
      expect(result.notes[MAX_NOTES]).toBe('… and 7 more like these.');
    });

    it('does not place an issue linked to itself', () => {
      const result = importInto(f(row('A')), { links: ['A>A'], params: expand() });
      expect(result.shape).toBe('A');
      expect(result.notes).toEqual(['Cycle A → A: A not placed under A']);
    });
  });

  describe('remove unlinked', () => {
    const forest = f(row('A', row('B'), row('X', row('Y')), row('Z')));

    it('removes child rows whose link is gone, with their subtrees', () => {
      const result = importInto(forest, { links: ['A>B'], params: { removeUnlinked: true } });
      expect(result.shape).toBe('A(B)');
      expect(result.counts).toMatchObject({ removed: 3, unchanged: 1 });
    });

    it('removes nothing without the option', () => {
      expect(importInto(forest, { links: ['A>B'] }).shape).toBe('A(B X(Y) Z)');
    });

    it('keeps children that fail the child filter: they are not the synchronizer’s', () => {
      const result = importInto(forest, {
        links: ['A>B'],
        params: { removeUnlinked: true, childJql: 'type = Story' },
        children: ['B', 'X'],
      });
      expect(result.shape).toBe('A(B Z)');
    });

    it('keeps children under a parent that fails the parent filter', () => {
      const result = importInto(forest, {
        links: ['A>B'],
        params: { removeUnlinked: true, parentJql: 'type = Epic' },
        parents: [],
      });
      expect(result.shape).toBe('A(B X(Y) Z)');
    });

    it('never removes a subtree holding a row the user cannot see, nor an invisible row', () => {
      const result = importInto(forest, { links: ['A>B'], params: { removeUnlinked: true }, invisible: ['Y', 'Z'] });
      expect(result.shape).toBe('A(B X(Y) Z)');
      expect(result.counts).toMatchObject({ removed: 0, skippedNotVisible: 2 });
    });

    it('moves a row whose link went to another parent rather than removing it', () => {
      const result = importInto(f(row('A', row('C')), row('B')), { links: ['B>C'], params: { removeUnlinked: true } });
      expect(result.shape).toBe('A B(C)');
      expect(result.counts).toMatchObject({ moved: 1, removed: 0 });
    });
  });

  it('is offered for import and export, with a form schema derived from its parameters', () => {
    expect(getSynchronizer('links')).toMatchObject({
      key: 'links',
      directions: ['import', 'export'],
      parameterSchema: {
        required: ['linkTypeId'],
        properties: {
          parentEnd: { enum: ['inward', 'outward'], default: 'inward' },
          levels: { default: 10, maximum: 50 },
        },
      },
    });
  });
});

describe('LinksParams', () => {
  it('fills defaults', () => {
    expect(LinksParams.parse({ linkTypeId: '10000' })).toEqual({
      linkTypeId: '10000',
      parentEnd: 'inward',
      scope: 'structure',
      levels: 10,
      removeUnlinked: false,
    });
  });

  it.each([
    ['a link type id that is not a number', { linkTypeId: 'Blocks' }, ['linkTypeId']],
    ['an unknown parent end', { linkTypeId: '1', parentEnd: 'source' }, ['parentEnd']],
    ['an unknown scope', { linkTypeId: '1', scope: 'everything' }, ['scope']],
    ['zero levels', { linkTypeId: '1', levels: 0 }, ['levels']],
    ['fractional levels', { linkTypeId: '1', levels: 1.5 }, ['levels']],
    ['too many levels', { linkTypeId: '1', levels: 51 }, ['levels']],
    ['an empty parent filter', { linkTypeId: '1', parentJql: ' ' }, ['parentJql']],
    ['scope all without a parent filter', { linkTypeId: '1', scope: 'all' }, ['parentJql']],
    ['an unknown field', { linkTypeId: '1', direction: 'inward' }, []],
  ])('refuses %s, naming the field', (_, input, path) => {
    const result = LinksParams.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(path);
  });
});

describe('planLinksImport on random link graphs', () => {
  it.each(Array.from({ length: 200 }, (_, i) => i + 1))(
    'is idempotent, keeps hidden rows and asks only listed questions, case #%i',
    (seed) => {
      // given
      const rnd = random(seed);
      const pool = 30;
      const forest = randomForest(rnd, rnd.int(40), pool);
      const invisible = new Set(Array.from({ length: rnd.int(5) }, () => 1 + rnd.int(pool)));
      const links: LinkFact[] = Array.from({ length: rnd.int(45) }, (_, i) => ({
        linkId: String(100 + rnd.int(1000) * 100 + i),
        linkTypeId: rnd.next() < 0.8 ? BLOCKS : RELATES,
        inwardId: 1 + rnd.int(pool),
        outwardId: 1 + rnd.int(pool),
      })).filter((l) => !invisible.has(l.inwardId) && !invisible.has(l.outwardId));
      const issues = new Map<IssueId, LinksIssueFacts>();
      for (let id = 1; id <= pool; id++) {
        if (!invisible.has(id))
          issues.set(id, { id, key: `L-${id}`, links: links.filter((l) => l.inwardId === id || l.outwardId === id) });
      }
      const subset = (): Set<IssueId> | null =>
        rnd.next() < 0.6 ? null : new Set([...issues.keys()].filter(() => rnd.next() < 0.7));
      const scope = rnd.pick(['structure', 'expand', 'all'] as const);
      const params = LinksParams.parse({
        linkTypeId: BLOCKS,
        parentEnd: rnd.pick(['inward', 'outward'] as const),
        scope,
        parentJql: scope === 'all' ? 'project = L' : undefined,
        levels: 1 + rnd.int(4),
        removeUnlinked: rnd.next() < 0.4,
      });
      const data: LinksImportData = {
        issues,
        parentMatches: subset(),
        childMatches: subset(),
        roots: [...issues.keys()].filter(() => rnd.next() < 0.5),
      };
      const { visible, asked } = recordingVisible(invisible);
      // when
      const plan = planLinksImport({ forest, params, data, visible });
      const after = applyPlan(forest, plan);
      const again = planLinksImport({ forest: after, params, data, visible: (id) => !invisible.has(id) });
      // then
      expect(again.update).toEqual([]);
      const allowed = new Set([...linksImportVisibilityQuestions({ forest, params, data }), ...issues.keys()]);
      expect([...asked].filter((id) => !allowed.has(id))).toEqual([]);
      expect(hiddenRowsMoved(forest, after, (id) => !invisible.has(id))).toEqual([]);
    },
  );
});
