// An installed synchronizer as the settings page shows it: its record plus the state of its last job.
import type { InstalledSynchronizerDto, InstalledSynchronizerLastRun } from '../../contract';
import type { InstalledSynchronizer } from '../../domain/installed';
import { findSynchronizer } from '../../synchronizers';
import type { JobRecord } from '../../storage';
import type { DisplayNames } from '../../synchronizers';
import { paramsSummary } from './summary';

export function lastRunResultOf(job: JobRecord): InstalledSynchronizerLastRun['result'] {
  if (job.state === 'queued' || job.state === 'running') return 'running';
  if (job.state === 'cancelled') return 'cancelled';
  if (job.state === 'failed') return 'failed';
  const failed = job.kind === 'export' || job.kind === 'revert' ? (job.checkpoint.result?.failed ?? 0) : 0;
  return failed > 0 ? 'partial' : 'succeeded';
}

export function lastRunMessageOf(job: JobRecord): string | undefined {
  if (job.error) return job.error.message;
  if (job.kind === 'import' && job.result)
    return `${job.result.added} added, ${job.result.moved} moved, ${job.result.removed} removed`;
  const r = job.kind === 'export' || job.kind === 'revert' ? job.checkpoint.result : undefined;
  if (r) return `${r.applied} changes written to Jira${r.failed > 0 ? `, ${r.failed} refused` : ''}`;
  return undefined;
}

export function toInstalledDto(
  s: InstalledSynchronizer,
  lastJob: JobRecord | undefined,
  names: DisplayNames = {},
): InstalledSynchronizerDto {
  const descriptor = findSynchronizer(s.synchronizerKey);
  const dto: InstalledSynchronizerDto = {
    id: s.id,
    structureId: s.structureId,
    synchronizer: s.synchronizerKey,
    label: descriptor?.label ?? s.synchronizerKey,
    directions: [...(descriptor?.directions ?? [])],
    params: (s.params ?? {}) as Record<string, unknown>,
    paramsSummary: paramsSummary(s.synchronizerKey, s.params, names),
    runAs: s.runAs,
    enabled: s.enabled,
    state: s.state,
  };
  if (s.notAvailableReason !== undefined) dto.notAvailableReason = s.notAvailableReason;
  if (s.stopped)
    dto.stoppedByGuard = {
      at: s.stopped.at,
      rounds: s.stopped.rounds,
      reason: s.stopped.reason,
      synchronizerIds: [...s.stopped.synchronizerIds],
    };
  if (s.lastRun) {
    const result = lastJob ? lastRunResultOf(lastJob) : s.lastRun.result;
    const message = lastJob ? lastRunMessageOf(lastJob) : s.lastRun.message;
    dto.lastRun = {
      ...(s.lastRun.jobId !== undefined ? { jobId: s.lastRun.jobId } : {}),
      direction: s.lastRun.direction,
      trigger: s.lastRun.trigger,
      at: s.lastRun.startedAt,
      ...(lastJob?.finishedAt !== undefined
        ? { finishedAt: new Date(lastJob.finishedAt).toISOString() }
        : s.lastRun.finishedAt
          ? { finishedAt: s.lastRun.finishedAt }
          : {}),
      state:
        lastJob?.state ??
        (result === 'running'
          ? 'running'
          : result === 'failed'
            ? 'failed'
            : result === 'cancelled'
              ? 'cancelled'
              : 'finished'),
      result,
      ...(message !== undefined ? { message } : {}),
    };
  }
  return dto;
}
