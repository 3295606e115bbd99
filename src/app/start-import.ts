// startImport: every check that can fail fast runs here, as the user, before a job exists; then the job
// is recorded as queued and its first event pushed. The worker does the rest as the same user.
import type { JobDto } from '../contract';
import { requireLevel } from './access';
import { decideRead } from './import/incremental';
import { importSpecFor } from './import/registry';
import type { Invocation } from './invocation';
import { enqueueJob, importJob, startedBefore, type JobOrigin } from './jobs';
import { requireNoRunningJob } from './jobs/one-at-a-time';
import { pushJobEvent, type PushJobEvent } from './jobs/queue';
import { requireSynchronizersEnabled } from './settings';
import { findStructure } from './structures';
import { synchronizerFor, validateParams } from './synchronizers';

export interface ImportRequest {
  structureId: string;
  synchronizer: string;
  params: Record<string, unknown>;
  /**
   * Issues the caller has just written to Jira (e.g. a resync right after an export). Jira's search may
   * not show those writes yet; the import's searches reconcile them (Jira takes at most 50).
   */
  reconcileIssueIds?: number[];
  /** The client's id for this start: a repeat answers with the same job (see jobIdForRequest). */
  requestId?: string;
}

/**
 * The checks shared by preview and start, after the caller's permission check: the dark feature, the
 * synchronizer, its parameters, and what only Jira can tell.
 */
export async function prepareImport(inv: Invocation, request: ImportRequest) {
  const structure = await findStructure(inv, request.structureId);
  await requireSynchronizersEnabled(inv);
  const synchronizer = synchronizerFor(request.synchronizer, 'import');
  const spec = importSpecFor(synchronizer.key);
  const params = validateParams(synchronizer, request.params);
  const resolved = await spec.resolve(inv, params);
  if (request.reconcileIssueIds?.length) resolved.reconcileIssueIds = request.reconcileIssueIds.slice(0, 50);
  return { structure, synchronizer, spec, params, resolved };
}

export async function startImport(
  inv: Invocation,
  request: ImportRequest,
  push: PushJobEvent = pushJobEvent,
  origin: JobOrigin = {},
): Promise<{ job: JobDto }> {
  // A person needs control; so does the run-as user of a background run (whose access may have changed).
  await requireLevel(inv, await findStructure(inv, request.structureId), 'control');
  const repeated = await startedBefore(inv, request.requestId);
  if (repeated) return repeated;
  await requireNoRunningJob(inv, request.structureId, 'import');
  const { structure, synchronizer, spec, params, resolved } = await prepareImport(inv, request);
  if (spec.incremental)
    Object.assign(resolved, await decideRead(inv, structure.id, synchronizer.key, params, resolved.jql));
  const source =
    resolved.filterName !== undefined ? `saved filter "${resolved.filterName}"` : (resolved.source ?? 'JQL');
  const reads = resolved.jql === '' ? source : `${source}: ${resolved.jql}`;
  const job = importJob(inv, {
    structureId: structure.id,
    synchronizer: synchronizer.key,
    params: params as Record<string, unknown>,
    intro: `Import with the ${synchronizer.label} synchronizer from ${reads}`,
    resolved,
    origin,
    requestId: request.requestId,
  });
  return enqueueJob(inv, job, push, request.requestId);
}
