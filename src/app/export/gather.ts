// Reading what an export needs from Jira, one call at a time, so the job can checkpoint between calls
// and the preview can stop at a budget. A synchronizer lists its gather steps (a board's order, the
// structure's facts, filter matches); this runs the step the cursor names and moves the cursor on.
import { BULKFETCH_MAX, type JiraClient } from '../../jira';
import type { GatherCursor } from '../../storage';
import { compactFact, factFields } from './facts';
import type { GatherContext, GatherPage, GatherStep } from './spec';

export const FIRST_CURSOR: GatherCursor = { step: 0 };

export const gatherDone = (steps: readonly unknown[], cursor: GatherCursor): boolean => cursor.step >= steps.length;

/** One Jira call of the step the cursor names; returns what it read and where to go on. */
export async function gatherStep<P>(
  jira: JiraClient,
  steps: ReadonlyArray<GatherStep<P>>,
  ctx: GatherContext<P>,
  cursor: GatherCursor,
): Promise<{ page: GatherPage; cursor: GatherCursor }> {
  if (gatherDone(steps, cursor)) return { page: { facts: [] }, cursor };
  const { step, ...at } = cursor;
  const unit = await steps[step](jira, ctx, at);
  return { page: unit.page, cursor: unit.done ? { step: step + 1 } : { step, ...unit.at } };
}

/** The facts of every issue in the structure the earlier steps did not give (100 a call), with links or not. */
export function factsStep(options: { links: boolean }): GatherStep {
  return async (jira, ctx, at) => {
    const batch: number[] = [];
    let offset = at.offset ?? 0;
    while (offset < ctx.structureIds.length && batch.length < BULKFETCH_MAX) {
      const id = ctx.structureIds[offset++];
      if (!ctx.orderKnown.has(id)) batch.push(id);
    }
    const done = offset >= ctx.structureIds.length;
    if (batch.length === 0) return { page: { facts: [] }, done, at: { offset } };
    const issues = await jira.bulkFetch(batch, factFields({ links: options.links, rankField: ctx.rankField }));
    return { page: { facts: issues.map((i) => compactFact(i, ctx.rankField)) }, done, at: { offset } };
  };
}
