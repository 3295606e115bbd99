import { IssueId } from '../forest';
import type { LinkFact, StatusFact } from '../jira';
import type { LinkCreate, LinksExportPlan } from './links';
import type { ParentChange } from './parent';
import type { StatusChange } from './status';

/** Where a logged change stands: planned by the export, written by Jira, or refused by Jira. */
export type ChangeOutcome = 'planned' | 'applied' | 'failed';

interface EntryBase {
  readonly issueId: IssueId;
  readonly outcome: ChangeOutcome;
  /** Jira's message for a failed change (a 207 entry, a 4xx answer). */
  readonly error?: string;
}

/**
 * Rank is relative, so an issue's rank "value" is its place among the issues the export ranked:
 * `before` in Jira's order as it was, `after` in the structure's. Every ranked issue is logged, moved
 * or not, because restoring an order needs the places of all of them.
 */
export interface RankLogEntry extends EntryBase {
  readonly kind: 'rank';
  readonly before: number;
  readonly after: number;
}

export interface ParentLogEntry extends EntryBase {
  readonly kind: 'parent';
  readonly before: IssueId | null;
  readonly after: IssueId | null;
}

/** Logged on the inward issue. Jira answers a create with no link id, so the link is found again by its ends. */
export interface LinkCreateLogEntry extends EntryBase {
  readonly kind: 'link-create';
  readonly before: null;
  readonly after: LinkCreate;
}

/** Logged on the inward issue. */
export interface LinkDeleteLogEntry extends EntryBase {
  readonly kind: 'link-delete';
  readonly before: LinkFact;
  readonly after: null;
}

/** A workflow status, with its name so the log reads without Jira. */
export interface StatusLogEntry extends EntryBase {
  readonly kind: 'status';
  readonly before: StatusFact;
  readonly after: StatusFact;
}

export type ChangeLogEntry = RankLogEntry | ParentLogEntry | LinkCreateLogEntry | LinkDeleteLogEntry | StatusLogEntry;

/** Rank entries for an export from `jiraOrder` to `structureOrder` (the issues both list, as planRankExport ranks them). */
export function rankLogEntries(structureOrder: readonly IssueId[], jiraOrder: readonly IssueId[]): RankLogEntry[] {
  const inJira = new Set(jiraOrder);
  const after = new Map<IssueId, number>();
  for (const id of structureOrder) if (inJira.has(id) && !after.has(id)) after.set(id, after.size);
  const entries: RankLogEntry[] = [];
  let before = 0;
  for (const id of jiraOrder) {
    const a = after.get(id);
    if (a === undefined) continue;
    entries.push({ kind: 'rank', issueId: id, before: before++, after: a, outcome: 'planned' });
  }
  return entries;
}

export function parentLogEntries(changes: readonly ParentChange[]): ParentLogEntry[] {
  return changes.map((c) => ({ kind: 'parent', issueId: c.issueId, before: c.from, after: c.to, outcome: 'planned' }));
}

export function linkLogEntries(
  plan: Pick<LinksExportPlan, 'creates' | 'deletes'>,
): (LinkCreateLogEntry | LinkDeleteLogEntry)[] {
  return [
    ...plan.creates.map((c): LinkCreateLogEntry => ({
      kind: 'link-create',
      issueId: c.inwardId,
      before: null,
      after: c,
      outcome: 'planned',
    })),
    ...plan.deletes.map((d): LinkDeleteLogEntry => ({
      kind: 'link-delete',
      issueId: d.inwardId,
      before: d,
      after: null,
      outcome: 'planned',
    })),
  ];
}

export function statusLogEntries(changes: readonly StatusChange[]): StatusLogEntry[] {
  return changes.map((c) => ({ kind: 'status', issueId: c.issueId, before: c.from, after: c.to, outcome: 'planned' }));
}

/** The same entry with what Jira answered. */
export function withOutcome<E extends ChangeLogEntry>(entry: E, outcome: ChangeOutcome, error?: string): E {
  const { error: _previous, ...rest } = entry;
  return (error === undefined ? { ...rest, outcome } : { ...rest, outcome, error }) as E;
}
