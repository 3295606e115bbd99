import { Forest, IssueId, RowId } from '../forest';
import type { IssueFacts, IssueFactsById } from '../jira';

/**
 * Which parents an export writes:
 * - `hierarchy` (Hierarchy synchronizer): every level, from the row's direct parent row.
 * - `epics` (Agile synchronizer, "Synchronize Epics"): epic membership of standard issues (level 0)
 *   only, from the nearest epic among the row's ancestors.
 */
export type ParentExportMode = 'every-level' | 'epics';

export interface ParentExportInput {
  readonly forest: Forest;
  /**
   * Facts (level, type, current parent) of the structure's issues the exporting user can see. An issue
   * missing here is unknown: its parent is never written, and it is never used as a parent.
   */
  readonly facts: IssueFactsById;
  readonly mode: ParentExportMode;
  /** Issues whose parent this export may write (the Agile export: the board's issues). Default: all. */
  readonly inScope?: (issueId: IssueId) => boolean;
  /** Issue type names by id, for messages ("Story"); the level's name is used when missing. */
  readonly issueTypeNames?: ReadonlyMap<string, string>;
  /** Hierarchy level names, for messages; defaults: -1 Sub-task, 0 Standard issue, 1 Epic. */
  readonly levelNames?: ReadonlyMap<number, string>;
}

/** One write of the unified `parent` field; `to: null` removes the parent. */
export interface ParentChange {
  readonly issueId: IssueId;
  readonly from: IssueId | null;
  readonly to: IssueId | null;
}

/** A row whose placement Jira cannot hold as a parent; reported, never forced. */
export interface UnrepresentablePlacement {
  readonly issueId: IssueId;
  readonly rowId: RowId;
  readonly reason: string;
}

/** An issue whose rows ask for different parents; its parent is left alone. */
export interface ParentConflict {
  readonly issueId: IssueId;
  readonly parents: readonly (IssueId | null)[];
  readonly reason: string;
}

export interface ParentExportPlan {
  /** In pre-order of the issues' first rows. */
  readonly changes: readonly ParentChange[];
  readonly unrepresentable: readonly UnrepresentablePlacement[];
  readonly conflicts: readonly ParentConflict[];
  /** Issues whose placement already matches Jira. */
  readonly unchanged: number;
}

const DEFAULT_LEVEL_NAMES: ReadonlyMap<number, string> = new Map([
  [-1, 'Sub-task'],
  [0, 'Standard issue'],
  [1, 'Epic'],
]);

/** What one row says about its issue's parent. */
type Opinion =
  | { readonly kind: 'set'; readonly to: IssueId }
  /** Weak: "not the current parent". Only used when no row of the issue says `set`. */
  | { readonly kind: 'clear' }
  | { readonly kind: 'cannot'; readonly rowId: RowId; readonly reason: string };

/**
 * Plans the `parent` writes that make Jira's hierarchy follow the structure, where Jira allows it.
 *
 * Jira's unified parent field links a child only to an issue exactly one level up (sub-task −1 →
 * standard 0 → epic 1 → custom levels 2+). Per row of an issue in scope:
 * - `hierarchy`: the direct parent row's issue P. One level up → the issue's parent should be P.
 *   Otherwise the placement is unrepresentable and reported. A sub-task under another issue than its
 *   Jira parent is reported too: Jira changes a sub-task's parent only with Move, not an edit.
 * - `epics`: standard issues only; the nearest epic row among the ancestors (a story under a story
 *   under an epic still belongs to that epic, as Structure's "everything placed under an epic" did).
 * - No parent in the structure (top level, or no epic above in `epics` mode): the parent is removed
 *   only when the current parent is itself in the structure — the structure then visibly says "not
 *   under it". When the current parent is not in the structure the structure says nothing about it,
 *   and the parent stays: an export never wipes epics that are simply not shown (the complaint about
 *   Filter Remove plus Agile Epics wiping Epic Links, reference §6). Sub-tasks are never left parentless.
 * An unknown ancestor (not in `facts`) ends the row's say: nothing is decided from what the user cannot see.
 *
 * Per issue: rows asking for different parents are a conflict (reported, nothing written); one row
 * under a parent outweighs another row at the top level (the issue is shown in both places, and one
 * of them is under its parent). O(n) plus the ancestor walks of `epics` mode.
 */
