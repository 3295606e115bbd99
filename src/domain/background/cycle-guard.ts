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
 *
 * A change in Jira by another app's account — an automation rule runs as "Automation for Jira", an
 * account of type `app` — is no user change: a rule that sets a parent back to In Progress whenever Status
 * Rollup moves it to Done would otherwise reset the guard every round and loop forever. Such an actor joins
 * the chain as a participant, as a synchronizer would; it is named in the reason and never stopped (it is
 * not ours to stop).
 */
export interface CycleGuardState {
  readonly rounds: number;
  /** The synchronizer whose change is the latest in the chain. */
  readonly lastBy: string | null;
  /** Synchronizers that changed something in this chain, in order of first change, with how many changes. */
  readonly participants: readonly {
    readonly synchronizerId: string;
    readonly changes: number;
    /** Set for another app's account (`app:<accountId>`): how the reason names it. */
    readonly label?: string;
  }[];
  /** Which sides were changed in this chain, for the stop reason. */
  readonly sides: readonly ('forest' | 'jira')[];
}

export const IDLE_GUARD: CycleGuardState = { rounds: 0, lastBy: null, participants: [], sides: [] };

export type GuardEvent =
  /** A forest edit by a person, or a Jira change by a person's account. */
  | { readonly kind: 'user-change' }
  /** A Jira change by another app's account (an automation rule, another app): part of the chain. */
  | { readonly kind: 'app-change'; readonly accountId: string; readonly name: string }
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
   * that joined a cascade once is not part of the loop), or all of them if fewer than two did. Never
   * another app's account: only synchronizers are stopped.
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

const APP_PREFIX = 'app:';
/** The participant id of another app's account. */
export const appParticipantId = (accountId: string): string => `${APP_PREFIX}${accountId}`;
const isApp = (participantId: string): boolean => participantId.startsWith(APP_PREFIX);

/** The next state, and a stop when the chain reached the limit (the state then starts over). */
export function recordGuardEvent(
  state: CycleGuardState,
  event: GuardEvent,
  options: GuardOptions = {},
): { state: CycleGuardState; stop?: GuardStopDecision } {
  if (event.kind === 'user-change') return { state: IDLE_GUARD };
  if (event.kind === 'sync-run' && !event.changed) return { state: IDLE_GUARD };
  const id = event.kind === 'app-change' ? appParticipantId(event.accountId) : event.synchronizerId;
  const side = event.kind === 'app-change' ? 'jira' : event.side;
  const rounds = state.lastBy !== null && state.lastBy !== id ? state.rounds + 1 : state.rounds;
  const participants = state.participants.some((p) => p.synchronizerId === id)
    ? state.participants.map((p) => (p.synchronizerId === id ? { ...p, changes: p.changes + 1 } : p))
    : [
        ...state.participants,
        event.kind === 'app-change'
          ? { synchronizerId: id, changes: 1, label: event.name }
          : { synchronizerId: id, changes: 1 },
      ];
  const sides = state.sides.includes(side) ? state.sides : [...state.sides, side];
  const next: CycleGuardState = { rounds, lastBy: id, participants, sides };
  const maxRounds = options.maxRounds ?? DEFAULT_MAX_ROUNDS;
  if (rounds < maxRounds) return { state: next };
  const label = options.labelOf ?? ((s: string) => s);
  const nameOf = (p: CycleGuardState['participants'][number]): string =>
    isApp(p.synchronizerId)
      ? `the automation rule or app acting as “${p.label ?? p.synchronizerId}”`
      : `“${label(p.synchronizerId)}”`;
  const repeaters = participants.filter((p) => p.changes > 1);
  const looping = repeaters.length >= 2 ? repeaters : participants;
  const ours = looping.filter((p) => !isApp(p.synchronizerId));
  const stopped = (ours.length > 0 ? ours : participants.filter((p) => !isApp(p.synchronizerId))).map(
    (p) => p.synchronizerId,
  );
  const names = looping.map(nameOf);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const where = sides.length === 2 ? 'the structure and Jira' : sides[0] === 'forest' ? 'the structure' : 'Jira';
  const advice = looping.some((p) => isApp(p.synchronizerId))
    ? "Check the synchronizer's parameters and the rule, then enable it again."
    : 'Check their parameters, then enable them again.';
  const reason =
    `Background sync stopped: ${list} kept undoing each other's changes in ${where} — ${rounds} rounds with no change by a user in between. ` +
    advice;
  return { state: IDLE_GUARD, stop: { synchronizerIds: stopped, rounds, reason } };
}
