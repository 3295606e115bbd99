// Which workflow transition takes a parent to its rolled-up status. Jira lists, per issue, the transitions
// available from its current status; Status Rollup may use only those the user allowed for the target.

/** A transition as Jira offers it for one issue (GET /issue/{id}/transitions with fields expanded). */
export interface AvailableTransition {
  readonly id: string;
  readonly name: string;
  readonly toStatusId: string;
  /** The transition's screen has the resolution field. */
  readonly hasResolution: boolean;
  readonly resolutionRequired: boolean;
  /** The field's default, when Jira names one. */
  readonly defaultResolution?: string;
}

export interface TransitionChoiceInput {
  readonly available: readonly AvailableTransition[];
  readonly targetStatusId: string;
  /**
   * Transition names allowed to reach the target, in order of preference (names, because ids differ
   * from one workflow to another). Undefined or empty: any transition that reaches it.
   */
  readonly allowed?: readonly string[];
  /** The resolution the user chose for transitions that ask for one. */
  readonly resolution?: string;
  /** The current resolution, the next choice. */
  readonly currentResolution?: string;
  /** Status names for reasons. */
  readonly statusName?: (statusId: string) => string;
}

export type TransitionChoice =
  | { readonly ok: true; readonly transitionId: string; readonly name: string; readonly resolution?: string }
  | { readonly ok: false; readonly reason: string };

export function chooseTransition(input: TransitionChoiceInput): TransitionChoice {
  const name = input.statusName ?? ((id: string) => id);
  const reaching = input.available.filter((t) => t.toStatusId === input.targetStatusId);
  if (reaching.length === 0) {
    return { ok: false, reason: `no transition from its status reaches ${name(input.targetStatusId)}` };
  }
  const allowed = input.allowed ?? [];
  let transition: AvailableTransition | undefined;
  if (allowed.length === 0) {
    transition = reaching[0];
  } else {
    for (const wanted of allowed) {
      transition = reaching.find((t) => t.name.toLowerCase() === wanted.toLowerCase());
      if (transition !== undefined) break;
    }
    if (transition === undefined) {
      const names = reaching.map((t) => `"${t.name}"`).join(', ');
      return {
        ok: false,
        reason: `only ${names} reach${reaching.length === 1 ? 'es' : ''} ${name(input.targetStatusId)}, and it is not allowed`,
      };
    }
  }
  if (!transition.hasResolution) return { ok: true, transitionId: transition.id, name: transition.name };
  const resolution = input.resolution ?? input.currentResolution ?? transition.defaultResolution;
  if (resolution === undefined && transition.resolutionRequired) {
    return {
      ok: false,
      reason: `"${transition.name}" asks for a resolution, and none is set: choose one in the synchronizer`,
    };
  }
  return { ok: true, transitionId: transition.id, name: transition.name, ...(resolution ? { resolution } : {}) };
}
