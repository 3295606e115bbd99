// The emulator's clock: relative JQL dates, `updated` stamps and the hourly points window run on it.
// It can run faster than the wall clock (the dev server's --clock-speed) and be moved forward (tests,
// POST /__emulator/clock), so that "wait for the top of the hour" takes seconds, not an hour.

export class EmulatorClock {
  private anchorReal: number;
  private anchorEmulated: number;
  private rate = 1;

  constructor(
    start?: Date,
    private readonly realMs: () => number = Date.now,
  ) {
    this.anchorReal = realMs();
    this.anchorEmulated = start?.getTime() ?? this.anchorReal;
  }

  now(): Date {
    return new Date(this.anchorEmulated + (this.realMs() - this.anchorReal) * this.rate);
  }

  /** Emulated milliseconds per real millisecond. */
  get speed(): number {
    return this.rate;
  }

  set speed(value: number) {
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`A clock speed must be above 0, got ${value}`);
    this.rebase();
    this.rate = value;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`The clock moves forward only, got ${ms} ms`);
    this.rebase();
    this.anchorEmulated += ms;
  }

  private rebase(): void {
    const now = this.now().getTime();
    this.anchorReal = this.realMs();
    this.anchorEmulated = now;
  }
}
