// Issues read in id ranges side by side (partitioned-search.ts) come back interleaved by range; a search
// that was ORDER BY Rank is put back in that order from the Rank field's values. Ranks are unique in
// Jira; an issue without one goes last, in the order read (a stable sort).
export function inRankOrder<T extends { rank?: string }>(issues: readonly T[]): T[] {
  return issues
    .map((issue, at) => ({ issue, at }))
    .sort((a, b) => {
      const [x, y] = [a.issue.rank, b.issue.rank];
      if (x === y) return a.at - b.at;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return x < y ? -1 : 1;
    })
    .map((entry) => entry.issue);
}
