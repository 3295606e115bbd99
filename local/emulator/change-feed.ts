// The emulator's change feed: every change to the data is announced to subscribers as the Jira
// product event Forge would deliver (see product-events.ts for the shapes). Who made a change is
// carried in an AsyncLocalStorage so that the store's mutation methods need no extra parameter:
// the HTTP pipeline runs each request "as" its caller, tests and the control API as a chosen user.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { JiraProductEvent } from './product-events';

export type ProductEventListener = (event: JiraProductEvent) => void;

/** Who caused a change. */
export interface EventActor {
  /** `atlassianId` of the event: the user, or the app's own account for asApp calls. */
  accountId: string;
  /**
   * True when the app caused the change through its own API calls (asApp or asUser from Forge), which
   * Forge reports as `selfGenerated` and a trigger's `filter.ignoreSelf` skips.
   */
  selfGenerated: boolean;
}

export class ChangeFeed {
  /** Base of `self` URLs inside event payloads; the emulator sets it to its URL once listening. */
  baseUrl: string;
  /**
   * Who changes made outside any request and outside `asActor` are attributed to (tests calling
   * `store.updateIssue`, the dataset's first site admin by default): someone editing in Jira's UI.
   */
  defaultActor: string;
  private readonly listeners = new Set<ProductEventListener>();
  private readonly actor = new AsyncLocalStorage<EventActor>();
  private errorReporter: (error: unknown) => void = (e) =>
    console.error('[jira-emulator] change-feed listener failed:', e);

  constructor(defaultActor: string, baseUrl = 'http://127.0.0.1') {
    this.defaultActor = defaultActor;
    this.baseUrl = baseUrl;
  }

  /** Calls `listener` with every event from now on; returns the function that stops it. */
  subscribe(listener: ProductEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Whether anyone listens. The store builds payloads only then, so an unobserved emulator pays nothing. */
  get active(): boolean {
    return this.listeners.size > 0;
  }

  /** Where a listener's exception goes (it must never fail the write that caused the event). */
  onListenerError(report: (error: unknown) => void): void {
    this.errorReporter = report;
  }

  /** Runs `fn` with changes attributed to `actor` (an accountId is a user acting in Jira itself). */
  asActor<T>(actor: string | EventActor, fn: () => T): T {
    const value = typeof actor === 'string' ? { accountId: actor, selfGenerated: false } : actor;
    return this.actor.run(value, fn);
  }

  currentActor(): EventActor {
    return this.actor.getStore() ?? { accountId: this.defaultActor, selfGenerated: false };
  }

  /** Delivers synchronously, in subscription order; listeners that need to do work should queue it. */
  emit(event: JiraProductEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (e) {
        this.errorReporter(e);
      }
    }
  }
}
