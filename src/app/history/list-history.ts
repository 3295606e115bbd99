// listStructureHistory: the structure's changes, newest first, for anyone who may view it. An entry says
// who, when, what kind, and how many rows were added, moved, removed — never which issues, so it reveals
// nothing about issues the reader cannot see. People are named as Jira shows them to the reader.
import type { HistoryEntryDto, HistoryPage } from '../../contract';
import type { ExportEntry, HistoryItem } from '../../storage';
import { requireLevel } from '../access';
import { AppError, structureNotFound } from '../errors';
import { forestsOf, historyOf } from '../forest-store';
import type { Invocation } from '../invocation';
import { displayNameOf } from '../names/display-name';
import { findStructure } from '../structures';
import { isStored } from './stored-version';

export async function listStructureHistory(
  inv: Invocation,
  input: { structureId: string; cursor?: string; limit: number },
): Promise<HistoryPage> {
  await requireLevel(inv, await findStructure(inv, input.structureId), 'view');
  const header = await forestsOf(inv).getHeader(input.structureId);
  if (!header) throw structureNotFound(input.structureId);
  const newest = input.cursor === undefined ? header.version : Number(input.cursor);
  if (!Number.isInteger(newest) || newest < 0 || newest > header.version)
    throw new AppError('INVALID_PAYLOAD', 'The cursor is not one this app handed out.', { field: 'cursor' });
  const { entries, next } = await historyOf(inv).list(input.structureId, header.version, newest, input.limit);
  // An undo names the edit it took back; it may sit on this page or a newer one, so read from the top.
  const undone = new Set<number>();
  if (entries.some((e) => e.kind === 'edit' && e.who === inv.accountId && isStored(inv, header, e.version - 1))) {
    const oldest = entries[entries.length - 1]!.version;
    const all = await historyOf(inv).list(
      input.structureId,
      header.version,
      header.version,
      header.version - oldest + 1,
    );
    for (const e of all.entries) if (e.kind === 'undo-edit' && e.of !== undefined) undone.add(e.of);
  }
  const out: HistoryEntryDto[] = [];
  for (const e of entries) {
    const who = { accountId: e.who, displayName: await displayNameOf(inv, e.who) };
    const at = new Date(e.at).toISOString();
    const viewable = isStored(inv, header, e.version);
    if (isExport(e)) {
      const counts = { added: 0, moved: 0, removed: 0 };
      out.push({
        version: e.version,
        at,
        kind: e.kind,
        who,
        counts,
        jobId: e.jobId,
        issuesChanged: e.changes,
        state: e.state,
        viewable,
      });
      continue;
    }
    const dto: HistoryEntryDto = {
      version: e.version,
      at,
      kind: e.kind,
      who,
      counts: { added: e.counts.added, moved: e.counts.moved, removed: e.counts.removed },
      ...(e.jobId !== undefined ? { jobId: e.jobId } : {}),
      ...(e.trigger !== undefined ? { trigger: e.trigger } : {}),
      ...(e.of !== undefined ? { of: e.of } : {}),
      ...(e.renames !== undefined && e.renames.length > 0 ? { renamed: e.renames.length } : {}),
      viewable,
    };
    if (e.kind === 'edit' && e.who === inv.accountId)
      dto.undoable = !undone.has(e.version) && viewable && isStored(inv, header, e.version - 1);
    out.push(dto);
  }
  return {
    structureId: input.structureId,
    version: header.version,
    entries: out,
    ...(next !== undefined ? { nextCursor: String(next) } : {}),
  };
}

const isExport = (e: HistoryItem): e is ExportEntry => e.kind === 'export' || e.kind === 'revert';
