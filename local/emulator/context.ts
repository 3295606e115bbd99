// What every resource handler receives: the shared emulator state and the per-request view.
import type { IncomingMessage } from 'node:http';
import type { FaultInjector } from './faults';
import type { Reply } from './http';
import type { PointsLedger } from './ledger';
import type { SearchCache } from './search-cache';
import type { Serializer } from './serializers';
import type { EmulatorStore } from './store';
import type { Viewer } from './visibility';

export interface EmulatorCore {
  store: EmulatorStore;
  ledger: PointsLedger;
  faults: FaultInjector;
  searchCache: SearchCache;
  now: () => Date;
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
