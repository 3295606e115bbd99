// The Agile export: read the board's issues in rank order (or the projects' by `ORDER BY Rank`) with
// their facts, then the facts of the structure's other issues (epics a scrum board leaves out); write
// rank from the structure's order and each issue's epic from its placement under epics.
import { planParentExport, planRankExport, structureOrderOf } from '../../domain/export';
import { isFolder } from '../../domain/forest';
import { AppError } from '../../app/errors';
import type { ExportSpec, GatherStep } from '../../app/export/spec';
import { compactFact, DEFAULT_RANK_FIELD, factFields } from '../../app/export/facts';
import { factsStep } from '../../app/export/gather';
import { boardIssuesPage, boardRankFieldId, JiraNotFound } from '../../jira';
import type { AgileParams } from './params';

/** The board's (or projects') issues in rank order, 100 a call. */
const orderStep: GatherStep<AgileParams> = async (jira, ctx, at) => {
  const fields = factFields({ rankField: ctx.rankField });
  const source = ctx.params.source;
  if (source.mode === 'board') {
    const page = await boardIssuesPage(jira, source.boardId, at.startAt ?? 0, fields);
    const facts = page.issues.map((i) => compactFact(i, ctx.rankField));
    const done = page.nextStartAt === undefined;
    return { page: { facts, order: facts.map((f) => f.i) }, done, at: { startAt: page.nextStartAt } };
  }
  const jql = `project in (${source.projectKeys.join(', ')}) ORDER BY Rank ASC`;
  const page = await jira.searchIssues(jql, fields, at.nextPageToken, 100);
  const facts = page.issues.map((i) => compactFact(i, ctx.rankField));
  const done = page.nextPageToken === undefined;
  return { page: { facts, order: facts.map((f) => f.i) }, done, at: { nextPageToken: page.nextPageToken } };
};

export const agileExport: ExportSpec<AgileParams> = {
  async prepare(inv, params) {
    const source = params.source;
    if (source.mode !== 'board') {
      return { rankField: source.rankFieldId, rankFieldId: Number(source.rankFieldId.replace('customfield_', '')) };
    }
    try {
      const rankFieldId = await boardRankFieldId(inv.jira, source.boardId);
      return rankFieldId !== undefined
        ? { rankField: `customfield_${rankFieldId}`, rankFieldId }
        : { rankField: DEFAULT_RANK_FIELD };
    } catch (error) {
      if (error instanceof JiraNotFound) {
        throw new AppError(
          'INVALID_PARAMS',
          `params.source.boardId: board ${source.boardId} does not exist, or you cannot see it.`,
          { field: 'params.source.boardId' },
        );
      }
      throw error;
    }
  },
  gather: () => [orderStep, factsStep({ links: false })],
  plan({ forest, facts, order, issueTypeNames }) {
    const jiraOrder = [...(order ?? [])];
    const onBoard = new Set(jiraOrder);
    const structureOrder = structureOrderOf(forest, (id) => onBoard.has(id));
    const rank = planRankExport({ structureOrder, jiraOrder });
    const parents = planParentExport({
      forest,
      facts,
      mode: 'epics',
      inScope: (id) => onBoard.has(id),
      issueTypeNames,
    });
    const outside = structureOrderOf(
      forest,
      // A folder is no issue: it has no rank to leave alone.
      (id) => !isFolder(id) && !onBoard.has(id) && (facts.get(id)?.hierarchyLevel ?? 0) <= 0,
    ).length;
    const warnings =
      outside > 0
        ? [
            `${outside} issue${outside === 1 ? ' is' : 's are'} in the structure but not on the board; their rank is left alone.`,
          ]
        : [];
    return { plan: { rank, parents }, structureOrder, jiraOrder, warnings };
  },
};
