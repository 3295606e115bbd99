import { IssueId } from '../../domain/forest';
import { IssueFacts } from '../../domain/jira';

/** What a Sub-tasks import needs to know about an issue: its key (for notes) and its sub-tasks in Jira's order. */
export type SubtasksIssueFacts = Pick<IssueFacts, 'id' | 'key' | 'subtaskIds'>;

/**
 * What the runner fetches for a Sub-tasks import, as the importing user.
 *
 * `issues`: the issues of the structure (the distinct issue ids of the forest) that have sub-tasks,
 * with `subtaskIds` in Jira's order (the `subtasks` field lists only sub-tasks the user can see).
 * Fetch: `POST /rest/api/3/issue/bulkfetch` with `issueIdsOrKeys` (≤100 ids a call) and
 * `fields: ['subtasks']` over the forest's issue ids — ceil(N/100) calls; ids it does not return are
 * issues the user cannot see, which answers `visible` for every row at the same time. Sub-task issues
 * (`issuetype.subtask`) never have sub-tasks; a runner that knows them may skip them. Issues without
 * sub-tasks may be left out of the map.
 */
export interface SubtasksImportData {
  readonly issues: ReadonlyMap<IssueId, SubtasksIssueFacts>;
}
