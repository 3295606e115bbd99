// "Rank order", a synchronizer that exists only in this test folder: it imports the issues a JQL query
// finds, in Jira's rank order, at the top level of the structure, and exports the structure's order
// back as Jira's rank. It is built the way src/synchronizers/<key>/ modules are — a descriptor, a pure
// planner, fetch stages and an export spec from the app's toolkits — and registered by the test, so it
// proves that a synchronizer needs no change to generic code.
import { z } from 'zod';
import { compactFact, factFields } from '../../../src/app/export/facts';
import type { ExportSpec, GatherStep } from '../../../src/app/export/spec';
import type { ImportSpec } from '../../../src/app/import/staged-import';
import { searchStage } from '../../../src/app/import/stages';
import { planRankExport, structureOrderOf } from '../../../src/domain/export';
import type { IssueId } from '../../../src/domain/forest';
import { defineSynchronizer, type ImportInput, type ImportPlan } from '../../../src/domain/synchronizers';
import { defineModule } from '../../../src/synchronizers';

export const RankOrderParams = z.object({ jql: z.string().min(1) });
export type RankOrderParams = z.infer<typeof RankOrderParams>;
interface RankOrderData {
  ids: IssueId[];
}

const ranked = (p: RankOrderParams): string => `${p.jql} ORDER BY Rank ASC`;

/** Pure: every issue the query finds that the structure lacks, appended at the top level in rank order. */
export function planRankOrderImport({ forest, data }: ImportInput<RankOrderParams, RankOrderData>): ImportPlan {
  const present = new Set(Array.from({ length: forest.size }, (_, i) => forest.issueIdAt(i)));
  const missing = data.ids.filter((id) => !present.has(id));
  return {
    update:
      missing.length > 0 ? [{ kind: 'add', under: 0, rows: missing.map((issueId) => ({ depth: 0, issueId })) }] : [],
    counts: {
      added: missing.length,
      moved: 0,
      removed: 0,
      unchanged: data.ids.length - missing.length,
      skippedNotVisible: 0,
    },
    notes: [],
  };
}

const synchronizer = defineSynchronizer<RankOrderParams, RankOrderData>({
  key: 'test-rank-order',
  label: 'Rank order (test)',
  description: 'The issues of a query in rank order, and the structure order written back as rank.',
  directions: ['import', 'export'],
  params: RankOrderParams,
  planImport: planRankOrderImport,
});

const rankImport: ImportSpec<RankOrderParams, RankOrderData> = {
  synchronizer,
  resolve: async (_inv, params) => ({ jql: ranked(params) }),
  stages: () => [searchStage('search', (p) => ranked(p), 'ids')],
  data: (pages) => ({ ids: pages.flatMap((p) => p.ids ?? []) }),
  questions: () => [],
};

/** The query's issues in rank order with their facts, 100 a call. */
const inRankOrder: GatherStep<RankOrderParams> = async (jira, ctx, at) => {
  const page = await jira.searchIssues(
    ranked(ctx.params),
    factFields({ rankField: ctx.rankField }),
    at.nextPageToken,
    100,
  );
  const facts = page.issues.map((i) => compactFact(i, ctx.rankField));
  return {
    page: { facts, order: facts.map((f) => f.i) },
    done: page.nextPageToken === undefined,
    at: { nextPageToken: page.nextPageToken },
  };
};

const rankExport: ExportSpec<RankOrderParams> = {
  gather: () => [inRankOrder],
  plan({ forest, order }) {
    const jiraOrder = [...(order ?? [])];
    const inQuery = new Set(jiraOrder);
    const structureOrder = structureOrderOf(forest, (id) => inQuery.has(id));
    return { plan: { rank: planRankExport({ structureOrder, jiraOrder }) }, structureOrder, jiraOrder, warnings: [] };
  },
};

export const rankOrderModule = defineModule({
  synchronizer,
  import: rankImport,
  export: rankExport,
  summary: (p) => `Issues of "${String(p.jql)}" in rank order`,
  interest: (_params, projects) => ({ on: 'issues-in-projects', projects }),
});
