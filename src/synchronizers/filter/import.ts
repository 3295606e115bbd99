// The Filter import: an ids-only search of the filter's JQL (5000 ids a page), then — only when Remove
// is on — which rows' issues the user can see (the planner's removal candidates), then the apply.
// Repeated with the same parameters, it reads only what changed since the last successful run
// (incremental.ts): the issues updated since (`updated >= -Nm`, wherever they are: an issue leaves the
// query only by being updated) and those of them that match now, in the query's order; the other
// members are carried from the last run, less those Jira's events said were deleted (confirmed by id).
// It reads everything instead when the log's reason says so.
import {
  filterImportVisibilityQuestions,
  filterSynchronizer,
  type FilterImportData,
  type FilterParams,
} from './synchronizer';
import { mergeFilterMembers, orderUnknownReason } from './incremental';
import { previewFilterImport } from './preview';
import { resolveFilterSource } from './source';
import { changedJql, changedMatchingJql } from '../../domain/incremental/jql-delta';
import type { FetchStage, ImportSpec } from '../../app/import/staged-import';
import { searchStage } from '../../app/import/stages';
import { changedIdsStage, deletedMembersStage, goneMembers, readsDelta } from '../../app/import/incremental';
import { idsOfPage, sortedIdsPages, type FactsPage } from '../../app/import/facts';

const underIdOf = (underIssueId: string | undefined): number | null =>
  underIssueId !== undefined ? Number(underIssueId) : null;

const idsOf = (pages: readonly FactsPage[], stage: string): number[] =>
  pages.filter((p) => p.stage === stage).flatMap(idsOfPage);

/**
 * The members now, from the base and the two delta searches — unless a carried member's place in the
 * result order could change the plan: then the run reads everything after all (orderUnknownReason).
 */
const mergeStage: FetchStage<FilterParams> = {
  name: 'merge',
  phase: 'working out what matches now',
  async run(ctx) {
    if (!readsDelta(ctx.read)) return { done: true };
    const base = ctx.base ? await ctx.base() : undefined;
    if (base === undefined) {
      const fullRead = 'what the last run read is no longer stored';
      return { done: true, read: { fullRead }, info: [`Reading every matching issue after all: ${fullRead}.`] };
    }
    const merged = mergeFilterMembers({
      base: base.ids,
      changedMatching: idsOf(ctx.pages, 'changedMatching'),
      changed: idsOf(ctx.pages, 'changed'),
      deleted: goneMembers(ctx.pages, 'deleted'),
    });
    const why = orderUnknownReason({
      forest: await ctx.forest(),
      params: ctx.params,
      underIssueId: underIdOf(ctx.resolved.underIssueId),
      matching: merged.matching,
      carried: merged.carried,
    });
    if (why !== undefined)
      return { done: true, read: { fullRead: why }, info: [`Reading every matching issue after all: ${why}.`] };
    return {
      done: true,
      // Written as the search's pages, which the planner reads the same way: the changed matches in
      // order, then the carried members (ascending) as compact id sets.
      page: { stage: 'search', round: 0, ids: merged.matching.slice(0, merged.matching.length - merged.carried) },
      pages: sortedIdsPages('search', merged.matching.slice(merged.matching.length - merged.carried)),
      note:
        `Read only what changed: ${merged.matching.length} issues match — ${merged.entered} new to the query, ` +
        `${merged.left} no longer match, ${merged.carried} carried from the last run.`,
    };
  },
};

/** The full search, unless the merge already gave the members; its start dates the next run's base. */
function fullSearchStage(): FetchStage<FilterParams> {
  const full = searchStage<FilterParams>(
    'search',
    (_, r) => r.jql,
    'ids',
    (n) => `Jira found ${n} matching issues.`,
    // The bar is determinate: Jira's count (1 point) gives the total the enhanced search no longer answers.
    { count: true },
  );
  return {
    ...full,
    async run(ctx, cursor) {
      if (readsDelta(ctx.read)) return { done: true };
      if (cursor !== undefined) return full.run(ctx, cursor);
      const startedAt = (ctx.now ?? Date.now)();
      const unit = await full.run(ctx, cursor);
      // Why, unless the merge already said so (it read the delta first).
      const why = ctx.read?.fullRead === undefined ? ctx.resolved.fullRead : undefined;
      return {
        ...unit,
        read: { startedAt, fullReadAt: startedAt },
        ...(why !== undefined ? { info: [`Reading every matching issue: ${why}.`, ...(unit.info ?? [])] } : {}),
      };
    },
  };
}

const deltaStages = (): FetchStage<FilterParams>[] => [
  changedIdsStage<FilterParams>(
    'changed',
    (minutes) => changedJql(minutes),
    (n) => `${n} issues changed in Jira since the last run.`,
    { first: true },
  ),
  changedIdsStage<FilterParams>(
    'changedMatching',
    (minutes, ctx) => changedMatchingJql(ctx.resolved.jql, minutes),
    (n) => `${n} changed issues match the query now.`,
  ),
  deletedMembersStage<FilterParams>('deleted'),
  mergeStage,
];

export const filterImport: ImportSpec<FilterParams, FilterImportData> = {
  synchronizer: filterSynchronizer,
  resolve: resolveFilterSource,
  // Only a run that may read what changed has the delta stages (decided when it started).
  stages: (_params, resolved) => [...(resolved.delta !== undefined ? deltaStages() : []), fullSearchStage()],

  data: (pages, _params, resolved) => ({
    matching: idsOf(pages, 'search'),
    underIssueId: underIdOf(resolved.underIssueId),
  }),
  // Without Remove only matching issues (visible by construction) and the place are ever looked at; the
  // issue to add under was checked when the import started.
  questions: (forest, params, data) =>
    params.remove
      ? filterImportVisibilityQuestions({ forest, params, ...data }).filter((id) => id !== data.underIssueId)
      : [],
  preview: previewFilterImport,
  incremental: { members: (pages) => idsOf(pages, 'search') },
};
