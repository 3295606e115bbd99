// Background handlers: the product-event trigger, the hourly scheduled trigger, the background sync
// queue's consumer, and the job watchdog's five-minute scheduled trigger. They run as the app; every run
// they start acts as the synchronizer's run-as user (offline impersonation), never as whoever caused the
// event, and the watchdog acts on a job as the user who started it.
import type { AsyncEvent } from '@forge/events';
import { isSyncTick, onProductEvent, runScheduledResync, runSyncTick, superviseJobs, SYNC_QUEUE_KEY } from '../app';

export async function triggerHandler(event: unknown): Promise<void> {
  await onProductEvent(event, Date.now());
}

export async function scheduledHandler(): Promise<{ statusCode: number; body: string }> {
  const started = await runScheduledResync(Date.now());
  // A scheduled trigger answers like a web trigger; the platform only logs it.
  return { statusCode: 200, body: JSON.stringify({ started }) };
}

/** Jobs that stopped making progress: resumed from their last checkpoint, or ended with the reason. */
export async function watchdogHandler(): Promise<{ statusCode: number; body: string }> {
  const report = await superviseJobs(Date.now());
  if (report.resumed.length + report.ended.length > 0)
    console.warn(
      `Job watchdog: resumed ${report.resumed.join(', ') || 'none'}; ended ${report.ended.join(', ') || 'none'}`,
    );
  return { statusCode: 200, body: JSON.stringify(report) };
}

export async function consumerHandler(event: AsyncEvent): Promise<void> {
  if (!isSyncTick(event.body)) {
    console.warn(`Ignoring an event on ${SYNC_QUEUE_KEY} that is not a sync tick`, event.body);
    return;
  }
  await runSyncTick(Date.now());
}
