import { IssueId } from '../../domain/forest';
import { IssueFacts } from '../../domain/jira';

/** What a Hierarchy import needs to know about an issue: key, level, parent, and rank when siblings go by rank. */
export type HierarchyIssueFacts = Pick<IssueFacts, 'id' | 'key' | 'hierarchyLevel' | 'parentId' | 'rank'>;

/**
 * What the runner fetches for a Hierarchy import, as the importing user.
 *
 * - `roots`: the ids of the root issues. `jql`: `POST /rest/api/3/search/jql` with the JQL.
 *   `highestLevel`: the highest `hierarchyLevel` among the issue types of the chosen projects
 *   (`GET /rest/api/3/issuetype/project?projectId=…`, or `GET /rest/api/3/issuetype`), then
 *   `project in (<keys>) AND issuetype in (<ids of that level>)`.
 * - `issues`: facts of the roots and their descendants, level by level down to `levels`:
 *   `parent in (<ids of the previous level>)` in chunks that keep the JQL short. Fields:
 *   `['parent', 'issuetype']` (`issuetype.hierarchyLevel`), plus the Rank field (its id from
 *   `GET /rest/api/3/field`, e.g. `customfield_10019`) when `order` is `rank`; with `order: 'key'`
 *   the key comes with every issue. Roots missing here are left out.
 */
export interface HierarchyImportData {
  readonly roots: readonly IssueId[];
  readonly issues: ReadonlyMap<IssueId, HierarchyIssueFacts>;
}
