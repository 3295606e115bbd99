// Jira calls an export makes: the board's issues in rank order, the writes (rank, parent, links) and the
// permission preflight. Writes cost one point each; a write Jira refuses throws JiraHttpError with its
// status, which the export records per issue instead of failing the job.
import type { JiraClient, JiraIssue } from './client';
import { JIRA_OPERATIONS } from './operations';

/** Jira's page cap for board issues. */
export const BOARD_PAGE_SIZE = 100;

export interface BoardIssuesPage {
  issues: JiraIssue[];
  /** Where the next page starts, or undefined after the last one. */
  nextStartAt?: number;
}

export async function boardIssuesPage(
  jira: JiraClient,
  boardId: number,
  startAt: number,
  fields: string[],
): Promise<BoardIssuesPage> {
  const query = new URLSearchParams({
    startAt: String(startAt),
    maxResults: String(BOARD_PAGE_SIZE),
    fields: fields.join(','),
  });
  const json = await jira.call<{ issues?: JiraIssue[]; total?: number; maxResults?: number; isLast?: boolean }>({
    operation: JIRA_OPERATIONS.boardIssues,
    params: { boardId },
    query,
    objects: (j) => ((j as { issues?: unknown[] }).issues ?? []).length,
    notFound: [404],
  });
  const issues = json.issues ?? [];
  const next = startAt + issues.length;
  const last = json.isLast === true || issues.length === 0 || (json.total !== undefined && next >= json.total);
  return { issues, nextStartAt: last ? undefined : next };
}

/** The board's rank field id (e.g. 10019), to rank by the field the board orders by. */
export async function boardRankFieldId(jira: JiraClient, boardId: number): Promise<number | undefined> {
  const json = await jira.call<{ ranking?: { rankCustomFieldId?: number } }>({
    operation: JIRA_OPERATIONS.boardConfiguration,
    params: { boardId },
    objects: () => 1,
    notFound: [404],
  });
  return json.ranking?.rankCustomFieldId;
}

export interface RankBody {
  issues: string[];
  rankBeforeIssue?: string;
  rankAfterIssue?: string;
  rankCustomFieldId?: number;
}

/** 204 → no entries; 207 → Jira's per-issue entries. Refusals of the whole call throw JiraHttpError. */
export async function rankIssues(
  jira: JiraClient,
  body: RankBody,
): Promise<{ entries?: Array<{ issueId: number | string; status: number; errors?: string[] }> }> {
  const json = await jira.call<{ entries?: Array<{ issueId: number | string; status: number; errors?: string[] }> }>({
    operation: JIRA_OPERATIONS.rankIssues,
    body,
    objects: () => 0,
  });
  return Array.isArray(json.entries) ? { entries: json.entries } : {};
}

/** Sets (or with null removes) an issue's unified parent field. */
export async function setParent(jira: JiraClient, issueId: string, parentId: string | null): Promise<void> {
  const body =
    parentId === null ? { update: { parent: [{ set: { none: true } }] } } : { fields: { parent: { id: parentId } } };
  await jira.call({ operation: JIRA_OPERATIONS.editIssue, params: { issueIdOrKey: issueId }, body, objects: () => 0 });
}

/** "inwardIssue <outward phrase> outwardIssue"; Jira answers 201 without the link's id, and a duplicate is a no-op. */
export async function createIssueLink(
  jira: JiraClient,
  linkTypeId: string,
  inwardId: string,
  outwardId: string,
): Promise<void> {
  await jira.call({
    operation: JIRA_OPERATIONS.createIssueLink,
    body: { type: { id: linkTypeId }, inwardIssue: { id: inwardId }, outwardIssue: { id: outwardId } },
    objects: () => 0,
  });
}

export async function deleteIssueLink(jira: JiraClient, linkId: string): Promise<void> {
  await jira.call({ operation: JIRA_OPERATIONS.deleteIssueLink, params: { linkId }, objects: () => 0 });
}

/**
 * Which of `permissions` the calling user holds in each project, in one call (POST /permissions/check,
 * at most 1000 projects): project id → permissions held.
 */
export async function checkProjectPermissions(
  jira: JiraClient,
  projectIds: number[],
  permissions: string[],
): Promise<Map<number, Set<string>>> {
  if (projectIds.length > 1000)
    throw new RangeError(`permissions/check takes at most 1000 projects, got ${projectIds.length}`);
  const json = await jira.call<{ projectPermissions?: Array<{ permission?: string; projects?: number[] }> }>({
    operation: JIRA_OPERATIONS.checkPermissions,
    body: { projectPermissions: [{ permissions, projects: projectIds }] },
    objects: (j) => ((j as { projectPermissions?: unknown[] }).projectPermissions ?? []).length,
    pointsPerObject: 2,
  });
  const held = new Map<number, Set<string>>(projectIds.map((id) => [id, new Set<string>()]));
  for (const grant of json.projectPermissions ?? []) {
    for (const id of grant.projects ?? []) if (grant.permission) held.get(Number(id))?.add(grant.permission);
  }
  return held;
}

/** Which of `permissions` the calling user holds in a project (GET /mypermissions?projectKey=). */
export async function myProjectPermissions(
  jira: JiraClient,
  projectKey: string,
  permissions: string[],
): Promise<Record<string, boolean>> {
  const query = new URLSearchParams({ projectKey, permissions: permissions.join(',') });
  const json = await jira.call<{ permissions?: Record<string, { havePermission?: boolean }> }>({
    operation: JIRA_OPERATIONS.myPermissions,
    query,
    objects: (j) => Object.keys((j as { permissions?: object }).permissions ?? {}).length,
    pointsPerObject: 2,
    notFound: [404],
  });
  return Object.fromEntries(permissions.map((p) => [p, json.permissions?.[p]?.havePermission === true]));
}
