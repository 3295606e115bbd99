import { Forest, IssueId, issueIdToJira } from '../forest';
import type { IssueFactsById, LinkFact } from '../jira';

/** Which end of a link is the parent: 'inward' means the parent is Jira's `inwardIssue` ("parent <outward> child"). */
export type LinkParentEnd = 'inward' | 'outward';

/** The Links synchronizer's scope (reference §1.3); for export it only decides whether links are deleted. */
export type LinkScope = 'structure' | 'expand' | 'all';

export interface LinksExportInput {
  readonly forest: Forest;
  /** Facts of the structure's issues the exporting user can see, with their links. Others are never linked or unlinked. */
  readonly facts: IssueFactsById;
  readonly linkTypeId: string;
  /** The link type's name, for the confirmation text; without it the text shows the id. */
  readonly linkTypeName?: string;
  readonly parentEnd: LinkParentEnd;
  readonly scope: LinkScope;
  /**
   * The Parent / Sub-issue filters: a pair whose parent or child fails its filter is ignored as if
   * absent — no link is created for it, and an existing link between them is not deleted.
   */
  readonly parentMatches?: (issueId: IssueId) => boolean;
  readonly childMatches?: (issueId: IssueId) => boolean;
}

export interface LinkCreate {
  readonly linkTypeId: string;
  readonly inwardId: IssueId;
  readonly outwardId: IssueId;
}

export type LinkDelete = LinkFact;

export interface LinksExportPlan {
  /** In pre-order of the child rows. */
  readonly creates: readonly LinkCreate[];
  /** Only with scope 'all'. */
  readonly deletes: readonly LinkDelete[];
  /** Parent → child pairs of the structure already linked. */
  readonly unchanged: number;
  /** For the confirmation dialog: said before anything is written. */
  readonly warnings: readonly string[];
}

/**
 * Plans the links an export writes for one link type (Structure's Links synchronizer, reference §1.3).
 *
 * Every parent row → child row pair of visible issues implies the link "parent → child" of the type,
 * oriented by `parentEnd`. A missing one is created, once however many rows show the pair; an issue
 * under its own issue implies nothing (Jira has no self links).
 *
 * Deleting: only with scope 'all', and only links of the type whose two ends are visible issues of
 * the structure that no parent → child pair of rows implies — also a link pointing the other way
 * round. Links with one end outside the structure are never deleted: the structure says nothing about
 * them. With 'structure' and 'expand' nothing is deleted, so the two scopes export alike. Deleting is
 * the mode that surprised Structure's users, so the plan carries a warning for the confirmation.
 */
export function planLinksExport(input: LinksExportInput): LinksExportPlan {
  const { forest, facts, linkTypeId } = input;
  const parentOk = input.parentMatches ?? (() => true);
  const childOk = input.childMatches ?? (() => true);
  const pairKey = (parent: IssueId, child: IssueId): string => `${parent}>${child}`;
  const orient = (parent: IssueId, child: IssueId): LinkCreate =>
    input.parentEnd === 'inward'
      ? { linkTypeId, inwardId: parent, outwardId: child }
      : { linkTypeId, inwardId: child, outwardId: parent };

  // Existing links of the type, by parent → child pair, each once however many issues list it.
  const existing = new Map<string, LinkFact[]>();
  const seenLinks = new Set<string>();
  for (const x of facts.values()) {
    for (const l of x.links ?? []) {
      if (l.linkTypeId !== linkTypeId || seenLinks.has(l.linkId)) continue;
      seenLinks.add(l.linkId);
      const [parent, child] = input.parentEnd === 'inward' ? [l.inwardId, l.outwardId] : [l.outwardId, l.inwardId];
      const key = pairKey(parent, child);
      const list = existing.get(key);
      if (list === undefined) existing.set(key, [l]);
      else list.push(l);
    }
  }

  const implied = new Set<string>();
  const creates: LinkCreate[] = [];
  let unchanged = 0;
  for (let i = 0; i < forest.size; i++) {
    const p = forest.parentIndexAt(i);
    if (p < 0) continue;
    const parent = forest.issueIdAt(p);
    const child = forest.issueIdAt(i);
    if (parent === child || !facts.has(parent) || !facts.has(child)) continue;
    if (!parentOk(parent) || !childOk(child)) continue;
    const key = pairKey(parent, child);
    if (implied.has(key)) continue;
    implied.add(key);
    if (existing.has(key)) unchanged++;
    else creates.push(orient(parent, child));
  }

  const deletes: LinkDelete[] = [];
  const warnings: string[] = [];
  if (input.scope === 'all') {
    const inStructure = (id: IssueId): boolean => facts.has(id) && forest.rowsOfIssue(id).length > 0;
    for (const [key, links] of existing) {
      if (implied.has(key)) continue;
      for (const l of links) {
        const [parent, child] = input.parentEnd === 'inward' ? [l.inwardId, l.outwardId] : [l.outwardId, l.inwardId];
        if (!inStructure(parent) || !inStructure(child) || !parentOk(parent) || !childOk(child)) continue;
        deletes.push(l);
      }
    }
    const type = input.linkTypeName === undefined ? `type ${linkTypeId}` : `type “${input.linkTypeName}”`;
    warnings.push(
      `Scope “all issues”: this export deletes every link of ${type} between issues of the structure that are not ` +
        `parent and child in it — ${deletes.length} ${deletes.length === 1 ? 'link' : 'links'} now.`,
    );
  }
  return { creates, deletes, unchanged, warnings };
}

/** The body of `POST /rest/api/3/issueLink` for one create. */
export function linkCreateRequestBody(c: LinkCreate): {
  type: { id: string };
  inwardIssue: { id: string };
  outwardIssue: { id: string };
} {
  return {
    type: { id: c.linkTypeId },
    inwardIssue: { id: issueIdToJira(c.inwardId) },
    outwardIssue: { id: issueIdToJira(c.outwardId) },
  };
}
