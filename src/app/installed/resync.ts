// Resync of an installed synchronizer in one direction: import runs the import job with the saved
// parameters, export the export job. By hand it runs as the person who asks (control needed), like a
// one-time import or export; in the background as the synchronizer's run-as user (background/).
import type { JobDto, Payload, ResyncPreview } from '../../contract';
import type { InstalledSynchronizer } from '../../domain/installed';
import { findSynchronizer } from '../../synchronizers';
import { requireLevel } from '../access';
import { AppError } from '../errors';
import { previewPrepared } from '../export/preview';
import { prepareExport } from '../export/prepare';
import { startPrepared } from '../export/start';
import { startedBefore, type JobOrigin } from '../jobs';
import type { Invocation } from '../invocation';
import { previewImport } from '../preview-import';
import { pushJobEvent, type PushJobEvent } from '../jobs/queue';
import { startImport } from '../start-import';
import { findStructure } from '../structures';
import { findInstalled, installedOf } from './manage';

type Direction = 'import' | 'export';

function requireDirection(s: InstalledSynchronizer, direction: Direction): void {
  const descriptor = findSynchronizer(s.synchronizerKey);
  if (!descriptor?.directions.includes(direction)) {
    const label = descriptor?.label ?? s.synchronizerKey;
    throw new AppError(
      'DIRECTION_NOT_SUPPORTED',
      `The ${label} synchronizer does not ${direction === 'import' ? 'import into the structure' : 'export to Jira'}.`,
      { field: 'direction' },
    );
  }
}

const request = (s: InstalledSynchronizer) => ({
  structureId: s.structureId,
  synchronizer: s.synchronizerKey,
  params: (s.params ?? {}) as Record<string, unknown>,
});

export async function previewResync(inv: Invocation, p: Payload<'previewResync'>): Promise<ResyncPreview> {
  await requireLevel(inv, await findStructure(inv, p.structureId), 'control');
  const s = await findInstalled(inv, p.structureId, p.synchronizerId);
  requireDirection(s, p.direction);
  if (p.direction === 'import') return { direction: 'import', import: await previewImport(inv, request(s)) };
  return { direction: 'export', export: await previewPrepared(inv, await prepareExport(inv, request(s))) };
}

export async function resync(inv: Invocation, p: Payload<'resync'>): Promise<{ job: JobDto }> {
  const structure = await findStructure(inv, p.structureId);
  await requireLevel(inv, structure, 'control');
  const s = await findInstalled(inv, p.structureId, p.synchronizerId);
  requireDirection(s, p.direction);
  return startResync(inv, s, p.direction, { installedId: s.id, trigger: 'manual' }, { requestId: p.requestId });
}

/**
 * Starts the job and records it as the synchronizer's last run. An import reconciles
 * `reconcileIssueIds` (issues just changed in Jira, which its search may not show yet).
 */
export async function startResync(
  inv: Invocation,
  s: InstalledSynchronizer,
  direction: Direction,
  origin: JobOrigin,
  { reconcileIssueIds = [], requestId }: { reconcileIssueIds?: readonly number[]; requestId?: string } = {},
  push: PushJobEvent = pushJobEvent,
): Promise<{ job: JobDto }> {
  const repeated = await startedBefore(inv, requestId);
  if (repeated) return repeated;
  const reconcile = reconcileIssueIds.length > 0 ? { reconcileIssueIds: [...reconcileIssueIds] } : {};
  const started =
    direction === 'import'
      ? await startImport(inv, { ...request(s), ...reconcile, requestId }, push, origin)
      : await startPrepared(inv, await prepareExport(inv, request(s)), push, origin, requestId, reconcileIssueIds);
  const fresh = (await installedOf(inv).get(s.structureId, s.id)) ?? s;
  await installedOf(inv).put({
    ...fresh,
    lastRun: {
      jobId: started.job.id,
      direction,
      trigger: origin.trigger ?? 'manual',
      startedAt: new Date(inv.now()).toISOString(),
      result: 'running',
    },
  });
  return started;
}
