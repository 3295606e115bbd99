import {
  exportCounts,
  isEmptyExport,
  planLinksExport,
  planParentExport,
  planRankExport,
  preflightChangesOf,
  preflightExport,
} from '../../../../src/domain/export';
import { f, issues, keyOf, row } from '../builders';
import { epic, facts, story } from './facts';

describe('export plan', () => {
  // given: E1 > (S2, S1) in the structure; Jira ranks S1 before S2, and no story has an epic or link yet
  const forest = f(row('PLAT-1', row('PLAT-3'), row('PLAT-2')));
  const known = facts(epic('PLAT-1'), story('PLAT-2'), story('PLAT-3'));
  const plan = {
    rank: planRankExport({ structureOrder: issues('PLAT-3', 'PLAT-2'), jiraOrder: issues('PLAT-2', 'PLAT-3') }),
    parents: planParentExport({ forest, facts: known, mode: 'epics' }),
    links: planLinksExport({ forest, facts: known, linkTypeId: '10000', parentEnd: 'inward', scope: 'structure' }),
  };

  it('counts what the export would write', () => {
    expect(exportCounts(plan)).toEqual({
      rankCalls: 1,
      issuesRanked: 1,
      parentChanges: 2,
      linksCreated: 2,
      linksDeleted: 0,
      statusChanges: 0,
      notRepresentable: 0,
    });
    expect(isEmptyExport(plan)).toBe(false);
    expect(isEmptyExport({})).toBe(true);
  });

  it('feeds the preflight', () => {
    const result = preflightExport({
      ...preflightChangesOf(plan),
      projectOf: (id) => keyOf(id).split('-')[0],
      permissions: { PLAT: { EDIT_ISSUES: true } },
    });
    expect(result.message).toBe(
      'You need Schedule issues in PLAT (1 rank change) and Link issues in PLAT (2 links) to run this export.',
    );
  });
});
