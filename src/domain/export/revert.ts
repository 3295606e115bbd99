import { IssueId } from '../forest';
import { longestIncreasingSubsequence } from '../forest/lis';
import type { IssueFactsById, LinkFact } from '../jira';
import type {
  ChangeLogEntry,
  LinkCreateLogEntry,
  LinkDeleteLogEntry,
  ParentLogEntry,
  RankLogEntry,
  StatusLogEntry,
} from './change-log';
import type { LinkCreate, LinkDelete } from './links';
import type { ParentChange } from './parent';
import { planRankExport, RankOperation } from './rank';
import type { StatusChange } from './status';

export interface RevertInput {
  /** The export's log; only `applied` entries are reverted. */
  readonly log: readonly ChangeLogEntry[];
  /** Current facts (parent, links) of the logged issues, as the reverting user sees them. */
  readonly facts: IssueFactsById;
  /** Jira's current rank order of the logged rank issues (others may be interleaved); needed when the log has rank entries. */
  readonly rankOrder?: readonly IssueId[];
}

export interface SkippedRevert {
  readonly entry: ChangeLogEntry;
  readonly reason: string;
}

export interface RevertPlan {
  readonly rank: readonly RankOperation[];
  readonly parents: readonly ParentChange[];
  readonly linkCreates: readonly LinkCreate[];
  readonly linkDeletes: readonly LinkDelete[];
  /** Back to the status before the export, in the reverse of the export's order (parents before children). */
  readonly statuses: readonly StatusChange[];
  /** Changes left alone because Jira no longer holds what the export wrote ("changed since export"), or the issue is gone. */
  readonly skipped: readonly SkippedRevert[];
}

/**
 * The changes that undo an export, as far as Jira still holds what the export wrote.
 *
 * - parent: set back to `before` when the parent is still `after`.
 * - link-create: delete the link of that type between the same two issues, in the same direction, if
 *   it still exists (found by its ends: Jira gave no id when it was created).
 * - link-delete: create it again unless an equal link exists already.
 * - rank: the issues whose place among the export's issues still follows the order it wrote — a
 *   longest subsequence of Jira's current order that is increasing in `after` — are put back in their
 *   old order (`before`) with the fewest rank calls; the others were moved since and stay where they are.
 * - status: transitioned back to `before` when the issue is still in `after`; whether the workflow
 *   allows it is only known when writing, and a refusal is reported then.
 *
 * Anything else is skipped with a reason, so the revert job can say what it did not restore and why.
 */
