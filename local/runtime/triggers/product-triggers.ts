// Product-event triggers (`modules.trigger` in manifest.yml): an event such as `avi:jira:updated:issue`
// is delivered to every trigger that lists its type, each trigger in its own invocation, later (never
// inside the call that reported the event), as the app with no user. Delivery goes through a
// DeliveryQueue of its own, so triggers get the platform's at-least-once treatment — the queue's
// duplicate/reorder/delay switches, retries after a thrown error, and `InvocationError` retry requests
// answered with `event.retryContext` — without mixing their records into the app queue's.
import { randomUUID } from 'node:crypto';
import type { DeliveryQueue } from '../queue/delivery-queue';
import type { DeliveredEvent } from '../queue/types';
import type { TriggerDefinition } from '../manifest';

/**
 * A product event as Forge passes it to a trigger: `eventType` plus the event's own fields (no index
 * signature, so that the emulator's event interfaces fit).
 */
export interface ProductEvent {
  eventType: string;
  /** True when the app's own API call caused the event; `filter.ignoreSelf` drops those. */
  selfGenerated?: boolean;
}

/** Where product events come from: the Jira emulator's change feed (`jira.events`) fits. */
export interface ProductEventSource {
  subscribe(listener: (event: ProductEvent) => void): () => void;
}

/** What a product event was queued for. */
export interface ProductEventDelivery {
  /** Identifies this event's deliveries in `rt.triggerQueue.deliveries` (empty when no trigger listens). */
  jobId: string;
  /** Keys of the trigger modules it goes to. */
  triggers: string[];
}

/** Runs a trigger's function with (event, context); resolves to what the handler returned. */
export type InvokeTrigger = (trigger: TriggerDefinition, event: Record<string, unknown>) => Promise<unknown>;

export class ProductTriggers {
  private readonly byKey: Map<string, TriggerDefinition>;

  constructor(
    private readonly triggers: TriggerDefinition[],
    private readonly queue: DeliveryQueue,
  ) {
    this.byKey = new Map(triggers.map((t) => [t.key, t]));
  }

  /** Trigger modules subscribed to this event, after their `ignoreSelf` filters. */
  subscribers(event: ProductEvent): TriggerDefinition[] {
    return this.triggers.filter(
      (t) => t.events.includes(event.eventType) && !(t.ignoreSelf && event.selfGenerated === true),
    );
  }

  /** Queues the event for every subscribed trigger and returns at once. */
  deliver(event: ProductEvent): ProductEventDelivery {
    if (typeof event?.eventType !== 'string')
      throw new Error('A product event needs an eventType, e.g. "avi:jira:updated:issue"');
    const targets = this.subscribers(event);
    if (targets.length === 0) return { jobId: '', triggers: [] };
    // The event crosses the network in Forge: each trigger gets its own parsed JSON copy.
    const text = JSON.stringify(event);
    const jobId = randomUUID();
    for (const t of targets) {
      this.queue.publish({ queueName: t.key, jobId, payload: [{ body: JSON.parse(text) as Record<string, unknown> }] });
    }
    return { jobId, triggers: targets.map((t) => t.key) };
  }

  /** The queue's delivery callback: the product event itself is the handler's first argument. */
  async handle(delivered: DeliveredEvent, invoke: InvokeTrigger): Promise<unknown> {
    const trigger = this.byKey.get(delivered.queueName);
    if (!trigger) throw new Error(`No trigger '${delivered.queueName}' in manifest.yml`);
    const event = { ...delivered.body, ...(delivered.retryContext ? { retryContext: delivered.retryContext } : {}) };
    return invoke(trigger, event);
  }
}
