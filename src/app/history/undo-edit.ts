// undoEdit: takes back one of the caller's own edits (Ctrl+Z), as one new change recorded in the
// history. The edit's rows go back where they were on the forest as it is now (planUndo), so changes
// made since by others, imports and resyncs stay; when that no longer fits, or touches a row the caller
// cannot see now, it is refused with the reason. It needs the versions before and after the edit, which
// the store keeps while the edit is among the recent ones.
import type { VersionChangeResult } from '../../contract';
import { issuesOfUndo, planUndo } from '../../domain/edit';
import { HISTORY_CAP, TransactionConditionFailed } from '../../storage';
import { requireLevel } from '../access';
import { AppError } from '../errors';
import { namingOps, renamesOf } from '../edit/folder-names';
import { commitEdit, folderNamesOf, historyOf, loadForest } from '../forest-store';
import type { Invocation } from '../invocation';
import { findStructure } from '../structures';
import { visibleIssueIds } from '../visibility';
import { forestAtVersion, isStored } from './stored-version';

const MAX_COMMIT_ATTEMPTS = 4;
const notPossible = (reason: string): AppError => new AppError('UNDO_NOT_POSSIBLE', reason);

export async function undoEdit(
  inv: Invocation,
  input: { structureId: string; version: number },
): Promise<VersionChangeResult> {
  await requireLevel(inv, await findStructure(inv, input.structureId), 'edit');
  const history = historyOf(inv);
  const entry = await history.get(input.structureId, input.version);
  if (!entry || entry.kind !== 'edit') throw notPossible(`Version ${input.version} is not an edit made by hand.`);
  if (entry.who !== inv.accountId) throw notPossible('You can undo only your own edits.');

  for (let attempt = 1; ; attempt++) {
    const { header, forest: current } = await loadForest(inv, input.structureId);
    if (await wasUndone(inv, header.version, input)) throw notPossible('This edit was already undone.');
    if (!isStored(inv, header, input.version - 1) || !isStored(inv, header, input.version))
      throw notPossible(
        'The structure changed too much since this edit to undo it; restore an earlier version instead.',
      );
    const before = await forestAtVersion(inv, header, input.version - 1);
    const after = await forestAtVersion(inv, header, input.version);
    const visible = await visibleIssueIds(inv.jira, issuesOfUndo(before, after, current));
    const plan = planUndo({ before, after, current, visible: (id) => visible.has(id) });
    if (!plan.ok) throw notPossible(plan.reason);
    // A rename goes back only while the folder still has the name the edit gave it.
    const renames = entry.renames ?? [];
    const now = await folderNamesOf(inv).names(
      input.structureId,
      renames.map((r) => r.folderId),
    );
    const changed = renames.find((r) => (now.get(r.folderId) ?? '') !== r.to);
    if (changed)
      throw notPossible(`The folder "${changed.to}" was renamed again since, so this rename cannot be undone.`);
    const back = renames.map((r) => ({ folderId: r.folderId, from: r.to, to: r.from === '' ? 'Folder' : r.from }));
    const naming = await namingOps(inv, input.structureId, back);
    try {
      const written = await commitEdit(
        inv,
        header,
        plan.update,
        plan.forest,
        inv.accountId,
        { kind: 'undo-edit', who: inv.accountId, counts: plan.counts, of: input.version, ...renamesOf(back) },
        naming,
      );
      return { version: written.version, counts: plan.counts };
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      if (attempt >= MAX_COMMIT_ATTEMPTS)
        throw new AppError(
          'CONFLICT',
          'The structure kept changing while undoing: your view was refreshed; try again.',
        );
    }
  }
}

/** Whether a later change already undid this edit: an undo-edit entry naming it. */
async function wasUndone(
  inv: Invocation,
  current: number,
  input: { structureId: string; version: number },
): Promise<boolean> {
  const { entries } = await historyOf(inv).list(
    input.structureId,
    current,
    current,
    Math.min(HISTORY_CAP, current - input.version),
  );
  return entries.some((e) => e.kind === 'undo-edit' && e.of === input.version);
}
