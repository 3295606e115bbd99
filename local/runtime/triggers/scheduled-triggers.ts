// Scheduled triggers (`modules.scheduledTrigger`): Forge calls the function once per interval
// (fiveMinute, hour, day, week) as the app, with `{ context: { cloudId, moduleKey }, contextToken }`.
// Tests fire one on demand with `run(key)`; `npm start` runs them on timers whose periods are scaled
// by the runtime's timeScale. Failed runs are not retried: the next interval is the retry.
import { randomUUID } from 'node:crypto';
import { SCHEDULE_INTERVALS, type ScheduledTriggerDefinition } from '../manifest';

export type InvokeScheduled = (
  trigger: ScheduledTriggerDefinition,
  request: Record<string, unknown>,
) => Promise<unknown>;

export class ScheduledTriggers {
  private readonly byKey: Map<string, ScheduledTriggerDefinition>;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly triggers: ScheduledTriggerDefinition[],
    private readonly cloudId: string,
    private readonly invoke: InvokeScheduled,
    private readonly log: (message: string) => void,
  ) {
    this.byKey = new Map(triggers.map((t) => [t.key, t]));
  }

  get keys(): string[] {
    return [...this.byKey.keys()];
  }

  /** Fires one scheduled trigger now; resolves to what its function returned, rejects when it throws. */
  run(key: string): Promise<unknown> {
    const trigger = this.byKey.get(key);
    if (!trigger) {
      return Promise.reject(
        new Error(
          `No scheduledTrigger '${key}' in manifest.yml${this.byKey.size ? ` (there are: ${this.keys.join(', ')})` : ''}`,
        ),
      );
    }
    const request = { context: { cloudId: this.cloudId, moduleKey: trigger.key }, contextToken: randomUUID() };
    const run = this.invoke(trigger, request);
    this.inFlight.add(run);
    const forget = (): void => {
      this.inFlight.delete(run);
    };
    run.then(forget, forget);
    return run;
  }

  /** Runs every scheduled trigger each interval × timeScale, the first time one interval from now. */
  start(timeScale: number): void {
    for (const trigger of this.triggers) {
      const periodMs = Math.max(1, SCHEDULE_INTERVALS[trigger.interval] * 1000 * timeScale);
      const timer = setInterval(() => {
        this.run(trigger.key).catch((e: unknown) => {
          this.log(
            `[local-forge] scheduledTrigger '${trigger.key}' failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
          );
        });
      }, periodMs);
      // A dev server or test process should be able to exit while a weekly trigger waits.
      timer.unref();
      this.timers.push(timer);
    }
  }

  stop(): void {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
  }

  get busy(): boolean {
    return this.inFlight.size > 0;
  }

  /** Waits for the runs in flight now (their failures are the caller's of run(), not ours). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }
}
