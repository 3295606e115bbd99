import { z } from 'zod';

const ProjectKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'A project key looks like PROJ')
  .toUpperCase();

/** Deep enough for any Jira hierarchy: custom levels above Epic, Epic, standard issues, sub-tasks. */
export const MAX_HIERARCHY_LEVELS = 10;

/** Where the top of the hierarchy comes from. */
export const HierarchyRoots = z.discriminatedUnion('kind', [
  /** The issues of the highest hierarchy level used in these projects (Initiative on Premium, else Epic). */
  z
    .object({
      kind: z.literal('highestLevel'),
      projectKeys: z.array(ProjectKey).min(1, 'Choose at least one project').max(100, 'At most 100 projects'),
    })
    .strict(),
  z.object({ kind: z.literal('jql'), jql: z.string().trim().min(1, 'JQL must not be empty').max(10_000) }).strict(),
]);

/** Parameters of the Hierarchy synchronizer: Jira Cloud's unified `parent` field across all levels. */
export const HierarchyParams = z
  .object({
    roots: HierarchyRoots,
    /** Levels of children below the roots (1: only their direct children). */
    levels: z
      .number()
      .int('Levels is a whole number')
      .min(1, 'Levels is at least 1')
      .max(MAX_HIERARCHY_LEVELS, `Levels is at most ${MAX_HIERARCHY_LEVELS}`)
      .default(MAX_HIERARCHY_LEVELS),
    /** Siblings by Jira rank, or by key in natural order (PROJ-9 before PROJ-10). */
    order: z.enum(['rank', 'key'], { error: 'Order siblings by rank or key' }).default('rank'),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.roots.kind === 'highestLevel' && new Set(p.roots.projectKeys).size !== p.roots.projectKeys.length) {
      ctx.addIssue({ code: 'custom', path: ['roots', 'projectKeys'], message: 'A project is listed twice' });
    }
  });

export type HierarchyParams = z.output<typeof HierarchyParams>;
export type HierarchyParamsInput = z.input<typeof HierarchyParams>;
