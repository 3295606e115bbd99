import { z } from 'zod';

const StatusId = z
  .string()
  .trim()
  .regex(/^[0-9]{1,18}$/, 'A status is chosen by its id, e.g. 10001');
const IssueTypeId = z
  .string()
  .trim()
  .regex(/^[0-9]{1,18}$/, 'An issue type is chosen by its id, e.g. 10002');
const ProjectKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'A project key looks like PROJ')
  .toUpperCase();
const TransitionName = z.string().trim().min(1, 'A transition name must not be empty').max(255);

/** Which transitions may be used to reach one rolled-up status, by name (ids differ between workflows). */
export const StatusTransitions = z
  .object({
    statusId: StatusId,
    names: z.array(TransitionName).min(1, 'Name at least one transition').max(20, 'At most 20 transitions'),
  })
  .strict();

/**
 * Parameters of Status Rollup, as Structure has them: the statuses rolled up (earliest first), the
 * parents' projects and issue types (empty: all), the transitions allowed per status (none listed: any
 * that reaches it), and the resolution for transition screens that ask for one.
 */
export const StatusRollupParams = z
  .object({
    statusIds: z.array(StatusId).min(1, 'Choose at least one status to roll up').max(50, 'At most 50 statuses'),
    projectKeys: z.array(ProjectKey).max(100, 'At most 100 projects').default([]),
    issueTypeIds: z.array(IssueTypeId).max(100, 'At most 100 issue types').default([]),
    transitions: z.array(StatusTransitions).max(50).default([]),
    resolution: z.string().trim().min(1).max(255).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const twice = (list: readonly string[]) => list.find((x, i) => list.indexOf(x) !== i);
    const status = twice(p.statusIds);
    if (status !== undefined)
      ctx.addIssue({ code: 'custom', path: ['statusIds'], message: `Status ${status} is listed twice` });
    if (twice(p.projectKeys) !== undefined)
      ctx.addIssue({ code: 'custom', path: ['projectKeys'], message: 'A project is listed twice' });
    if (twice(p.issueTypeIds) !== undefined)
      ctx.addIssue({ code: 'custom', path: ['issueTypeIds'], message: 'An issue type is listed twice' });
    p.transitions.forEach((t, i) => {
      if (!p.statusIds.includes(t.statusId))
        ctx.addIssue({
          code: 'custom',
          path: ['transitions', i, 'statusId'],
          message: `Status ${t.statusId} has transitions but is not rolled up`,
        });
    });
    const transitioned = twice(p.transitions.map((t) => t.statusId));
    if (transitioned !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['transitions'],
        message: `Status ${transitioned} has two transition lists`,
      });
  });

export type StatusRollupParams = z.output<typeof StatusRollupParams>;
export type StatusRollupParamsInput = z.input<typeof StatusRollupParams>;
