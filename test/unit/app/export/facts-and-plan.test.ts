// The pure parts of the export jobs: reading Jira's issue shape, planning per synchronizer and saying
// changes in words.
import { compactFact, toIssueFacts } from '../../../../src/app/export/facts';
import { changeDto, isChange, mergePages, planExport } from '../../../../src/app/export/plan';
import { paramsSummary } from '../../../../src/app/installed/summary';
import { findModule } from '../../../../src/synchronizers';
import { Forest } from '../../../../src/domain/forest';

const issue = (id: number, key: string, level: number, parent?: number, links: unknown[] = []) => ({
  id: String(id),
  key,
  fields: {
    project: { key: 'EXP' },
    issuetype: { id: String(10 + level), name: level === 1 ? 'Epic' : 'Story', hierarchyLevel: level },
    ...(parent !== undefined ? { parent: { id: String(parent) } } : {}),
    issuelinks: links,
    customfield_10019: `0|${key}`,
  },
});

const forestOf = (rows: Array<[number, number]>): Forest =>
  Forest.fromRows(
    rows.map(([depth, issueId], i) => ({ rowId: i + 1, depth, issueId })),
    rows.length + 1,
  );

describe('compactFact', () => {
  it('reads both ends of a link from either side, inward being the source', () => {
    // given: 1 blocks 2 (seen from 1: outwardIssue 2), 3 blocks 1 (seen from 1: inwardIssue 3)
    const fact = compactFact(
      issue(1, 'EXP-1', 0, 9, [
        { id: '100', type: { id: '1' }, outwardIssue: { id: '2' } },
        { id: '101', type: { id: '1' }, inwardIssue: { id: '3' } },
      ]),
      'customfield_10019',
    );
    // then
    expect(toIssueFacts(fact)).toEqual({
      id: 1,
      key: 'EXP-1',
      projectKey: 'EXP',
      issueTypeId: '10',
      hierarchyLevel: 0,
      parentId: 9,
      rank: '0|EXP-1',
      links: [
        { linkId: '100', linkTypeId: '1', inwardId: 1, outwardId: 2 },
        { linkId: '101', linkTypeId: '1', inwardId: 3, outwardId: 1 },
      ],
    });
  });
});

const exportOf = (key: string) => {
  const spec = findModule(key)?.export;
  if (!spec) throw new Error(`${key} does not export`);
  return spec;
};

describe('planExport', () => {
  const facts = [issue(1, 'EXP-1', 1), issue(2, 'EXP-2', 0), issue(3, 'EXP-3', 0, 1)].map((i) =>
    compactFact(i, 'customfield_10019'),
  );

  it('Agile: rank from the structure order and epics from placement, logged with old and new values', () => {
    // given: Jira ranks 2, 3; the structure has epic 1 > 3, then 2 at the top
    const gathered = mergePages([{ facts, order: [2, 3] }]);
    // when
    const planned = planExport(
      exportOf('agile'),
      { source: { mode: 'board', boardId: 1 } },
      forestOf([
        [0, 1],
        [1, 3],
        [0, 2],
      ]),
      gathered,
      {},
    );
    // then
    expect(planned.counts).toMatchObject({ rankCalls: 1, issuesRanked: 1, parentChanges: 0 });
    const keyOf = (id: number) => gathered.facts.get(id)?.k ?? String(id);
    expect(planned.log.filter(isChange).map((e) => changeDto(e, keyOf, planned.structureOrder.length))).toEqual([
      expect.objectContaining({ kind: 'rank', issueKey: 'EXP-2', before: '1 of 2', after: '2 of 2' }),
      expect.objectContaining({ kind: 'rank', issueKey: 'EXP-3', before: '2 of 2', after: '1 of 2' }),
    ]);
  });

  it('Links with scope all: creates what the structure implies, deletes what contradicts it, and warns', () => {
    // given: 2 blocks 3 in Jira; the structure puts 2 under 3, the other way round
    const linked = [
      issue(2, 'EXP-2', 0, undefined, [{ id: '7', type: { id: '1' }, outwardIssue: { id: '3' } }]),
      issue(3, 'EXP-3', 0, undefined, [{ id: '7', type: { id: '1' }, inwardIssue: { id: '2' } }]),
    ].map((i) => compactFact(i));
    // when
    const planned = planExport(
      exportOf('links'),
      { linkTypeId: '1', parentEnd: 'inward', scope: 'all' },
      forestOf([
        [0, 3],
        [1, 2],
      ]),
      mergePages([{ facts: linked }]),
      {},
    );
    // then
    expect(planned.otherOps).toEqual([
      { k: 'link-create', typeId: '1', inwardId: 3, outwardId: 2 },
      { k: 'link-delete', linkId: '7', typeId: '1', inwardId: 2, outwardId: 3 },
    ]);
    expect(planned.warnings.join(' ')).toMatch(/deletes every link/);
  });
});

describe('paramsSummary', () => {
  it.each([
    [
      'filter',
      { source: { kind: 'filter', filterId: '10' }, add: { at: 'under', issueKey: 'EXP-1' }, remove: true },
      'Issues from saved filter 10, added under EXP-1; remove issues that no longer match',
    ],
    ['agile', { source: { mode: 'board', boardId: 7 }, subtasks: true }, 'Board 7, sub-tasks included'],
    [
      'links',
      { linkTypeId: '1', parentEnd: 'outward', scope: 'all', parentJql: 'project = EXP' },
      'Link type 1, parent is the outward issue, scope all, parents: project = EXP',
    ],
    ['unknown', { a: 1, b: { c: 2 } }, 'a: 1, b: {"c":2}'],
  ])('%s', (key, params, expected) => expect(paramsSummary(key, params)).toBe(expected));
});
