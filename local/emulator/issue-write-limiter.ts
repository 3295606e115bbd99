// Jira's per-issue write limits (jira-rest.md §6.4): 20 writes per 2 s and 100 per 30 s to one issue,
// answered 429 `jira-per-issue-on-write`. Sliding windows on the wall clock, like the burst buckets.

const WINDOWS = [
  { ms: 2_000, writes: 20 },
  { ms: 30_000, writes: 100 },
] as const;
const LONGEST = WINDOWS[WINDOWS.length - 1].ms;

export type IssueWriteDecision =
  { ok: true } | { ok: false; limit: number; windowSeconds: number; retryAfterSeconds: number };

export class IssueWriteLimiter {
  enabled = true;
  /** Accepted write times per issue id, oldest first. */
  private readonly writes = new Map<string, number[]>();

  constructor(private readonly monotonicMs: () => number = () => performance.now()) {}

  /** Whether one more write to this issue is allowed now. */
  check(issueId: string): IssueWriteDecision {
    if (!this.enabled) return { ok: true };
    const now = this.monotonicMs();
    const times = this.prune(issueId, now);
    for (const w of WINDOWS) {
      const inWindow = times.filter((t) => t > now - w.ms);
      if (inWindow.length >= w.writes) {
        const freesAt = inWindow[inWindow.length - w.writes] + w.ms;
        return {
          ok: false,
          limit: w.writes,
          windowSeconds: w.ms / 1000,
          retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now) / 1000)),
        };
      }
    }
    return { ok: true };
  }

  record(issueId: string): void {
    if (!this.enabled) return;
    const now = this.monotonicMs();
    this.prune(issueId, now).push(now);
  }

  private prune(issueId: string, now: number): number[] {
    const times = (this.writes.get(issueId) ?? []).filter((t) => t > now - LONGEST);
    this.writes.set(issueId, times);
    return times;
  }

  clear(): void {
    this.writes.clear();
  }
}
