import { z } from 'zod';

const ProjectKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'A project key looks like PROJ')
  .toUpperCase();

/** Where the issues and their order come from: a board, or projects sharing a rank field (reference §1.4). */
export const AgileSource = z.discriminatedUnion('mode', [
  z
    .object({
      mode: z.literal('board'),
      boardId: z.number().int('A board id is a whole number').positive('A board id is positive'),
    })
    .strict(),
  z
    .object({
      mode: z.literal('custom'),
      projectKeys: z.array(ProjectKey).min(1, 'Choose at least one project').max(100, 'At most 100 projects'),
      rankFieldId: z
        .string()
        .trim()
        .regex(/^customfield_[0-9]+$/, 'A rank field id looks like customfield_10019'),
    })
    .strict(),
]);

/**
 * Parameters of the Agile synchronizer. Import only reads rank and epics: it never writes to Jira
 * (Structure's warning about rank rewritten by an import is why; export is a separate direction).
 */
export const AgileParams = z
  .object({
    source: AgileSource,
    /** Place the board's sub-tasks under their parents (Structure's "Auto-add sub-tasks"); off: sub-tasks are left alone. */
    subtasks: z.boolean().default(false),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.source.mode === 'custom' && new Set(p.source.projectKeys).size !== p.source.projectKeys.length) {
      ctx.addIssue({ code: 'custom', path: ['source', 'projectKeys'], message: 'A project is listed twice' });
    }
  });

export type AgileParams = z.output<typeof AgileParams>;
export type AgileParamsInput = z.input<typeof AgileParams>;
