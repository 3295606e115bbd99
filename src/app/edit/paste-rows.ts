// pasteRows: rows copied or cut in one structure, pasted at a place in another (or the same) structure.
// A copy adds new rows for the same issues there (a folder comes as a new folder of the same name); a cut
// within one structure is a move. A cut between two structures touches two forests, which no single KVS
// transaction conditions together, so it is two steps, in the order that never loses a row: first the
// rows are added to the target (one conditioned edit), then removed from the source (another, on the
// source as it is then, rebased like any edit). When the second step cannot happen — the rows moved on or
// the source changed around them — the paste stands and the answer says, in words, that the rows are
// still in the source too, so the person can remove them there by hand.
import type { PasteRowsResult } from '../../contract';
import { copiedRows } from '../../domain/edit';
import { folderIdOf, isFolder, type Forest } from '../../domain/forest';
import { requireLevel } from '../access';
import { AppError } from '../errors';
import { folderNamesOf, loadForest } from '../forest-store';
import type { Invocation } from '../invocation';
import { findStructure } from '../structures';
import { visibleIssueIds } from '../visibility';
import { commitActions } from './edit-structure';

export interface PasteRowsInput {
  structureId: string;
  /** The target's version the person's view shows. */
  version: number;
  from: { structureId: string; rowIds: number[] };
  cut: boolean;
  under?: number;
  after?: number;
  before?: number;
}

export async function pasteRows(inv: Invocation, input: PasteRowsInput): Promise<PasteRowsResult> {
  const place = {
    ...(input.under !== undefined ? { under: input.under } : {}),
    ...(input.after !== undefined ? { after: input.after } : {}),
    ...(input.before !== undefined ? { before: input.before } : {}),
  };
  const target = await findStructure(inv, input.structureId);
  await requireLevel(inv, target, 'edit');
  const same = input.from.structureId === input.structureId;
  // Copying needs only to see the source; cutting takes rows out of it, which is an edit there.
  if (!same) await requireLevel(inv, await findStructure(inv, input.from.structureId), input.cut ? 'edit' : 'view');
  if (same) {
    const kind = input.cut ? 'move' : 'copy';
    const done = await commitActions(inv, input.structureId, input.version, [
      { kind, rowIds: input.from.rowIds, ...place },
    ]);
    return { ...done, ...(input.cut ? { sourceRemoved: true } : {}) };
  }

  const { forest: source } = await loadForest(inv, input.from.structureId);
  const copied = await copyFrom(inv, input.from.structureId, source, input.from.rowIds);
  const pasted = await commitActions(inv, input.structureId, input.version, [
    { kind: 'paste', rows: copied, ...place },
  ]);
  if (!input.cut) return pasted;
  try {
    // On the source as it is now: row ids are stable, so the removal rebases like any edit.
    const { header } = await loadForest(inv, input.from.structureId);
    const removed = await commitActions(inv, input.from.structureId, header.version, [
      { kind: 'remove', rowIds: input.from.rowIds },
    ]);
    return { ...pasted, sourceRemoved: true, sourceVersion: removed.version };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      ...pasted,
      sourceRemoved: false,
      sourceProblem: `The rows were pasted, but could not be taken out of the structure you cut them from: ${reasonOf(error.message)} Look at that structure, and remove them there by hand if they are still in it.`,
    };
  }
}

/** An edit's refusal as a reason in a sentence about another structure (no "reload" advice: it is not on show). */
function reasonOf(message: string): string {
  return message
    .replace(
      /^The structure changed since you loaded it and your change no longer fits: your view was refreshed\. /,
      '',
    )
    .replace(/:? ?reload the structure and try again\.?$/i, '.');
}

/** The rows to paste: the copied rows with their subtrees, refused when one holds an issue the person cannot see. */
async function copyFrom(inv: Invocation, structureId: string, source: Forest, rowIds: number[]) {
  const issues: number[] = [];
  const folders: number[] = [];
  for (const rowId of rowIds) {
    const index = source.tryIndexOf(rowId);
    if (index < 0) continue;
    for (let j = index; j < source.subtreeEndAt(index); j++) {
      const itemId = source.issueIdAt(j);
      if (isFolder(itemId)) folders.push(folderIdOf(itemId));
      else issues.push(itemId);
    }
  }
  const visible = await visibleIssueIds(inv.jira, issues);
  const names = await folderNamesOf(inv).names(structureId, folders);
  const copied = copiedRows({
    forest: source,
    rowIds,
    visible: (id) => visible.has(id),
    nameOf: (folderId) => names.get(folderId),
    field: 'from.rowIds',
  });
  if (!copied.ok)
    throw new AppError(
      'INVALID_EDIT',
      copied.refusal.message.replace(
        ': reload the structure and try again',
        ' (it was copied from another structure): copy it again',
      ),
      { field: copied.refusal.field },
    );
  return copied.rows;
}
