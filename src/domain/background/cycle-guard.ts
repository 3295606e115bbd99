/**
 * The cycle guard of one structure. Two synchronizers configured against each other (an Agile one
 * ordering by rank and a Links one placing by links, say) undo each other's changes forever, each
 * change an event that triggers the other. Structure stopped such loops but let the next user action
 * start them again, inflating the history (reference §6); here a stop is kept on the synchronizers
 * until someone with control enables them again.
 *
 * A round is a background run that changed something (the forest or Jira) right after a change by a
 * *different* synchronizer, with no user change in between. A run that changes nothing ends the chain
 * (the synchronizers agree now); so does a user change. A synchronizer changing things twice in a row
 * is not a round: a filter import catching time-based JQL every hour is not a loop.
 */
export interface CycleGuardState {
  readonly rounds: number;
  /** The synchronizer whose change is the latest in the chain. */
  readonly lastBy: string | null;
  /** Synchronizers that changed something in this chain, in order of first change, with how many changes. */
  readonly participants: readonly { readonly synchronizerId: string; readonly changes: number }[];
  /** Which sides were changed in this chain, for the stop reason. */
  readonly sides: readonly ('forest' | 'jira')[];
}

export const IDLE_GUARD: CycleGuardState = { rounds: 0, lastBy: null, participants: [], sides: [] };

export type GuardEvent =
  /** A forest edit by a person, or a Jira event that is not self-generated. */
  | { readonly kind: 'user-change' }
  /** A background run finished; `changed` says whether it wrote anything, `side` where. */
  | {
      readonly kind: 'sync-run';
      readonly synchronizerId: string;
      readonly changed: boolean;
      readonly side: 'forest' | 'jira';
    };

export interface GuardStopDecision {
  /**
   * The synchronizers that kept changing things: those with more than one change in the chain (one
   * that joined a cascade once is not part of the loop), or all of them if fewer than two did.
   */
  readonly synchronizerIds: readonly string[];
  readonly rounds: number;
  readonly reason: string;
}

export interface GuardOptions {
  /** Rounds before the stop; default 10. */
  readonly maxRounds?: number;
  /** Names for the reason (e.g. "Agile (board SCRUM)"); the id when missing. */
  readonly labelOf?: (synchronizerId: string) => string;
}

export const DEFAULT_MAX_ROUNDS = 10;

/** The next state, and a stop when the chain reached the limit (the state then starts over). */
export function recordGuardEvent(
  state: CycleGuardState,
  event: GuardEvent,
  options: GuardOptions = {},
): { state: CycleGuardState; stop?: GuardStopDecision } {
  if (event.kind === 'user-change') return { state: IDLE_GUARD };
  if (!event.changed) return { state: IDLE_GUARD };
  const id = event.synchronizerId;
  const rounds = state.lastBy !== null && state.lastBy !== id ? state.rounds + 1 : state.rounds;
  const participants = state.participants.some((p) => p.synchronizerId === id)
    ? state.participants.map((p) => (p.synchronizerId === id ? { synchronizerId: id, changes: p.changes + 1 } : p))
    : [...state.participants, { synchronizerId: id, changes: 1 }];
  const sides = state.sides.includes(event.side) ? state.sides : [...state.sides, event.side];
  const next: CycleGuardState = { rounds, lastBy: id, participants, sides };
  const maxRounds = options.maxRounds ?? DEFAULT_MAX_ROUNDS;
  if (rounds < maxRounds) return { state: next };
  const label = options.labelOf ?? ((s: string) => s);
  const repeaters = participants.filter((p) => p.changes > 1);
  const looping = (repeaters.length >= 2 ? repeaters : participants).map((p) => p.synchronizerId);
  const names = looping.map((p) => `“${label(p)}”`);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const where = sides.length === 2 ? 'the structure and Jira' : sides[0] === 'forest' ? 'the structure' : 'Jira';
  const reason =
    `Background sync stopped: ${list} kept undoing each other's changes in ${where} — ${rounds} rounds with no change by a user in between. ` +
    `Check their parameters, then enable them again.`;
  return { state: IDLE_GUARD, stop: { synchronizerIds: looping, rounds, reason } };
}
