import {
  applyUpdate,
  Forest,
  type ForestAction,
  type ForestUpdate,
  type IssueId,
  type Placement,
  type RowId,
} from '../forest';
import type { EditAction, EditCounts, EditPlace, EditRefusal } from './actions';

export interface EditInput {
  readonly forest: Forest;
  readonly actions: readonly EditAction[];
  /** Whether the editor can see an issue. A row of an issue they cannot see is never moved or removed by them. */
  readonly visible: (issueId: IssueId) => boolean;
}

export type EditResult =
  | {
      readonly ok: true;
      readonly forest: Forest;
      /** The forest actions applied, in order, with the added rows' ids: replaying them on the input gives `forest`. */
      readonly update: ForestUpdate;
      readonly counts: EditCounts;
      readonly addedRowIds: RowId[];
    }
  | { readonly ok: false; readonly refusal: EditRefusal };

class Refused extends Error {
  constructor(readonly refusal: EditRefusal) {
    super(refusal.message);
  }
}

/**
 * Applies a person's edits in order, each on the forest the previous one left, all or nothing. What is
 * refused, and why:
 * - a row that is not in the structure (any more): the editor's view is out of date;
 * - moving, indenting, outdenting or removing a row of an issue the editor cannot see, or placing rows
 *   under one: they may not know it is there;
 * - removing a row whose subtree holds rows the editor cannot see: those would go with it unseen;
 * - moving a row under itself or one of its own sub-rows; indenting a row with no sibling above it,
 *   outdenting a top-level row.
 * Rows the editor cannot see move with a visible ancestor that moves: they stay under their parent.
 */
