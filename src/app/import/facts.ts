// What a unit of a sub-tasks, links, agile or hierarchy import keeps from Jira: the few facts of each
// issue its synchronizer needs, in a compact JSON page per unit (job data), and what those pages say
// about visibility. Jira's REST shapes end here; planners get domain facts.
import type { IssueId } from '../../domain/forest';
import type { LinkFact } from '../../domain/jira';
import type { JiraIssue } from '../../jira';
import { joinChunks, splitIntoChunks } from '../../domain/forest/encoding';
import { decodeIdSet, encodeIdSet } from '../../domain/incremental/id-set';

/** A link as stored: [linkId, linkTypeId, inwardId (the source), outwardId]. */
export type StoredLink = [string, string, number, number];

export interface StoredIssue {
  id: number;
  key: string;
  /** `issuetype.hierarchyLevel`, when fetched. */
  level?: number;
  /** `parent.id`, when fetched and set (and visible). */
  parent?: number;
  rank?: string;
  /** `subtasks`, in Jira's order, when fetched. */
  subtasks?: number[];
  links?: StoredLink[];
}

/** One unit's page of job data. */
export interface FactsPage {
  /** The stage that wrote it (and the round, for level-by-level stages). */
  stage: string;
  round?: number;
  /** Issues Jira returned, each visible to the user by construction. */
  issues?: StoredIssue[];
  /** Ids matching a filter (ids-only pages). */
  ids?: number[];
  /**
   * More ids, after `ids`, in ascending order as one compact id set (base64 of `encodeIdSet`): an
   * incremental run's members carried from its base, at about a third of JSON's bytes. Issues the user
   * saw at the base's read; they count as matching, not as answered visibility questions.
   */
  sortedIds?: string;
  /** Ids asked about (bulkfetch, visibility check): those neither in `issues` nor `visible` are invisible. */
  asked?: number[];
  visible?: number[];
}

/** A page's ids, `ids` then `sortedIds`. */
export function idsOfPage(page: FactsPage): number[] {
  const ids = page.ids ?? [];
  if (page.sortedIds === undefined) return ids;
  return [...ids, ...decodeIdSet(joinChunks([page.sortedIds]))];
}

/** Sorted ids as `sortedIds` pages of at most `perPage` ids each (each far below a KVS value). */
export function sortedIdsPages(stage: string, sorted: readonly number[], perPage = 15_000): FactsPage[] {
  const pages: FactsPage[] = [];
  for (let at = 0; at < sorted.length; at += perPage) {
    const [chunk] = splitIntoChunks(encodeIdSet(sorted.slice(at, at + perPage)));
    pages.push({ stage, round: 0, sortedIds: chunk });
  }
  return pages;
}

/** The facts of one Jira issue, from whichever of `parent`, `issuetype`, `subtasks`, `issuelinks` and the rank field came back. */
export function storedIssue(issue: JiraIssue, rankFieldId?: string): StoredIssue {
  const f = issue.fields ?? {};
  const out: StoredIssue = { id: Number(issue.id), key: issue.key };
  const type = f.issuetype as { hierarchyLevel?: number; subtask?: boolean } | undefined;
  if (type) out.level = type.hierarchyLevel ?? (type.subtask ? -1 : 0);
  const parent = f.parent as { id?: string } | undefined;
  if (parent?.id !== undefined) out.parent = Number(parent.id);
  if (rankFieldId && typeof f[rankFieldId] === 'string') out.rank = f[rankFieldId] as string;
  if (Array.isArray(f.subtasks)) out.subtasks = (f.subtasks as Array<{ id: string }>).map((s) => Number(s.id));
  if (Array.isArray(f.issuelinks)) {
    out.links = [];
    for (const l of f.issuelinks as Array<{
      id: string;
      type?: { id?: string };
      inwardIssue?: { id: string };
      outwardIssue?: { id: string };
    }>) {
      // Jira shows the other end only: `outwardIssue` when this issue is the source ("THIS <outward> other").
      const typeId = String(l.type?.id ?? '');
      if (l.outwardIssue) out.links.push([String(l.id), typeId, out.id, Number(l.outwardIssue.id)]);
      else if (l.inwardIssue) out.links.push([String(l.id), typeId, Number(l.inwardIssue.id), out.id]);
    }
  }
  return out;
}

export const linkFact = ([linkId, linkTypeId, inwardId, outwardId]: StoredLink): LinkFact => ({
  linkId,
  linkTypeId,
  inwardId,
  outwardId,
});

/** Every issue the pages hold, the first page's facts winning (a later page may repeat an issue). */
export function issuesOf(pages: readonly FactsPage[], stage?: (page: FactsPage) => boolean): Map<IssueId, StoredIssue> {
  const out = new Map<IssueId, StoredIssue>();
  for (const page of pages) {
    if (stage && !stage(page)) continue;
    for (const issue of page.issues ?? []) if (!out.has(issue.id)) out.set(issue.id, issue);
  }
  return out;
}

/** Ids of the pages one stage wrote (ids-only pages), or null when the stage wrote none. */
export function idsOf(pages: readonly FactsPage[], stage: string): Set<IssueId> {
  const out = new Set<IssueId>();
  for (const page of pages) if (page.stage === stage) for (const id of page.ids ?? []) out.add(id);
  return out;
}

/** What the pages say about visibility: ids Jira answered as the user, and ids it was asked about but left out. */
export function visibilityOf(pages: readonly FactsPage[]): {
  seen: Set<IssueId>;
  hidden: Set<IssueId>;
  asked: Set<IssueId>;
} {
  const seen = new Set<IssueId>();
  const asked = new Set<IssueId>();
  for (const page of pages) {
    for (const issue of page.issues ?? []) seen.add(issue.id);
    for (const id of page.visible ?? []) seen.add(id);
    for (const id of page.ids ?? []) seen.add(id);
    for (const id of page.asked ?? []) asked.add(id);
  }
  const hidden = new Set<IssueId>();
  for (const id of asked) if (!seen.has(id)) hidden.add(id);
  return { seen, hidden, asked };
}
