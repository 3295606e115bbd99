// Undo of the last import: the forest before the import is kept as the previous version, so undo is one
// transaction that writes it back — only while the structure is still exactly what the import left.
// It runs in the resolver (a few KVS reads and one write) and is recorded as a finished `undo` job.
import type { JobDto } from '../contract';
import { Forest, forestFromChunks } from '../domain/forest';
import { TransactionConditionFailed, type JobRecord } from '../storage';
import { requireLevel } from './access';
import { AppError } from './errors';
import { forestsOf, loadForest, replaceForest } from './forest-store';
import type { Invocation } from './invocation';
import { canUndo, findJob, jobsOf, logEntry, toJobDto } from './jobs';
import { newJobId } from './start-import';
import { findStructure } from './structures';
import { displayNameOf } from './names/display-name';

export async function undoImport(inv: Invocation, jobId: string): Promise<{ job: JobDto }> {
  const job = await findJob(inv, jobId);
  await requireLevel(inv, await findStructure(inv, job.structureId), 'control');
  const { header, forest: current } = await loadForest(inv, job.structureId);
  if (!canUndo(job, header) || !job.undo) {
    const reason =
      job.kind !== 'import' || job.state !== 'finished' || !job.undo
        ? 'Only a finished import that changed the structure can be undone.'
        : job.undo.undoneByJobId
          ? 'This import was already undone.'
          : 'The structure changed since this import, so undoing it would lose those changes.';
    throw new AppError('UNDO_NOT_POSSIBLE', reason);
  }
  const chunks = await forestsOf(inv).readPrevious(header, job.undo.replacedVersion);
  if (!chunks)
    throw new AppError('UNDO_NOT_POSSIBLE', 'The structure as it was before this import is no longer stored.');
  const before = chunks.length === 0 ? Forest.EMPTY : forestFromChunks(chunks);
  // Rows the import added must never be handed out again: keep the newer high-water mark.
  const restored = Forest.fromColumns(before.columns, Math.max(before.nextRowId, current.nextRowId));

  const now = inv.now();
  const who = await displayNameOf(inv, inv.accountId);
  const undo: JobRecord = {
    id: newJobId(now),
    kind: 'undo',
    structureId: job.structureId,
    synchronizer: job.synchronizer,
    params: { undoOf: job.id },
    startedBy: inv.accountId,
    state: 'finished',
    createdAt: now,
    startedAt: now,
    finishedAt: now,
    progress: { phase: 'finished', done: 1, total: 1 },
    log: [logEntry(inv, 'info', `Undid import ${job.id}: the structure is back to how it was before it.`)],
    cost: { jiraCalls: inv.jira.cost.calls, jiraPoints: inv.jira.cost.points, kvsWrites: 0 },
    step: 1,
    resolved: { jql: job.resolved.jql, undoOfJobId: job.id },
    checkpoint: { pages: 0, matched: 0, searchDone: true },
  };
  const undone: JobRecord = {
    ...job,
    step: job.step + 1,
    undo: { ...job.undo, undoneByJobId: undo.id },
    log: [...job.log, logEntry(inv, 'info', `Undone by ${who} (job ${undo.id}).`)],
  };
  const jobs = jobsOf(inv);
  try {
    await replaceForest(inv, header, restored, undo.id, [
      { kind: 'set', key: undo.id, value: undo, entityName: 'job' },
      jobs.commitOp(undone, job.step),
    ]);
  } catch (error) {
    if (error instanceof TransactionConditionFailed) {
      throw new AppError('UNDO_NOT_POSSIBLE', 'The structure changed while undoing, so nothing was undone.');
    }
    throw error;
  }
  return { job: toJobDto(undo, await forestsOf(inv).getHeader(job.structureId)) };
}
