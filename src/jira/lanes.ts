// How many Jira calls one client has in flight at once. Reading a large structure is a few thousand calls
// whose time is almost all latency; overlapping them is what makes a 100k-issue import take seconds per
// level rather than minutes. The platform's burst limits (about 100 GET and 50 PUT requests a second per
// site, endpoint and method — reference jira-rest §6) are far above what a few lanes can send at Jira's
// latency, but a burst 429 means the site is busy: the lanes halve at once and grow back by one only
// after a run of calls without one (additive increase, multiplicative decrease, as TCP does).

/** Lanes a client starts with and never exceeds. */
export const DEFAULT_LANES = 6;
/** Successful calls per lane, at the current width, before one more lane opens. */
const GROW_AFTER_PER_LANE = 8;

export class Lanes {
  private width: number;
  private inFlight = 0;
  private successes = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly max: number = DEFAULT_LANES) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`Lanes must be a positive integer, got ${max}`);
    this.width = max;
  }

  /** The lanes open now. */
  get open(): number {
    return this.width;
  }

  /** Runs `task` when a lane is free. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    while (this.inFlight >= this.width) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inFlight++;
    try {
      return await task();
    } finally {
      this.inFlight--;
      this.waiting.shift()?.();
    }
  }

  /** A call answered without a rate limit. */
  succeeded(): void {
    if (this.width >= this.max) return;
    this.successes++;
    if (this.successes >= GROW_AFTER_PER_LANE * this.width) {
      this.successes = 0;
      this.width++;
      this.waiting.shift()?.();
    }
  }

  /** Jira answered a burst 429: half the lanes close (at least one stays open). */
  burst(): void {
    this.successes = 0;
    this.width = Math.max(1, Math.floor(this.width / 2));
  }
}

/**
 * `fn` over every item, in lanes (the client's `Lanes` bound how many run at once), answers in the items'
 * order. Waits for every call before it throws the first failure: no call keeps running after the unit
 * that made it has ended.
 */
export async function mapInLanes<T, R>(items: readonly T[], fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const settled = await Promise.allSettled(items.map((item, i) => fn(item, i)));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<R>).value);
}
