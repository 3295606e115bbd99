// What every resource handler receives: the shared emulator state and the per-request view.
import type { IncomingMessage } from 'node:http';
import type { BurstLimiter } from './burst-limiter';
import type { EmulatorClock } from './clock';
import type { FaultInjector } from './faults';
import type { Reply } from './http';
import type { IssueWriteLimiter } from './issue-write-limiter';
import type { PointsLedger } from './ledger';
import type { PointsPool } from './points-pool';
import type { SearchCache } from './search-cache';
import type { Serializer } from './serializers';
import type { EmulatorStore } from './store';
import type { Viewer } from './visibility';

export interface EmulatorCore {
  store: EmulatorStore;
  /** What each account spent this hour: for benchmarks and tests, never a limit. */
  ledger: PointsLedger;
  /** The app's hourly points pool: every call the app makes (as the app or as a user) draws on it. */
  pool: PointsPool;
  burst: BurstLimiter;
  issueWrites: IssueWriteLimiter;
  faults: FaultInjector;
  searchCache: SearchCache;
  now: () => Date;
  /** Emulated seconds per wall-clock second (1 unless the clock runs fast). */
  speed: () => number;
  /** The emulator's own clock, when it has one: the control API can move it. */
  clock?: EmulatorClock;
}

export interface RequestContext {
  core: EmulatorCore;
  req: IncomingMessage;
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  viewer: Viewer;
  ser: Serializer;
  /** The parsed JSON body (undefined when empty); malformed JSON is a 400. */
  body(): Promise<unknown>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path template with `{name}` parameters, e.g. `/rest/api/3/issue/{issueIdOrKey}`. */
  path: string;
  /** Writes cost only the base point; reads also pay per issue returned. */
  write?: boolean;
  /** Answers without authentication (the removed search endpoint answers 410 to anyone). */
  anonymous?: boolean;
  handle(ctx: RequestContext): Promise<Reply> | Reply;
}
