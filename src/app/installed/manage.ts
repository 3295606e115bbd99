// Installing, listing, editing, removing, enabling and disabling synchronizers on a structure. Changes
// need control; listing needs view. The run-as user is whoever installed it (reference §2.3): background
// runs act as them, never as whoever caused the event. So that it never runs parameters its run-as user
// did not choose, only the run-as user changes its parameters or enables it; anyone else with control
// may disable it (stopping runs nothing), remove it, resync it by hand as themselves, or install their own.
import { randomBytes } from 'node:crypto';
import type { InstalledSynchronizerDto, Payload } from '../../contract';
import { installSynchronizer as newInstalled, setEnabled, type InstalledSynchronizer } from '../../domain/installed';
import { findModule } from '../../synchronizers';
import { InstalledSynchronizerRepository, type StructureRecord } from '../../storage';
import { levelOf, requireLevel } from '../access';
import { AppError } from '../errors';
import type { Invocation } from '../invocation';
import { jobsOf } from '../jobs';
import { keyRedactor, mapStrings, stringsOf } from '../jobs/reader-view';
import { validateParams } from '../params';
import { requireSynchronizersEnabled } from '../settings';
import { findStructure } from '../structures';
import { atLeast } from '../../domain/permissions';
import { unavailableReason } from './availability';
import { toInstalledDto } from './dto';
import { displayNameOf } from '../names/display-name';
import { pointsLastDay } from './points';
import { displayNamesOf } from './summary';

export const installedOf = (inv: Invocation): InstalledSynchronizerRepository =>
  new InstalledSynchronizerRepository(inv.kvsWrites);

export async function findInstalled(
  inv: Invocation,
  structureId: string,
  synchronizerId: string,
): Promise<InstalledSynchronizer> {
  const found = await installedOf(inv).get(structureId, synchronizerId);
  if (!found)
    throw new AppError(
      'SYNCHRONIZER_NOT_FOUND',
      `There is no synchronizer ${synchronizerId} on this structure; it may have been removed.`,
    );
  return found;
}

/**
 * The synchronizer's schema, then what Jira can tell right away as the installing user (the JQL parses,
 * the saved filter, board or link type exists and is visible): a synchronizer that cannot run should
 * not be saved as if it could.
 */
async function checkedParams(inv: Invocation, key: string, params: unknown): Promise<unknown> {
  const module = findModule(key);
  if (!module)
    throw new AppError('UNKNOWN_SYNCHRONIZER', `There is no synchronizer "${key}".`, { field: 'synchronizer' });
  const valid = validateParams(module.synchronizer, params);
  if (module.import) await module.import.resolve(inv, valid);
  else await module.export?.prepare?.(inv, valid);
  return valid;
}

/** Refuses a change that would make the synchronizer act as someone other than the one asking for it. */
async function requireRunAsUser(inv: Invocation, s: InstalledSynchronizer, change: string): Promise<void> {
  if (s.runAs === inv.accountId) return;
  const runAs = await displayNameOf(inv, s.runAs);
  throw new AppError(
    'NOT_RUN_AS_USER',
    `Only ${runAs}, who this synchronizer runs as, can ${change}: it acts in the background with their Jira permissions. You can disable it, resync it by hand as yourself, or install your own.`,
  );
}

async function dtoOf(inv: Invocation, s: InstalledSynchronizer, lastDay?: number): Promise<InstalledSynchronizerDto> {
  const job = s.lastRun?.jobId ? await jobsOf(inv).get(s.lastRun.jobId) : undefined;
  const dto = toInstalledDto(s, job, await displayNamesOf(inv, s.synchronizerKey, s.params));
  if (lastDay !== undefined) dto.points = { ...(job ? { lastRun: job.cost.jiraPoints } : {}), lastDay };
  return dto;
}

/** Looks again whether the run-as user can still run it; stores a change of availability. */
export async function refreshAvailability(
  inv: Invocation,
  structure: StructureRecord,
  s: InstalledSynchronizer,
): Promise<InstalledSynchronizer> {
  const reason = await unavailableReason(structure, s.runAs);
  let next: InstalledSynchronizer;
  if (reason !== undefined) next = { ...s, state: 'not-available', notAvailableReason: reason };
  else {
    const { notAvailableReason: _r, ...rest } = s;
    next = { ...rest, state: s.enabled ? 'enabled' : 'disabled' };
  }
  if (next.state !== s.state || next.notAvailableReason !== s.notAvailableReason) await installedOf(inv).put(next);
  return next;
}

