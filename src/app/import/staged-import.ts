// What an import is made of, for every synchronizer: checks before the job exists (`resolve`), fetch
// stages (bulkfetch of the forest's issues, a JQL search, level-by-level children...), the planner's data
// from the pages they wrote, and the visibility questions its planner may ask. Each fetch unit makes a
// few Jira calls and returns one page of job data; the import job (job-kind.ts) runs them on the job
// engine, then the visibility stage (the questions no page answers, 1000 ids a call), then the apply.
import type { Forest, IssueId } from '../../domain/forest';
import type { ImportPlan, Synchronizer } from '../../domain/synchronizers/types';
import { mapInLanes, type JiraClient } from '../../jira';
import type { ImportPreview } from '../../contract';
import type { ImportBase, ImportReadMark, ImportResolved } from '../../storage';
import type { Invocation } from '../invocation';
import { visibleInBatch, visibleIssueIds, VISIBILITY_BATCH } from '../visibility';
import { visibilityOf, type FactsPage } from './facts';

/** Jira calls one unit makes one after another at most: a unit lasts a few of Jira's latencies. */
export const CALLS_PER_UNIT = 3;

/**
 * Jira calls a unit of a stage whose calls do not depend on each other makes at most: CALLS_PER_UNIT in
 * each of the client's lanes, so the unit takes as long as CALLS_PER_UNIT calls one after another.
 */
export const parallelCallsPerUnit = <P>(ctx: FetchContext<P>): number =>
  Math.max(1, Math.min(CALLS_PER_UNIT * (ctx.jira.lanes?.max ?? 1), ctx.callsLeft ?? Infinity));

/** Searches a unit reads side by side, each CALLS_PER_UNIT pages at most: the lanes, within `callsLeft`. */
export const parallelSearchesPerUnit = <P>(ctx: FetchContext<P>): number =>
  Math.max(1, Math.floor(parallelCallsPerUnit(ctx) / CALLS_PER_UNIT));

/**
 * Up to CALLS_PER_UNIT pages of one token-paginated search, from `token`: the pages in order, and the
 * token where the next unit goes on (undefined: the search is done). Pages of one search follow each
 * other; searches side by side each make their own.
 */
export async function unitPages<T extends { nextPageToken?: string }>(
  token: string | undefined,
  page: (token: string | undefined) => Promise<T>,
): Promise<{ pages: T[]; token: string | undefined }> {
  const pages: T[] = [];
  let next = token;
  for (let call = 0; call < CALLS_PER_UNIT; call++) {
    const answer = await page(next);
    pages.push(answer);
    next = answer.nextPageToken;
    if (!next) break;
  }
  return { pages, token: next };
}

export type Cursor = Record<string, unknown>;

/** What a stage sees: Jira as the user, the parameters, the job's resolved values, the pages so far, the forest. */
export interface FetchContext<P> {
  jira: JiraClient;
  params: P;
  resolved: ImportResolved;
  pages: readonly FactsPage[];
  forest: () => Promise<Forest>;
  /** Per-invocation memo for what a stage derives from the pages (cleared when a page is added). */
  memo: Map<string, unknown>;
  /** Jira calls the caller can still afford (a preview's budget); no bound when absent. */
  callsLeft?: number;
  /** The invocation's clock (Date.now when absent). */
  now?: () => number;
  /** Who the import reads Jira as: a base is only used by the user who read it. */
  accountId?: string;
  /** The base an incremental import may start from (absent in previews: they read in full). */
  base?: () => Promise<ImportBase | undefined>;
  /** Issues Jira's events said were deleted at or after `since` (ms); absent in previews. */
  deletedSince?: (since: number) => Promise<IssueId[]>;
  /** How this run reads, as its stages decided so far (incremental.ts). */
  read?: ImportReadMark;
}

