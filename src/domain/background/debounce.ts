/**
 * Debounced background resyncs. Events come in bursts (a bulk edit, a board drag of 50 issues, an
 * export's own writes), so a resync waits for a quiet period after the last trigger — but never longer
 * than a maximum delay after the first, so a steady trickle cannot postpone it forever.
 *
 * The state is plain JSON (stored between invocations) keyed by synchronizer id; times are epoch ms.
 */
export interface PendingResync {
  readonly structureId: string;
  readonly synchronizerId: string;
  readonly firstAt: number;
  readonly lastAt: number;
  readonly triggers: number;
  /**
   * Issues the triggers named (the most recent RECONCILE_LIMIT, oldest first). Jira's search may not show
   * their change yet when the resync runs, so the resync asks Jira to reconcile them.
   */
  readonly issueIds?: readonly number[];
}

/** Jira reconciles at most 50 issues per search (`reconcileIssues`). */
export const RECONCILE_LIMIT = 50;

function mergeIssueIds(old: readonly number[] | undefined, added: readonly number[]): readonly number[] | undefined {
  if (added.length === 0) return old;
  const merged = [...(old ?? []).filter((id) => !added.includes(id)), ...new Set(added)];
  return merged.slice(-RECONCILE_LIMIT);
}

export type PendingResyncs = Readonly<Record<string, PendingResync>>;

export interface DebounceOptions {
  /** Quiet period after the last trigger; default 30 s. */
  readonly quietMs?: number;
  /** Longest wait after the first trigger; default 5 min. */
  readonly maxDelayMs?: number;
}

export const DEFAULT_QUIET_MS = 30_000;
export const DEFAULT_MAX_DELAY_MS = 300_000;

/**
 * Records a trigger, with the issues it names; an older pending entry keeps its first time. Same object
 * back is never promised: it is JSON.
 */
export function addTrigger(
  pending: PendingResyncs,
  target: { structureId: string; synchronizerId: string },
  now: number,
  issueIds: readonly number[] = [],
): PendingResyncs {
  const old = pending[target.synchronizerId];
  const base: PendingResync =
    old === undefined
      ? {
          structureId: target.structureId,
          synchronizerId: target.synchronizerId,
          firstAt: now,
          lastAt: now,
          triggers: 1,
        }
      : { ...old, lastAt: Math.max(old.lastAt, now), firstAt: Math.min(old.firstAt, now), triggers: old.triggers + 1 };
  const ids = mergeIssueIds(old?.issueIds, issueIds);
  const entry: PendingResync = ids === undefined ? base : { ...base, issueIds: ids };
  return { ...pending, [target.synchronizerId]: entry };
}

export interface DueResyncs {
  /** Resyncs to start now, oldest first. */
  readonly due: readonly PendingResync[];
  /** What stays pending. */
  readonly pending: PendingResyncs;
  /** When the earliest remaining entry becomes due; null when nothing is pending. */
  readonly nextCheckAt: number | null;
}

/**
 * Takes the resyncs due at `now`: quiet since the last trigger, or waiting since the first for the
 * maximum delay. A synchronizer in `running` stays pending whatever its times: triggers that arrived
 * during a run need one more run after it, not a second run beside it.
 */
export function takeDue(
  pending: PendingResyncs,
  now: number,
  options: DebounceOptions = {},
  running: ReadonlySet<string> = new Set(),
): DueResyncs {
  const quietMs = options.quietMs ?? DEFAULT_QUIET_MS;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const dueAt = (p: PendingResync): number => Math.min(p.lastAt + quietMs, p.firstAt + maxDelayMs);
  const due: PendingResync[] = [];
  const rest: Record<string, PendingResync> = {};
  let nextCheckAt: number | null = null;
  for (const p of Object.values(pending)) {
    if (!running.has(p.synchronizerId) && dueAt(p) <= now) {
      due.push(p);
      continue;
    }
    rest[p.synchronizerId] = p;
    // A running one is looked at again once its own time has come, at the earliest now.
    const at = Math.max(dueAt(p), now);
    if (nextCheckAt === null || at < nextCheckAt) nextCheckAt = at;
  }
  due.sort((a, b) => a.firstAt - b.firstAt || a.synchronizerId.localeCompare(b.synchronizerId));
  return { due, pending: rest, nextCheckAt };
}
