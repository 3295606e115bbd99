import { IssueId } from '../../domain/forest';
import { IssueFacts } from '../../domain/jira';

/** What a Links import needs to know about an issue: its key (for notes) and its links (both directions). */
export type LinksIssueFacts = Pick<IssueFacts, 'id' | 'key' | 'links'>;

/**
 * What the runner fetches for a Links import, as the importing user. Links of other types may be
 * left in or out; links to issues the user cannot see must be left out (Jira's `issuelinks` does).
 *
 * - `issues`: facts, with `links` (`fields: ['issuelinks']`, the key comes along), of every issue
 *   whose children the import may place:
 *   - `structure` and `expand`: the distinct issue ids of the forest, by
 *     `POST /rest/api/3/issue/bulkfetch` (≤100 ids a call, `fields: ['issuelinks']`); ids it does not
 *     return are issues the user cannot see, which answers `visible` for every row at the same time;
 *   - `expand`, then level by level up to `levels` times: the children found in the previous level
 *     that have no facts yet (same bulkfetch);
 *   - `all`: the parent filter, `POST /rest/api/3/search/jql` with `fields: ['issuelinks']`, then
 *     level by level as for `expand`.
 * - `parentMatches` / `childMatches`: ids matching `parentJql` / `childJql` (ids-only pages,
 *   `fields: ['id']`, up to 5000 a page; or the same JQL `AND issue in (…)` over the candidate ids);
 *   null when that filter is not set.
 * - `roots` (`all` only): the ids the parent filter found, in result order (the planner keeps those
 *   that are nobody's child).
 */
export interface LinksImportData {
  readonly issues: ReadonlyMap<IssueId, LinksIssueFacts>;
  readonly parentMatches: ReadonlySet<IssueId> | null;
  readonly childMatches: ReadonlySet<IssueId> | null;
  readonly roots?: readonly IssueId[];
}