export interface FetchUnit {
  /** What this unit fetched (written as the next job data page). */
  page?: FactsPage;
  /** More pages after `page`, for a unit whose answer is naturally several (a merge's carried members). */
  pages?: FactsPage[];
  /** Where the stage continues; ignored when `done`. */
  cursor?: Cursor;
  done: boolean;
  /** Issues fetched, for the job's progress. */
  fetched?: number;
  /**
   * How far the stage is, when it knows its total (the forest's issues, a count, a round's ids): the job
   * page then shows a determinate bar. Counted in the stage's own unit (issues read, ids asked).
   */
  progress?: { done: number; total: number };
  /** A line for the job log when the stage ends. */
  note?: string;
  /** What Jira warned about while answering (logged as warnings, shown in previews). */
  warnings?: string[];
  /** Lines for the job log at once (the note waits for the stage's end). */
  info?: string[];
  /** What this unit decided about how the run reads (merged into the checkpoint's). */
  read?: ImportReadMark;
}

export interface FetchStage<P> {
  /** Unique among the import's stages: the job records which one it is in. */
  readonly name: string;
  /** Progress phase shown while it runs, e.g. "searching Jira". */
  readonly phase: string;
  /** The stage never reads earlier pages: they are not loaded for it (each KVS read counts against an invocation's requests). */
  readonly withoutPages?: boolean;
  run(ctx: FetchContext<P>, cursor: Cursor | undefined): Promise<FetchUnit>;
}

export interface ImportSpec<P, D> {
  synchronizer: Synchronizer<P, D>;
  /** As the starting user, before a job exists: every check that can fail fast, with errors naming the parameter. */
  resolve(inv: Invocation, params: P): Promise<ImportResolved>;
  stages(params: P, resolved: ImportResolved): FetchStage<P>[];
  /** The planner's data from the pages. */
  data(pages: readonly FactsPage[], params: P, resolved: ImportResolved): D;
  /** The issues the planner may ask `visible` about that the data does not answer (the domain's own list). */
  questions(forest: Forest, params: P, data: D): IssueId[];
  /** Parameters for a preview that could not read everything: nothing that removes rows on partial data. */
  partialParams?(params: P): P;
  /** A preview of its own instead of running the stages within a resolver's budget (staged-preview.ts). */
  preview?(inv: Invocation, request: PreviewRequest<P>): Promise<ImportPreview>;
  /**
   * An import that can read only what changed since its last successful run (incremental.ts): its
   * stages decide, and this says what the next run starts from.
   */
  incremental?: IncrementalImport<P>;
}

export interface IncrementalImport<P> {
  /** The members this run read (the next run's base), from the pages; undefined: keep no base. */
  members(pages: readonly FactsPage[], params: P, resolved: ImportResolved): Iterable<IssueId> | undefined;
}

export interface PreviewRequest<P = unknown> {
  structureId: string;
  /** Parameters already validated with the synchronizer's schema. */
  params: P;
  resolved: ImportResolved;
}

export const VISIBILITY_PHASE = 'checking which issues you can see';

/** The visibility stage every staged import ends with: asks Jira about the planner's open questions, 1000 ids a call. */
export function visibilityStage<P, D>(spec: ImportSpec<P, D>): FetchStage<P> {
  return {
    name: 'visibility',
    phase: VISIBILITY_PHASE,
    async run(ctx) {
      const pending = openQuestions(spec, ctx.params, ctx.resolved, ctx.pages, await ctx.forest(), ctx.memo);
      if (pending.length === 0) return { done: true };
      const asked = pending.slice(0, VISIBILITY_BATCH * parallelCallsPerUnit(ctx));
      const batches: number[][] = [];
      for (let i = 0; i < asked.length; i += VISIBILITY_BATCH) batches.push(asked.slice(i, i + VISIBILITY_BATCH));
      const visible = (await mapInLanes(batches, (batch) => visibleInBatch(ctx.jira, batch))).flat();
      // What earlier units asked plus what is still open: the stage's total, known from its first unit.
      const before = ctx.pages.reduce((n, p) => n + (p.stage === 'visibility' ? (p.asked?.length ?? 0) : 0), 0);
      return {
        page: { stage: 'visibility', asked, visible },
        done: asked.length === pending.length,
        progress: { done: before + asked.length, total: before + pending.length },
      };
    },
  };
}

