import { z } from 'zod';

const Jql = (what: string) =>
  z.string().trim().min(1, `${what} must not be empty; leave it out to accept every issue`).max(10_000);

/** How far links are followed from the issues the import starts at (Structure's extenders: "All levels up to 10"). */
export const MAX_LINK_LEVELS = 50;

/**
 * Parameters of the Links synchronizer (reference §1.3). A link "A <outward phrase> B" (A blocks B)
 * has A as its inward issue and B as its outward issue (see `LinkFact`); `parentEnd` says which of the
 * two is the parent row, so `inward` puts B under A ("parent blocks child") and `outward` puts A
 * under B.
 */
export const LinksParams = z
  .object({
    linkTypeId: z
      .string()
      .trim()
      .regex(/^[1-9][0-9]*$/, 'A link type id is a number'),
    parentEnd: z.enum(['inward', 'outward'], { error: 'The parent end is inward or outward' }).default('inward'),
    /** Only links whose parent matches this JQL count; absent: every issue may be a parent. */
    parentJql: Jql('The parent filter').optional(),
    /** Only links whose child matches this JQL count; absent: every issue may be a child. */
    childJql: Jql('The sub-issue filter').optional(),
    /**
     * `structure`: only issues already in the structure are placed; `expand`: children are added below
     * the issues in the structure, level by level; `all`: every issue matching the parent filter
     * that is nobody's child goes to the top level, with its linked children below.
     */
    scope: z
      .enum(['structure', 'expand', 'all'], { error: 'The scope is structure, expand or all' })
      .default('structure'),
    levels: z
      .number()
      .int('Levels is a whole number')
      .min(1, 'Levels is at least 1')
      .max(MAX_LINK_LEVELS, `Levels is at most ${MAX_LINK_LEVELS}`)
      .default(10),
    /** Remove child rows under a parent row whose link to that parent is gone (filters and scope permitting). */
    removeUnlinked: z.boolean().default(false),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.scope === 'all' && p.parentJql === undefined) {
      // Jira refuses an unbounded search, and "every issue in Jira" is never what a structure wants.
      ctx.addIssue({ code: 'custom', path: ['parentJql'], message: 'Synchronizing all issues needs a parent filter' });
    }
  });

export type LinksParams = z.output<typeof LinksParams>;
export type LinksParamsInput = z.input<typeof LinksParams>;
