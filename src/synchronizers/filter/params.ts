import { z } from 'zod';

export const FilterSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('jql'), jql: z.string().trim().min(1, 'JQL must not be empty').max(10_000) }).strict(),
  z
    .object({
      kind: z.literal('filter'),
      filterId: z
        .string()
        .trim()
        .regex(/^[1-9][0-9]*$/, 'A saved filter id is a number'),
    })
    .strict(),
]);

export const FilterAddPlace = z.discriminatedUnion('at', [
  z.object({ at: z.literal('top') }).strict(),
  z
    .object({
      at: z.literal('under'),
      issueKey: z
        .string()
        .trim()
        .regex(/^[A-Za-z][A-Za-z0-9_]*-[1-9][0-9]*$/, 'An issue key looks like PROJ-123')
        .toUpperCase(),
    })
    .strict(),
]);

/**
 * Parameters of the Filter synchronizer, after Structure for Jira's (reference §1.2).
 * The sub-options of Remove, and Allow move (a sub-option of "under an issue"), are refused
 * rather than ignored when their parent option is off, so a form cannot save settings that do nothing.
 */
export const FilterParams = z
  .object({
    source: FilterSource,
    add: FilterAddPlace,
    allowMove: z.boolean().default(false),
    remove: z.boolean().default(false),
    removeOnlyWhereAdded: z.boolean().default(false),
    doubleCheckSubIssues: z.boolean().default(false),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.allowMove && p.add.at !== 'under') {
      ctx.addIssue({
        code: 'custom',
        path: ['allowMove'],
        message: 'Allow move needs new issues placed under an issue',
      });
    }
    if (!p.remove && p.removeOnlyWhereAdded) {
      ctx.addIssue({ code: 'custom', path: ['removeOnlyWhereAdded'], message: 'Remove only where added needs Remove' });
    }
    if (!p.remove && p.doubleCheckSubIssues) {
      ctx.addIssue({ code: 'custom', path: ['doubleCheckSubIssues'], message: 'Double-check sub-issues needs Remove' });
    }
  });

export type FilterParams = z.output<typeof FilterParams>;
export type FilterParamsInput = z.input<typeof FilterParams>;
