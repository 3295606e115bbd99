// previewExport: what an export would write, read and planned within the resolver's 25 s, as the caller.
// Nothing is written. A structure too big to read within the call budget gets a partial preview that
// says so; the export itself always reads everything.
import type { ExportPreview } from '../../contract';
import { preflightChangesOf } from '../../domain/export';
import type { IssueId } from '../../domain/forest';
import { loadForest } from '../forest-store';
import { requireLevel } from '../access';
import { estimatePoints } from '../points-estimate';
import type { Invocation } from '../invocation';
import { findStructure } from '../structures';
import { FIRST_CURSOR, gatherDone, gatherStep } from './gather';
import type { GatherContext, GatherPage } from './spec';
import { changeDto, isChange, mergePages, planExport } from './plan';
import { displayNamesOf } from '../installed/summary';
import { projectIdsOf, runPreflight } from './preflight';
import { exportSpecFor, prepareExport, type ExportRequest, type PreparedExport } from './prepare';
import { structureIdsOf } from './structure-ids';
import { transitionProblem } from './write';

/** Jira calls a preview may make: 100 issues each, so structures up to ~6000 issues preview in full. */
export const PREVIEW_CALL_BUDGET = 60;
const SHOWN = 50;
/** Status changes whose transitions a preview asks Jira about (one call each). */
const TRANSITIONS_CHECKED = 20;

export async function previewExport(inv: Invocation, request: ExportRequest): Promise<ExportPreview> {
  await requireLevel(inv, await findStructure(inv, request.structureId), 'control');
  return previewPrepared(inv, await prepareExport(inv, request));
}

export async function previewPrepared(inv: Invocation, prepared: PreparedExport): Promise<ExportPreview> {
  const { forest } = await loadForest(inv, prepared.structureId);
  const pages: GatherPage[] = [];
  const orderKnown = new Set<IssueId>();
  const spec = exportSpecFor(prepared.key);
  const steps = spec.gather(prepared.params);
  const ctx: GatherContext = {
    params: prepared.params,
    structureIds: structureIdsOf(forest),
    orderKnown,
    rankField: prepared.rankField,
  };
  let cursor = FIRST_CURSOR;
  let calls = 0;
  while (!gatherDone(steps, cursor) && calls < PREVIEW_CALL_BUDGET) {
    const step = await gatherStep(inv.jira, steps, ctx, cursor);
    calls++;
    pages.push(step.page);
    for (const id of step.page.order ?? []) orderKnown.add(id);
    cursor = step.cursor;
  }
  const gathered = mergePages(pages);
  const names = await displayNamesOf(inv, prepared.key, prepared.params);
  const planned = planExport(spec, prepared.params, forest, gathered, names);
  const keyOf = (id: IssueId): string => gathered.facts.get(id)?.k ?? String(id);
  const preflight = await runPreflight(
    inv.jira,
    preflightChangesOf(planned.plan),
    (id) => gathered.facts.get(id)?.p,
    projectIdsOf(gathered.facts.values()),
  );
  const changes = planned.log.filter(isChange);
  const warnings = [...planned.warnings];
  // Status changes need a transition Jira offers: ask for the first ones, within what is left of the budget.
  const statusOps = planned.otherOps.filter((op) => op.k === 'status');
  const checked = statusOps.slice(0, Math.max(0, Math.min(TRANSITIONS_CHECKED, PREVIEW_CALL_BUDGET - calls)));
  for (const op of checked) {
    const problem = await transitionProblem(inv.jira, op);
    if (problem !== undefined) warnings.push(`${keyOf(op.issueId)} ${problem}`);
  }
  if (checked.length < statusOps.length)
    warnings.push(
      `The preview checked the transitions of the first ${checked.length} of ${statusOps.length} status changes; the export checks each one before it transitions.`,
    );
  if (!gatherDone(steps, cursor))
    warnings.unshift(
      `This preview read only part of Jira (${calls} calls); the export itself reads everything and may change more.`,
    );
  const c = planned.counts;
  const estimate = await estimatePoints(inv, {
    structureId: prepared.structureId,
    kind: 'export',
    synchronizer: prepared.key,
    params: prepared.params,
  });
  return {
    counts: c,
    totalChanges: c.issuesRanked + c.parentChanges + c.linksCreated + c.linksDeleted + c.statusChanges,
    changes: changes.slice(0, SHOWN).map((e) => {
      const { outcome: _o, ...dto } = changeDto(e, keyOf, planned.structureOrder.length);
      return dto;
    }),
    warnings,
    notRepresentable: planned.notRepresentable.slice(0, SHOWN),
    preflight: { ok: preflight.ok, missing: preflight.missing.map((m) => ({ ...m })), message: preflight.message },
    ...(estimate ? { estimate } : {}),
  };
}
