// The app's hourly points pool (jira-rest.md §6.2). Jira Cloud charges a Forge app, not a user: every
// call the app makes, as the app or as any user, on any site, draws on one Tier 1 pool of 65,000 points
// an hour; an app Atlassian moved to Tier 2 has a pool per site instead, sized by edition and users.
// API-token (Basic) traffic is not charged. When the pool is empty every call is refused until the top
// of the next UTC hour: no gradual throttling.

const HOUR = 3_600_000;

/** Tier 1: the global pool shared by the app across all its customers. */
export const TIER1_POINTS = 65_000;
const TIER2_CAP = 500_000;

export type JiraEdition = 'free' | 'standard' | 'premium' | 'enterprise';
const EDITIONS: readonly JiraEdition[] = ['free', 'standard', 'premium', 'enterprise'];

/** Tier 2's per-site pool: Free 65,000; Standard 100,000 + 10/user; Premium 130,000 + 20/user; Enterprise 150,000 + 30/user; capped. */
export function tier2Points(edition: JiraEdition, users: number): number {
  const [base, perUser] = {
    free: [65_000, 0],
    standard: [100_000, 10],
    premium: [130_000, 20],
    enterprise: [150_000, 30],
  }[edition];
  return Math.min(TIER2_CAP, base + perUser * Math.max(0, Math.floor(users)));
}

export type PoolOptions =
  /** `enforced: false` keeps the count and sends the headers with Jira's `Beta-` prefix, refusing nothing. */
  | { tier: 1; points?: number; enforced?: boolean }
  | { tier: 2; edition: JiraEdition; users: number; enforced?: boolean };

export interface PoolSnapshot {
  tier: 1 | 2;
  enforced: boolean;
  points: number;
  used: number;
  remaining: number;
  calls: number;
  /** Calls refused this hour because the pool was empty (not charged): a retry storm shows here. */
  refused: number;
  windowStart: string;
  resetAt: string;
  resetInSeconds: number;
}

export class PointsPool {
  tier: 1 | 2 = 1;
  points = TIER1_POINTS;
  enforced = false;
  private window = -1;
  private usedPoints = 0;
  private callCount = 0;
  private refusedCount = 0;

  constructor(
    private readonly now: () => Date,
    options: PoolOptions = { tier: 1, enforced: false },
  ) {
    this.configure(options);
  }

  /** Validates first, so that a refused configuration changes nothing. */
  configure(options: PoolOptions): void {
    let points: number;
    if (options.tier === 1) points = options.points ?? TIER1_POINTS;
    else if (options.tier === 2) {
      if (!EDITIONS.includes(options.edition)) throw new RangeError(`Unknown edition ${String(options.edition)}`);
      if (!Number.isInteger(options.users) || options.users < 0)
        throw new RangeError(`users must be a whole number, got ${String(options.users)}`);
      points = tier2Points(options.edition, options.users);
    } else throw new RangeError(`tier must be 1 or 2, got ${String((options as { tier?: unknown }).tier)}`);
    if (!Number.isInteger(points) || points < 1)
      throw new RangeError(`points must be a whole number above 0, got ${points}`);
    if (options.enforced !== undefined && typeof options.enforced !== 'boolean')
      throw new RangeError('enforced must be true or false');
    this.tier = options.tier;
    this.points = points;
    this.enforced = options.enforced ?? true;
  }

  /** The policy name Jira puts in RateLimit-Policy, and the reason of its 429. */
  get policy(): 'global-app-quota' | 'tenant-app-quota' {
    return this.tier === 1 ? 'global-app-quota' : 'tenant-app-quota';
  }

  get reason(): 'jira-quota-global-based' | 'jira-quota-tenant-based' {
    return this.tier === 1 ? 'jira-quota-global-based' : 'jira-quota-tenant-based';
  }

  private roll(): void {
    const w = Math.floor(this.now().getTime() / HOUR);
    if (w !== this.window) {
      this.window = w;
      this.usedPoints = 0;
      this.callCount = 0;
      this.refusedCount = 0;
    }
  }

  /** A call refused because the pool is empty: counted, never charged. */
  refuse(): void {
    this.roll();
    this.refusedCount += 1;
  }

  /** Calls refused this hour. */
  refused(): number {
    this.roll();
    return this.refusedCount;
  }

  charge(points: number): void {
    this.roll();
    this.usedPoints += points;
    this.callCount += 1;
  }

  used(): number {
    this.roll();
    return this.usedPoints;
  }

  remaining(): number {
    return Math.max(0, this.points - this.used());
  }

  /** Whether the next call is refused: only an enforced pool refuses. */
  exhausted(): boolean {
    return this.enforced && this.remaining() <= 0;
  }

  resetAt(): Date {
    this.roll();
    return new Date((this.window + 1) * HOUR);
  }

  /** Emulator seconds until the reset. */
  resetInSeconds(): number {
    return Math.max(1, Math.ceil((this.resetAt().getTime() - this.now().getTime()) / 1000));
  }

  reset(): void {
    this.usedPoints = 0;
    this.callCount = 0;
    this.refusedCount = 0;
  }

  snapshot(): PoolSnapshot {
    this.roll();
    return {
      tier: this.tier,
      enforced: this.enforced,
      points: this.points,
      used: this.usedPoints,
      remaining: this.remaining(),
      calls: this.callCount,
      refused: this.refusedCount,
      windowStart: new Date(this.window * HOUR).toISOString(),
      resetAt: this.resetAt().toISOString(),
      resetInSeconds: this.resetInSeconds(),
    };
  }
}