export async function installSynchronizer(
  inv: Invocation,
  p: Payload<'installSynchronizer'>,
): Promise<{ synchronizer: InstalledSynchronizerDto }> {
  const structure = await findStructure(inv, p.structureId);
  await requireLevel(inv, structure, 'control');
  await requireSynchronizersEnabled(inv);
  const params = await checkedParams(inv, p.synchronizer, p.params);
  const s = newInstalled({
    id: `sync-${inv.now().toString(36)}-${randomBytes(4).toString('hex')}`,
    structureId: structure.id,
    synchronizerKey: p.synchronizer,
    params,
    runAs: inv.accountId,
  });
  await installedOf(inv).put(s);
  return { synchronizer: await dtoOf(inv, s) };
}

export async function listInstalledSynchronizers(
  inv: Invocation,
  structureId: string,
): Promise<{ synchronizers: InstalledSynchronizerDto[]; canChange: boolean }> {
  const structure = await findStructure(inv, structureId);
  const level = await requireLevel(inv, structure, 'view');
  const list = await installedOf(inv).list(structureId);
  const canChange = atLeast(level === 'control' ? level : await levelOf(inv, structure), 'control');
  const out: InstalledSynchronizerDto[] = [];
  const lastDay = list.length > 0 ? await pointsLastDay(inv, structureId) : new Map<string, number>();
  for (const s of list) {
    const dto = await dtoOf(inv, await refreshAvailability(inv, structure, s), lastDay.get(s.id) ?? 0);
    out.push(canChange || s.runAs === inv.accountId ? dto : withoutParams(dto));
  }
  return { synchronizers: await withKeysRedacted(inv, out), canChange };
}

/** Parameters, like a job's, only for the run-as user and people with control (jobs/reader-view.ts). */
function withoutParams(dto: InstalledSynchronizerDto): InstalledSynchronizerDto {
  const out: InstalledSynchronizerDto = {
    ...dto,
    params: {},
    paramsSummary: 'Its parameters are shown to its run-as user and to people with control of this structure.',
  };
  // A failure's message may quote the parameters (Jira's word on the JQL); counts do not.
  if (dto.lastRun?.result === 'failed') {
    const { message: _m, ...lastRun } = dto.lastRun;
    out.lastRun = lastRun;
  }
  return out;
}

async function withKeysRedacted(
  inv: Invocation,
  list: InstalledSynchronizerDto[],
): Promise<InstalledSynchronizerDto[]> {
  const texts = list.flatMap((d) => [d.paramsSummary, d.lastRun?.message ?? '', ...stringsOf(d.params)]);
  const text = await keyRedactor(inv, texts);
  return list.map((d) => ({
    ...d,
    params: mapStrings(d.params, text) as Record<string, unknown>,
    paramsSummary: text(d.paramsSummary),
    ...(d.lastRun?.message !== undefined ? { lastRun: { ...d.lastRun, message: text(d.lastRun.message) } } : {}),
  }));
}

export async function updateSynchronizer(
  inv: Invocation,
  p: Payload<'updateSynchronizer'>,
): Promise<{ synchronizer: InstalledSynchronizerDto }> {
  const structure = await findStructure(inv, p.structureId);
  await requireLevel(inv, structure, 'control');
  const s = await findInstalled(inv, structure.id, p.synchronizerId);
  await requireRunAsUser(inv, s, 'change its parameters');
  const next: InstalledSynchronizer = { ...s, params: await checkedParams(inv, s.synchronizerKey, p.params) };
  await installedOf(inv).put(next);
  return { synchronizer: await dtoOf(inv, next) };
}

export async function removeSynchronizer(
  inv: Invocation,
  p: Payload<'removeSynchronizer'>,
): Promise<{ removed: true }> {
  const structure = await findStructure(inv, p.structureId);
  await requireLevel(inv, structure, 'control');
  await findInstalled(inv, structure.id, p.synchronizerId);
  await installedOf(inv).delete(structure.id, p.synchronizerId);
  return { removed: true };
}

export async function setSynchronizerEnabled(
  inv: Invocation,
  p: Payload<'setSynchronizerEnabled'>,
): Promise<{ synchronizer: InstalledSynchronizerDto }> {
  const structure = await findStructure(inv, p.structureId);
  await requireLevel(inv, structure, 'control');
  if (p.enabled) await requireSynchronizersEnabled(inv);
  const s = await findInstalled(inv, structure.id, p.synchronizerId);
  if (p.enabled) await requireRunAsUser(inv, s, 'enable it');
  const next = await refreshAvailability(inv, structure, setEnabled(s, p.enabled));
  await installedOf(inv).put(next);
  return { synchronizer: await dtoOf(inv, next) };
}

export { levelOf };
