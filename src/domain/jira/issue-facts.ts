// What synchronizers know about Jira issues: the few facts the runner fetched as the importing user,
// in domain terms (numeric ids), with no REST shapes. Shared by import and export planners.
import type { IssueId } from '../forest';

/** A link as Jira stores it: "<inwardId> <linkType.outward> <outwardId>", e.g. A blocks B → inward A, outward B. */
export interface LinkFact {
  readonly linkId: string;
  readonly linkTypeId: string;
  readonly inwardId: IssueId;
  readonly outwardId: IssueId;
}

export interface IssueFacts {
  readonly id: IssueId;
  readonly key: string;
  readonly projectKey: string;
  readonly issueTypeId: string;
  /** Jira's hierarchy level: -1 sub-task, 0 standard, 1 epic, 2+ custom levels above epic. */
  readonly hierarchyLevel: number;
  /** The unified parent field (sub-task → parent, story → epic, epic → initiative...), null when none. */
  readonly parentId?: IssueId | null;
  /** Sub-tasks in Jira's order, only those visible to the user. Present when the runner fetched `subtasks`. */
  readonly subtaskIds?: readonly IssueId[];
  /** Lexicographically ordered rank string; present when the runner fetched the rank field. */
  readonly rank?: string;
  /** Links visible to the user, both directions. Present when the runner fetched `issuelinks`. */
  readonly links?: readonly LinkFact[];
  /** The issue's workflow status; present when the runner fetched `status`. */
  readonly status?: StatusFact;
  /** The resolution's name, when the issue has one (fetched with `resolution`). */
  readonly resolution?: string;
}

/** A workflow status as an issue holds it: Jira's id, its name, and whether its category is Done. */
export interface StatusFact {
  readonly id: string;
  readonly name: string;
  /** Jira's status category is `done`: reaching it may set a resolution (Resolve issues). */
  readonly done: boolean;
}

/** Issues by id: everything a planner may look up. An id missing here is unknown or not visible. */
export type IssueFactsById = ReadonlyMap<IssueId, IssueFacts>;

export interface LinkTypeFacts {
  readonly id: string;
  readonly name: string;
  readonly inward: string;
  readonly outward: string;
}