export function planRevert(input: RevertInput): RevertPlan {
  const { facts } = input;
  const keyOf = (id: IssueId | null): string => (id === null ? 'none' : (facts.get(id)?.key ?? String(id)));
  const skipped: SkippedRevert[] = [];
  const parents: ParentChange[] = [];
  const linkCreates: LinkCreate[] = [];
  const linkDeletes: LinkDelete[] = [];
  const rankEntries: RankLogEntry[] = [];
  const statuses: StatusChange[] = [];

  const linksBetween = (inwardId: IssueId, outwardId: IssueId, linkTypeId: string): LinkFact[] => {
    const seen = new Set<string>();
    const found: LinkFact[] = [];
    for (const id of [inwardId, outwardId]) {
      for (const l of facts.get(id)?.links ?? []) {
        if (
          l.linkTypeId === linkTypeId &&
          l.inwardId === inwardId &&
          l.outwardId === outwardId &&
          !seen.has(l.linkId)
        ) {
          seen.add(l.linkId);
          found.push(l);
        }
      }
    }
    return found;
  };

  for (const entry of input.log) {
    if (entry.outcome !== 'applied') continue;
    switch (entry.kind) {
      case 'rank':
        rankEntries.push(entry);
        break;
      case 'parent':
        revertParent(entry);
        break;
      case 'link-create':
        revertLinkCreate(entry);
        break;
      case 'link-delete':
        revertLinkDelete(entry);
        break;
      case 'status':
        revertStatus(entry);
        break;
    }
  }
  const rank = revertRank(rankEntries);
  // A parent's status was set after its children's: undo it first, so each is undone from the top.
  statuses.reverse();
  return { rank, parents, linkCreates, linkDeletes, statuses, skipped };

  function revertStatus(entry: StatusLogEntry): void {
    const x = facts.get(entry.issueId);
    if (x === undefined) {
      skipped.push({ entry, reason: `Issue ${entry.issueId} no longer exists or is not visible` });
      return;
    }
    if (x.status === undefined || x.status.id !== entry.after.id) {
      skipped.push({
        entry,
        reason: `${x.key}: status changed since export (export set ${entry.after.name}, now ${x.status?.name ?? 'unknown'})`,
      });
      return;
    }
    statuses.push({ issueId: entry.issueId, from: x.status, to: entry.before });
  }

  function revertParent(entry: ParentLogEntry): void {
    const x = facts.get(entry.issueId);
    if (x === undefined) {
      skipped.push({ entry, reason: `Issue ${entry.issueId} no longer exists or is not visible` });
      return;
    }
    const now = x.parentId ?? null;
    if (now !== entry.after) {
      skipped.push({
        entry,
        reason: `${x.key}: parent changed since export (export set ${keyOf(entry.after)}, now ${keyOf(now)})`,
      });
      return;
    }
    parents.push({ issueId: entry.issueId, from: now, to: entry.before });
  }

  function revertLinkCreate(entry: LinkCreateLogEntry): void {
    const { inwardId, outwardId, linkTypeId } = entry.after;
    const found = linksBetween(inwardId, outwardId, linkTypeId);
    if (found.length === 0) {
      skipped.push({
        entry,
        reason: `Link ${keyOf(inwardId)} → ${keyOf(outwardId)} changed since export: it no longer exists`,
      });
      return;
    }
    linkDeletes.push(...found);
  }

  function revertLinkDelete(entry: LinkDeleteLogEntry): void {
    const { inwardId, outwardId, linkTypeId } = entry.before;
    if (!facts.has(inwardId) || !facts.has(outwardId)) {
      skipped.push({
        entry,
        reason: `Link ${keyOf(inwardId)} → ${keyOf(outwardId)}: an issue no longer exists or is not visible`,
      });
      return;
    }
    if (linksBetween(inwardId, outwardId, linkTypeId).length > 0) {
      skipped.push({
        entry,
        reason: `Link ${keyOf(inwardId)} → ${keyOf(outwardId)} changed since export: it exists again`,
      });
      return;
    }
    linkCreates.push({ linkTypeId, inwardId, outwardId });
  }

  function revertRank(entries: readonly RankLogEntry[]): RankOperation[] {
    if (entries.length === 0) return [];
    if (input.rankOrder === undefined) {
      for (const entry of entries) skipped.push({ entry, reason: "Jira's current rank order was not read" });
      return [];
    }
    const byIssue = new Map(entries.map((e) => [e.issueId, e]));
    const current = input.rankOrder.filter((id) => byIssue.has(id));
    const listed = new Set(current);
    for (const entry of entries) {
      if (!listed.has(entry.issueId))
        skipped.push({ entry, reason: `${keyOf(entry.issueId)} is no longer ranked with the others or not visible` });
    }
    const keep = new Set(
      longestIncreasingSubsequence(current.map((id) => (byIssue.get(id) as RankLogEntry).after)).map((i) => current[i]),
    );
    for (const id of current) {
      if (!keep.has(id))
        skipped.push({ entry: byIssue.get(id) as RankLogEntry, reason: `${keyOf(id)}: rank changed since export` });
    }
    const oldOrder = [...keep].sort(
      (a, b) => (byIssue.get(a) as RankLogEntry).before - (byIssue.get(b) as RankLogEntry).before,
    );
    return [...planRankExport({ structureOrder: oldOrder, jiraOrder: input.rankOrder }).operations];
  }
}
