import { linkCreateRequestBody, LinkParentEnd, LinkScope, planLinksExport } from '../../../../src/domain/export/links';
import { Forest } from '../../../../src/domain/forest';
import type { IssueFactsById } from '../../../../src/domain/jira';
import { f, issue, keyOf, row } from '../builders';
import { facts, link, story } from './facts';

const BLOCKS = '10000';
const RELATES = '10003';

interface Scene {
  forest: Forest;
  linkTypeName?: string;
  known: IssueFactsById;
  parentEnd?: LinkParentEnd;
  scope?: LinkScope;
  filtered?: string[];
}

/** Runs the planner; links read "inward > outward" in keys. */
function exportLinks({
  forest,
  known,
  parentEnd = 'inward',
  scope = 'structure',
  filtered = [],
  linkTypeName = 'Blocks',
}: Scene) {
  const plan = planLinksExport({
    forest,
    facts: known,
    linkTypeId: BLOCKS,
    ...(linkTypeName !== '' ? { linkTypeName } : {}),
    parentEnd,
    scope,
    childMatches: (id) => !filtered.includes(keyOf(id)),
  });
  return {
    plan,
    creates: plan.creates.map((c) => `${keyOf(c.inwardId)} > ${keyOf(c.outwardId)}`),
    deletes: plan.deletes.map((d) => `${keyOf(d.inwardId)} > ${keyOf(d.outwardId)}`),
  };
}

describe('planLinksExport: creates', () => {
  it.each<[string, Scene, string[]]>([
    [
      'parent is the inward issue with parentEnd inward',
      { forest: f(row('A', row('B'))), known: facts(story('A'), story('B')) },
      ['A > B'],
    ],
    [
      'parent is the outward issue with parentEnd outward',
      { forest: f(row('A', row('B'))), known: facts(story('A'), story('B')), parentEnd: 'outward' },
      ['B > A'],
    ],
    [
      'a pair shown twice is created once',
      { forest: f(row('A', row('B')), row('X', row('A', row('B')))), known: facts(story('A'), story('B'), story('X')) },
      ['A > B', 'X > A'],
    ],
    ['no self link', { forest: f(row('A', row('A'))), known: facts(story('A')) }, []],
    [
      'an existing link of the type is kept',
      {
        forest: f(row('A', row('B'))),
        known: facts(
          story('A', { links: [link(BLOCKS, 'A', 'B', 'L1')] }),
          story('B', { links: [link(BLOCKS, 'A', 'B', 'L1')] }),
        ),
      },
      [],
    ],
    [
      'a link of another type does not count',
      { forest: f(row('A', row('B'))), known: facts(story('A', { links: [link(RELATES, 'A', 'B')] }), story('B')) },
      ['A > B'],
    ],
    [
      'an issue the user cannot see is never linked',
      { forest: f(row('A', row('HIDDEN'))), known: facts(story('A')) },
      [],
    ],
    [
      'a child failing the sub-issue filter is not linked',
      { forest: f(row('A', row('B'))), known: facts(story('A'), story('B')), filtered: ['B'] },
      [],
    ],
  ])('%s', (_, scene, expected) => {
    expect(exportLinks(scene).creates).toEqual(expected);
  });

  it('builds the REST body with inwardIssue and outwardIssue by id', () => {
    expect(linkCreateRequestBody({ linkTypeId: BLOCKS, inwardId: 5, outwardId: 6 })).toEqual({
      type: { id: BLOCKS },
      inwardIssue: { id: '5' },
      outwardIssue: { id: '6' },
    });
  });
});

describe('planLinksExport: deletes', () => {
  // A > B in the structure; Jira also has C blocks B (C is in the structure elsewhere), B blocks A (reversed) and A blocks OUT (outside).
  const contradicting = link(BLOCKS, 'C', 'B', 'L-CB');
  const reversed = link(BLOCKS, 'B', 'A', 'L-BA');
  const outside = link(BLOCKS, 'A', 'OUT', 'L-AOUT');
  const kept = link(BLOCKS, 'A', 'B', 'L-AB');
  const scene = (scope: LinkScope): Scene => ({
    forest: f(row('A', row('B')), row('C')),
    known: facts(
      story('A', { links: [kept, reversed, outside] }),
      story('B', { links: [kept, contradicting, reversed] }),
      story('C', { links: [contradicting] }),
    ),
    scope,
  });

  it.each<[LinkScope, string[]]>([
    ['structure', []],
    ['expand', []],
    ['all', ['C > B', 'B > A']],
  ])('scope %s deletes %j', (scope, expected) => {
    expect(exportLinks(scene(scope)).deletes.sort()).toEqual(expected.sort());
  });

  it('warns in the confirmation only when it may delete', () => {
    expect(exportLinks(scene('structure')).plan.warnings).toEqual([]);
    expect(exportLinks(scene('all')).plan.warnings).toEqual([
      'Scope “all issues”: this export deletes every link of type “Blocks” between issues of the structure that are not parent and child in it — 2 links now.',
    ]);
  });

  it('names the type by its id when Jira did not give its name', () => {
    expect(exportLinks({ ...scene('all'), linkTypeName: '' }).plan.warnings[0]).toMatch(
      /^Scope “all issues”: this export deletes every link of type 10000 between/,
    );
  });

  it('does not delete a link whose child fails the sub-issue filter', () => {
    // B fails: A > B and C > B are ignored as if absent; B > A has child A and still contradicts
    expect(exportLinks({ ...scene('all'), filtered: ['B'] }).deletes).toEqual(['B > A']);
  });

  it('deletes each contradicting link once however many issues list it', () => {
    const result = exportLinks(scene('all'));
    expect(result.plan.deletes.map((d) => d.linkId).sort()).toEqual(['L-BA', 'L-CB']);
    expect(result.plan.unchanged).toBe(1);
    expect(result.plan.deletes.every((d) => d.inwardId !== issue('OUT') && d.outwardId !== issue('OUT'))).toBe(true);
  });
});
