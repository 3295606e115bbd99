// Preview of a staged import (sub-tasks, links, agile, hierarchy): the same stages the job runs, in
// memory, within a budget of Jira calls that fits a resolver's 25 s; then the same plan, counted, with
// the first 50 actions described by issue key. Beyond the budget the preview is partial: it says so,
// and plans without anything that would remove rows on partial data. The job always reads everything.
import type { ImportPreview } from '../../contract';
import type { ImportResolved } from '../../storage';
import { previewOf } from './describe';
import { loadForest } from '../forest-store';
import type { Invocation } from '../invocation';
import type { FactsPage } from './facts';
import { planStaged, visibilityStage, type Cursor, type ImportSpec, type PreviewRequest } from './staged-import';

/**
 * A resolver has 25 s: the preview reads at most 40 Jira calls (4000 issues with fields, or a forest of
 * 4000 issues) and stops reading after 12 s, whichever comes first; the plan and the keys of its first
 * actions come after.
 */
export const PREVIEW_MAX_CALLS = 40;
export const PREVIEW_MAX_MS = 12_000;

export async function previewStagedImport<P, D>(
  spec: ImportSpec<P, D>,
  inv: Invocation,
  request: PreviewRequest<P>,
): Promise<ImportPreview> {
  const params = request.params;
  const resolved: ImportResolved = request.resolved;
  const { header, forest } = await loadForest(inv, request.structureId);
  const stages = [...spec.stages(params, resolved), visibilityStage(spec)];
  const pages: FactsPage[] = [];
  const memo = new Map<string, unknown>();
  const warnings: string[] = [];
  const startCalls = inv.jira.cost.calls;
  const startedAt = inv.now();
  let complete = true;
  for (let index = 0; index < stages.length && complete; index++) {
    let cursor: Cursor | undefined;
    for (;;) {
      if (inv.jira.cost.calls - startCalls >= PREVIEW_MAX_CALLS || inv.now() - startedAt >= PREVIEW_MAX_MS) {
        complete = false;
        break;
      }
      const unit = await stages[index].run(
        {
          jira: inv.jira,
          params,
          resolved,
          pages,
          memo,
          forest: async () => forest,
          callsLeft: PREVIEW_MAX_CALLS - (inv.jira.cost.calls - startCalls),
        },
        cursor,
      );
      if (unit.page) pages.push(unit.page);
      warnings.push(...(unit.warnings ?? []));
      if (unit.done) break;
      cursor = unit.cursor;
    }
  }
  const effective = complete || !spec.partialParams ? params : spec.partialParams(params);
  if (!complete) {
    warnings.push(
      `This preview read only part of what the import reads (${inv.jira.cost.calls - startCalls} Jira calls)${effective !== params ? ' and leaves removals out' : ''}. The import itself reads everything.`,
    );
  }
  const plan = await planStaged(spec, inv.jira, effective, resolved, pages, forest, memo, complete ? 'ask' : 'hidden');
  return previewOf(inv, header.version, forest, plan, warnings, complete);
}
