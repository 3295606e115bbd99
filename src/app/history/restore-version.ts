// restoreVersion: the structure as it was at an earlier version, written back as one new change (so it
// can itself be seen in the history and restored away from). Rows keep their ids; rows made since stay
// retired. Like an undo of an import it needs control, and it is refused rather than done in part when
// it would remove, bring back or move rows of issues the caller cannot see.
import type { VersionChangeResult } from '../../contract';
import { Forest, rowsTouched } from '../../domain/forest';
import { TransactionConditionFailed } from '../../storage';
import { requireLevel } from '../access';
import { AppError } from '../errors';
import { countsBack, loadForest, replaceForest } from '../forest-store';
import type { Invocation } from '../invocation';
import { findStructure } from '../structures';
import { visibleIssueIds } from '../visibility';
import { forestAtVersion } from './stored-version';

export async function restoreVersion(
  inv: Invocation,
  input: { structureId: string; version: number },
): Promise<VersionChangeResult> {
  await requireLevel(inv, await findStructure(inv, input.structureId), 'control');
  const { header, forest: current } = await loadForest(inv, input.structureId);
  const earlier = await forestAtVersion(inv, header, input.version);
  const touched = rowsTouched(earlier, current);
  if (touched.length === 0) return { version: header.version, counts: { added: 0, moved: 0, removed: 0 } };
  const visible = await visibleIssueIds(
    inv.jira,
    touched.map((r) => r.issueId),
  );
  const hidden = touched.filter((r) => !visible.has(r.issueId)).length;
  if (hidden > 0)
    throw new AppError(
      'RESTORE_NOT_POSSIBLE',
      `Restoring version ${input.version} would remove, bring back or move ${hidden === 1 ? '1 row' : `${hidden} rows`} of issues you cannot see in Jira, and rows you cannot see are left alone. Someone who can see them can restore it.`,
    );
  // Rows made since must never be handed out again: keep the newer high-water mark.
  const restored = Forest.fromColumns(earlier.columns, Math.max(earlier.nextRowId, current.nextRowId));
  const counts = countsBack(current, earlier);
  try {
    const written = await replaceForest(inv, header, restored, inv.accountId, {
      kind: 'restore',
      who: inv.accountId,
      counts,
      of: input.version,
    });
    return { version: written.version, counts };
  } catch (error) {
    if (!(error instanceof TransactionConditionFailed)) throw error;
    // A restore means "exactly that version": replaying it over a change that just landed would undo that
    // change unseen, so it is refused and the person looks again.
    throw new AppError(
      'CONFLICT',
      'The structure changed while restoring, so nothing was restored: your view was refreshed; look at the history and restore again.',
    );
  }
}
