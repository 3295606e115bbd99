import { IssueFacts } from '../../domain/jira';

/**
 * What an Agile import needs to know about an issue: key, hierarchy level, parent (the epic, or a
 * sub-task's parent) and, when fetched, its sub-tasks in Jira's order (the order sub-tasks are placed in).
 */
export type AgileIssueFacts = Pick<IssueFacts, 'id' | 'key' | 'hierarchyLevel' | 'parentId' | 'subtaskIds'>;

/**
 * What the runner fetches for an Agile import, as the importing user: the issues in rank order.
 *
 * Only the order *within* each group matters (epics and levels above; other issues; each epic's
 * issues; each issue's sub-tasks), so lists fetched separately, each in rank order, may be concatenated.
 *
 * - Board mode: `GET /rest/agile/1.0/board/{boardId}/configuration` → `filter.id` and, on a Kanban
 *   board, `subQuery.query`; `GET /rest/api/3/filter/{id}` → `jql`. Then `POST /rest/api/3/search/jql`
 *   with `(<filter JQL without its ORDER BY>) AND (<sub-query>) ORDER BY Rank ASC` and
 *   `fields: ['parent', 'issuetype', 'subtasks']` (`issuetype.hierarchyLevel`, `parent.id`, the
 *   sub-tasks in Jira's order). Scrum boards leave
 *   epics out, so the epics named as `parent` of level-0 issues that the search did not return are
 *   fetched too (`id in (…) ORDER BY Rank ASC`, same fields) and appended.
 * - Custom mode: the same search over `project in (<projectKeys>) ORDER BY cf[<rank field number>] ASC`.
 * - Without the `subtasks` option, sub-tasks may be left out (`AND issuetype not in subTaskIssueTypes()`).
 */
export interface AgileImportData {
  readonly issues: readonly AgileIssueFacts[];
}
