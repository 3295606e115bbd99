import { preflightExport, PreflightInput, ProjectPermissions } from '../../../../src/domain/export/preflight';
import { IssueId } from '../../../../src/domain/forest';
import { issue, issues, keyOf } from '../builders';

const BLOCKS = '10000';
/** Projects are key prefixes; UNK-* issues have no known project. */
const projectOf = (id: IssueId): string | undefined =>
  keyOf(id).startsWith('UNK') ? undefined : keyOf(id).split('-')[0];
const ALL = { EDIT_ISSUES: true, SCHEDULE_ISSUES: true, LINK_ISSUES: true };

function check(plan: Omit<PreflightInput, 'projectOf' | 'permissions'>, permissions: ProjectPermissions) {
  return preflightExport({ ...plan, projectOf, permissions });
}

const rankOf = (...keys: string[]) => [{ issues: issues(...keys), rankAfterIssue: issue('PLAT-1') }];
const linkBetween = (inward: string, outward: string) => ({
  linkTypeId: BLOCKS,
  inwardId: issue(inward),
  outwardId: issue(outward),
});

describe('preflightExport', () => {
  it('passes when every project grants what the plan needs', () => {
    const result = check(
      {
        rank: rankOf('PLAT-2'),
        parents: [{ issueId: issue('MOB-1'), from: null, to: issue('MOB-2') }],
        linkCreates: [linkBetween('PLAT-2', 'MOB-1')],
      },
      { PLAT: ALL, MOB: ALL },
    );
    expect(result).toEqual({ ok: true, missing: [], message: null });
  });

  it('names each missing permission with its project and how many changes need it', () => {
    // given: 12 PLAT issues to rank without Schedule issues; 3 links touching MOB without Link issues
    const ranked = Array.from({ length: 12 }, (_, i) => `PLAT-${100 + i}`);
    const result = check(
      {
        rank: rankOf(...ranked),
        linkCreates: [linkBetween('PLAT-2', 'MOB-1'), linkBetween('MOB-2', 'PLAT-3'), linkBetween('MOB-3', 'MOB-4')],
      },
      { PLAT: { EDIT_ISSUES: true, LINK_ISSUES: true }, MOB: { EDIT_ISSUES: true, SCHEDULE_ISSUES: true } },
    );
    // then
    expect(result.ok).toBe(false);
    expect(result.message).toBe(
      'You need Schedule issues in PLAT (12 rank changes) and Link issues in MOB (3 links) to run this export.',
    );
  });

  it.each<[string, Omit<PreflightInput, 'projectOf' | 'permissions'>, ProjectPermissions, string | null]>([
    [
      'parent change needs Edit issues in the child project only',
      { parents: [{ issueId: issue('PLAT-5'), from: null, to: issue('MOB-9') }] },
      { PLAT: { EDIT_ISSUES: true } },
      null,
    ],
    [
      'parent change without Edit issues',
      { parents: [{ issueId: issue('PLAT-5'), from: null, to: null }] },
      { PLAT: { LINK_ISSUES: true } },
      'You need Edit issues in PLAT (1 parent change) to run this export.',
    ],
    [
      'link create needs Link issues at both ends',
      { linkCreates: [linkBetween('PLAT-2', 'MOB-1')] },
      { PLAT: { LINK_ISSUES: true } },
      'You need Link issues in MOB (1 link) to run this export.',
    ],
    [
      'link delete needs Link issues at one end',
      { linkDeletes: [{ ...linkBetween('PLAT-2', 'MOB-1'), linkId: 'L1' }] },
      { MOB: { LINK_ISSUES: true } },
      null,
    ],
    [
      'link delete with neither end counts against the inward project',
      { linkDeletes: [{ ...linkBetween('PLAT-2', 'MOB-1'), linkId: 'L1' }] },
      {},
      'You need Link issues in PLAT (1 link) to run this export.',
    ],
    [
      'an issue of an unknown project cannot be checked',
      { rank: rankOf('UNK-1') },
      { PLAT: ALL },
      'You need Schedule issues in an unknown project (1 rank change) to run this export.',
    ],
    [
      'three missing permissions read as a list',
      {
        rank: rankOf('PLAT-2'),
        parents: [{ issueId: issue('PLAT-3'), from: null, to: null }],
        linkCreates: [linkBetween('PLAT-2', 'PLAT-3')],
      },
      {},
      'You need Schedule issues in PLAT (1 rank change), Edit issues in PLAT (1 parent change) and Link issues in PLAT (1 link) to run this export.',
    ],
  ])('%s', (_, plan, permissions, message) => {
    const result = check(plan, permissions);
    expect(result.message).toBe(message);
    expect(result.ok).toBe(message === null);
  });

  it('lists what is missing as data too, by permission then project', () => {
    const result = check({ rank: rankOf('MOB-1', 'PLAT-2', 'MOB-2') }, {});
    expect(result.missing).toEqual([
      { permission: 'SCHEDULE_ISSUES', project: 'MOB', changes: 2 },
      { permission: 'SCHEDULE_ISSUES', project: 'PLAT', changes: 1 },
    ]);
  });
});