export function planEdit(input: EditInput): EditResult {
  let forest = input.forest;
  let added = 0;
  let moved = 0;
  let removed = 0;
  const addedRowIds: RowId[] = [];
  const applied: ForestAction[] = [];
  try {
    input.actions.forEach((action, a) => {
      const at = (path: string): string => `actions.${a}.${path}`;
      const row = (rowId: RowId, path: string): number => {
        const index = forest.tryIndexOf(rowId);
        if (index < 0)
          throw new Refused({
            field: at(path),
            message: `Row ${rowId} is not in the structure any more: reload the structure and try again.`,
          });
        return index;
      };
      const seen = (rowId: RowId, path: string, doing: string): number => {
        const index = row(rowId, path);
        if (!input.visible(forest.issueIdAt(index)))
          throw new Refused({
            field: at(path),
            message: `Row ${rowId} holds an issue you cannot see: you cannot ${doing} it.`,
          });
        return index;
      };
      const place = (p: EditPlace): Placement => {
        const under = p.under ?? 0;
        if (under !== 0) {
          const index = row(under, 'under');
          if (!input.visible(forest.issueIdAt(index)))
            throw new Refused({ field: at('under'), message: 'You cannot place rows under an issue you cannot see.' });
        }
        for (const side of ['after', 'before'] as const) {
          const sibling = p[side];
          if (sibling === undefined || sibling === 0) continue;
          const index = row(sibling, side);
          if (forest.parentOf(forest.rowIdAt(index)) !== under)
            throw new Refused({
              field: at(side),
              message: `Row ${sibling} is not directly under the place you chose: reload the structure and try again.`,
            });
        }
        return {
          under,
          ...(p.after !== undefined ? { after: p.after } : {}),
          ...(p.before !== undefined ? { before: p.before } : {}),
        };
      };
      const apply = (update: ForestAction[]): void => {
        try {
          forest = applyUpdate(forest, update);
          applied.push(...update);
        } catch (e) {
          if (e instanceof RangeError) throw new Refused({ field: `actions.${a}`, message: cycleOr(e) });
          throw e;
        }
      };

      switch (action.kind) {
        case 'add': {
          const p = place(action);
          const first = forest.nextRowId;
          // The rows' ids are named, so replaying the update gives the same rows.
          const rows = action.issueIds.map((issueId, i) => ({ depth: 0, issueId, rowId: first + i }));
          apply([{ kind: 'add', ...p, rows }]);
          addedRowIds.push(...rows.map((r) => r.rowId));
          added += action.issueIds.length;
          break;
        }
        case 'move': {
          const p = place(action);
          action.rowIds.forEach((rowId, i) => seen(rowId, `rowIds.${i}`, 'move'));
          // A row inside another selected row comes along with it.
          const selected = new Set(action.rowIds);
          const tops = action.rowIds.filter((rowId) => !hasSelectedAncestor(forest, rowId, selected));
          let previous: RowId | undefined;
          const update: ForestAction[] = tops.map((rowId) => {
            const target: Placement = previous === undefined ? p : { under: p.under, after: previous };
            previous = rowId;
            return { kind: 'move', rowId, ...target };
          });
          apply(update);
          moved += tops.length;
          break;
        }
        case 'indent': {
          const order = [...action.rowIds].sort((x, y) => row(x, 'rowIds') - row(y, 'rowIds'));
          for (const rowId of order) {
            const path = `rowIds.${action.rowIds.indexOf(rowId)}`;
            seen(rowId, path, 'indent');
            const parent = forest.parentOf(rowId);
            const siblings = forest.childrenOf(parent);
            const above = siblings[siblings.indexOf(rowId) - 1];
            if (above === undefined)
              throw new Refused({
                field: at(path),
                message: `Row ${rowId} has no row above it at its level to go under.`,
              });
            if (!input.visible(forest.issueOf(above)))
              throw new Refused({
                field: at(path),
                message: 'The row above holds an issue you cannot see: you cannot indent under it.',
              });
            apply([{ kind: 'move', rowId, under: above, before: 0 }]);
            moved++;
          }
          break;
        }
        case 'outdent': {
          // Last first, so rows outdented together keep their order after their old parent.
          const order = [...action.rowIds].sort((x, y) => row(y, 'rowIds') - row(x, 'rowIds'));
          for (const rowId of order) {
            const path = `rowIds.${action.rowIds.indexOf(rowId)}`;
            seen(rowId, path, 'outdent');
            const parent = forest.parentOf(rowId);
            if (parent === 0)
              throw new Refused({ field: at(path), message: `Row ${rowId} is at the top level already.` });
            apply([{ kind: 'move', rowId, under: forest.parentOf(parent), after: parent }]);
            moved++;
          }
          break;
        }
        case 'remove': {
          action.rowIds.forEach((rowId, i) => {
            const index = seen(rowId, `rowIds.${i}`, 'remove');
            const end = forest.subtreeEndAt(index);
            for (let j = index + 1; j < end; j++) {
              if (!input.visible(forest.issueIdAt(j)))
                throw new Refused({
                  field: at(`rowIds.${i}`),
                  message: `Row ${rowId} has rows under it that hold issues you cannot see: move your rows out, or ask someone who can see them to remove it.`,
                });
            }
          });
          const selected = new Set(action.rowIds);
          const tops = action.rowIds.filter((rowId) => !hasSelectedAncestor(forest, rowId, selected));
          for (const rowId of tops) removed += forest.subtreeEndAt(forest.indexOf(rowId)) - forest.indexOf(rowId);
          apply(tops.map((rowId) => ({ kind: 'remove', rowId, children: 'remove' })));
          break;
        }
      }
    });
  } catch (e) {
    if (e instanceof Refused) return { ok: false, refusal: e.refusal };
    throw e;
  }
  return { ok: true, forest, update: applied, counts: { added, moved, removed }, addedRowIds };
}

function hasSelectedAncestor(forest: Forest, rowId: RowId, selected: ReadonlySet<RowId>): boolean {
  for (let p = forest.parentOf(rowId); p !== 0; p = forest.parentOf(p)) if (selected.has(p)) return true;
  return false;
}

/** The forest's own refusals, in an editor's words. */
function cycleOr(e: RangeError): string {
  if (/cycle|descendant|under itself|own subtree/i.test(e.message))
    return 'A row cannot move under itself or one of its own sub-rows.';
  return `This edit does not fit the structure as it is now: ${e.message.replace(/^Action \d+ \(\w+\): /, '')}`;
}
