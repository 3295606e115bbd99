// The Hierarchy export: read the facts of every issue in the structure; set each issue's `parent` from
// its placement, across all levels.
import { planParentExport } from '../../domain/export';
import { factsStep } from '../../app/export/gather';
import type { ExportSpec } from '../../app/export/spec';
import type { HierarchyParams } from './params';

export const hierarchyExport: ExportSpec<HierarchyParams> = {
  gather: () => [factsStep({ links: false })],
  plan: ({ forest, facts, issueTypeNames }) => ({
    plan: { parents: planParentExport({ forest, facts, mode: 'every-level', issueTypeNames }) },
    warnings: [],
  }),
};
