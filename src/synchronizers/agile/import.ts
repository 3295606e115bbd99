// The Agile import, read-only on Jira: the board's filter (and Kanban sub-query) or the chosen projects,
// in rank order with `parent` and `issuetype` (100 a page); then the epics named as `parent` that the
// search did not return (a board's filter may leave them out), in rank order too.
import type { IssueId } from '../../domain/forest';
import {
  agileImportVisibilityQuestions,
  agileSynchronizer,
  type AgileImportData,
  type AgileIssueFacts,
  type AgileParams,
} from './synchronizer';
import { JiraJqlInvalid, JiraNotFound } from '../../jira';
import { getBoardConfiguration, listFields } from '../../jira/metadata';
import { searchIssuesReconciled } from '../../jira/search-reconciled';
import type { ImportResolved } from '../../storage';
import { AppError } from '../../app/errors';
import type { Invocation } from '../../app/invocation';
import { issuesOf, storedIssue, type FactsPage } from '../../app/import/facts';
import { checkProjectsJql, quoteKeys } from '../../app/import/jql-check';
import { FIELDS_PAGE_SIZE, PARENT_CHUNK, searchStage } from '../../app/import/stages';
import { inRankOrder } from '../../app/import/rank-order';
import { CALLS_PER_UNIT, type FetchStage, type ImportSpec } from '../../app/import/staged-import';

// `subtasks` gives each parent's sub-tasks in Jira's order, the order the Sub-tasks synchronizer uses too.
const AGILE_FIELDS = ['parent', 'issuetype', 'subtasks'];

/** A filter's JQL without its ORDER BY (the import orders by rank). A quoted "order by" inside a value would confuse it; Jira's filters rarely have one. */
export function withoutOrderBy(jql: string): string {
  return jql.replace(/\border\s+by\b[\s\S]*$/i, '').trim();
}

async function resolveAgile(inv: Invocation, params: AgileParams): Promise<ImportResolved> {
  const tail = (rank: string) =>
    `${params.subtasks ? '' : ' AND issuetype not in subTaskIssueTypes()'} ORDER BY ${rank} ASC`;
  if (params.source.mode === 'board') {
    const field = 'params.source.boardId';
    const boardId = params.source.boardId;
    const notFound = () =>
      new AppError('BOARD_NOT_FOUND', `Board ${boardId} does not exist, or its filter is not shared with you.`, {
        field,
      });
    let board;
    let filterJql: string;
    try {
      board = await getBoardConfiguration(inv.jira, boardId);
      filterJql = (await inv.jira.getFilter(board.filterId)).jql;
    } catch (error) {
      if (error instanceof JiraNotFound) throw notFound();
      throw error;
    }
    const clauses = [withoutOrderBy(filterJql), board.subQuery?.trim() ?? '']
      .filter((c) => c !== '')
      .map((c) => `(${c})`);
    const jql = `${clauses.join(' AND ')}${tail('Rank')}`.replace(/^ AND /, '');
    await checkBoardJql(inv, jql, field);
    const kind = board.subQuery !== undefined ? 'Kanban board' : 'board';
    return {
      jql,
      source: `${kind} "${board.name}"`,
      rankFieldId: board.rankCustomFieldId ? `customfield_${board.rankCustomFieldId}` : undefined,
    };
  }
  const { projectKeys, rankFieldId } = params.source;
  if (!(await listFields(inv.jira)).some((f) => f.id === rankFieldId)) {
    throw new AppError('FIELD_NOT_FOUND', `There is no field ${rankFieldId} on this site.`, {
      field: 'params.source.rankFieldId',
    });
  }
  const jql = `project in (${quoteKeys(projectKeys)})${tail(`cf[${rankFieldId.replace('customfield_', '')}]`)}`;
  await checkProjectsJql(inv, jql, 'params.source.projectKeys');
  return { jql, source: `projects ${projectKeys.join(', ')} in ${rankFieldId} order`, rankFieldId };
}

async function checkBoardJql(inv: Invocation, jql: string, field: string): Promise<void> {
  try {
    await inv.jira.searchIds(jql, undefined, 1);
  } catch (error) {
    if (error instanceof JiraJqlInvalid)
      throw new AppError('JQL_INVALID', `The board's filter does not work for you: ${error.jiraMessage}`, { field });
    throw error;
  }
}

/** Epics named as `parent` of the board's standard issues that the search did not return, `id in (…)` in rank order. */
function missingEpicsStage(): FetchStage<AgileParams> {
  return {
    name: 'missingEpics',
    phase: 'reading the epics',
    async run(ctx, cursor) {
      const key = 'missingEpics';
      let ids = ctx.memo.get(key) as number[] | undefined;
      if (!ids) {
        const board = issuesOf(ctx.pages, (p) => p.stage === 'board');
        const wanted = new Set<IssueId>();
        for (const issue of board.values())
          if (issue.level === 0 && issue.parent !== undefined && !board.has(issue.parent)) wanted.add(issue.parent);
        ids = [...wanted].sort((a, b) => a - b);
        ctx.memo.set(key, ids);
      }
      let chunk = Number(cursor?.chunk ?? 0);
      let token = cursor?.token as string | undefined;
      if (chunk * PARENT_CHUNK >= ids.length) return { done: true };
      const page: FactsPage = { stage: 'epics', round: 0, issues: [] };
      for (let call = 0; call < CALLS_PER_UNIT && chunk * PARENT_CHUNK < ids.length; call++) {
        const slice = ids.slice(chunk * PARENT_CHUNK, (chunk + 1) * PARENT_CHUNK);
        const found = await searchIssuesReconciled(
          ctx.jira,
          `id in (${slice.join(',')}) ORDER BY Rank ASC`,
          AGILE_FIELDS,
          token,
          FIELDS_PAGE_SIZE,
          ctx.resolved.reconcileIssueIds,
        );
        page.issues?.push(...found.issues.map((i) => storedIssue(i)));
        token = found.nextPageToken;
        if (!token) chunk++;
      }
      return {
        page,
        cursor: { chunk, token },
        done: chunk * PARENT_CHUNK >= ids.length,
        fetched: page.issues?.length ?? 0,
      };
    },
  };
}

function data(pages: readonly FactsPage[]): AgileImportData {
  // Board issues in rank order, then the epics fetched separately (in rank order among themselves).
  const issues: AgileIssueFacts[] = [];
  for (const stage of ['board', 'epics']) {
    for (const issue of inRankOrder([...issuesOf(pages, (p) => p.stage === stage).values()])) {
      issues.push({
        id: issue.id,
        key: issue.key,
        hierarchyLevel: issue.level ?? 0,
        parentId: issue.parent ?? null,
        ...(issue.subtasks !== undefined ? { subtaskIds: issue.subtasks } : {}),
      });
    }
  }
  return { issues };
}

export const agileImport: ImportSpec<AgileParams, AgileImportData> = {
  synchronizer: agileSynchronizer,
  resolve: resolveAgile,
  stages: (_, resolved) => [
    // With the rank field known, the board's issues are read in id ranges side by side and put back in
    // rank order by `data`; without it, in one stream in Jira's order.
    searchStage(
      'board',
      (_, r) => r.jql,
      resolved.rankFieldId ? [...AGILE_FIELDS, resolved.rankFieldId] : AGILE_FIELDS,
      (n) => `Jira found ${n} issues in rank order.`,
      { partitioned: resolved.rankFieldId !== undefined },
    ),
    missingEpicsStage(),
  ],
  data,
  questions: (forest, params, d) => agileImportVisibilityQuestions({ forest, params, data: d }),
};
