import { changedMatchingJql, minutesBack, splitOrderBy } from '../../../../src/domain/incremental/jql-delta';
import { volatileJqlReason } from '../../../../src/domain/incremental/volatile-jql';
import { fullReadReason, type ReadBase } from '../../../../src/domain/incremental/full-read';
import { decodeIdSet, encodeIdSet } from '../../../../src/domain/incremental/id-set';
import { random } from '../builders';

describe('delta queries', () => {
  it('put the changed clause before the ORDER BY, outside quotes', () => {
    expect(changedMatchingJql('project = PLAT ORDER BY Rank ASC', 12)).toBe(
      '(project = PLAT) AND updated >= -12m ORDER BY Rank ASC',
    );
    expect(changedMatchingJql('summary ~ "order by" order by key', 3)).toBe(
      '(summary ~ "order by") AND updated >= -3m order by key',
    );
    expect(changedMatchingJql('ORDER BY created', 3)).toBe('updated >= -3m ORDER BY created');
    expect(splitOrderBy('a = "x\\" ORDER BY y"')).toEqual({ where: 'a = "x\\" ORDER BY y"', orderBy: '' });
  });

  it('look back the whole time since the base plus the margin, in whole minutes', () => {
    expect(minutesBack(10 * 60_000, 10 * 60_000)).toBe(5);
    expect(minutesBack(70 * 60_000 + 1, 10 * 60_000)).toBe(66);
  });
});

describe('queries read in full every time', () => {
  it.each([
    ['assignee = currentUser()', 'currentUser()'],
    ['updated >= -1d', 'relative date'],
    ['created > "-2w 3d"', 'relative date'],
    ['created > startOfDay()', 'startOfDay()'],
    ['assignee in membersOf("devs")', 'membersOf()'],
    ['sprint in openSprints()', 'openSprints()'],
    ['fixVersion in unreleasedVersions()', 'unreleasedVersions()'],
    ['issue in linkedIssues(PLAT-1)', 'linkedIssues()'],
    ['filter = 10001', 'saved filter'],
    ['watcher = abc', 'watcher'],
  ])('%s', (jql, why) => {
    expect(volatileJqlReason(jql)).toContain(why);
  });

  it.each([
    'project = PLAT ORDER BY Rank',
    'summary ~ "3d printer filter"',
    'status in ("In Progress", Done) AND created >= "2026-01-01"',
    'issuetype in standardIssueTypes()',
  ])('not %s', (jql) => {
    expect(volatileJqlReason(jql)).toBeUndefined();
  });
});

describe('full read or delta', () => {
  const base: ReadBase = { accountId: 'a', jql: 'project = X', searchStartedAt: 1000, fullReadAt: 500 };
  const run = { accountId: 'a', jql: 'project = X', now: 2000, fullReadEveryMs: 10_000 };
  it('reads the delta of the same query by the same user within the period', () => {
    expect(fullReadReason(base, run)).toBeUndefined();
  });
  it('says why it reads in full', () => {
    expect(fullReadReason(undefined, run)).toMatch(/no earlier run/);
    expect(fullReadReason(base, { ...run, accountId: 'b' })).toMatch(/another user/);
    expect(fullReadReason(base, { ...run, jql: 'project = Y' })).toMatch(/query changed/);
    expect(fullReadReason(base, { ...run, now: 10_500 })).toMatch(/periodic full read is due/);
    expect(fullReadReason(base, { ...run, jql: 'assignee = currentUser()' })).toMatch(/currentUser/);
  });
});

describe('id sets', () => {
  it('round-trip sorted and without repeats, in about 2 bytes an id for dense ids', () => {
    const rnd = random(7);
    const ids = Array.from({ length: 10_000 }, () => 10_000 + rnd.int(20_000));
    const decoded = decodeIdSet(encodeIdSet(ids));
    expect(decoded).toEqual([...new Set(ids)].sort((a, b) => a - b));
    expect(encodeIdSet(ids).length).toBeLessThan(decoded.length * 2 + 8);
    expect(decodeIdSet(encodeIdSet([]))).toEqual([]);
    expect(decodeIdSet(encodeIdSet([2 ** 40, 1]))).toEqual([1, 2 ** 40]);
  });
});
