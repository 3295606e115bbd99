import { cutPoints, rangeJql, splitOrderBy } from '../../../../src/app/import/partitioned-search';
import { inRankOrder } from '../../../../src/app/import/rank-order';

describe('partitioned search', () => {
  it('splits a JQL at its ORDER BY', () => {
    expect(splitOrderBy('project = A ORDER BY Rank ASC')).toEqual({
      where: 'project = A',
      orderBy: 'ORDER BY Rank ASC',
    });
    expect(splitOrderBy('project = A')).toEqual({ where: 'project = A', orderBy: '' });
    expect(splitOrderBy('order by created')).toEqual({ where: '', orderBy: 'order by created' });
  });

  it('bounds a range by id, keeping the query and its order', () => {
    expect(rangeJql('project = A OR project = B ORDER BY Rank', 100, 200)).toBe(
      '(project = A OR project = B) AND id >= 100 AND id < 200 ORDER BY Rank',
    );
    expect(rangeJql('project = A', undefined, 200)).toBe('(project = A) AND id < 200');
    expect(rangeJql('project = A', 100, undefined)).toBe('(project = A) AND id >= 100');
    expect(rangeJql('ORDER BY Rank', 5, 9)).toBe('id >= 5 AND id < 9 ORDER BY Rank');
  });

  it('cuts [lowest, highest] into equal ranges that cover every id once', () => {
    expect(cutPoints(1000, 1599, 6)).toEqual([1100, 1200, 1300, 1400, 1500]);
    expect(cutPoints(10, 12, 6)).toEqual([11, 12]);
    expect(cutPoints(7, 7, 6)).toEqual([]);
    // every id in [lowest, highest] falls in exactly one range [cut k-1, cut k)
    const cuts = cutPoints(1, 97, 5);
    const bounds = [-Infinity, ...cuts, Infinity];
    for (let id = 1; id <= 97; id++) {
      const ranges = bounds.slice(0, -1).filter((from, k) => id >= from && id < bounds[k + 1]!);
      expect(ranges).toHaveLength(1);
    }
  });

  it('puts issues back in rank order, unranked last in the order read', () => {
    const read = [{ id: 1, rank: '0|c' }, { id: 2 }, { id: 3, rank: '0|a' }, { id: 4 }, { id: 5, rank: '0|b' }];
    expect(inRankOrder(read).map((i) => i.id)).toEqual([3, 5, 1, 2, 4]);
  });
});
