// The sub-tasks, links, agile and hierarchy imports as resumable units of work. Each synchronizer lists
// its fetch stages (bulkfetch of the forest's issues, a JQL search, level-by-level children...); every
// unit runs one bounded piece of the current stage (a few Jira calls), writes what it fetched as one
// job data page, and commits the stage and its cursor in the job's checkpoint. After the last stage of
// the synchronizer comes the visibility stage (the questions its domain planner may ask that the pages
// do not answer, 1000 ids a call), then the apply: plan with the pure planner, write with the version
// condition (import-apply.ts). A duplicate or late event loses on the job's step and changes nothing.
import type { Forest, IssueId } from '../../domain/forest';
import type { ImportPlan, Synchronizer } from '../../domain/synchronizers/types';
import type { JiraClient } from '../../jira';
import type { JobRecord, JobResolved } from '../../storage';
import { JobPagesRepository } from '../../storage/job-pages';
import { loadForest } from '../forest-store';
import { applyImport } from '../import-apply';
import type { ImportRunner, PreviewRequest } from '../import-runner';
import type { Invocation } from '../invocation';
import type { JobStep } from '../job-step';
import { validateParams } from '../params';
import { visibleInBatch, visibleIssueIds, VISIBILITY_BATCH } from '../visibility';
import { visibilityOf, type FactsPage } from './facts';
import { previewStagedImport } from './staged-preview';

/** Jira calls one unit makes at most: with a KVS page and a commit, 20 units stay near Forge's ~100 requests an invocation. */
export const CALLS_PER_UNIT = 3;

export type Cursor = Record<string, unknown>;

/** What a stage sees: Jira as the user, the parameters, the job's resolved values, the pages so far, the forest. */
export interface StageContext<P> {
  jira: JiraClient;
  params: P;
  resolved: JobResolved;
  pages: readonly FactsPage[];
  forest: () => Promise<Forest>;
  /** Per-invocation memo for what a stage derives from the pages (cleared when a page is added). */
  memo: Map<string, unknown>;
}

export interface StageUnit {
  /** What this unit fetched (written as the next job data page). */
  page?: FactsPage;
  /** Where the stage continues; ignored when `done`. */
  cursor?: Cursor;
  done: boolean;
  /** Issues fetched, for the job's progress. */
  fetched?: number;
  /** A line for the job log when the stage ends. */
  note?: string;
}

export interface Stage<P> {
  /** Progress phase shown while it runs, e.g. "searching Jira". */
  readonly phase: string;
  /** The stage never reads earlier pages: they are not loaded for it (each KVS read counts against an invocation's requests). */
  readonly withoutPages?: boolean;
  run(ctx: StageContext<P>, cursor: Cursor | undefined): Promise<StageUnit>;
}

export interface StagedImport<P, D> {
  synchronizer: Synchronizer<P, D>;
  /** As the starting user, before a job exists: every check that can fail fast, with errors naming the parameter. */
  resolve(inv: Invocation, params: P): Promise<JobResolved>;
  stages(params: P, resolved: JobResolved): Stage<P>[];
  /** The planner's data from the pages. */
  data(pages: readonly FactsPage[], params: P, resolved: JobResolved): D;
  /** The issues the planner may ask `visible` about that the data does not answer (the domain's own list). */
  questions(forest: Forest, params: P, data: D): IssueId[];
  /** Parameters for a preview that could not read everything: nothing that removes rows on partial data. */
  partialParams?(params: P): P;
}

export const VISIBILITY_PHASE = 'checking which issues you can see';

interface Cache {
  pages?: FactsPage[];
  forest?: Forest;
  memo?: Map<string, unknown>;
  data?: { pages: number; value: unknown };
}

