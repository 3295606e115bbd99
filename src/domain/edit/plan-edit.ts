import {
  applyUpdate,
  folderIdOf,
  folderItemId,
  folderName,
  folderOfNewRow,
  Forest,
  isFolder,
  type AddedRow,
  type FolderId,
  type ForestAction,
  type ForestUpdate,
  type IssueId,
  type Placement,
  type RowId,
} from '../forest';
import type { EditAction, EditCounts, EditPlace, EditRefusal, FolderNaming, PastedRow } from './actions';
import { copiedRows } from './copy-rows';

export interface EditInput {
  readonly forest: Forest;
  readonly actions: readonly EditAction[];
  /**
   * Whether the editor can see an issue. A row of an issue they cannot see is never moved or removed by
   * them. Never asked about folders: a folder is seen by everyone who sees the structure.
   */
  readonly visible: (issueId: IssueId) => boolean;
  /** The names of the structure's folders (a rename's old name, a copied folder's name). */
  readonly nameOf?: (folderId: FolderId) => string | undefined;
}

export type EditResult =
  | {
      readonly ok: true;
      readonly forest: Forest;
      /** The forest actions applied, in order, with the added rows' ids: replaying them on the input gives `forest`. */
      readonly update: ForestUpdate;
      readonly counts: EditCounts;
      readonly addedRowIds: RowId[];
      /** Folder names to store: new folders' and renamed ones', in order. */
      readonly names: FolderNaming[];
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
  const names: FolderNaming[] = [];
  const named = new Map<FolderId, string>();
  const nameOf = (folderId: FolderId): string | undefined => named.get(folderId) ?? input.nameOf?.(folderId);
  const canSee = (itemId: IssueId): boolean => isFolder(itemId) || input.visible(itemId);
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
        if (!canSee(forest.issueIdAt(index)))
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
          if (!canSee(forest.issueIdAt(index)))
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

      const validName = (raw: string, path: string): string => {
        const checked = folderName(raw);
        if (!checked.ok) throw new Refused({ field: at(path), message: checked.message });
        return checked.name;
      };
      const name = (folderId: FolderId, to: string, from?: string): void => {
        names.push({ folderId, to, ...(from !== undefined ? { from } : {}) });
        named.set(folderId, to);
      };
      /** New rows at the place; a folder row becomes a new folder, named after its new row. */
      const addRows = (p: Placement, pasted: readonly PastedRow[], path: string): void => {
        const first = forest.nextRowId;
        const rows: AddedRow[] = pasted.map((r, i) => {
          const rowId = first + i;
          if ('folderName' in r) {
            const to = validName(r.folderName, `${path}.${i}.folderName`);
            name(folderOfNewRow(rowId), to);
            return { depth: r.depth, issueId: folderItemId(folderOfNewRow(rowId)), rowId };
          }
          if (!canSee(r.issueId))
            throw new Refused({
              field: at(`${path}.${i}`),
              message: `You cannot ${path === 'issueIds' ? 'add' : 'paste'} a row of an issue you cannot see.`,
            });
          return { depth: r.depth, issueId: r.issueId, rowId };
        });
        // The rows' ids are named, so replaying the update gives the same rows.
        apply([{ kind: 'add', ...p, rows }]);
        addedRowIds.push(...rows.map((_, i) => first + i));
        added += rows.length;
      };

      switch (action.kind) {
        case 'add-folder': {
          const to = validName(action.name, 'name');
          addRows(place(action), [{ depth: 0, folderName: to }], 'name');
          break;
        }
        case 'rename': {
          const index = row(action.rowId, 'rowId');
          const itemId = forest.issueIdAt(index);
          if (!isFolder(itemId))
            throw new Refused({
              field: at('rowId'),
              message: `Row ${action.rowId} holds an issue, not a folder: only folders are renamed here (an issue's summary is changed in Jira).`,
            });
          const to = validName(action.name, 'name');
          const folderId = folderIdOf(itemId);
          const from = nameOf(folderId);
          if (from !== to) name(folderId, to, from ?? '');
          break;
        }
        case 'copy': {
          const p = place(action);
          const copied = copiedRows({ forest, rowIds: action.rowIds, visible: canSee, nameOf, field: at('rowIds') });
          if (!copied.ok) throw new Refused(copied.refusal);
          addRows(p, copied.rows, 'rowIds');
          break;
        }
        case 'paste': {
          addRows(place(action), action.rows, 'rows');
          break;
        }
        case 'add': {
          addRows(
            place(action),
            action.issueIds.map((issueId) => ({ depth: 0, issueId })),
            'issueIds',
          );
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
            if (!canSee(forest.issueOf(above)))
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
              if (!canSee(forest.issueIdAt(j)))
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
  return { ok: true, forest, update: applied, counts: { added, moved, removed }, addedRowIds, names };
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
