// Status changes an export writes through Jira's workflows. Unlike a parent or a link, a status cannot be
// set: the job must find, when it writes, a transition Jira offers from the issue's current status to the
// target, among those the synchronizer allows. So the plan carries the target and the policy that picks
// the transition, and the choice itself (src/domain/rollup/transition.ts) happens against Jira's answer.
import type { IssueId } from '../forest';
import type { StatusFact } from '../jira';

export interface StatusChange {
  readonly issueId: IssueId;
  readonly from: StatusFact;
  readonly to: StatusFact;
  /**
   * The job sends a resolution with the transition (a Done target, and the synchronizer names one). Jira
   * guards setting it with Resolve issues; without that permission a transition still works, Jira just
   * hides the field, so only these changes need it.
   */
  readonly withResolution?: boolean;
}

/**
 * How the job picks a transition for each change. There is no "send notifications" switch: Jira Cloud's
 * transition call (POST /issue/{id}/transitions) has no `notifyUsers`, so the workflow's notification
 * scheme decides, and a switch here would promise what Jira does not do.
 */
export interface TransitionPolicy {
  /** Transition names allowed to reach a status, by the status's id; missing or empty: any transition. */
  readonly allowed: Readonly<Record<string, readonly string[]>>;
  /** The resolution for transitions whose screen asks for one; otherwise the current or the default. */
  readonly resolution?: string;
}

export interface StatusSkip {
  readonly issueId: IssueId;
  readonly reason: string;
}

export interface StatusExportPlan {
  /** In the order they must be written: an issue's change after those of the issues it depends on. */
  readonly changes: readonly StatusChange[];
  readonly policy: TransitionPolicy;
  /** Issues the synchronizer looked at and leaves alone, with why. */
  readonly skipped: readonly StatusSkip[];
  readonly unchanged: number;
}
