// The Hierarchy import: the roots (a JQL, or the highest hierarchy level used in the chosen projects),
// then their children level by level with `parent in (…)`, each issue with `parent`, `issuetype`
// (its hierarchy level) and the Rank field when siblings go by rank.
import type { IssueId } from '../../domain/forest';
import {
  hierarchyImportVisibilityQuestions,
  hierarchySynchronizer,
  type HierarchyImportData,
  type HierarchyIssueFacts,
  type HierarchyParams,
} from './synchronizer';
import { findRankFieldId, listIssueTypes } from '../../jira/metadata';
import type { ImportResolved } from '../../storage';
import { AppError } from '../../app/errors';
import type { Invocation } from '../../app/invocation';
import { issuesOf, type FactsPage } from '../../app/import/facts';
import { anyIssue, checkJql, checkProjectsJql, quoteKeys } from '../../app/import/jql-check';
import { childrenStage, searchStage } from '../../app/import/stages';
import { type ImportSpec } from '../../app/import/staged-import';

const fieldsOf = (resolved: ImportResolved): string[] => [
  'parent',
  'issuetype',
  ...(resolved.rankFieldId ? [resolved.rankFieldId] : []),
];

async function resolveHierarchy(inv: Invocation, params: HierarchyParams): Promise<ImportResolved> {
  let rankFieldId: string | undefined;
  if (params.order === 'rank') {
    rankFieldId = await findRankFieldId(inv.jira);
    if (!rankFieldId)
      throw new AppError('FIELD_NOT_FOUND', 'This site has no Rank field; order siblings by key instead.', {
        field: 'params.order',
      });
  }
  if (params.roots.kind === 'jql') {
    await checkJql(inv, params.roots.jql, 'params.roots.jql');
    return { jql: params.roots.jql, source: 'roots matching the JQL', rankFieldId };
  }
  const projects = `project in (${quoteKeys(params.roots.projectKeys)})`;
  await checkProjectsJql(inv, projects, 'params.roots.projectKeys');
  // The highest level that has issues in these projects (Initiative on Premium, else Epic...).
  const types = await listIssueTypes(inv.jira);
  const byLevel = new Map<number, string[]>();
  for (const t of types) byLevel.set(t.hierarchyLevel, [...(byLevel.get(t.hierarchyLevel) ?? []), t.id]);
  const levels = [...byLevel.keys()].sort((a, b) => b - a);
  let chosen = levels[0] ?? 0;
  for (const level of levels) {
    if (await anyIssue(inv, `${projects} AND issuetype in (${(byLevel.get(level) ?? []).join(', ')})`)) {
      chosen = level;
      break;
    }
  }
  const jql = `${projects} AND issuetype in (${(byLevel.get(chosen) ?? []).join(', ')})`;
  const names = [...new Set(types.filter((t) => t.hierarchyLevel === chosen).map((t) => t.name))].join(', ');
  return { jql, source: `the highest level in ${params.roots.projectKeys.join(', ')} (${names})`, rankFieldId };
}

function data(pages: readonly FactsPage[]): HierarchyImportData {
  const issues = new Map<IssueId, HierarchyIssueFacts>();
  for (const issue of issuesOf(pages).values()) {
    issues.set(issue.id, {
      id: issue.id,
      key: issue.key,
      hierarchyLevel: issue.level ?? 0,
      parentId: issue.parent ?? null,
      rank: issue.rank,
    });
  }
  const roots = pages.filter((p) => p.stage === 'roots').flatMap((p) => (p.issues ?? []).map((i) => i.id));
  return { roots, issues };
}

export const hierarchyImport: ImportSpec<HierarchyParams, HierarchyImportData> = {
  synchronizer: hierarchySynchronizer,
  resolve: resolveHierarchy,
  stages: (_, resolved) => [
    searchStage(
      'roots',
      (_p, r) => r.jql,
      fieldsOf(resolved),
      (n) => `Jira found ${n} root issues.`,
      // The planner orders siblings (roots too) by rank or key itself: the roots may be read side by side.
      { partitioned: true },
    ),
    childrenStage('children', fieldsOf, (p) => p.levels),
  ],
  data,
  questions: (forest, params, d) => hierarchyImportVisibilityQuestions({ forest, params, data: d }),
};
