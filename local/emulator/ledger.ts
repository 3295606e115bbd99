// The points ledger: what each caller spent this UTC hour (1 point per call + 1 per issue returned;
// writes cost only the call). Benchmarks and tests read it to prove how much Jira work a job costs.
// It limits nothing: the app's limit is its pool (points-pool.ts), which all its callers share.

export interface LedgerAccount {
  calls: number;
  points: number;
}

export interface LedgerSnapshot {
  /** Start of the current UTC hour (ISO 8601); the ledger resets at the top of every hour. */
  windowStart: string;
  /** Seconds until the next reset. */
  resetInSeconds: number;
  total: LedgerAccount;
  accounts: Record<string, LedgerAccount>;
}

const HOUR = 3_600_000;

export class PointsLedger {
  private window = -1;
  private readonly accounts = new Map<string, LedgerAccount>();

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
      total: this.total(),
      accounts: Object.fromEntries([...this.accounts].map(([k, v]) => [k, { ...v }])),
    };
  }
}