export function planParentExport(input: ParentExportInput): ParentExportPlan {
  const { forest, facts, mode } = input;
  const inScope = input.inScope ?? (() => true);
  const levelNames = input.levelNames ?? DEFAULT_LEVEL_NAMES;
  const levelName = (level: number): string => levelNames.get(level) ?? `level ${level}`;
  const typeName = (x: IssueFacts): string => input.issueTypeNames?.get(x.issueTypeId) ?? levelName(x.hierarchyLevel);
  const keyOf = (id: IssueId): string => facts.get(id)?.key ?? String(id);
  const inStructure = (id: IssueId): boolean => facts.has(id) && forest.rowsOfIssue(id).length > 0;

  const opinions = new Map<IssueId, Opinion[]>();
  const say = (id: IssueId, o: Opinion): void => {
    const list = opinions.get(id);
    if (list === undefined) opinions.set(id, [o]);
    else list.push(o);
  };

  for (let i = 0; i < forest.size; i++) {
    const id = forest.issueIdAt(i);
    const x = facts.get(id);
    if (x === undefined || !inScope(id)) continue;
    if (!opinions.has(id)) opinions.set(id, []);
    const current = x.parentId ?? null;
    const rowId = forest.rowIdAt(i);
    const level = x.hierarchyLevel;

    if (mode === 'epics') {
      if (level !== 0) continue;
      const epic = nearestEpicAbove(forest, facts, i);
      if (epic === 'unknown') continue;
      if (epic !== null) say(id, { kind: 'set', to: epic });
      else if (current !== null && inStructure(current)) say(id, { kind: 'clear' });
      continue;
    }

    const parentIndex = forest.parentIndexAt(i);
    if (parentIndex < 0) {
      if (level !== -1 && current !== null && inStructure(current)) say(id, { kind: 'clear' });
      continue;
    }
    const p = facts.get(forest.issueIdAt(parentIndex));
    if (p === undefined) continue;
    if (p.hierarchyLevel !== level + 1) {
      const reason =
        `${x.key} (${typeName(x)}) is under ${p.key} (${typeName(p)}): ` +
        `Jira allows a ${typeName(x)}'s parent only at level ${level + 1} (${levelName(level + 1)})`;
      say(id, { kind: 'cannot', rowId, reason });
    } else if (level === -1 && p.id !== current) {
      const now = current === null ? 'none' : keyOf(current);
      const reason =
        `${x.key} (${typeName(x)}) is under ${p.key}, but its parent in Jira is ${now}: ` +
        `Jira moves a sub-task to another parent only with Move, so export leaves it`;
      say(id, { kind: 'cannot', rowId, reason });
    } else {
      say(id, { kind: 'set', to: p.id });
    }
  }

  const changes: ParentChange[] = [];
  const unrepresentable: UnrepresentablePlacement[] = [];
  const conflicts: ParentConflict[] = [];
  let unchanged = 0;
  for (const [id, list] of opinions) {
    const x = facts.get(id) as IssueFacts;
    const current = x.parentId ?? null;
    for (const o of list)
      if (o.kind === 'cannot') unrepresentable.push({ issueId: id, rowId: o.rowId, reason: o.reason });
    const wanted = [...new Set(list.flatMap((o) => (o.kind === 'set' ? [o.to] : [])))];
    let to: IssueId | null | undefined;
    if (wanted.length > 1) {
      conflicts.push({
        issueId: id,
        parents: wanted,
        reason: `${x.key} is in several rows under different parents (${wanted.map(keyOf).join(', ')}): its parent is left as it is`,
      });
      continue;
    } else if (wanted.length === 1) to = wanted[0];
    else if (list.some((o) => o.kind === 'clear')) to = null;
    if (to === undefined) continue;
    if (to === current) unchanged++;
    else changes.push({ issueId: id, from: current, to });
  }
  return { changes, unrepresentable, conflicts, unchanged };
}

/** The issue of the nearest ancestor row that is an epic, null when none, 'unknown' past an unknown issue. */
function nearestEpicAbove(forest: Forest, facts: IssueFactsById, index: number): IssueId | null | 'unknown' {
  for (let a = forest.parentIndexAt(index); a >= 0; a = forest.parentIndexAt(a)) {
    const up = facts.get(forest.issueIdAt(a));
    if (up === undefined) return 'unknown';
    if (up.hierarchyLevel === 1) return up.id;
  }
  return null;
}
