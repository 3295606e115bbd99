import { z } from 'zod';

/** Parameters of the Sub-tasks synchronizer (reference §1.5): its only choice is whether missing sub-tasks are added. */
export const SubtasksParams = z
  .object({
    /** Add sub-tasks that have no row in the structure under their parent's rows; off: only place those already in it. */
    addMissing: z.boolean({ error: 'Add missing sub-tasks is on or off' }).default(false),
  })
  .strict();

export type SubtasksParams = z.output<typeof SubtasksParams>;
export type SubtasksParamsInput = z.input<typeof SubtasksParams>;
