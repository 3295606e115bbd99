import type { ExportChangeKind, ExportCountsDto } from '../../../../../src/contract';

/** The words and lozenge of each kind of Jira change an export makes. */
export const CHANGE_LOOK: Record<
  ExportChangeKind,
  { label: string; appearance: 'inprogress' | 'moved' | 'success' | 'removed' }
> = {
  rank: { label: 'Rank', appearance: 'inprogress' },
  parent: { label: 'Parent', appearance: 'moved' },
  'link-create': { label: 'Create link', appearance: 'success' },
  'link-delete': { label: 'Delete link', appearance: 'removed' },
  status: { label: 'Status', appearance: 'moved' },
};

/** Counts of an export, labelled; `id` is the stable test id. */
export function exportFigures(c: ExportCountsDto): Array<{ label: string; value: number; id: string }> {
  return [
    { label: 'Issues ranked', value: c.issuesRanked, id: 'ranked' },
    { label: 'Rank calls', value: c.rankCalls, id: 'rank-calls' },
    { label: 'Parent changes', value: c.parentChanges, id: 'parents' },
    { label: 'Links created', value: c.linksCreated, id: 'links-created' },
    { label: 'Links deleted', value: c.linksDeleted, id: 'links-deleted' },
    ...(c.statusChanges > 0 ? [{ label: 'Status changes', value: c.statusChanges, id: 'statuses' }] : []),
    { label: 'Not representable', value: c.notRepresentable, id: 'not-representable' },
  ];
}

/** "rank and parent changes, link deletions" — the kinds an export would write, for its confirmation. */
export function kindsInWords(c: ExportCountsDto): string[] {
  const kinds: string[] = [];
  if (c.issuesRanked > 0)
    kinds.push(`rank of ${c.issuesRanked.toLocaleString()} ${c.issuesRanked === 1 ? 'issue' : 'issues'}`);
  if (c.parentChanges > 0)
    kinds.push(`parent of ${c.parentChanges.toLocaleString()} ${c.parentChanges === 1 ? 'issue' : 'issues'}`);
  if (c.linksCreated > 0)
    kinds.push(`${c.linksCreated.toLocaleString()} new ${c.linksCreated === 1 ? 'link' : 'links'}`);
  if (c.linksDeleted > 0)
    kinds.push(`${c.linksDeleted.toLocaleString()} deleted ${c.linksDeleted === 1 ? 'link' : 'links'}`);
  if (c.statusChanges > 0)
    kinds.push(`status of ${c.statusChanges.toLocaleString()} ${c.statusChanges === 1 ? 'issue' : 'issues'}`);
  return kinds;
}
