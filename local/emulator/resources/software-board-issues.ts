// Jira Software's token-paged board issues (RFC-127): `GET /rest/software/1.0/board/{boardId}/issue`
// (operationId getIssuesForBoardJSIS), the successor of the offset-paged agile 1.0 read. Same board
// scope and rank order; pages are cut like enhanced search (nextPageToken + isLast, no total, a token
// bound to its query), it is eventually consistent, and reconcileIssues reads issues strongly.
import type { RequestContext, Route } from '../context';
import { badRequest, intParam, json, listParam, type Reply } from '../http';
import { runJql } from '../jql';
import { decodeToken, encodeToken, hashText } from '../search-cache';
import { isIdsOnly } from '../serializers';
import { boardScope, visibleBoard } from './agile';
import { MAX_FIELDS_PAGE, MAX_IDS_PAGE } from './search';

/** Without maxResults Jira Cloud answers 50 issues a page. */
const DEFAULT_PAGE = 50;
const MAX_RECONCILE = 50;

function reconcileParam(q: URLSearchParams): number[] {
  const ids = listParam(q, 'reconcileIssues') ?? [];
  if (ids.some((id) => !/^\d+$/.test(id))) throw badRequest("'reconcileIssues' must be a list of issue ids (numbers).");
  if (ids.length > MAX_RECONCILE) throw badRequest(`The number of issues to reconcile cannot exceed ${MAX_RECONCILE}.`);
  return ids.map(Number);
}

function validateQueryParam(q: URLSearchParams): void {
  const raw = q.get('validateQuery');
  if (raw !== null && raw !== '' && raw !== 'true' && raw !== 'false')
    throw badRequest(`The value '${raw}' is not valid for the 'validateQuery' parameter.`);
}

function boardIssuesPaged(ctx: RequestContext): Reply {
  const { core, viewer } = ctx;
  const board = visibleBoard(ctx, ctx.params.boardId);
  const q = ctx.query;
  const jql = q.get('jql') ?? '';
  const reconcile = reconcileParam(q);
  validateQueryParam(q);
  const maxResults = intParam(q, 'maxResults', DEFAULT_PAGE);
  if (maxResults < 0) throw badRequest("The value of 'maxResults' must be a positive integer.");
  const requested = listParam(q, 'fields');
  const idsOnly = requested !== undefined && isIdsOnly(requested);
  const pageSize = Math.max(1, Math.min(maxResults, idsOnly ? MAX_IDS_PAGE : MAX_FIELDS_PAGE));
  // A token pages through the query it was cut from, for the same caller and the same reconciled ids.
  const hash = hashText(`board:${board.id}\n${viewer.accountId}\n${reconcile.join(',')}\n${jql}`);

  let version = core.store.changeCounter;
  let offset = 0;
  const token = q.get('nextPageToken');
  if (token !== null && token !== '') {
    const decoded = decodeToken(token);
    if (!decoded || decoded.hash !== hash) throw badRequest('The provided next page token is invalid or expired.');
    version = decoded.version;
    offset = decoded.offset;
  }
  const key = `software-board:${board.id}\n${viewer.accountId}\n${version}\n${reconcile.join(',')}\n${jql}`;
  const all = core.searchCache.get(key, () =>
    runJql(jql, {
      store: core.store,
      viewer,
      now: core.now(),
      reconcile: new Set(reconcile.map(String)),
      ...boardScope(ctx, board),
    }),
  );
  const page = all.slice(offset, offset + pageSize);
  // "By default, all navigable and Software project fields are returned."
  const wanted = ctx.ser.resolveFields(requested, ['*navigable']);
  const withKey = requested?.includes('key') ?? false;
  const next = offset + page.length;
  const isLast = next >= all.length;
  const body: Record<string, unknown> = {
    issues: page.map((i) => ctx.ser.issue(i, wanted, viewer, idsOnly, withKey)),
  };
  if (!isLast) body.nextPageToken = encodeToken({ version, offset: next, hash });
  body.isLast = isLast;
  Object.assign(body, ctx.ser.expansions(q.get('expand')?.split(','), wanted));
  return json(body, 200, page.length);
}

export const softwareBoardRoutes: Route[] = [
  { method: 'GET', path: '/rest/software/1.0/board/{boardId}/issue', handle: boardIssuesPaged },
];
