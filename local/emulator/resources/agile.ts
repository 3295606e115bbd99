// Jira Software (agile 1.0): boards, their configuration and issues (rank order), and ranking.
import type { DatasetBoard } from '../../dataset/types';
import type { RequestContext, Route } from '../context';
import {
  badRequest,
  empty,
  intParam,
  isObject,
  ISSUE_NOT_FOUND,
  JiraHttpError,
  json,
  listParam,
  notFound,
} from '../http';
import { runJql, type JqlRunOptions } from '../jql';
import { rankBetween } from '../rank';
import { RANK_CUSTOM_FIELD_NUMBER, statusCategories } from '../serializers';
import type { StoredIssue } from '../store';

const MAX_RANK = 50;
const MAX_BOARD_PAGE = 100;

export function visibleBoard(ctx: RequestContext, id: string): DatasetBoard {
  const board = /^\d+$/.test(id) ? ctx.core.store.boards.get(Number(id)) : undefined;
  const filter = board && ctx.core.store.filters.get(board.filterId);
  // A board is visible to whoever can see its saved filter.
  if (!board || !filter || !ctx.viewer.canSeeFilter(filter)) {
    throw notFound(`Board does not exist or you do not have permission to see it.`);
  }
  return board;
}

function boardLocation(ctx: RequestContext, board: DatasetBoard): Record<string, unknown> {
  const p = ctx.core.store.projectByIdOrKey(board.projectKey);
  if (!p) return {};
  return {
    projectId: Number(p.id),
    displayName: `${p.name} (${p.key})`,
    projectName: p.name,
    projectKey: p.key,
    projectTypeKey: p.projectTypeKey,
    avatarURI: `${ctx.ser.baseUrl}/avatar/project/${p.id}?s=48`,
    name: `${p.name} (${p.key})`,
  };
}

function boardJson(ctx: RequestContext, board: DatasetBoard): Record<string, unknown> {
  return {
    id: board.id,
    self: `${ctx.ser.baseUrl}/rest/agile/1.0/board/${board.id}`,
    name: board.name,
    type: board.type,
    location: boardLocation(ctx, board),
  };
}

function listBoards(ctx: RequestContext): ReturnType<Route['handle']> {
  const q = ctx.query;
  const startAt = Math.max(0, intParam(q, 'startAt', 0));
  const maxResults = Math.max(1, Math.min(intParam(q, 'maxResults', 50), 50));
  const types = listParam(q, 'type');
  const name = q.get('name')?.toLowerCase();
  const projectRef = q.get('projectKeyOrId');
  const filterId = q.get('filterId');
  const project = projectRef ? ctx.core.store.projectByIdOrKey(projectRef) : undefined;
  if (projectRef && (!project || !ctx.viewer.canBrowseProject(project))) {
    throw badRequest(`No project could be found with key or id '${projectRef}'.`);
  }
  const all = [...ctx.core.store.boards.values()]
    .filter((b) => {
      const f = ctx.core.store.filters.get(b.filterId);
      return f !== undefined && ctx.viewer.canSeeFilter(f);
    })
    .filter((b) => !types || types.includes(b.type))
    .filter((b) => !name || b.name.toLowerCase().includes(name))
    .filter((b) => !project || b.projectKey.toUpperCase() === project.key.toUpperCase())
    .filter((b) => !filterId || b.filterId === filterId)
    .sort((a, b) => a.id - b.id);
  const page = all.slice(startAt, startAt + maxResults);
  return json(
    {
      maxResults,
      startAt,
      total: all.length,
      isLast: startAt + page.length >= all.length,
      values: page.map((b) => boardJson(ctx, b)),
    },
    200,
    page.length,
  );
}

function configuration(ctx: RequestContext): ReturnType<Route['handle']> {
  const board = visibleBoard(ctx, ctx.params.boardId);
  const base = ctx.ser.baseUrl;
  // Columns follow status categories: To Do, In Progress, Done (the last column is "done").
  const columns = (['new', 'indeterminate', 'done'] as const).map((cat) => ({
    name: statusCategories[cat].name,
    statuses: ctx.core.store.statuses
      .filter((s) => s.category === cat)
      .map((s) => ({ id: s.id, self: `${base}/rest/api/2/status/${s.id}` })),
  }));
  const body: Record<string, unknown> = {
    id: board.id,
    name: board.name,
    type: board.type,
    self: `${base}/rest/agile/1.0/board/${board.id}/configuration`,
    location: { type: 'project', projectKeyOrId: board.projectKey },
    filter: { id: board.filterId, self: `${base}/rest/api/3/filter/${board.filterId}` },
    columnConfig: { columns, constraintType: 'none' },
    ranking: { rankCustomFieldId: RANK_CUSTOM_FIELD_NUMBER },
  };
  if (board.type === 'kanban') body.subQuery = { query: board.subQuery ?? '' };
  else
    body.estimation = { type: 'field', field: { fieldId: 'customfield_10016', displayName: 'Story point estimate' } };
  return json(body, 200, 1);
}

/**
 * What belongs to a board, as runJql options: its saved filter (and a kanban board's sub-query) ANDed
 * with the caller's JQL, in rank order unless that JQL orders otherwise.
 */
export function boardScope(
  ctx: RequestContext,
  board: DatasetBoard,
): Pick<JqlRunOptions, 'andJql' | 'extra' | 'defaultOrder'> {
  const filter = ctx.core.store.filters.get(board.filterId)!;
  const andJql = [filter.jql];
  if (board.type === 'kanban' && board.subQuery) andJql.push(board.subQuery);
  // Epics (and levels above) do not belong to scrum boards.
  const extra = board.type === 'scrum' ? [(i: StoredIssue) => i.type.hierarchyLevel < 1] : [];
  return { andJql, extra, defaultOrder: [{ field: 'rank', descending: false }] };
}

