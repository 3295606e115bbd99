// The points ledger: Jira Cloud charges apps per UTC hour (1 point per call + 1 per issue returned;
// writes cost only the call). Benchmarks and tests read it to prove how much Jira work a job costs.

export interface LedgerAccount {
  calls: number;
  points: number;
}

export interface LedgerSnapshot {
  /** Start of the current UTC hour (ISO 8601); the ledger resets at the top of every hour. */
  windowStart: string;
  /** Seconds until the next reset. */
  resetInSeconds: number;
  /** Hourly quota; Infinity (serialised as null) means not enforced. */
  quota: number | null;
  total: LedgerAccount;
  accounts: Record<string, LedgerAccount>;
}

const HOUR = 3_600_000;

export class PointsLedger {
  private window = -1;
  private readonly accounts = new Map<string, LedgerAccount>();
  /** Points per hour per account before 429 jira-quota-global-based; Infinity = not enforced. */
  quota = Infinity;

  constructor(private readonly now: () => Date) {}

  private roll(): void {
    const w = Math.floor(this.now().getTime() / HOUR);
    if (w !== this.window) {
      this.window = w;
      this.accounts.clear();
    }
  }

  charge(accountId: string, points: number): void {
    this.roll();
    const a = this.accounts.get(accountId) ?? { calls: 0, points: 0 };
    a.calls += 1;
    a.points += points;
    this.accounts.set(accountId, a);
  }

  get(accountId: string): LedgerAccount {
    this.roll();
    return { ...(this.accounts.get(accountId) ?? { calls: 0, points: 0 }) };
  }

  total(): LedgerAccount {
    this.roll();
    let calls = 0;
    let points = 0;
    for (const a of this.accounts.values()) {
      calls += a.calls;
      points += a.points;
    }
    return { calls, points };
  }

  remaining(accountId: string): number {
    return Math.max(0, this.quota - this.get(accountId).points);
  }

  resetInSeconds(): number {
    this.roll();
    return Math.ceil(((this.window + 1) * HOUR - this.now().getTime()) / 1000);
  }

  resetAt(): Date {
    this.roll();
    return new Date((this.window + 1) * HOUR);
  }

  reset(): void {
    this.accounts.clear();
  }

  snapshot(): LedgerSnapshot {
    this.roll();
    return {
      windowStart: new Date(this.window * HOUR).toISOString(),
      resetInSeconds: this.resetInSeconds(),
      quota: Number.isFinite(this.quota) ? this.quota : null,
      total: this.total(),
      accounts: Object.fromEntries([...this.accounts].map(([k, v]) => [k, { ...v }])),
    };
  }
}