/** The visibility stage every staged import ends with: asks Jira about the planner's open questions, 1000 ids a call. */
export function visibilityStage<P, D>(spec: StagedImport<P, D>): Stage<P> {
  return {
    phase: VISIBILITY_PHASE,
    async run(ctx) {
      const pending = openQuestions(spec, ctx.params, ctx.resolved, ctx.pages, await ctx.forest(), ctx.memo);
      if (pending.length === 0) return { done: true };
      const asked = pending.slice(0, VISIBILITY_BATCH * CALLS_PER_UNIT);
      const visible: number[] = [];
      for (let i = 0; i < asked.length; i += VISIBILITY_BATCH)
        visible.push(...(await visibleInBatch(ctx.jira, asked.slice(i, i + VISIBILITY_BATCH))));
      return { page: { stage: 'visibility', asked, visible }, done: asked.length === pending.length };
    },
  };
}

/** The planner's questions about this forest that no page answers yet, in ascending id order. */
export function openQuestions<P, D>(
  spec: StagedImport<P, D>,
  params: P,
  resolved: JobResolved,
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
  spec: StagedImport<P, D>,
  params: P,
  resolved: JobResolved,
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
  spec: StagedImport<P, D>,
  jira: JiraClient,
  params: P,
  resolved: JobResolved,
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
  const issues = page.issues ?? [];
  if (issues.length <= 1 || JSON.stringify(page).length <= PAGE_MAX_BYTES) return [page];
  const half = Math.ceil(issues.length / 2);
  // The ids asked about stay with the first part: visibility reads every page together.
  return [
    ...splitPage({ ...page, issues: issues.slice(0, half) }),
    ...splitPage({ stage: page.stage, round: page.round, issues: issues.slice(half) }),
  ];
}

async function pagesOf(step: JobStep, cache: Cache): Promise<FactsPage[]> {
  const count = step.job.checkpoint.pages;
  if (!cache.pages || cache.pages.length !== count) {
    cache.pages = await new JobPagesRepository(step.inv.kvsWrites).read<FactsPage>(step.job.id, 0, count);
    cache.memo = new Map();
  }
  return cache.pages;
}

/** Runs the next unit of a staged import and returns the committed job. */
export async function runStagedUnit<P, D>(spec: StagedImport<P, D>, step: JobStep, cache: Cache): Promise<JobRecord> {
  const params = validateParams(spec.synchronizer, step.job.params);
  const { resolved } = step.job;
  const cp = step.job.checkpoint;
  const stages = [...spec.stages(params, resolved), visibilityStage(spec)];
  const at = cp.stage ?? { index: 0 };
  const memo = (cache.memo ??= new Map());
  if (at.index < stages.length) {
    // A stage that reads no pages gets the ones already in memory, or none: this unit's page is kept only with the rest.
    const pages = stages[at.index].withoutPages ? (cache.pages ?? []) : await pagesOf(step, cache);
    const ctx: StageContext<P> = {
      jira: step.inv.jira,
      params,
      resolved,
      pages,
      memo,
      forest: async () => (cache.forest ??= (await loadForest(step.inv, step.job.structureId)).forest),
    };
    const unit = await stages[at.index].run(ctx, at.cursor);
    let count = cp.pages;
    for (const part of unit.page ? splitPage(unit.page) : []) {
      await new JobPagesRepository(step.inv.kvsWrites).put(step.job.id, count, part);
      pages.push(part);
      count++;
    }
    const index = unit.done ? at.index + 1 : at.index;
    const matched = cp.matched + (unit.fetched ?? 0);
    const last = index >= stages.length;
    return step.commit({
      checkpoint: {
        ...cp,
        pages: count,
        matched,
        searchDone: last,
        stage: { index, cursor: unit.done ? undefined : unit.cursor },
      },
      progress: { phase: last ? 'applying to the structure' : stages[index].phase, done: matched },
      log: unit.done && unit.note ? step.log('info', unit.note) : step.job.log,
    });
  }
  const pages = await pagesOf(step, cache);
  return applyImport(step, (forest) => planStaged(spec, step.inv.jira, params, resolved, pages, forest, memo));
}

export function stagedImportRunner<P, D>(spec: StagedImport<P, D>): ImportRunner {
  return {
    key: spec.synchronizer.key,
    resolve: (inv, params) => spec.resolve(inv, params as P),
    runUnit: (step, cache) => runStagedUnit(spec, step, cache as Cache),
    preview: (inv: Invocation, request: PreviewRequest) => previewStagedImport(spec, inv, request),
  };
}
