import { Forest, IssueId } from '../../domain/forest';
import { PlacementModel, planPlacement, placementVisibilityQuestions } from '../../domain/synchronizers/placement';
import { ImportPlan } from '../../domain/synchronizers/types';
import { SubtasksImportData } from './data';
import { SubtasksParams } from './params';

export interface SubtasksImportInput {
  readonly forest: Forest;
  readonly params: SubtasksParams;
  readonly data: SubtasksImportData;
  readonly visible: (issueId: IssueId) => boolean;
}

/** Sub-tasks under their parents: the model `planPlacement` follows. */
export function subtasksModel(forest: Forest, params: SubtasksParams, data: SubtasksImportData): PlacementModel {
  const parentOf = new Map<IssueId, IssueId>();
  const childrenOf = new Map<IssueId, readonly IssueId[]>();
  for (const facts of data.issues.values()) {
    const subtasks = dedupe(facts.subtaskIds ?? []);
    if (subtasks.length === 0) continue;
    childrenOf.set(facts.id, subtasks);
    for (const s of subtasks) parentOf.set(s, facts.id);
  }
  return {
    childrenOf: (parent) => childrenOf.get(parent) ?? [],
    belongsUnder: (parent, child) => parentOf.get(child) === parent,
    roots: null,
    isRoot: () => false,
    mayAdd: (issueId) => params.addMissing || forest.rowsOfIssue(issueId).length > 0,
    levels: Infinity,
    keyOf: (issueId) => data.issues.get(issueId)?.key ?? String(issueId),
  };
}

/**
 * Plans one Sub-tasks import (Structure for Jira's Sub-Tasks synchronizer, reference §1.5).
 *
 * - Every visible row of an issue with sub-tasks gets them directly under it, in Jira's sub-task
 *   order, after nothing it does not manage: its other children keep their places.
 * - A sub-task that sits elsewhere (at the top level, or under an issue that is not its parent) is
 *   moved under its parent's row, with whatever is under it.
 * - An issue that appears in several rows gets its sub-tasks under each of them (Structure's rule:
 *   the same issue may sit in several places, and each place shows its sub-tasks). A sub-task that is
 *   already in the structure gets a new row under the parent rows that lack it; one that is not in it
 *   is added only with `addMissing`.
 * - Sub-tasks whose parent is not in the structure, or only in rows the user cannot see, are left
 *   where they are; nothing is ever removed.
 * Hidden rows (an issue the user cannot see, and everything under it) are never touched: see
 * `planPlacement`.
 */
export function planSubtasksImport(input: SubtasksImportInput): ImportPlan {
  return planPlacement(input.forest, subtasksModel(input.forest, input.params, input.data), input.visible);
}

/**
 * Every issue `planSubtasksImport` may ask `visible` about that is not in `data` (those are visible):
 * rows of parents and sub-tasks and their ancestors. A runner that bulk-fetched every issue of the
 * forest already knows all the answers and does not need this.
 */
export function subtasksImportVisibilityQuestions(input: Omit<SubtasksImportInput, 'visible'>): IssueId[] {
  const { forest, data } = input;
  const parents: IssueId[] = [];
  const children: IssueId[] = [];
  for (const facts of data.issues.values()) {
    if ((facts.subtaskIds ?? []).length === 0) continue;
    parents.push(facts.id);
    children.push(...(facts.subtaskIds ?? []));
  }
  const listed = new Set(children);
  return placementVisibilityQuestions(forest, parents, children, (id) => data.issues.has(id) || listed.has(id));
}

function dedupe(ids: readonly IssueId[]): IssueId[] {
  return [...new Set(ids)];
}
