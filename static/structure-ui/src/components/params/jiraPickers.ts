// What the Import form's pickers list, read from Jira as the viewer with the documented endpoints.
import { jiraJson, type JiraOption, type LoadOptions } from './JiraOptionsSelect';

export interface LinkType {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

/** Link types as Jira lists them to the viewer, read once per page load (the picker and the parent-end wording share them). */
const linkTypesOnce = new WeakMap<object, Promise<LinkType[]>>();
export function linkTypes(requestJira: Parameters<LoadOptions>[0]): Promise<LinkType[]> {
  let found = linkTypesOnce.get(requestJira);
  if (!found) {
    found = jiraJson<{ issueLinkTypes?: LinkType[] }>(requestJira, '/rest/api/3/issueLinkType').then((j) =>
      (j.issueLinkTypes ?? []).map((t) => ({ ...t, id: String(t.id) })),
    );
    // A failed read is not kept: the next form tries again.
    found.catch(() => linkTypesOnce.delete(requestJira));
    linkTypesOnce.set(requestJira, found);
  }
  return found;
}

export const loadLinkTypes: LoadOptions = async (requestJira) =>
  (await linkTypes(requestJira)).map((t) => ({
    label: t.name,
    value: t.id,
    detail: `A ${t.outward} B; B ${t.inward} A.`,
  }));

/** "Which end is the parent" in the chosen link type's own words. */
export function parentEndLabel(value: string, type: Pick<LinkType, 'outward'>): string {
  return value === 'inward'
    ? `The inward issue (in “A ${type.outward} B”, A is the parent)`
    : `The outward issue (in “A ${type.outward} B”, B is the parent)`;
}

interface Board {
  id: number;
  name: string;
  type: string;
  location?: { projectKey?: string; displayName?: string };
}

/** Every board the viewer can see, 50 a page (Jira's maximum), up to 1000. */
export const loadBoards: LoadOptions = async (requestJira) => {
  const out: JiraOption[] = [];
  for (let startAt = 0; startAt < 1000; startAt += 50) {
    const page = await jiraJson<{ values?: Board[]; isLast?: boolean }>(
      requestJira,
      `/rest/agile/1.0/board?startAt=${startAt}&maxResults=50`,
    );
    for (const b of page.values ?? []) {
      const where = b.location?.displayName ?? b.location?.projectKey;
      out.push({
        label: b.name,
        value: String(b.id),
        detail: `${b.type === 'kanban' ? 'Kanban' : 'Scrum'} board${where ? ` in ${where}` : ''}`,
      });
    }
    if (page.isLast !== false || (page.values ?? []).length === 0) break;
  }
  return out;
};

interface Project {
  key: string;
  name: string;
}

/** Projects the viewer can browse, 100 a page, up to 1000. */
export const loadProjects: LoadOptions = async (requestJira) => {
  const out: JiraOption[] = [];
  for (let startAt = 0; startAt < 1000; startAt += 100) {
    const page = await jiraJson<{ values?: Project[]; isLast?: boolean }>(
      requestJira,
      `/rest/api/3/project/search?startAt=${startAt}&maxResults=100&orderBy=key`,
    );
    for (const p of page.values ?? []) out.push({ label: `${p.name} (${p.key})`, value: p.key });
    if (page.isLast !== false || (page.values ?? []).length === 0) break;
  }
  return out;
};

interface Field {
  id: string;
  name: string;
  schema?: { custom?: string };
}

/** Rank fields: Jira's LexoRank custom field type (normally one, "Rank"). */
export const loadRankFields: LoadOptions = async (requestJira) => {
  const fields = await jiraJson<Field[]>(requestJira, '/rest/api/3/field');
  return fields
    .filter((f) => f.schema?.custom === 'com.pyxis.greenhopper.jira:gh-lexo-rank')
    .map((f) => ({ label: `${f.name} (${f.id})`, value: f.id }));
};

export interface JiraStatus {
  id: string;
  name: string;
  statusCategory?: { key?: string; name?: string };
}

/** Workflow statuses of the site, read once per page load (the ordered list and the transitions share them). */
const statusesOnce = new WeakMap<object, Promise<JiraStatus[]>>();
export function workflowStatuses(requestJira: Parameters<LoadOptions>[0]): Promise<JiraStatus[]> {
  let found = statusesOnce.get(requestJira);
  if (!found) {
    found = jiraJson<JiraStatus[]>(requestJira, '/rest/api/3/status');
    found.catch(() => statusesOnce.delete(requestJira));
    statusesOnce.set(requestJira, found);
  }
  return found;
}

export const loadStatuses: LoadOptions = async (requestJira) =>
  (await workflowStatuses(requestJira)).map((s) => ({
    label: s.name,
    value: String(s.id),
    detail: s.statusCategory?.name ? `Category: ${s.statusCategory.name}` : undefined,
  }));

export const loadResolutions: LoadOptions = async (requestJira) =>
  (await jiraJson<Array<{ id: string; name: string }>>(requestJira, '/rest/api/3/resolution')).map((r) => ({
    label: r.name,
    value: r.name,
  }));

export const loadIssueTypes: LoadOptions = async (requestJira) =>
  (await jiraJson<Array<{ id: string; name: string; subtask?: boolean }>>(requestJira, '/rest/api/3/issuetype')).map(
    (t) => ({ label: `${t.name}${t.subtask ? ' (sub-task)' : ''}`, value: String(t.id) }),
  );
