import type { LinksExportPlan } from './links';
import type { ParentExportPlan } from './parent';
import type { PreflightInput } from './preflight';
import type { RankExportPlan } from './rank';
import type { StatusExportPlan } from './status';

/**
 * One export's plan, whichever synchronizer made it: Agile gives rank and parents, Hierarchy parents,
 * Links links, Status Rollup statuses. The runner previews it, runs the preflight on it, then writes
 * rank, parents, links and statuses in that order.
 */
export interface ExportPlan {
  readonly rank?: RankExportPlan;
  readonly parents?: ParentExportPlan;
  readonly links?: LinksExportPlan;
  readonly statuses?: StatusExportPlan;
}

/** What an export would do, for the preview and the job record. */
export interface ExportCounts {
  readonly rankCalls: number;
  readonly issuesRanked: number;
  readonly parentChanges: number;
  readonly linksCreated: number;
  readonly linksDeleted: number;
  readonly statusChanges: number;
  /** Placements reported instead of written: unrepresentable rows and conflicting issues. */
  readonly notRepresentable: number;
}

export function exportCounts(plan: ExportPlan): ExportCounts {
  return {
    rankCalls: plan.rank?.operations.length ?? 0,
    issuesRanked: plan.rank?.moved ?? 0,
    parentChanges: plan.parents?.changes.length ?? 0,
    linksCreated: plan.links?.creates.length ?? 0,
    linksDeleted: plan.links?.deletes.length ?? 0,
    statusChanges: plan.statuses?.changes.length ?? 0,
    notRepresentable: (plan.parents?.unrepresentable.length ?? 0) + (plan.parents?.conflicts.length ?? 0),
  };
}

/** Whether the plan writes nothing at all (the export can finish at once). */
export function isEmptyExport(plan: ExportPlan): boolean {
  const c = exportCounts(plan);
  return c.rankCalls + c.parentChanges + c.linksCreated + c.linksDeleted + c.statusChanges === 0;
}

/** The changes of a plan as the permission preflight takes them. */
export function preflightChangesOf(plan: ExportPlan): Omit<PreflightInput, 'projectOf' | 'permissions'> {
  return {
    rank: plan.rank?.operations ?? [],
    parents: plan.parents?.changes ?? [],
    linkCreates: plan.links?.creates ?? [],
    linkDeletes: plan.links?.deletes ?? [],
    statuses: plan.statuses?.changes ?? [],
  };
}
