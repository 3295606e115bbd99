// Structure use cases: list, read, create, rename/describe, delete, permission rules.
import { randomUUID } from 'node:crypto';
import type { PermissionRule, StructureDetails, StructureSummary } from '../contract';
import {
  ColumnsRepository,
  ImportBaseRepository,
  InstalledSynchronizerRepository,
  JobRepository,
  StaleJobStep,
  StructureRepository,
  type ForestHeader,
  type JobRecord,
  type StructureRecord,
  runTransaction,
} from '../storage';
import { keys } from '../storage/keys';
import { levelOf, requireLevel } from './access';
import { structureNotFound } from './errors';
import { folderNamesOf, forestsOf, historyOf } from './forest-store';
import type { Invocation } from './invocation';
import { deleteExportData } from './export/delete-data';
import { isTerminal, logEntry } from './jobs/lifecycle';
import { displayNameOf } from './names/display-name';

const structuresOf = (inv: Invocation): StructureRepository => new StructureRepository(inv.kvsWrites);

export async function findStructure(inv: Invocation, structureId: string): Promise<StructureRecord> {
  const structure = await structuresOf(inv).get(structureId);
  if (!structure) throw structureNotFound(structureId);
  return structure;
}

/** The structure, or undefined when it does not exist (any more). */
export function structureIfAny(inv: Invocation, structureId: string): Promise<StructureRecord | undefined> {
  return structuresOf(inv).get(structureId);
}

function details(
  structure: StructureRecord,
  level: StructureSummary['level'],
  header: ForestHeader | undefined,
): StructureDetails {
  return {
    id: structure.id,
    name: structure.name,
    description: structure.description,
    ownerAccountId: structure.ownerAccountId,
    level,
    rowCount: header?.rowCount ?? 0,
    createdAt: structure.createdAt,
    updatedAt: structure.updatedAt,
    rules: structure.rules,
    forestVersion: header?.version ?? 0,
  };
}

export async function listStructures(
  inv: Invocation,
  scope: 'mine' | 'all',
): Promise<{ structures: StructureSummary[] }> {
  const all = (await structuresOf(inv).list()).filter((s) => scope === 'all' || s.ownerAccountId === inv.accountId);
  const headers = await forestsOf(inv).getHeaders(all.map((s) => s.id));
  const out: StructureSummary[] = [];
  for (const structure of all) {
    const level = await levelOf(inv, structure);
    if (level === 'none') continue;
    const { rules: _rules, forestVersion: _v, ...summary } = details(structure, level, headers.get(structure.id));
    out.push(summary);
  }
  out.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { structures: out };
}

export async function getStructure(inv: Invocation, structureId: string): Promise<StructureDetails> {
  const structure = await findStructure(inv, structureId);
  await requireLevel(inv, structure, 'view');
  // The exact level for display (requireLevel stops asking Jira once "view" is settled).
  return details(structure, await levelOf(inv, structure), await forestsOf(inv).getHeader(structureId));
}

export async function createStructure(
  inv: Invocation,
  input: { name: string; description: string },
): Promise<StructureDetails> {
  const now = new Date(inv.now()).toISOString();
  const structure: StructureRecord = {
    id: randomUUID(),
    name: input.name,
    description: input.description,
    ownerAccountId: inv.accountId,
    rules: [],
    createdAt: now,
    updatedAt: now,
  };
  // Structure and its empty forest header land together: every later forest write is conditional on it.
  const header = forestsOf(inv).emptyHeaderOp(structure.id, inv.now());
  await runTransaction([{ kind: 'set', key: keys.structure(structure.id), value: structure }, header], inv.kvsWrites);
  return details(structure, 'control', header.value as ForestHeader);
}

export async function updateStructure(
  inv: Invocation,
  input: { structureId: string; name?: string; description?: string },
): Promise<StructureDetails> {
  const structure = await findStructure(inv, input.structureId);
  const level = await requireLevel(inv, structure, 'control');
  const updated: StructureRecord = {
    ...structure,
    name: input.name ?? structure.name,
    description: input.description ?? structure.description,
    updatedAt: new Date(inv.now()).toISOString(),
  };
  await structuresOf(inv).put(updated);
  return details(updated, level, await forestsOf(inv).getHeader(structure.id));
}

export async function deleteStructure(inv: Invocation, structureId: string): Promise<{ deleted: true }> {
  const structure = await findStructure(inv, structureId);
  await requireLevel(inv, structure, 'control');
  // The record first: once it is gone nobody can reach the forest, so a failure below leaves only garbage.
  await structuresOf(inv).delete(structureId);
  const header = await forestsOf(inv).getHeader(structureId);
  if (header) await historyOf(inv).deleteAll(structureId, header.version);
  await forestsOf(inv).deleteAll(structureId);
  await folderNamesOf(inv).deleteAll(structureId);
  await new ColumnsRepository(inv.kvsWrites).delete(structureId);
  await new ImportBaseRepository(inv.kvsWrites).deleteAll(structureId);
  // Its jobs go too, with their data. A job still queued or running is cancelled instead and kept, so
  // whoever started it still finds it and reads why it stopped; its next event finds it ended.
  const who = await displayNameOf(inv, inv.accountId);
  const jobs = new JobRepository(inv.kvsWrites);
  let cursor: string | undefined;
  do {
    const page = await jobs.listByStructure(structureId, 100, cursor);
    for (const job of page.jobs) {
      // An export's change log is kept for the revert window: it goes with the structure, like the job.
      await deleteExportData(inv.kvsWrites, job);
      if (isTerminal(job)) await jobs.delete(job.id);
      else await cancelForDeletedStructure(inv, jobs, job, who);
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  // And its installed synchronizers, so background sync forgets it.
  const installed = new InstalledSynchronizerRepository(inv.kvsWrites);
  for (const s of await installed.list(structureId)) {
    await installed.delete(structureId, s.id);
    await installed.deletePendingOf(s.id);
  }
  return { deleted: true };
}

export async function setPermissions(
  inv: Invocation,
  input: { structureId: string; rules: PermissionRule[] },
): Promise<StructureDetails> {
  const structure = await findStructure(inv, input.structureId);
  await requireLevel(inv, structure, 'control');
  const updated: StructureRecord = { ...structure, rules: input.rules, updatedAt: new Date(inv.now()).toISOString() };
  await structuresOf(inv).put(updated);
  // The caller may have lowered their own level (unless owner or admin): report what they have now.
  inv.memo.clear();
  return details(updated, await levelOf(inv, updated), await forestsOf(inv).getHeader(structure.id));
}

async function cancelForDeletedStructure(
  inv: Invocation,
  jobs: JobRepository,
  job: JobRecord,
  who: string,
): Promise<void> {
  const message = `Cancelled: ${who} deleted the structure while this ${job.kind} ran.`;
  try {
    await jobs.commit(
      {
        ...job,
        state: 'cancelled',
        step: job.step + 1,
        finishedAt: inv.now(),
        progress: { ...job.progress, phase: 'cancelled' },
        error: { code: 'STRUCTURE_NOT_FOUND', message },
        log: [...job.log, logEntry(inv, 'warn', message)],
      },
      job.step,
    );
  } catch (error) {
    // The job moved on meanwhile (it ended, or was cancelled): it ends without the structure either way.
    if (!(error instanceof StaleJobStep)) throw error;
  }
}
