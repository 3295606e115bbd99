import { z } from 'zod';

/**
 * An installed synchronizer's state (reference §2.1): `disabled` — no background sync, a resync by hand
 * still works (installed synchronizers start here); `enabled` — background sync on; `not-available` —
 * installed but cannot run (the run-as user lost access, the link type or board is gone...).
 */
export const SynchronizerState = z.enum(['disabled', 'enabled', 'not-available']);
export type SynchronizerState = z.output<typeof SynchronizerState>;

const isoTime = z.iso.datetime({ offset: true });

/** The last run, for the settings page: when, which way, why it started, how it ended. */
export const LastRun = z
  .object({
    jobId: z.string().min(1).max(100).optional(),
    direction: z.enum(['import', 'export']),
    trigger: z.enum(['manual', 'event', 'schedule']),
    startedAt: isoTime,
    finishedAt: isoTime.optional(),
    result: z.enum(['running', 'succeeded', 'partial', 'failed', 'cancelled']),
    message: z.string().max(2000).optional(),
  })
  .strict();
export type LastRun = z.output<typeof LastRun>;

/** Why the cycle guard stopped background sync, kept until someone with control enables it again. */
export const GuardStop = z
  .object({
    at: isoTime,
    rounds: z.number().int().positive(),
    /** Every synchronizer of the structure that took part in the loop, this one included. */
    synchronizerIds: z.array(z.string().min(1)).min(1),
    reason: z.string().min(1).max(2000),
  })
  .strict();
export type GuardStop = z.output<typeof GuardStop>;

/**
 * A synchronizer with saved parameters attached to a structure. `params` is checked by the
 * synchronizer's own schema (`getSynchronizer(key).params`), not here, so this record stays valid
 * while a synchronizer's parameters evolve. `runAs` is the accountId of the user who installed it:
 * background runs act as that user (reference §2.3), never as whoever caused the event.
 */
export const InstalledSynchronizer = z
  .object({
    id: z.string().min(1).max(100),
    structureId: z.string().min(1).max(100),
    synchronizerKey: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,49}$/, 'A synchronizer key is lower-case letters, digits and dashes'),
    params: z.unknown(),
    runAs: z.string().min(1).max(128),
    enabled: z.boolean(),
    state: SynchronizerState,
    /** Why it is not available, for the settings page. */
    notAvailableReason: z.string().max(2000).optional(),
    stopped: GuardStop.optional(),
    lastRun: LastRun.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    // `enabled` is what the user chose; `state` is what happens. They may differ only by "not available".
    if (s.state === 'enabled' && !s.enabled)
      ctx.addIssue({ code: 'custom', path: ['state'], message: 'An enabled state needs enabled: true' });
    if (s.state === 'disabled' && s.enabled)
      ctx.addIssue({ code: 'custom', path: ['state'], message: 'A disabled state needs enabled: false' });
    if (s.state === 'not-available' && s.notAvailableReason === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['notAvailableReason'],
        message: 'Say why the synchronizer is not available',
      });
    }
  });
export type InstalledSynchronizer = z.output<typeof InstalledSynchronizer>;

/** A new installation: disabled, as Structure's always start (reference §2.1). */
export function installSynchronizer(
  fields: Pick<InstalledSynchronizer, 'id' | 'structureId' | 'synchronizerKey' | 'params' | 'runAs'>,
): InstalledSynchronizer {
  return InstalledSynchronizer.parse({ ...fields, enabled: false, state: 'disabled' });
}

/** Enabling clears a cycle-guard stop: the user has looked at the reason and chosen to try again. */
export function setEnabled(s: InstalledSynchronizer, enabled: boolean): InstalledSynchronizer {
  if (enabled) {
    const { stopped: _stopped, ...rest } = s;
    return { ...rest, enabled: true, state: s.state === 'not-available' ? 'not-available' : 'enabled' };
  }
  return { ...s, enabled: false, state: s.state === 'not-available' ? 'not-available' : 'disabled' };
}

/** Background sync off with the guard's reason on record; a resync by hand still works. */
export function stopByCycleGuard(s: InstalledSynchronizer, stop: GuardStop): InstalledSynchronizer {
  return { ...setEnabled(s, false), stopped: stop };
}

/** Whether background sync may run it now: enabled, available and not stopped by the guard. */
export function runsInBackground(s: InstalledSynchronizer): boolean {
  return s.enabled && s.state === 'enabled' && s.stopped === undefined;
}
