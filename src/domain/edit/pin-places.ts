// Indent and outdent say where a row goes relative to its neighbours ("under the row above it"), so
// replayed on a forest that changed since the editor looked, they could land under a row the editor
// never meant. Before an edit is rebased, they are pinned to the places they meant on the editor's view:
// indent → a move to the end of the row that was above; outdent → a move right after the old parent,
// under the grandparent. planEdit on the current forest then refuses when those rows are not there any
// more, instead of guessing.
import type { Forest, RowId } from '../forest';
import type { EditAction } from './actions';
import { planEdit } from './plan-edit';

export interface PinnedActions {
  readonly actions: EditAction[];
  /** For each pinned action, the index of the action it came from (for refusals' fields). */
  readonly origin: number[];
}

export function pinPlaces(view: Forest, actions: readonly EditAction[]): PinnedActions {
  let forest = view;
  const out: EditAction[] = [];
  const origin: number[] = [];
  // Rows of the view (not added by this batch, whose ids the current forest gives out anew).
  const known = (rowId: RowId | undefined): boolean => rowId === undefined || rowId === 0 || view.has(rowId);
  const push = (index: number, ...pinned: EditAction[]): void => {
    out.push(...pinned);
    origin.push(...pinned.map(() => index));
  };
  for (const [index, action] of actions.entries()) {
    const planned = planEdit({ forest, actions: [action], visible: () => true });
    if (!planned.ok) {
      // The view refuses it too; the current forest will say why in the editor's words.
      push(index, action);
      continue;
    }
    if (action.kind === 'indent' || action.kind === 'outdent') {
      const moves: EditAction[] = [];
      for (const a of planned.update) {
        if (a.kind !== 'move' || !known(a.under) || !known(a.after)) break;
        moves.push({
          kind: 'move',
          rowIds: [a.rowId],
          under: a.under,
          ...(a.after !== undefined ? { after: a.after } : {}),
          ...(a.before !== undefined ? { before: a.before } : {}),
        });
      }
      push(index, ...(moves.length === planned.update.length ? moves : [action]));
    } else push(index, action);
    forest = planned.forest;
  }
  return { actions: out, origin };
}
