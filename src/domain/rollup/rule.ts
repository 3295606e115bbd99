// Status Rollup's rule, as Structure documents it: a parent takes the *earliest* status of the ordered
// list among its direct children's statuses; a child in a status outside the list leaves the parent alone.

/** What decides whether a parent's status is rolled up, and to what. Status ids are Jira's ("10001"). */
export interface RollupRule {
  /** Statuses rolled up, earliest first. */
  readonly statuses: readonly string[];
  /** Projects whose issues may be rolled up, checked on the parent only. Undefined: every project. */
  readonly parentProjects?: ReadonlySet<string>;
  /** Issue types that may be rolled up, checked on the parent only. Undefined: every type. */
  readonly parentIssueTypes?: ReadonlySet<string>;
}

/** What one parent row's direct children ask of it. */
export type RowVerdict =
  | { readonly kind: 'target'; readonly statusId: string }
  /** A child's status is not in the list: the parent is left as it is. */
  | { readonly kind: 'unlisted'; readonly childIndex: number; readonly statusId: string };

/**
 * The status the children's statuses roll up to. `childStatuses` must not be empty: a row with no
 * children has no say (Structure rolls up parents only).
 */
export function rolledUpStatus(rule: RollupRule, childStatuses: readonly string[]): RowVerdict {
  if (childStatuses.length === 0) throw new RangeError('A rollup needs at least one child');
  let earliest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < childStatuses.length; i++) {
    const position = rule.statuses.indexOf(childStatuses[i]);
    if (position < 0) return { kind: 'unlisted', childIndex: i, statusId: childStatuses[i] };
    if (position < earliest) earliest = position;
  }
  return { kind: 'target', statusId: rule.statuses[earliest] };
}

/** Whether the rule may change this parent at all (its own project and type; children may be anything). */
export function isRolledUp(rule: RollupRule, parent: { projectKey: string; issueTypeId: string }): boolean {
  if (rule.parentProjects !== undefined && !rule.parentProjects.has(parent.projectKey)) return false;
  if (rule.parentIssueTypes !== undefined && !rule.parentIssueTypes.has(parent.issueTypeId)) return false;
  return true;
}
