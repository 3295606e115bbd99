// The queue's sense of time: real time plus whatever tests have skipped. Forge keeps retrying a failing
// event for a day; a test cannot wait a day, so it moves this clock instead (`DeliveryQueue.advance`).

export class QueueClock {
  /** `skippedMs`: what an earlier queue on the same store had skipped, so its due times keep their meaning. */
  constructor(private skippedMs = 0) {}

  /** How far this timeline is ahead of Date.now(). */
  get skipped(): number {
    return this.skippedMs;
  }

  /** Milliseconds on the queue's timeline (Date.now() plus every skip so far). */
  now(): number {
    return Date.now() + this.skippedMs;
  }

  /** Moves the timeline forward to `at` (never back). */
  moveTo(at: number): void {
    const ahead = at - this.now();
    if (ahead > 0) this.skippedMs += ahead;
  }
}
