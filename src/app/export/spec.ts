// What a synchronizer provides to export (src/synchronizers/<key>/export.ts): what only Jira can tell
// before the job (the rank field), the steps that read Jira, and the pure planner that turns the
// structure and what was read into rank, parent and link changes. Everything else — the job, writing,
// refusals, the change log, revert — is the export machinery's, the same for every synchronizer.
import type { ExportPlan } from '../../domain/export';
import type { Forest, IssueId } from '../../domain/forest';
import type { IssueFacts } from '../../domain/jira';
import type { JiraClient } from '../../jira';
import type { GatherCursor } from '../../storage';
import type { Invocation } from '../invocation';
import type { CompactFact } from './facts';

/** One call's worth of what an export read. */
export interface GatherPage {
  facts: CompactFact[];
  /** Ids in Jira's rank order (a board's order). */
  order?: number[];
  match?: { which: 'parent' | 'child'; ids: number[] };
}

export interface GatherContext<P = unknown> {
  params: P;
  /** The structure's issue ids, sorted, each once. */
  structureIds: readonly number[];
  /** Ids an earlier step already gave facts for (skipped by the facts step). */
  orderKnown: ReadonlySet<number>;
  rankField: string;
}

/** Where a step continues within itself; `done` moves on to the next step. */
export interface GatherUnit {
  page: GatherPage;
  done: boolean;
  at?: Omit<GatherCursor, 'step'>;
}

/** One kind of read: it makes one Jira call a run and says where it continues. */
export type GatherStep<P = unknown> = (
  jira: JiraClient,
  ctx: GatherContext<P>,
  at: Omit<GatherCursor, 'step'>,
) => Promise<GatherUnit>;

/** What only Jira can tell before an export: the field ranks are read from and written to. */
export interface ExportPrepared {
  rankField: string;
  /** Numeric id for rank calls. */
  rankFieldId?: number;
}

/** The planner's input, in domain terms: no Jira shapes. */
export interface ExportPlanInput<P> {
  params: P;
  forest: Forest;
  facts: ReadonlyMap<IssueId, IssueFacts>;
  /** Jira's rank order, when a step read one. */
  order?: readonly IssueId[];
  parentMatch?: ReadonlySet<IssueId>;
  childMatch?: ReadonlySet<IssueId>;
  issueTypeNames: ReadonlyMap<string, string>;
  /** Names people read instead of ids (see SynchronizerModule.names). */
  names: Readonly<Record<string, string>>;
  /**
   * Issues whose status the job could not change while writing, with why. A planner of statuses keeps
   * them where they are and plans the rest again around them (the write stage asks after each refusal).
   */
  held?: ReadonlyMap<IssueId, string>;
}

export interface ExportPlanned {
  plan: ExportPlan;
  /** The structure's order and Jira's, for rank changes. */
  structureOrder?: IssueId[];
  jiraOrder?: IssueId[];
  warnings: string[];
}

export interface ExportSpec<P> {
  prepare?(inv: Invocation, params: P): Promise<ExportPrepared>;
  gather(params: P): ReadonlyArray<GatherStep<P>>;
  plan(input: ExportPlanInput<P>): ExportPlanned;
  /** Words the job's plan line adds after "links", e.g. ` of type “Blocks”`. */
  linksWording?(params: P, names: Readonly<Record<string, string>>): string;
  /**
   * The planner needs only facts (no board order, no matches), so a run may start from what an earlier
   * run with the same parameters read and read again only the issues updated since (`incremental.ts`).
   */
  incremental?: boolean;
}
