// Public entry point of the Jira Cloud emulator. See README.md next to this file.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dataset } from '../dataset/types';
import type { EmulatorCore } from './context';
import { BurstLimiter } from './burst-limiter';
import { EmulatorClock } from './clock';
import { FaultInjector } from './faults';
import { IssueWriteLimiter } from './issue-write-limiter';
import { PointsLedger } from './ledger';
import { PointsPool, type PoolOptions } from './points-pool';
import { SearchCache } from './search-cache';
import { createHandler, type RequestHandler } from './server';
import { EmulatorStore } from './store';

export { FORGE_ACCOUNT_HEADER, FORGE_AS_APP_HEADER } from './auth';
export type { FaultConfig, FaultState, LatencyFault, RateLimitFault, ServerErrorFault } from './faults';
export { FaultInjector } from './faults';
export type { LedgerAccount, LedgerSnapshot } from './ledger';
export { PointsLedger } from './ledger';
export { PointsPool, TIER1_POINTS, tier2Points } from './points-pool';
export type { JiraEdition, PoolOptions, PoolSnapshot } from './points-pool';
export { EmulatorClock } from './clock';
export { BurstLimiter, burstRate } from './burst-limiter';
export { IssueWriteLimiter } from './issue-write-limiter';
export type { IssuePatch, NewIssue, StoredIssue, StoredLink } from './store';
export { ChangeFeed } from './change-feed';
export type { EventActor, ProductEventListener } from './change-feed';
export { JIRA_EVENTS, isIssueEvent } from './product-events';
export type {
  ChangelogItem,
  IssueEvent,
  IssueEventType,
  IssueLinkEvent,
  IssueLinkEventType,
  JiraProductEvent,
} from './product-events';
export { EMULATOR_ACTOR_HEADER } from './admin';
export { EmulatorStore } from './store';
export { APP_ACCOUNT_ID } from './visibility';
export { RANK_FIELD_ID } from './serializers';
export { MAX_FIELDS_PAGE, MAX_IDS_PAGE } from './resources/search';

export interface JiraEmulatorOptions {
  dataset: Dataset;
  /**
   * Clock for relative JQL dates, `updated` stamps and the hourly points window: a function, or an
   * EmulatorClock that can run fast and be moved forward (also over POST /__emulator/clock).
   */
  now?: (() => Date) | EmulatorClock;
  /** Seed for fractional fault injection. */
  seed?: number;
  /**
   * The app's hourly points pool, or an existing one to share it with other emulated sites (Tier 1 is
   * one pool across all of an app's sites). Default: Tier 1's 65,000 points, counted and announced with
   * `Beta-` headers but not enforced, so that benchmarks can measure a run bigger than an hour's pool.
   */
  pool?: PoolOptions | PointsPool;
  /** Burst buckets and per-issue write limits, on by default; switch off only to measure without them. */
  burstLimits?: boolean;
  perIssueWriteLimits?: boolean;
  /** Monotonic milliseconds for the burst and per-issue windows (default performance.now); tests freeze it. */
  wallClockMs?: () => number;
  /** Base of `self` URLs; defaults to the request's Host. */
  baseUrl?: string;
}

export interface JiraEmulator {
  /** Serves /rest/** and /__emulator/**; calls next() (or answers 404) for anything else. */
  handler: RequestHandler;
  listen(port?: number): Promise<{ url: string }>;
  close(): Promise<void>;
  ledger: PointsLedger;
  pool: PointsPool;
  burst: BurstLimiter;
  issueWrites: IssueWriteLimiter;
  /** The clock, when the emulator owns one (no `now` function was given). */
  clock?: EmulatorClock;
  faults: FaultInjector;
  store: EmulatorStore;
  /**
   * The change feed: `events.subscribe(listener)` → unsubscribe; every change (REST writes, the control
   * API, `store` methods) arrives as a Forge product event. `events.asActor(accountId, fn)` attributes
   * direct `store` changes to a user.
   */
  events: EmulatorStore['events'];
  /** Drops cached search results (they are also keyed by the store's change counter). */
  clearSearchCache(): void;
}

export function createJiraEmulator(options: JiraEmulatorOptions): JiraEmulator {
  const clock =
    options.now instanceof EmulatorClock ? options.now : options.now === undefined ? new EmulatorClock() : undefined;
  const now = clock ? () => clock.now() : (options.now as () => Date);
  const store = new EmulatorStore(options.dataset, now);
  if (options.baseUrl) store.events.baseUrl = options.baseUrl;
  const ledger = new PointsLedger(now);
  const pool = options.pool instanceof PointsPool ? options.pool : new PointsPool(now, options.pool);
  const burst = new BurstLimiter(options.wallClockMs);
  burst.enabled = options.burstLimits ?? true;
  const issueWrites = new IssueWriteLimiter(options.wallClockMs);
  issueWrites.enabled = options.perIssueWriteLimits ?? true;
  const faults = new FaultInjector(options.seed ?? 1);
  const searchCache = new SearchCache();
  const speed = (): number => clock?.speed ?? 1;
  const core: EmulatorCore = { store, ledger, pool, burst, issueWrites, faults, searchCache, now, speed, clock };
  const handler = createHandler(core, { baseUrl: options.baseUrl });
  let server: Server | undefined;

  return {
    handler,
    ledger,
    pool,
    burst,
    issueWrites,
    clock,
    faults,
    store,
    events: store.events,
    clearSearchCache: () => searchCache.clear(),
    async listen(port = 0) {
      if (server) throw new Error('The Jira emulator is already listening');
      const s = createServer((req, res) => handler(req, res));
      // The app, the runtime and this server share one process in tests and npm start: a long synchronous
      // step (decoding a 250k-row forest) can outlast Node's 5 s keep-alive, and a socket the server closes
      // while the client reuses it fails the next request with ECONNRESET — an artefact of sharing a
      // process, not something Jira does. Jira's gateway keeps connections far longer.
      s.keepAliveTimeout = 65_000;
      server = s;
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, '127.0.0.1', () => resolve());
      });
      const { port: actual } = s.address() as AddressInfo;
      const url = `http://127.0.0.1:${actual}`;
      if (!options.baseUrl) store.events.baseUrl = url;
      return { url };
    },
    async close() {
      const s = server;
      server = undefined;
      if (!s) return;
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
}
