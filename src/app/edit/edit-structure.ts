// editStructure: a person's edits to a structure — add issues or folders, rename folders, copy, move,
// indent, outdent, remove rows — in one batch, based on the forest version they were shown, applied all or nothing. Jira decides what the
// editor can see (asked as them), and a row they cannot see is never moved or removed by them.
import type { EditStructureResult } from '../../contract';
import { pinPlaces, planEdit, type EditAction, type PinnedActions } from '../../domain/edit';
import { folderIdOf, isFolder, type Forest, type IssueId } from '../../domain/forest';
import { BULKFETCH_MAX } from '../../jira';
import { TransactionConditionFailed, type ChangeNote, type ForestHeader } from '../../storage';
import { requireLevel } from '../access';
import { AppError } from '../errors';
import { commitEdit, folderNamesOf, forestOfVersion, forestsOf, loadForest } from '../forest-store';
import { namingOps, renamesOf } from './folder-names';
import type { Invocation } from '../invocation';
import { findStructure } from '../structures';
import { visibleIssueIds } from '../visibility';

/** An edit as the payload gives it: issues to add by key. */
export type EditActionIn =
  | { kind: 'add'; issueKeys: string[]; under?: number; after?: number; before?: number }
  | { kind: 'move' | 'copy'; rowIds: number[]; under?: number; after?: number; before?: number }
  | { kind: 'add-folder'; name: string; under?: number; after?: number; before?: number }
  | { kind: 'rename'; rowId: number; name: string }
  | { kind: 'indent' | 'outdent' | 'remove'; rowIds: number[] };

export interface EditStructureInput {
  structureId: string;
  /** The forest version the editor's view shows. */
  version: number;
  actions: EditActionIn[];
}

const raceMessage =
  'The structure kept changing while your edit was saved (imports, resyncs or other editors): your view was refreshed; make your change again.';

/** Saves that lost a race with another writer are rebased on what landed, this many times in all. */
const MAX_COMMIT_ATTEMPTS = 4;

/**
 * An edit based on an older version is rebased: its actions name rows, whose ids are stable across
 * versions and never reused, so the same actions planned on the current forest keep the editor's intent
 * whenever every row and place they name is still where the editor saw it relative to its parent — and
 * planEdit refuses exactly when not. Only then is the editor told their view is stale, with planEdit's
 * reason. Losing a commit race is the same case one step later: reload, rebase, try again.
 */
export async function editStructure(inv: Invocation, input: EditStructureInput): Promise<EditStructureResult> {
  await requireLevel(inv, await findStructure(inv, input.structureId), 'edit');
  const added = await issueIdsOfKeys(inv, input.actions);
  const actions = input.actions.map((a): EditAction => {
    if (a.kind !== 'add') return a;
    const { issueKeys, ...place } = a;
    return { ...place, issueIds: issueKeys.map((k) => added.get(k.toUpperCase()) as IssueId) };
  });
  return commitActions(inv, input.structureId, input.version, actions, new Set(added.values()));
}

/**
 * Plans and commits domain edits on `version` of a structure the caller may edit (checked by the
 * caller), rebased and retried as editStructure says. `known`: issues the caller is known to see (the
 * keys Jira just resolved as them), not asked again.
 */
export async function commitActions(
  inv: Invocation,
  structureId: string,
  version: number,
  actions: readonly EditAction[],
  known: ReadonlySet<IssueId> = new Set(),
): Promise<EditStructureResult> {
  const input = { structureId, version };
  const addedIds = known;
  // Jira's answers about visibility hold for the whole request: ask again only about issues new to a rebase.
  const asked = new Map<IssueId, boolean>();

  // The editor's view, once a rebase needs it to pin relative places (indent, outdent).
  let view: Forest | undefined;
  let pinned: PinnedActions | undefined;

  for (let attempt = 1; ; attempt++) {
    const { header, forest } = await loadForest(inv, input.structureId);
    if (header.version === input.version) view = forest;
    const stale = header.version !== input.version;
    if (stale && pinned === undefined) {
      if (actions.some((a) => a.kind === 'indent' || a.kind === 'outdent')) {
        view ??= await viewAt(inv, header, input.version);
        if (!view)
          throw new AppError(
            'CONFLICT',
            staleRefusal('It indents or outdents rows next to rows that may have moved since, so it is not replayed.'),
          );
        pinned = pinPlaces(view, actions);
      } else pinned = { actions: [...actions], origin: actions.map((_, i) => i) };
    }
    const planned = stale && pinned ? pinned.actions : actions;
    // Asked about the actions as planned: a pinned indent places under the row that was above.
    const unknown = issuesToAsk(forest, planned).filter((issueId) => !asked.has(issueId));
    const visible = await visibleIssueIds(inv.jira, unknown);
    for (const issueId of unknown) asked.set(issueId, visible.has(issueId));
    const names = await folderNamesOf(inv).names(input.structureId, foldersToName(forest, planned));
    const result = planEdit({
      forest,
      actions: planned,
      visible: (id) => asked.get(id) === true || addedIds.has(id),
      nameOf: (folderId) => names.get(folderId),
    });
    if (!result.ok) {
      // A pinned action refused names the action the editor sent.
      const field = stale && pinned ? fieldOfOrigin(result.refusal.field, pinned, actions) : result.refusal.field;
      if (stale) throw new AppError('CONFLICT', staleRefusal(result.refusal.message), { field });
      throw new AppError('INVALID_EDIT', result.refusal.message, { field });
    }
    const note: ChangeNote = { kind: 'edit', who: inv.accountId, counts: result.counts, ...renamesOf(result.names) };
    const naming = await namingOps(inv, input.structureId, result.names);
    try {
      const written = await commitEdit(inv, header, result.update, result.forest, inv.accountId, note, naming);
      return {
        version: written.version,
        counts: result.counts,
        addedRowIds: result.addedRowIds,
        ...(stale ? { rebasedFrom: input.version } : {}),
      };
    } catch (error) {
      if (!(error instanceof TransactionConditionFailed)) throw error;
      if (attempt >= MAX_COMMIT_ATTEMPTS) throw new AppError('CONFLICT', raceMessage);
    }
  }
}