function boardIssues(ctx: RequestContext): ReturnType<Route['handle']> {
  const { core, viewer } = ctx;
  const board = visibleBoard(ctx, ctx.params.boardId);
  const q = ctx.query;
  const startAt = Math.max(0, intParam(q, 'startAt', 0));
  const maxResults = Math.max(1, Math.min(intParam(q, 'maxResults', 50), MAX_BOARD_PAGE));
  const jql = q.get('jql') ?? '';
  const key = `board:${board.id}\n${viewer.accountId}\n${core.store.changeCounter}\n${jql}`;
  const all = core.searchCache.get(key, () =>
    runJql(jql, { store: core.store, viewer, now: core.now(), ...boardScope(ctx, board) }),
  );
  const page = all.slice(startAt, startAt + maxResults);
  const wanted = ctx.ser.resolveFields(listParam(q, 'fields'), ['*navigable']);
  return json(
    {
      expand: 'schema,names',
      startAt,
      maxResults,
      total: all.length,
      issues: page.map((i) => ctx.ser.issue(i, wanted, viewer)),
    },
    200,
    page.length,
  );
}

interface RankEntry {
  issueId: number;
  issueKey: string;
  status: number;
  errors?: string[];
}

async function rankIssues(ctx: RequestContext): Promise<ReturnType<typeof empty>> {
  const { core, viewer } = ctx;
  const body = await ctx.body();
  if (
    !isObject(body) ||
    !Array.isArray(body.issues) ||
    body.issues.length === 0 ||
    body.issues.some((i) => typeof i !== 'string')
  ) {
    throw badRequest('issues: You must specify at least one issue to rank.');
  }
  const refs = body.issues as string[];
  if (refs.length > MAX_RANK) throw badRequest(`Only ${MAX_RANK} issues can be ranked at once.`);
  const before = typeof body.rankBeforeIssue === 'string' ? body.rankBeforeIssue : undefined;
  const after = typeof body.rankAfterIssue === 'string' ? body.rankAfterIssue : undefined;
  if ((before === undefined) === (after === undefined)) {
    throw badRequest('Specify exactly one of rankBeforeIssue and rankAfterIssue.');
  }
  if (body.rankCustomFieldId !== undefined && body.rankCustomFieldId !== RANK_CUSTOM_FIELD_NUMBER) {
    throw badRequest(
      `The rank custom field '${String(body.rankCustomFieldId)}' does not exist or is not a rank field.`,
    );
  }
  const target = viewer.visibleIssue((before ?? after)!);
  if (!target) throw badRequest(`Issue '${before ?? after}' does not exist or you do not have permission to see it.`);

  const entries: RankEntry[] = [];
  const moving: StoredIssue[] = [];
  let anyPermitted = false;
  for (const ref of refs) {
    const issue = viewer.visibleIssue(ref);
    if (!issue) {
      entries.push({
        issueId: /^\d+$/.test(ref) ? Number(ref) : 0,
        issueKey: ref,
        status: 404,
        errors: [ISSUE_NOT_FOUND],
      });
      continue;
    }
    if (!viewer.hasIssuePermission(issue, 'SCHEDULE_ISSUES')) {
      entries.push({
        issueId: issue.idNum,
        issueKey: issue.key,
        status: 403,
        errors: ['You do not have permission to rank this issue.'],
      });
      continue;
    }
    anyPermitted = true;
    if (issue.id === target.id) {
      entries.push({
        issueId: issue.idNum,
        issueKey: issue.key,
        status: 400,
        errors: ['An issue cannot be ranked relative to itself.'],
      });
      continue;
    }
    if (core.faults.isRankFailure(issue)) {
      entries.push({
        issueId: issue.idNum,
        issueKey: issue.key,
        status: 503,
        errors: ['JIRA Agile cannot execute the rank operation at this time. Please try again later.'],
      });
      continue;
    }
    if (!moving.includes(issue)) moving.push(issue);
    entries.push({ issueId: issue.idNum, issueKey: issue.key, status: 200 });
  }
  if (!anyPermitted) {
    throw new JiraHttpError(403, [
      'User does not have a valid license or does not have permission to rank. To rank issues user has to have schedule issue permission.',
    ]);
  }

  if (moving.length > 0) {
    const movingSet = new Set(moving);
    const order = core.store.issuesInRankOrder().filter((i) => !movingSet.has(i));
    const at = order.indexOf(target);
    let lower: string | undefined;
    let upper: string | undefined;
    if (before !== undefined) {
      lower = order[at - 1]?.rank;
      upper = target.rank;
    } else {
      lower = target.rank;
      upper = order[at + 1]?.rank;
    }
    let previous = lower;
    for (const issue of moving) {
      const rank = rankBetween(previous, upper);
      core.store.updateIssue(issue.id, { rank });
      previous = rank;
    }
  }
  if (entries.every((e) => e.status === 200)) return empty(204);
  return json({ entries }, 207);
}

export const agileRoutes: Route[] = [
  { method: 'GET', path: '/rest/agile/1.0/board', handle: listBoards },
  { method: 'GET', path: '/rest/agile/1.0/board/{boardId}/configuration', handle: configuration },
  { method: 'GET', path: '/rest/agile/1.0/board/{boardId}/issue', handle: boardIssues },
  { method: 'PUT', path: '/rest/agile/1.0/issue/rank', write: true, handle: rankIssues },
];
