// The Links import: the `issuelinks` of the issues it may place children under — the structure's issues
// (bulkfetch, which also answers visibility), or the parent filter's issues for scope "all" — then,
// with "expand" and "all", the linked children level by level. Parent and child filters are ids-only
// searches. Cycles the planner finds are notes in the job log.
import type { IssueId } from '../../domain/forest';
import {
  linksImportVisibilityQuestions,
  linksSynchronizer,
  type LinksImportData,
  type LinksIssueFacts,
  type LinksParams,
} from './synchronizer';
import { findRankFieldId, listIssueLinkTypes } from '../../jira/metadata';
import type { ImportResolved } from '../../storage';
import { AppError } from '../../app/errors';
import type { Invocation } from '../../app/invocation';
import { idsOf, issuesOf, linkFact, type FactsPage } from '../../app/import/facts';
import { checkJql } from '../../app/import/jql-check';
import { expandStage, forestIssuesStage, searchStage } from '../../app/import/stages';
import { inRankOrder } from '../../app/import/rank-order';
import { splitOrderBy } from '../../app/import/partitioned-search';
import { type FetchStage, type ImportSpec } from '../../app/import/staged-import';

const LINK_FIELDS = ['issuelinks'];

async function resolveLinks(inv: Invocation, params: LinksParams): Promise<ImportResolved> {
  const type = (await listIssueLinkTypes(inv.jira)).find((t) => t.id === params.linkTypeId);
  if (!type)
    throw new AppError('LINK_TYPE_NOT_FOUND', `There is no issue link type with id ${params.linkTypeId}.`, {
      field: 'params.linkTypeId',
    });
  if (params.parentJql !== undefined) await checkJql(inv, params.parentJql, 'params.parentJql');
  if (params.childJql !== undefined) await checkJql(inv, params.childJql, 'params.childJql');
  // "inward" parent end: the parent is the issue that "<outward>"s the child (A blocks B: B under A).
  const phrase = params.parentEnd === 'inward' ? type.outward : type.inward;
  // Scope "all" in rank order: with the Rank field's values the parent filter's issues can be read in
  // id ranges side by side and put back in rank order (partitioned-search.ts); any other order is read
  // in one stream, since only Jira knows it.
  const rankFieldId =
    params.scope === 'all' && params.parentJql !== undefined && inRankOrderJql(params.parentJql)
      ? await findRankFieldId(inv.jira)
      : undefined;
  return {
    jql: params.parentJql ?? '',
    source: `links of type "${type.name}" (parent ${phrase} child)`,
    ...(rankFieldId ? { rankFieldId } : {}),
  };
}

/** Whether a JQL's only ORDER BY is Rank, ascending. */
function inRankOrderJql(jql: string): boolean {
  return /^order\s+by\s+rank(\s+asc)?$/i.test(splitOrderBy(jql).orderBy);
}

/** The children the links of an issue point at (the other end, when the issue is at the parent end). */
function linkedChildren(pages: readonly FactsPage[], params: LinksParams): IssueId[] {
  const out: IssueId[] = [];
  for (const page of pages) {
    for (const issue of page.issues ?? []) {
      for (const [, typeId, inward, outward] of issue.links ?? []) {
        if (typeId !== params.linkTypeId) continue;
        const [parent, child] = params.parentEnd === 'inward' ? [inward, outward] : [outward, inward];
        if (parent === issue.id) out.push(child);
      }
    }
  }
  return out;
}

function stages(params: LinksParams, resolved: ImportResolved): FetchStage<LinksParams>[] {
  const out: FetchStage<LinksParams>[] = [];
  if (params.parentJql !== undefined && params.scope !== 'all')
    out.push(searchStage('parentMatches', (p) => p.parentJql ?? '', 'ids'));
  if (params.childJql !== undefined) out.push(searchStage('childMatches', (p) => p.childJql ?? '', 'ids'));
  if (params.scope === 'all') {
    out.push(
      searchStage(
        'search',
        (p) => p.parentJql ?? '',
        resolved.rankFieldId ? [...LINK_FIELDS, resolved.rankFieldId] : LINK_FIELDS,
        (n) => `Jira found ${n} issues matching the parent filter.`,
        { partitioned: resolved.rankFieldId !== undefined },
      ),
    );
  } else {
    out.push(forestIssuesStage('forest', LINK_FIELDS));
  }
  // Children at the last level are placed but need no links of their own: levels - 1 rounds.
  if (params.scope !== 'structure') out.push(expandStage('expand', LINK_FIELDS, (p) => p.levels - 1, linkedChildren));
  return out;
}

function data(pages: readonly FactsPage[], params: LinksParams): LinksImportData {
  const issues = new Map<IssueId, LinksIssueFacts>();
  for (const issue of issuesOf(pages).values())
    issues.set(issue.id, { id: issue.id, key: issue.key, links: (issue.links ?? []).map(linkFact) });
  const searched =
    params.scope === 'all'
      ? inRankOrder(pages.filter((p) => p.stage === 'search').flatMap((p) => p.issues ?? [])).map((i) => i.id)
      : undefined;
  const parentMatches =
    params.parentJql === undefined ? null : searched ? new Set(searched) : idsOf(pages, 'parentMatches');
  const childMatches = params.childJql === undefined ? null : idsOf(pages, 'childMatches');
  return { issues, parentMatches, childMatches, roots: searched };
}

export const linksImport: ImportSpec<LinksParams, LinksImportData> = {
  synchronizer: linksSynchronizer,
  resolve: resolveLinks,
  stages,
  data,
  questions: (forest, params, d) => linksImportVisibilityQuestions({ forest, params, data: d }),
  partialParams: (params) => (params.removeUnlinked ? { ...params, removeUnlinked: false } : params),
};
