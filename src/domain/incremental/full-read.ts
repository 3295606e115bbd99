// Whether a run may read only what changed since its base, or must read everything: in words, for the
// job log. The base is what the last successful run with the same parameters read, as one user; what
// changes can be learnt from updated issues is the query's membership, so anything else — another
// user's permissions, an edited saved filter, a query that moves with the clock — reads in full, and so
// does a base whose full read is older than the period, which catches what updates never show
// (permissions lost or gained, issues moved out of sight).
import { volatileJqlReason } from './volatile-jql';

/** What the decision needs to know of a base. */
export interface ReadBase {
  accountId: string;
  jql: string;
  /** When the base's read started (ms): issues updated since are read again. */
  searchStartedAt: number;
  /** When the last full read at the bottom of the base's chain started (ms). */
  fullReadAt: number;
}

export interface ReadRequest {
  accountId: string;
  jql: string;
  now: number;
  /** A full read at least this often (ms). */
  fullReadEveryMs: number;
}

export const DEFAULT_FULL_READ_HOURS = 24;

/** Why this run reads in full, or undefined when it may read only what changed since `base`. */
export function fullReadReason(base: ReadBase | undefined, run: ReadRequest): string | undefined {
  const volatile = volatileJqlReason(run.jql);
  if (volatile !== undefined) return volatile;
  if (base === undefined) return 'no earlier run with these settings to start from';
  if (base.accountId !== run.accountId) return 'the last run read Jira as another user';
  if (base.jql !== run.jql) return 'the query changed since the last run (an edited saved filter)';
  if (run.now < base.searchStartedAt) return 'the last run is dated in the future (a clock moved back)';
  if (run.now - base.fullReadAt >= run.fullReadEveryMs) {
    const hours = Math.round((run.fullReadEveryMs / 3_600_000) * 10) / 10;
    return `the periodic full read is due (every ${hours} h), which catches what updates do not show, such as changed permissions`;
  }
  return undefined;
}
