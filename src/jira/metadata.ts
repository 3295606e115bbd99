// Read-only site metadata the import runners check parameters against — link types, issue types with
// their hierarchy levels, fields (the Rank field), a board's configuration (its filter and sub-query) —
// and a user's display name for job log lines.
import type { JiraClient } from './client';
import { JiraNotFound } from './errors';
import { JIRA_OPERATIONS } from './operations';

export interface IssueLinkType {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

export interface IssueType {
  id: string;
  name: string;
  /** -1 sub-task, 0 standard, 1 epic, 2+ levels above epic. */
  hierarchyLevel: number;
  subtask: boolean;
}

export interface JiraField {
  id: string;
  name: string;
  custom: boolean;
  schema?: { type?: string; custom?: string; customId?: number };
}

export interface BoardConfiguration {
  id: number;
  name: string;
  type: string;
  filterId: string;
  /** A Kanban board's sub-query (may be empty); absent on Scrum boards. */
  subQuery?: string;
  /** The board's rank field as a custom field number, e.g. 10019. */
  rankCustomFieldId?: number;
}

/** Jira's schema marker of the Rank field (a LexoRank string). */
export const RANK_FIELD_CUSTOM_TYPE = 'com.pyxis.greenhopper.jira:gh-lexo-rank';

export async function listIssueLinkTypes(jira: JiraClient): Promise<IssueLinkType[]> {
  const json = await jira.call<{ issueLinkTypes?: Array<Partial<IssueLinkType> & { id: string | number }> }>({
    operation: JIRA_OPERATIONS.issueLinkTypes,
    objects: (j) => (j as { issueLinkTypes?: unknown[] }).issueLinkTypes?.length ?? 0,
  });
  return (json.issueLinkTypes ?? []).map((t) => ({
    id: String(t.id),
    name: t.name ?? '',
    inward: t.inward ?? '',
    outward: t.outward ?? '',
  }));
}

export async function listIssueTypes(jira: JiraClient): Promise<IssueType[]> {
  const json = await jira.call<
    Array<{ id: string | number; name?: string; hierarchyLevel?: number; subtask?: boolean }>
  >({
    operation: JIRA_OPERATIONS.issueTypes,
    objects: (j) => (Array.isArray(j) ? j.length : 0),
  });
  return json.map((t) => ({
    id: String(t.id),
    name: t.name ?? '',
    hierarchyLevel: t.hierarchyLevel ?? (t.subtask ? -1 : 0),
    subtask: t.subtask === true,
  }));
}

export async function listFields(jira: JiraClient): Promise<JiraField[]> {
  return jira.call<JiraField[]>({
    operation: JIRA_OPERATIONS.fields,
    objects: (j) => (Array.isArray(j) ? j.length : 0),
  });
}

/** The site's Rank field id (e.g. customfield_10019), or undefined when there is none. */
export async function findRankFieldId(jira: JiraClient): Promise<string | undefined> {
  const fields = await listFields(jira);
  return (
    fields.find((f) => f.schema?.custom === RANK_FIELD_CUSTOM_TYPE) ?? fields.find((f) => f.custom && f.name === 'Rank')
  )?.id;
}

/** Throws JiraNotFound when the board does not exist or the caller cannot see it (its filter is not shared with them). */
export async function getBoardConfiguration(jira: JiraClient, boardId: number): Promise<BoardConfiguration> {
  const json = await jira.call<{
    id: number;
    name?: string;
    type?: string;
    filter?: { id?: string | number };
    subQuery?: { query?: string };
    ranking?: { rankCustomFieldId?: number };
  }>({
    operation: JIRA_OPERATIONS.boardConfiguration,
    params: { boardId },
    objects: () => 1,
    notFound: [400, 403, 404],
  });
  if (json.filter?.id === undefined) throw new JiraNotFound(`Board ${boardId} has no filter you can see`);
  return {
    id: json.id,
    name: json.name ?? `Board ${boardId}`,
    type: json.type ?? 'scrum',
    filterId: String(json.filter.id),
    subQuery: json.subQuery?.query,
    rankCustomFieldId: json.ranking?.rankCustomFieldId,
  };
}

/** A user's display name, or undefined when Jira does not know the account (or hides it from the caller). */
export async function getUserDisplayName(jira: JiraClient, accountId: string): Promise<string | undefined> {
  return (await getUserAccount(jira, accountId))?.displayName;
}

export interface UserAccount {
  readonly displayName?: string;
  /** Jira's `accountType`: `atlassian` for a person, `app` for an app's account (Automation for Jira's). */
  readonly accountType?: string;
}

/** What Jira says of an account, or undefined when Jira does not know it (or hides it from the caller). */
export async function getUserAccount(jira: JiraClient, accountId: string): Promise<UserAccount | undefined> {
  const query = new URLSearchParams({ accountId });
  try {
    const json = await jira.call<{ displayName?: unknown; accountType?: unknown }>({
      operation: JIRA_OPERATIONS.getUser,
      query,
      objects: () => 1,
      notFound: [404],
    });
    return {
      ...(typeof json.displayName === 'string' && json.displayName !== '' ? { displayName: json.displayName } : {}),
      ...(typeof json.accountType === 'string' ? { accountType: json.accountType } : {}),
    };
  } catch (error) {
    if (error instanceof JiraNotFound) return undefined;
    throw error;
  }
}

/** The site's workflow statuses the user can see: id and name (1 point a status, as uncategorised objects). */
export async function listStatuses(jira: JiraClient): Promise<Array<{ id: string; name: string }>> {
  const json = await jira.call<Array<{ id: string | number; name?: string }>>({
    operation: JIRA_OPERATIONS.statuses,
    objects: (j) => (Array.isArray(j) ? j.length : 0),
  });
  return (Array.isArray(json) ? json : []).map((s) => ({ id: String(s.id), name: s.name ?? '' }));
}
