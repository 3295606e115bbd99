// How many of Jira's points a run will cost, before it runs: what the same run cost last time, or, for a
// run with a query, from how many issues it matches — Jira charges 1 point a call and 1 an issue
// returned, and the imports that need fields read 100 issues a call.

/** Points for a run over `issues` issues: each issue once, 100 a call, and a few calls of setup. */
export function estimateFromCount(issues: number): number {
  return issues + Math.ceil(issues / 100) + 10;
}

/** Whether the run would need more than this hour has left: then it will wait for Jira's reset part-way. */
export function exceedsLeft(points: number, left: number | undefined): boolean {
  return left !== undefined && points > left;
}
