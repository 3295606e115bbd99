// What a staged import keeps of Jira's answers: the facts of each issue in domain terms (link ends the
// way LinkFact reads them), and what its pages say about visibility.
import {
  idsOfPage,
  issuesOf,
  linkFact,
  sortedIdsPages,
  storedIssue,
  visibilityOf,
  type FactsPage,
} from '../../../src/app/import/facts';
import { PAGE_MAX_BYTES, splitPage } from '../../../src/app/import/staged-import';

describe('storedIssue', () => {
  it('reads parent, hierarchy level, rank and sub-tasks in Jira’s order', () => {
    // given
    const issue = {
      id: '10',
      key: 'APP-10',
      fields: {
        parent: { id: '7', key: 'APP-7' },
        issuetype: { id: '3', hierarchyLevel: 0, subtask: false },
        customfield_10019: '0|i0000b:',
        subtasks: [{ id: '12' }, { id: '11' }],
      },
    };
    // then
    expect(storedIssue(issue, 'customfield_10019')).toEqual({
      id: 10,
      key: 'APP-10',
      parent: 7,
      level: 0,
      rank: '0|i0000b:',
      subtasks: [12, 11],
    });
  });

  it.each([
    [
      'this issue is the source ("APP-1 blocks APP-2"): outwardIssue',
      { outwardIssue: { id: '2' } },
      ['501', '1', 1, 2],
    ],
    [
      'this issue is the destination ("APP-2 blocks APP-1"): inwardIssue',
      { inwardIssue: { id: '2' } },
      ['501', '1', 2, 1],
    ],
  ])('reads a link where %s', (_, end, expected) => {
    // given
    const issue = { id: '1', key: 'APP-1', fields: { issuelinks: [{ id: '501', type: { id: '1' }, ...end }] } };
    // when
    const stored = storedIssue(issue);
    // then
    expect(stored.links).toEqual([expected]);
    expect(linkFact(stored.links![0]!)).toEqual({
      linkId: '501',
      linkTypeId: '1',
      inwardId: expected[2],
      outwardId: expected[3],
    });
  });

  it('a sub-task is level -1 even when Jira leaves out hierarchyLevel', () => {
    expect(storedIssue({ id: '5', key: 'APP-5', fields: { issuetype: { subtask: true } } }).level).toBe(-1);
  });
});

describe('what pages say', () => {
  const pages: FactsPage[] = [
    {
      stage: 'forest',
      issues: [
        { id: 1, key: 'A-1' },
        { id: 2, key: 'A-2', parent: 1 },
      ],
      asked: [1, 2, 3],
    },
    { stage: 'expand', round: 1, issues: [{ id: 2, key: 'A-2', parent: 9 }], asked: [2] },
    { stage: 'visibility', asked: [4, 5], visible: [5] },
  ];

  it('an issue asked about and never answered is hidden; one answered anywhere is seen', () => {
    const { seen, hidden } = visibilityOf(pages);
    expect([...hidden].sort()).toEqual([3, 4]);
    expect([...seen].sort()).toEqual([1, 2, 5]);
  });

  it('keeps the first facts of an issue a later page repeats', () => {
    expect(issuesOf(pages).get(2)?.parent).toBe(1);
  });
});

describe('sortedIdsPages', () => {
  it('keeps sorted ids compactly, each page far below a KVS value, and reads them back in order', () => {
    // given: 40k ascending ids, some far apart
    const sorted = Array.from({ length: 40_000 }, (_, i) => 10_000 + i * 3 + (i % 7 === 0 ? 2 ** 40 : 0)).sort(
      (a, b) => a - b,
    );
    // when
    const pages = sortedIdsPages('search', sorted);
    // then
    expect(pages.length).toBe(3);
    for (const page of pages) expect(JSON.stringify(page).length).toBeLessThanOrEqual(PAGE_MAX_BYTES);
    expect(pages.flatMap(idsOfPage)).toEqual(sorted);
    expect(idsOfPage({ stage: 'search', ids: [5, 1], sortedIds: pages[0].sortedIds }).slice(0, 3)).toEqual([
      5,
      1,
      sorted[0],
    ]);
    // and they answer no visibility question
    expect(visibilityOf(pages).seen.size).toBe(0);
  });
});

describe('splitPage', () => {
  it('stores a page too big for one KVS value as several, keeping every issue and what was asked', () => {
    // given: 300 issues with 100 links each (~1 MB of JSON)
    const links = Array.from({ length: 100 }, (_, i): [string, string, number, number] => [
      String(10_000 + i),
      '10000',
      1,
      2,
    ]);
    const page: FactsPage = {
      stage: 'forest',
      round: 0,
      asked: [1, 2, 3],
      issues: Array.from({ length: 300 }, (_, i) => ({ id: i + 1, key: `A-${i + 1}`, links })),
    };
    // when
    const parts = splitPage(page);
    // then
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(JSON.stringify(part).length).toBeLessThanOrEqual(PAGE_MAX_BYTES);
    expect(parts.flatMap((p) => p.issues ?? []).map((i) => i.id)).toEqual(page.issues!.map((i) => i.id));
    expect(parts.flatMap((p) => p.asked ?? [])).toEqual([1, 2, 3]);
  });

  it('stores an ids page too big for one KVS value (an incremental run’s members) as several, in order', () => {
    // given: 100k ids (~700 KB of JSON)
    const ids = Array.from({ length: 100_000 }, (_, i) => 10_000_000 + ((i * 7919) % 100_000));
    // when
    const parts = splitPage({ stage: 'search', round: 0, ids });
    // then
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      expect(JSON.stringify(part).length).toBeLessThanOrEqual(PAGE_MAX_BYTES);
      expect(part.stage).toBe('search');
    }
    expect(parts.flatMap((p) => p.ids ?? [])).toEqual(ids);
  });

  it('leaves a page that fits alone', () => {
    const page: FactsPage = { stage: 'forest', issues: [{ id: 1, key: 'A-1' }] };
    expect(splitPage(page)).toEqual([page]);
  });
});
