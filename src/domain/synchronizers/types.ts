import { z } from 'zod';
import { Forest, ForestUpdate, IssueId } from '../forest';

export type SyncDirection = 'import' | 'export';

/** What an import did, or would do, to a structure; recorded on the job and shown in previews. */
export interface ImportCounts {
  /** Rows added. */
  readonly added: number;
  /** Rows moved (each with its subtree). */
  readonly moved: number;
  /** Rows removed, counting every row of a removed subtree. */
  readonly removed: number;
  /** Issues the synchronizer wants in the structure that were already there and stay where they are. */
  readonly unchanged: number;
  /** Rows or issues left alone only because the importing user cannot see the issue. */
  readonly skippedNotVisible: number;
}

export interface ImportPlan {
  readonly update: ForestUpdate;
  readonly counts: ImportCounts;
  /** Plain-language notes for the job log (e.g. "the parent issue is not in the structure"). */
  readonly notes: readonly string[];
}

/**
 * Input of every import planner: the current forest, validated parameters, what the runner fetched
 * from Jira as the importing user (`data`, specific to each synchronizer) and a visibility test.
 * Planners are pure; the runner does all I/O.
 */
export interface ImportInput<P, D> {
  readonly forest: Forest;
  readonly params: P;
  readonly data: D;
  /** Whether the importing user can see an issue. Rows of issues they cannot see are never touched. */
  readonly visible: (issueId: IssueId) => boolean;
}

/** JSON Schema (draft 2020-12) of the parameters as a client sends them, for generating the UI form. */
export type ParameterSchema = Record<string, unknown>;

/**
 * A pluggable synchronizer. `D` is the Jira data its runner fetches for an import; each synchronizer
 * has its own (a filter's matching issues, a board's ranked issues, link graphs...).
 */
export interface Synchronizer<P = unknown, D = unknown> {
  readonly key: string;
  readonly label: string;
  readonly description: string;
  readonly directions: readonly SyncDirection[];
  readonly params: z.ZodType<P>;
  /** Derived from `params`, so the form can never drift from what the server accepts. */
  readonly parameterSchema: ParameterSchema;
  readonly planImport?: (input: ImportInput<P, D>) => ImportPlan;
}

/** Builds a descriptor, deriving the parameter schema from the zod schema. */
export function defineSynchronizer<P, D>(s: Omit<Synchronizer<P, D>, 'parameterSchema'>): Synchronizer<P, D> {
  return {
    ...s,
    parameterSchema: z.toJSONSchema(s.params, { io: 'input', unrepresentable: 'any' }) as ParameterSchema,
  };
}
