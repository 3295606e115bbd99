// Background sync handlers: the product-event trigger, the hourly scheduled trigger and the background
// sync queue's consumer. They run as the app; every run they start acts as the synchronizer's run-as
// user (offline impersonation), never as whoever caused the event.
import type { AsyncEvent } from '@forge/events';
import { isSyncTick, onProductEvent, runScheduledResync, runSyncTick, SYNC_QUEUE_KEY } from '../app';

export async function triggerHandler(event: unknown): Promise<void> {
  await onProductEvent(event, Date.now());
}

export async function scheduledHandler(): Promise<{ statusCode: number; body: string }> {
  const started = await runScheduledResync(Date.now());
  // A scheduled trigger answers like a web trigger; the platform only logs it.
  return { statusCode: 200, body: JSON.stringify({ started }) };
}

export async function consumerHandler(event: AsyncEvent): Promise<void> {
  if (!isSyncTick(event.body)) {
    console.warn(`Ignoring an event on ${SYNC_QUEUE_KEY} that is not a sync tick`, event.body);
    return;
  }
  await runSyncTick(Date.now());
}
