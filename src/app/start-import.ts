// startImport: every check that can fail fast runs here, as the user, before a job exists; then the job
// is recorded as queued and its first event pushed. The worker does the rest as the same user.
import { randomBytes } from 'node:crypto';
import type { JobDto } from '../contract';
import type { JobRecord } from '../storage';
import { requireLevel } from './access';
import { importRunnerFor } from './import-runners';
import type { Invocation } from './invocation';
import { isTerminal, jobsOf, logEntry, toJobDto } from './jobs';
import { pushJobEvent, type PushJobEvent } from './queue';
import { requireSynchronizersEnabled } from './settings';
import { findStructure } from './structures';
import { synchronizerFor, validateParams } from './synchronizers';
import { forestsOf } from './forest-store';

export interface ImportRequest {
  structureId: string;
  synchronizer: string;
  params: Record<string, unknown>;
  /**
   * Issues the caller has just written to Jira (e.g. a resync right after an export). Jira's search may
   * not show those writes yet; the import's searches reconcile them (Jira takes at most 50).
   */
  reconcileIssueIds?: number[];
}

/** Time-ordered and unguessable; fits KVS keys. */
export function newJobId(now: number): string {
  return `${now.toString(36)}-${randomBytes(6).toString('hex')}`;
}

/** The checks shared by preview and start: structure, control, dark feature, synchronizer, parameters, Jira. */
export async function prepareImport(inv: Invocation, request: ImportRequest) {
  const structure = await findStructure(inv, request.structureId);
  await requireLevel(inv, structure, 'control');
  await requireSynchronizersEnabled(inv);
  const synchronizer = synchronizerFor(request.synchronizer, 'import');
  const runner = importRunnerFor(synchronizer.key);
  const params = validateParams(synchronizer, request.params);
  const resolved = await runner.resolve(inv, params);
  if (request.reconcileIssueIds?.length) resolved.reconcileIssueIds = request.reconcileIssueIds.slice(0, 50);
  return { structure, synchronizer, runner, params, resolved };
}

export async function startImport(
  inv: Invocation,
  request: ImportRequest,
  push: PushJobEvent = pushJobEvent,
  origin: { installedId?: string; trigger?: 'manual' | 'event' | 'schedule' } = {},
): Promise<{ job: JobDto }> {
  const { structure, synchronizer, params, resolved } = await prepareImport(inv, request);
  const now = inv.now();
  const source =
    resolved.filterName !== undefined ? `saved filter "${resolved.filterName}"` : (resolved.source ?? 'JQL');
  const reads = resolved.jql === '' ? source : `${source}: ${resolved.jql}`;
  const job: JobRecord = {
    id: newJobId(now),
    kind: 'import',
    structureId: structure.id,
    synchronizer: synchronizer.key,
    params: params as unknown as Record<string, unknown>,
    startedBy: inv.accountId,
    state: 'queued',
    createdAt: now,
    progress: { phase: 'queued', done: 0 },
    log: [logEntry(inv, 'info', `Import with the ${synchronizer.label} synchronizer from ${reads}`)],
    cost: { jiraCalls: inv.jira.cost.calls, jiraPoints: inv.jira.cost.points, kvsWrites: 0 },
    step: 0,
    driver: 0,
    checkpointAt: now,
    resolved,
    checkpoint: { pages: 0, matched: 0, searchDone: false },
    // A resync of an installed synchronizer (by hand or in the background) says which and why.
    ...(origin.installedId !== undefined ? { installedId: origin.installedId } : {}),
    ...(origin.trigger !== undefined ? { trigger: origin.trigger } : {}),
  };
  await jobsOf(inv).create(job);
  try {
    await push({ jobId: job.id, step: 0 });
  } catch (error) {
    const failed: JobRecord = {
      ...job,
      state: 'failed',
      step: 1,
      finishedAt: inv.now(),
      error: { code: 'INTERNAL', message: 'The job could not be queued.' },
    };
    await jobsOf(inv).commit(failed, 0);
    throw error;
  }
  return { job: toJobDto(job, isTerminal(job) ? undefined : await forestsOf(inv).getHeader(structure.id)) };
}
