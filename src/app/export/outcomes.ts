// What Jira answered, per change: the key that ties an answer to its log entry, settling the log with
// those answers, and the words for a refused write. Pure.
import {
  settleRankLog,
  withOutcome,
  type ChangeLogEntry,
  type RankIssueOutcome,
  type RankLogEntry,
} from '../../domain/export';
import type { IssueId } from '../../domain/forest';

/** The key of a log entry; the write's key (`opKey` in write.ts) is the same, so answers find their entry. */
export function entryKey(e: ChangeLogEntry): string {
  switch (e.kind) {
    case 'rank':
      return `rank:${e.issueId}`;
    case 'parent':
      return `parent:${e.issueId}`;
    case 'link-create':
      return `link-create:${e.after.linkTypeId}:${e.after.inwardId}:${e.after.outwardId}`;
    case 'link-delete':
      return `link-delete:${e.before.linkId}`;
    case 'status':
      return `status:${e.issueId}`;
  }
}

/**
 * The log with Jira's answers: what Jira refused is failed, the rest applied. For an export cancelled
 * (or failed) while writing, the writes it did not reach count as applied too: revert writes back only
 * what Jira still holds from the export, so a change never made is skipped there.
 */
export function settleLog(planned: readonly ChangeLogEntry[], failures: ReadonlyMap<string, string>): ChangeLogEntry[] {
  const rankEntries = planned.filter((e): e is RankLogEntry => e.kind === 'rank');
  const rankOutcomes = new Map<IssueId, RankIssueOutcome>();
  for (const e of rankEntries) {
    const m = failures.get(entryKey(e));
    if (m !== undefined) rankOutcomes.set(e.issueId, { outcome: 'failed', error: m });
  }
  return [
    ...settleRankLog(rankEntries, rankOutcomes),
    ...planned
      .filter((e) => e.kind !== 'rank')
      .map((e) => {
        const m = failures.get(entryKey(e));
        return m === undefined ? withOutcome(e, 'applied') : withOutcome(e, 'failed', m);
      }),
  ];
}

export function describeKey(key: string, keyOf: (id: string) => string): string {
  const [kind, ...rest] = key.split(':');
  if (kind === 'rank') return `the rank of ${keyOf(rest[0])}`;
  if (kind === 'parent') return `the parent of ${keyOf(rest[0])}`;
  if (kind === 'link-create') return `a link from ${keyOf(rest[1])} to ${keyOf(rest[2])}`;
  if (kind === 'status') return `the status of ${keyOf(rest[0])}`;
  return `deleting link ${rest[0]}`;
}

export function idsOfLog(log: readonly ChangeLogEntry[]): IssueId[] {
  const ids = new Set<IssueId>();
  for (const e of log) {
    ids.add(e.issueId);
    if (e.kind === 'parent') for (const p of [e.before, e.after]) if (p !== null) ids.add(p);
    if (e.kind === 'link-create') ids.add(e.after.outwardId);
    if (e.kind === 'link-delete') ids.add(e.before.outwardId);
  }
  return [...ids].sort((a, b) => a - b);
}
