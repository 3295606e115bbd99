// Statuses: every status with its category (GET /status), and the paged search over them that project
// admins use (GET /statuses/search), where a project narrows the list to its workflow's statuses.
import type { DatasetStatus } from '../../dataset/types';
import type { RequestContext, Route } from '../context';
import { badRequest, intParam, JiraHttpError, json } from '../http';
import { isAdminOfAnyProject } from '../project-roles';

/** JiraStatus names its category by these constants, not by the category keys StatusDetails has. */
const CATEGORY_CONSTANT = { new: 'TODO', indeterminate: 'IN_PROGRESS', done: 'DONE' } as const;

function statuses(ctx: RequestContext): ReturnType<Route['handle']> {
  // Like issue types: statuses are shown to whoever browses some project (all projects share them).
  const visible =
    ctx.viewer.principal.kind === 'app' || ctx.viewer.isSiteAdmin || ctx.viewer.browsableProjects().length > 0;
  const all = visible ? ctx.core.store.statuses.map((s) => ctx.ser.status(s)) : [];
  return json(all, 200, all.length);
}

function searchStatuses(ctx: RequestContext): ReturnType<Route['handle']> {
  const { store } = ctx.core;
  // Documented: Administer Projects or Administer Jira; 401 otherwise, as for the project's roles.
  if (!isAdminOfAnyProject(ctx.viewer))
    throw new JiraHttpError(401, ['You cannot search statuses: it needs the Administer Projects permission.']);
  const q = ctx.query;
  const startAt = intParam(q, 'startAt', 0);
  const maxResults = intParam(q, 'maxResults', 200);
  if (startAt < 0 || maxResults < 0) throw badRequest('startAt and maxResults must not be negative.');
  const category = q.get('statusCategory');
  const wanted = category ? Object.entries(CATEGORY_CONSTANT).find(([, c]) => c === category)?.[0] : undefined;
  if (category && !wanted)
    throw badRequest(`The status category '${category}' is not valid. Use TODO, IN_PROGRESS or DONE.`);
  const projectRef = q.get('projectId');
  let list: readonly DatasetStatus[] = store.statuses;
  if (projectRef) {
    const project = store.projectByIdOrKey(projectRef);
    list = project ? store.workflowOf(project).statuses : [];
  }
  const text = q.get('searchString')?.toLowerCase() ?? '';
  const matching = list.filter(
    (s) => (text === '' || s.name.toLowerCase().includes(text)) && (!wanted || s.category === wanted),
  );
  const page = matching.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= matching.length;
  const self = `${ctx.ser.baseUrl}/rest/api/3/statuses/search?startAt=${startAt}&maxResults=${maxResults}`;
  return json(
    {
      self,
      ...(isLast
        ? {}
        : {
            nextPage: `${ctx.ser.baseUrl}/rest/api/3/statuses/search?startAt=${startAt + page.length}&maxResults=${maxResults}`,
          }),
      startAt,
      maxResults,
      total: matching.length,
      isLast,
      values: page.map((s) => ({
        id: s.id,
        name: s.name,
        statusCategory: CATEGORY_CONSTANT[s.category],
        scope: { type: 'GLOBAL' },
        description: '',
      })),
    },
    200,
    page.length,
  );
}

export const statusRoutes: Route[] = [
  { method: 'GET', path: '/rest/api/3/status', handle: statuses },
  { method: 'GET', path: '/rest/api/3/statuses/search', handle: searchStatuses },
];
