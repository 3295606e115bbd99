// Undo follows the import rule: rows of issues the undoing user cannot see are left alone. An undo
// restores a whole earlier forest, so rather than restore part of it (a third state nobody asked for,
// which a later undo could not take back) it is refused, saying how many rows and who can do it.
import { rowsTouched, type Forest } from '../../domain/forest';
import type { ImportJob } from '../../storage';
import { AppError } from '../errors';
import type { Invocation } from '../invocation';
import { displayNameOf } from '../names/display-name';
import { visibleIssueIds } from '../visibility';

/** Refuses when going back from `current` to `before` would remove, add back or move rows the caller cannot see. */
export async function refuseTouchingHiddenRows(
  inv: Invocation,
  job: ImportJob,
  before: Forest,
  current: Forest,
): Promise<void> {
  const touched = rowsTouched(before, current);
  if (touched.length === 0) return;
  const visible = await visibleIssueIds(
    inv.jira,
    touched.map((r) => r.issueId),
  );
  const hidden = touched.filter((r) => !visible.has(r.issueId)).length;
  if (hidden === 0) return;
  const starter = job.startedBy === inv.accountId ? 'you' : await displayNameOf(inv, job.startedBy);
  throw new AppError(
    'UNDO_NOT_POSSIBLE',
    `Undoing this import would remove, restore or move ${hidden === 1 ? '1 row' : `${hidden} rows`} of issues you cannot see in Jira, and rows you cannot see are left alone. Someone who can see them (this import was run by ${starter}) can undo it.`,
  );
}