/** The folders whose names the actions read: a renamed one (its old name, for undo), copied ones. */
function foldersToName(forest: Forest, actions: readonly EditAction[]): number[] {
  const out: number[] = [];
  const folderAt = (index: number): void => {
    if (isFolder(forest.issueIdAt(index))) out.push(folderIdOf(forest.issueIdAt(index)));
  };
  for (const a of actions) {
    if (a.kind === 'rename' && forest.has(a.rowId)) folderAt(forest.indexOf(a.rowId));
    if (a.kind !== 'copy') continue;
    for (const rowId of a.rowIds) {
      const index = forest.tryIndexOf(rowId);
      if (index >= 0) for (let j = index; j < forest.subtreeEndAt(index); j++) folderAt(j);
    }
  }
  return out;
}

/** The forest the editor saw, while it can be rebuilt. */
async function viewAt(inv: Invocation, header: ForestHeader, version: number): Promise<Forest | undefined> {
  const stored = await forestsOf(inv).readVersion(header, version);
  return stored ? forestOfVersion(stored) : undefined;
}

/**
 * A refusal's field in the pinned actions ("actions.3.rowIds.0") as a field of what the editor sent: the
 * same path when that action was kept as sent, else the action it came from.
 */
function fieldOfOrigin(field: string, pinned: PinnedActions, sent: readonly EditAction[]): string {
  const match = /^actions\.(\d+)(.*)$/.exec(field);
  if (!match) return field;
  const index = Number(match[1]);
  const from = pinned.origin[index];
  if (from === undefined) return field;
  return pinned.actions[index] === sent[from] ? `actions.${from}${match[2]}` : `actions.${from}`;
}

/** planEdit's reason, said as what it is for a stale view: the structure moved on under the editor. */
export function staleRefusal(reason: string): string {
  const why = reason.replace(/:? ?reload the structure and try again\.?$/i, '.').replace(/\.\.$/, '.');
  return `The structure changed since you loaded it and your change no longer fits: your view was refreshed. ${why}`;
}

/**
 * Issue ids by key, as the editor sees them (bulkfetch, 100 keys a call); a key that does not exist or
 * that they cannot see is refused by name. Jira answers a moved issue under its new key, so the old
 * key is matched through the answer's order-free lookup of both.
 */
async function issueIdsOfKeys(inv: Invocation, actions: readonly EditActionIn[]): Promise<Map<string, IssueId>> {
  const keys = [...new Set(actions.flatMap((a) => (a.kind === 'add' ? a.issueKeys.map((k) => k.toUpperCase()) : [])))];
  const ids = new Map<string, IssueId>();
  for (let i = 0; i < keys.length; i += BULKFETCH_MAX) {
    for (const issue of await inv.jira.bulkFetch(keys.slice(i, i + BULKFETCH_MAX), ['id']))
      ids.set(issue.key.toUpperCase(), Number(issue.id));
  }
  const missing = keys.filter((k) => !ids.has(k));
  if (missing.length > 0) {
    const index = actions.findIndex((a) => a.kind === 'add' && a.issueKeys.some((k) => k.toUpperCase() === missing[0]));
    throw new AppError(
      'ISSUE_NOT_FOUND',
      `${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''} ${missing.length === 1 ? 'does' : 'do'} not exist, or you cannot see ${missing.length === 1 ? 'it' : 'them'} in Jira.`,
      { field: `actions.${index}.issueKeys` },
    );
  }
  return ids;
}

/**
 * The issues whose visibility decides the edit: every row it names, the rows under a removed one, and
 * the siblings of an indented one (the row above it). Rows not asked about count as not visible, which
 * only ever refuses.
 */
function issuesToAsk(forest: Forest, actions: readonly EditAction[]): IssueId[] {
  const ids = new Set<IssueId>();
  const addRow = (rowId: number | undefined): void => {
    if (rowId === undefined || rowId === 0) return;
    const index = forest.tryIndexOf(rowId);
    if (index >= 0) ids.add(forest.issueIdAt(index));
  };
  for (const a of actions) {
    if (a.kind === 'add' || a.kind === 'move' || a.kind === 'add-folder' || a.kind === 'copy' || a.kind === 'paste')
      addRow(a.under);
    if (a.kind === 'paste') for (const r of a.rows) if ('issueId' in r) ids.add(r.issueId);
    if (a.kind === 'add' || a.kind === 'add-folder' || a.kind === 'rename' || a.kind === 'paste') continue;
    for (const rowId of a.rowIds) {
      const index = forest.tryIndexOf(rowId);
      if (index < 0) continue;
      ids.add(forest.issueIdAt(index));
      if (a.kind === 'remove' || a.kind === 'move' || a.kind === 'copy')
        for (let j = index + 1; j < forest.subtreeEndAt(index); j++) ids.add(forest.issueIdAt(j));
      if (a.kind === 'indent') for (const sibling of forest.childrenOf(forest.parentOf(rowId))) addRow(sibling);
    }
  }
  return [...ids];
}
