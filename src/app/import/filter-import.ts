// The Filter import as resumable units of work. Each unit does one bounded thing and commits a checkpoint:
//   1. search: one ids-only page of the JQL (5000 ids), stored under its own key, cursor in the checkpoint;
//   2. visibility (only when Remove is on): which rows' issues the user can see, 1000 ids a batch;
//   3. apply: plan with the domain planner and replace the forest (see import-apply.ts).
import type { Forest, IssueId } from '../../domain/forest';
import {
  filterImportVisibilityQuestions,
  filterSynchronizer,
  planFilterImport,
  type FilterParams,
} from '../../domain/synchronizers/filter';
import { JobDataRepository, type JobRecord } from '../../storage';
import { applyImport } from '../import-apply';
import { loadForest } from '../forest-store';
import type { JobStep } from '../job-step';
import { resolveFilterSource } from './filter-source';
import { previewFilterImport } from './filter-preview';
import type { ImportRunner } from '../import-runner';
import { validateParams } from '../params';
import { VISIBILITY_BATCH, visibleInBatch, visibleIssueIds } from '../visibility';

export const PHASE = {
  searching: 'searching Jira',
  visibility: 'checking which issues you can see',
  applying: 'applying to the structure',
  waiting: 'waiting for Jira rate limit',
} as const;

/** What one invocation keeps in memory between units, so each page or batch is read from KVS once. */
export interface FilterImportCache {
  matching?: number[];
  checked?: Set<number>;
  visible?: Set<number>;
}

const dataOf = (step: JobStep): JobDataRepository => new JobDataRepository(step.inv.kvsWrites);

function paramsOf(step: JobStep): FilterParams {
  return validateParams(filterSynchronizer, step.job.params);
}

/** Runs the next unit of a Filter import and returns the committed job. */
export async function runFilterImportUnit(step: JobStep, cache: FilterImportCache): Promise<JobRecord> {
  const params = paramsOf(step);
  const cp = step.job.checkpoint;
  if (!cp.searchDone) return searchPage(step);
  if (params.remove && !cp.visibilityDone) return checkVisibility(step, params, cache);
  return applyImport(step, async (forest) => plan(step, params, cache, forest));
}

async function searchPage(step: JobStep): Promise<JobRecord> {
  const cp = step.job.checkpoint;
  const page = await step.inv.jira.searchIds(step.job.resolved.jql, cp.nextPageToken);
  await dataOf(step).putIdsPage(step.job.id, cp.pages, page.ids);
  const matched = cp.matched + page.ids.length;
  const searchDone = page.nextPageToken === undefined;
  return step.commit({
    checkpoint: { ...cp, pages: cp.pages + 1, matched, nextPageToken: page.nextPageToken, searchDone },
    progress: { phase: searchDone ? PHASE.applying : PHASE.searching, done: matched },
    log: searchDone ? step.log('info', `Jira found ${matched} matching issues.`) : step.job.log,
  });
}

async function matchingOf(step: JobStep, cache: FilterImportCache): Promise<number[]> {
  if (!cache.matching)
    cache.matching = (await dataOf(step).readIdsPages(step.job.id, step.job.checkpoint.pages)).flat();
  return cache.matching;
}

async function checkedOf(
  step: JobStep,
  cache: FilterImportCache,
): Promise<{ checked: Set<number>; visible: Set<number> }> {
  if (!cache.checked || !cache.visible) {
    const pages = await dataOf(step).readVisibilityPages(step.job.id, step.job.checkpoint.visibilityPages ?? 0);
    cache.checked = new Set(pages.flatMap((p) => p.checked));
    cache.visible = new Set(pages.flatMap((p) => p.visible));
  }
  return { checked: cache.checked, visible: cache.visible };
}

/**
 * Issues whose rows the planner may ask about (the domain says which: removal candidates and the place),
 * minus those already known visible. Only these need a visibility check with Jira.
 */
function removalCandidates(
  forest: Forest,
  params: FilterParams,
  matching: number[],
  underIssueId: number | undefined,
): number[] {
  return filterImportVisibilityQuestions({ forest, params, matching, underIssueId: underIssueId ?? null })
    .filter((id) => id !== underIssueId)
    .sort((a, b) => a - b);
}

const underIdOf = (step: JobStep): number | undefined =>
  step.job.resolved.underIssueId ? Number(step.job.resolved.underIssueId) : undefined;

async function checkVisibility(step: JobStep, params: FilterParams, cache: FilterImportCache): Promise<JobRecord> {
  const cp = step.job.checkpoint;
  const matching = await matchingOf(step, cache);
  const { checked, visible } = await checkedOf(step, cache);
  const { forest } = await loadForest(step.inv, step.job.structureId);
  const candidates = removalCandidates(forest, params, matching, underIdOf(step));
  const pending = candidates.filter((id) => !checked.has(id));
  if (pending.length === 0) {
    return step.commit({
      checkpoint: { ...cp, visibilityDone: true },
      progress: { phase: PHASE.applying, done: candidates.length, total: candidates.length },
    });
  }
  const batch = pending.slice(0, VISIBILITY_BATCH);
  const seen = await visibleInBatch(step.inv.jira, batch);
  const page = cp.visibilityPages ?? 0;
  await dataOf(step).putVisibilityPage(step.job.id, page, { checked: batch, visible: seen });
  for (const id of batch) checked.add(id);
  for (const id of seen) visible.add(id);
  return step.commit({
    checkpoint: { ...cp, visibilityPages: page + 1 },
    progress: {
      phase: PHASE.visibility,
      done: candidates.length - pending.length + batch.length,
      total: candidates.length,
    },
  });
}

async function plan(step: JobStep, params: FilterParams, cache: FilterImportCache, forest: Forest) {
  const matching = await matchingOf(step, cache);
  const matchingSet = new Set(matching);
  const underIssueId = underIdOf(step);
  const visible = new Set<number>(matchingSet);
  if (underIssueId !== undefined) visible.add(underIssueId);
  if (params.remove) {
    const { checked, visible: seen } = await checkedOf(step, cache);
    for (const id of seen) visible.add(id);
    // Rows added by someone else since the visibility steps: check them now (usually none or few).
    const late = removalCandidates(forest, params, matching, underIssueId).filter((id) => !checked.has(id));
    for (const id of await visibleIssueIds(step.inv.jira, late)) visible.add(id);
    for (const id of late) checked.add(id);
  }
  return planFilterImport({
    forest,
    params,
    matching,
    underIssueId: underIssueId ?? null,
    // Without Remove only matching issues (visible by construction) and the place are ever looked at.
    visible: (issueId: IssueId) => visible.has(issueId) || !params.remove,
  });
}

export const filterImportRunner: ImportRunner = {
  key: 'filter',
  resolve: (inv, params) => resolveFilterSource(inv, params as FilterParams),
  runUnit: (step, cache) => runFilterImportUnit(step, cache as FilterImportCache),
  preview: previewFilterImport,
};
