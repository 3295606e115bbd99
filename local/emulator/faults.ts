// Fault switches: make the emulator answer 429 (burst or quota), 5xx, or slowly, so that the app's
// backoff, resumption and idempotency can be tested. Deterministic: fractions use a seeded PRNG.

export type RateLimitKind = 'burst' | 'quota' | 'tenant-quota' | 'per-issue';

export interface FaultRule {
  /** Affect the next N matching calls (then the rule is spent). */
  count?: number;
  /** Or affect this fraction (0..1) of matching calls, until cleared. */
  fraction?: number;
  /** Only calls whose "METHOD /path" matches this regular expression. */
  match?: string;
}

export interface RateLimitFault extends FaultRule {
  kind: RateLimitKind;
  /** Retry-After seconds; defaults: burst 1 (per-issue 2), quota the seconds to the next hour. */
  retryAfterSeconds?: number;
}

export interface ServerErrorFault extends FaultRule {
  status?: 500 | 502 | 503 | 504;
}

export interface LatencyFault extends FaultRule {
  ms: number;
}

export interface FaultState {
  rateLimit: RateLimitFault[];
  serverError: ServerErrorFault[];
  latency: LatencyFault[];
  /** Issue keys/ids for which PUT /rest/agile/1.0/issue/rank reports a per-issue 503 (207 answer). */
  rankFailures: string[];
}

export interface FaultConfig extends Partial<FaultState> {
  clear?: boolean;
  seed?: number;
  rate429?: number;
  rate5xx?: number;
  latencyMs?: number;
}

export type FaultDecision =
  { type: 'rateLimit'; fault: RateLimitFault } | { type: 'serverError'; fault: ServerErrorFault } | undefined;

/** Copies a rule, refusing a `match` that is not a valid regular expression. */
function checked<T extends FaultRule>(rule: T): T {
  if (rule.match !== undefined) new RegExp(rule.match); // throws SyntaxError naming the problem
  return { ...rule };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private state: FaultState = { rateLimit: [], serverError: [], latency: [], rankFailures: [] };
  private random: () => number;

  constructor(seed = 1) {
    this.random = mulberry32(seed);
  }

  inject429(fault: RateLimitFault): void {
    if (!['burst', 'quota', 'tenant-quota', 'per-issue'].includes(fault.kind))
      throw new Error(`Unknown rate limit kind '${String(fault.kind)}'`);
    this.state.rateLimit.push(checked(fault));
  }

  inject5xx(fault: ServerErrorFault = {}): void {
    this.state.serverError.push(checked(fault));
  }

  setLatency(fault: LatencyFault): void {
    this.state.latency.push(checked(fault));
  }

  failRank(issueKeysOrIds: string[]): void {
    this.state.rankFailures.push(...issueKeysOrIds);
  }

  /**
   * Applies a JSON description (the body of POST /__emulator/faults). The shorthands `rate429`
   * (fraction of burst 429s), `rate5xx` (fraction of 500s) and `latencyMs` (every call) serve
   * command-line switches such as the dev server's `--fault-429 0.1`.
   */
  configure(body: FaultConfig): void {
    if (body.clear) this.clear();
    if (body.seed !== undefined) this.random = mulberry32(body.seed);
    if (body.rate429 !== undefined && body.rate429 > 0) this.inject429({ kind: 'burst', fraction: body.rate429 });
    if (body.rate5xx !== undefined && body.rate5xx > 0) this.inject5xx({ status: 500, fraction: body.rate5xx });
    if (body.latencyMs !== undefined && body.latencyMs > 0) this.setLatency({ ms: body.latencyMs });
    for (const f of body.rateLimit ?? []) this.inject429(f);
    for (const f of body.serverError ?? []) this.inject5xx(f);
    for (const f of body.latency ?? []) this.setLatency(f);
    this.failRank(body.rankFailures ?? []);
  }

  clear(): void {
    this.state = { rateLimit: [], serverError: [], latency: [], rankFailures: [] };
  }

  snapshot(): FaultState {
    return JSON.parse(JSON.stringify(this.state)) as FaultState;
  }

  isRankFailure(issue: { id: string; key: string }): boolean {
    return this.state.rankFailures.some((r) => r === issue.id || r.toUpperCase() === issue.key.toUpperCase());
  }

  latencyFor(call: string): number {
    let ms = 0;
    for (const f of this.state.latency) if (this.fires(f, call)) ms = Math.max(ms, f.ms);
    this.prune();
    return ms;
  }

  /** Decides whether this call fails; spends one unit of a counted rule when it fires. */
  decide(call: string): FaultDecision {
    try {
      for (const f of this.state.rateLimit) if (this.fires(f, call)) return { type: 'rateLimit', fault: f };
      for (const f of this.state.serverError) if (this.fires(f, call)) return { type: 'serverError', fault: f };
      return undefined;
    } finally {
      this.prune();
    }
  }

  private fires(rule: FaultRule, call: string): boolean {
    if (rule.match !== undefined && !new RegExp(rule.match).test(call)) return false;
    if (rule.count !== undefined) {
      if (rule.count <= 0) return false;
      rule.count -= 1;
      return true;
    }
    if (rule.fraction !== undefined) return this.random() < rule.fraction;
    return true;
  }

  private prune(): void {
    const live = (r: FaultRule): boolean => r.count === undefined || r.count > 0;
    this.state.rateLimit = this.state.rateLimit.filter(live);
    this.state.serverError = this.state.serverError.filter(live);
    this.state.latency = this.state.latency.filter(live);
  }
}
