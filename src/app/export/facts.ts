// What an export knows about an issue, in a compact JSON form that job data pages can hold by the
// thousand, and its conversion from Jira's REST shape and to the domain's IssueFacts.
import type { IssueFacts, LinkFact } from '../../domain/jira';
import type { JiraIssue } from '../../jira';

/** [linkId, linkTypeId, inwardId, outwardId] */
export type CompactLink = [string, string, number, number];

export interface CompactFact {
  i: number;
  k: string;
  p: string;
  /** Project id, for the one-call permission check. */
  pi?: number;
  t: string;
  tn: string;
  l: number;
  pa: number | null;
  r?: string;
  ln?: CompactLink[];
  /** Status [id, name, done category]. */
  s?: [string, string, boolean];
  /** Resolution name. */
  rs?: string;
}

export const DEFAULT_RANK_FIELD = 'customfield_10019';

/** Fields an export reads for its issues; links only when it needs them. */
export function factFields(opts: { links?: boolean; rankField?: string }): string[] {
  // Status and resolution cost no points and let any export's revert check what it wrote.
  const fields = ['project', 'issuetype', 'parent', 'status', 'resolution'];
  if (opts.links) fields.push('issuelinks');
  if (opts.rankField) fields.push(opts.rankField);
  return fields;
}

interface RefIssue {
  id?: string;
}

export function compactFact(issue: JiraIssue, rankField?: string): CompactFact {
  const f = issue.fields ?? {};
  const project = f.project as { key?: string; id?: string } | undefined;
  const type = f.issuetype as { id?: string; name?: string; hierarchyLevel?: number; subtask?: boolean } | undefined;
  const parent = f.parent as RefIssue | undefined;
  const id = Number(issue.id);
  const fact: CompactFact = {
    i: id,
    k: issue.key,
    p: project?.key ?? '',
    ...(project?.id !== undefined ? { pi: Number(project.id) } : {}),
    t: type?.id ?? '',
    tn: type?.name ?? '',
    l: typeof type?.hierarchyLevel === 'number' ? type.hierarchyLevel : type?.subtask ? -1 : 0,
    pa: parent?.id !== undefined ? Number(parent.id) : null,
  };
  if (rankField && typeof f[rankField] === 'string') fact.r = f[rankField] as string;
  const status = f.status as { id?: string; name?: string; statusCategory?: { key?: string } } | undefined;
  if (status?.id !== undefined) fact.s = [status.id, status.name ?? status.id, status.statusCategory?.key === 'done'];
  const resolution = f.resolution as { name?: string } | null | undefined;
  if (typeof resolution?.name === 'string') fact.rs = resolution.name;
  const links = f.issuelinks as
    Array<{ id: string; type?: { id?: string }; inwardIssue?: RefIssue; outwardIssue?: RefIssue }> | undefined;
  if (Array.isArray(links)) {
    // An entry with outwardIssue means this issue is the link's inward end (its source), and vice versa.
    fact.ln = links.flatMap((l): CompactLink[] => {
      const typeId = l.type?.id ?? '';
      if (l.outwardIssue?.id !== undefined) return [[String(l.id), typeId, id, Number(l.outwardIssue.id)]];
      if (l.inwardIssue?.id !== undefined) return [[String(l.id), typeId, Number(l.inwardIssue.id), id]];
      return [];
    });
  }
  return fact;
}

export function toIssueFacts(c: CompactFact): IssueFacts {
  const links: LinkFact[] | undefined = c.ln?.map(([linkId, linkTypeId, inwardId, outwardId]) => ({
    linkId,
    linkTypeId,
    inwardId,
    outwardId,
  }));
  return {
    id: c.i,
    key: c.k,
    projectKey: c.p,
    issueTypeId: c.t,
    hierarchyLevel: c.l,
    parentId: c.pa,
    ...(c.r !== undefined ? { rank: c.r } : {}),
    ...(links !== undefined ? { links } : {}),
    ...(c.s !== undefined ? { status: { id: c.s[0], name: c.s[1], done: c.s[2] } } : {}),
    ...(c.rs !== undefined ? { resolution: c.rs } : {}),
  };
}
