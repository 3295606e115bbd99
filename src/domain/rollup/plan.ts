import { isFolder, type Forest, type IssueId } from '../forest';
import { isRolledUp, rolledUpStatus, RollupRule } from './rule';

/** What the planner knows of one issue the exporting user can see. */
export interface RollupIssueFacts {
  readonly key: string;
  readonly projectKey: string;
  readonly issueTypeId: string;
  readonly statusId: string;
}

export interface RollupInput {
  readonly forest: Forest;
  /** Issues the exporting user can see. A missing issue is hidden: never written, and it blocks its parents. */
  readonly facts: ReadonlyMap<IssueId, RollupIssueFacts>;
  readonly rule: RollupRule;
  /**
   * Parents that keep their status whatever their children say, with why: the job found no allowed
   * transition to their target. Planning again with them held makes their own parents count their
   * current status, which is what Jira will hold.
   */
  readonly held?: ReadonlyMap<IssueId, string>;
  /** Status names by id, for reasons ("Done"); the id is used when missing. */
  readonly statusNames?: ReadonlyMap<string, string>;
}

export interface RollupChange {
  readonly issueId: IssueId;
  readonly from: string;
  readonly to: string;
}

/** A parent the rule would look at but leaves alone, with a sentence a user can act on. */
export interface RollupSkip {
  readonly issueId: IssueId;
  readonly reason: string;
}

export interface RollupPlan {
  /** Bottom-up: every change comes after the changes of the issues below it, as the job must write them. */
  readonly changes: readonly RollupChange[];
  readonly skipped: readonly RollupSkip[];
  /** Rolled-up parents already in their target status. */
  readonly unchanged: number;
}

/**
 * Plans Status Rollup over a structure. Only direct children in the structure count, never Jira's
 * parent field. A parent whose status changes counts with its new status for its own parent, so the
 * whole chain settles in one run.
 *
 * An issue may sit in several rows: each of its rows with children gives a verdict, and they must
 * agree, or the issue is skipped. An issue placed under itself (through another row of it) cannot
 * settle and is skipped; so are the issues above it, which depend on it.
 */
export function planStatusRollup(input: RollupInput): RollupPlan {
  const { forest, facts, rule } = input;
  const held = input.held ?? new Map<IssueId, string>();
  const statusName = (id: string): string => input.statusNames?.get(id) ?? id;
  const keyOf = (issueId: IssueId): string => facts.get(issueId)?.key ?? String(issueId);

  // Each parent row's direct children, grouped by the parent's issue.
  const childRows = new Map<IssueId, IssueId[][]>();
  for (let i = 0; i < forest.size; i++) {
    const end = forest.subtreeEndAt(i);
    // A folder is not a parent issue, nor anyone's child: it has no status.
    if (end === i + 1 || isFolder(forest.issueIdAt(i))) continue;
    const children: IssueId[] = [];
    const depth = forest.depthAt(i) + 1;
    for (let j = i + 1; j < end; j++)
      if (forest.depthAt(j) === depth && !isFolder(forest.issueIdAt(j))) children.push(forest.issueIdAt(j));
    const issueId = forest.issueIdAt(i);
    const groups = childRows.get(issueId);
    if (groups === undefined) childRows.set(issueId, [children]);
    else groups.push(children);
  }

  // Kahn's order over "parent issue waits for its child issues that are parents too": leaves first.
  const waitingOn = new Map<IssueId, number>();
  const dependents = new Map<IssueId, IssueId[]>();
  for (const [parent, groups] of childRows) {
    const distinct = new Set<IssueId>();
    for (const children of groups) for (const child of children) if (childRows.has(child)) distinct.add(child);
    waitingOn.set(parent, distinct.size);
    for (const child of distinct) {
      const list = dependents.get(child);
      if (list === undefined) dependents.set(child, [parent]);
      else list.push(parent);
    }
  }
  const ready: IssueId[] = [];
  for (const [parent, count] of waitingOn) if (count === 0) ready.push(parent);

  const effective = new Map<IssueId, string>();
  const unsettled = new Set<IssueId>(childRows.keys());
  const statusOf = (issueId: IssueId): string | undefined => effective.get(issueId) ?? facts.get(issueId)?.statusId;

  const changes: RollupChange[] = [];
  const skipped: RollupSkip[] = [];
  let unchanged = 0;

  const decide = (parent: IssueId): void => {
    const parentFacts = facts.get(parent);
    if (parentFacts === undefined || !isRolledUp(rule, parentFacts)) return;
    const heldReason = held.get(parent);
    if (heldReason !== undefined) {
      skipped.push({ issueId: parent, reason: heldReason });
      return;
    }
    let target: string | undefined;
    for (const children of childRows.get(parent) ?? []) {
      const statuses: string[] = [];
      for (const child of children) {
        const status = statusOf(child);
        if (status === undefined) {
          skipped.push({ issueId: parent, reason: `${parentFacts.key} has children you cannot see: left as it is` });
          return;
        }
        statuses.push(status);
      }
      const verdict = rolledUpStatus(rule, statuses);
      if (verdict.kind === 'unlisted') {
        const child = keyOf(children[verdict.childIndex]);
        skipped.push({
          issueId: parent,
          reason: `${parentFacts.key} is left as it is: ${child} is in ${statusName(verdict.statusId)}, which is not rolled up`,
        });
        return;
      }
      if (target !== undefined && target !== verdict.statusId) {
        skipped.push({
          issueId: parent,
          reason: `${parentFacts.key} is in several rows whose children ask for ${statusName(target)} and ${statusName(verdict.statusId)}: left as it is`,
        });
        return;
      }
      target = verdict.statusId;
    }
    if (target === undefined) return;
    if (target === parentFacts.statusId) {
      unchanged++;
      return;
    }
    effective.set(parent, target);
    changes.push({ issueId: parent, from: parentFacts.statusId, to: target });
  };

  while (ready.length > 0) {
    const parent = ready.pop()!;
    unsettled.delete(parent);
    decide(parent);
    for (const dependent of dependents.get(parent) ?? []) {
      const left = waitingOn.get(dependent)! - 1;
      waitingOn.set(dependent, left);
      if (left === 0) ready.push(dependent);
    }
  }

  for (const parent of unsettled) {
    const parentFacts = facts.get(parent);
    if (parentFacts === undefined || !isRolledUp(rule, parentFacts)) continue;
    skipped.push({
      issueId: parent,
      reason: `${parentFacts.key} is placed under itself, or above an issue that is: its status cannot settle`,
    });
  }
  return { changes, skipped, unchanged };
}