/** The planner's questions about this forest that no page answers yet, in ascending id order. */
export function openQuestions<P, D>(
  spec: ImportSpec<P, D>,
  params: P,
  resolved: ImportResolved,
  pages: readonly FactsPage[],
  forest: Forest,
  memo: Map<string, unknown>,
): IssueId[] {
  const data = dataOf(spec, params, resolved, pages, memo);
  const { seen, asked } = visibilityOf(pages);
  return spec
    .questions(forest, params, data)
    .filter((id) => !seen.has(id) && !asked.has(id))
    .sort((a, b) => a - b);
}

function dataOf<P, D>(
  spec: ImportSpec<P, D>,
  params: P,
  resolved: ImportResolved,
  pages: readonly FactsPage[],
  memo: Map<string, unknown>,
): D {
  const key = `data:${pages.length}`;
  if (!memo.has(key)) {
    for (const k of [...memo.keys()]) if (k.startsWith('data:')) memo.delete(k);
    memo.set(key, spec.data(pages, params, resolved));
  }
  return memo.get(key) as D;
}

/**
 * Plans against `forest` with what the pages say. Issues the planner may ask about that no page
 * answers (rows added to the structure since the visibility stage) are checked now; usually none.
 * A partial preview (`unanswered: 'hidden'`) does not ask: it treats them as hidden, so it never
 * shows a change to a row the user might not see.
 */
export async function planStaged<P, D>(
  spec: ImportSpec<P, D>,
  jira: JiraClient,
  params: P,
  resolved: ImportResolved,
  pages: readonly FactsPage[],
  forest: Forest,
  memo: Map<string, unknown>,
  unanswered: 'ask' | 'hidden' = 'ask',
): Promise<ImportPlan> {
  const data = dataOf(spec, params, resolved, pages, memo);
  const { hidden } = visibilityOf(pages);
  const late = openQuestions(spec, params, resolved, pages, forest, memo);
  if (unanswered === 'hidden') for (const id of late) hidden.add(id);
  else if (late.length > 0) {
    const seen = await visibleIssueIds(jira, late);
    for (const id of late) if (!seen.has(id)) hidden.add(id);
  }
  if (!spec.synchronizer.planImport) throw new Error(`${spec.synchronizer.label} has no import planner`);
  // Every question was answered above; what the planner was not told to ask about is visible (domain contract).
  return spec.synchronizer.planImport({ forest, params, data, visible: (id) => !hidden.has(id) });
}

/** A KVS value holds at most 240 KiB: a page whose issues carry many links is stored as several. */
export const PAGE_MAX_BYTES = 200_000;

export function splitPage(page: FactsPage): FactsPage[] {
  const ids = page.ids ?? [];
  // A merged ids page (an incremental read's members) can exceed a value too; each part keeps the order.
  if (ids.length > 1 && page.issues === undefined && JSON.stringify(page).length > PAGE_MAX_BYTES) {
    const half = Math.ceil(ids.length / 2);
    return [
      ...splitPage({ ...page, ids: ids.slice(0, half) }),
      ...splitPage({ stage: page.stage, round: page.round, ids: ids.slice(half) }),
    ];
  }
  const issues = page.issues ?? [];
  if (issues.length <= 1 || JSON.stringify(page).length <= PAGE_MAX_BYTES) return [page];
  const half = Math.ceil(issues.length / 2);
  // The ids asked about stay with the first part: visibility reads every page together.
  return [
    ...splitPage({ ...page, issues: issues.slice(0, half) }),
    ...splitPage({ stage: page.stage, round: page.round, issues: issues.slice(half) }),
  ];
}
