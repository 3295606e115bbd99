// One running local Forge installation of an app: its manifest and handlers, its KVS, its queue and its
// Jira proxy, its product-event and scheduled triggers, and the invocation machinery that calls
// handlers the way the platform does.
import path from 'node:path';
import { Handler, loadHandlers } from './app-loader';
import { AppIdentity, attachHost, detachHost, ForgeFetchArgs, ForgeHost } from './globals';
import { Invocation, InvocationTimeoutError, newInvocation, runInInvocation } from './invocation';
import { JiraProxy } from './jira-proxy';
import { DEFAULT_OPENAPI_DIR, loadJiraScopes, type JiraScopeIndex } from './jira-scopes';
import { handleKvsRequest } from './kvs/http';
import { LocalKvs } from './kvs/local-kvs';
import { AppManifest, loadManifest, ScheduledTriggerDefinition, TriggerDefinition } from './manifest';
import { DeliveryQueue } from './queue/delivery-queue';
import { handleQueueRequest, isQueuePath } from './queue/http';
import { QueueStore } from './queue/store';
import { DeliveredEvent, QueueOptions } from './queue/types';
import { ProductEvent, ProductEventDelivery, ProductEventSource, ProductTriggers } from './triggers/product-triggers';
import { ScheduledTriggers } from './triggers/scheduled-triggers';

export interface LocalForgeOptions {
  /** Directory holding manifest.yml and src/. */
  appDir: string;
  /**
   * The manifest's text instead of `<appDir>/manifest.yml`: a test's variant (a scope removed, no
   * allowImpersonation) runs the same handlers under other permissions.
   */
  manifestText?: string;
  /**
   * What Jira requires per operation, for refusing requests outside the manifest's scopes. Default: read
   * from Atlassian's OpenAPI documents (JIRA_OPENAPI_DIR, else ../shared/jira-openapi); `false` turns the
   * check off. Without the documents nothing is refused for scopes, and the runtime says so at start.
   */
  jiraScopes?: JiraScopeIndex | false;
  /** Base URL of the Jira emulator that requestJira goes to, e.g. http://127.0.0.1:4000. */
  jiraBaseUrl?: string;
  /** SQLite file of the KVS; default ':memory:'. */
  kvsFile?: string;
  /**
   * SQLite file where the queue and the trigger deliveries keep the events they still owe, as Forge's
   * queue keeps them beyond any host: a runtime started later on the same file delivers what this one
   * had not, and retries what was running when it stopped. Default: in memory, gone with the runtime.
   */
  queueFile?: string;
  /** Multiplies queue delays and retry backoff (0.001: a 30 s delay takes 30 ms). Default 1. */
  timeScale?: number;
  /** Queue switches and tuning. */
  queue?: Omit<QueueOptions, 'timeScale' | 'switches'> & {
    duplicate?: boolean;
    reorder?: boolean | 'reverse' | 'shuffle';
    extraDelayMs?: number;
  };
  /** Resolver (UI function) timeout; Forge allows 25 s. */
  resolverTimeoutMs?: number;
  /** Identity of the emulated site and installation. */
  cloudId?: string;
  siteUrl?: string;
  environmentType?: 'DEVELOPMENT' | 'STAGING' | 'PRODUCTION';
  /** Where failed queue deliveries and the like are reported; default console.error. */
  log?: (message: string) => void;
  /** A product-event source to connect at start (see `connectJira`), e.g. the Jira emulator. */
  jira?: ProductEventSource | { events: ProductEventSource };
  /**
   * Run scheduled triggers on timers, each interval × timeScale (`npm start`). Default false: tests
   * fire them with `runScheduledTrigger(key)`.
   */
  scheduledTriggers?: boolean;
}

/** A resolver call as @forge/bridge `invoke(key, payload)` makes it from a UI module. */
export interface ResolverCall {
  /** The resolver definition key (`resolver.define(key, ...)`). */
  key: string;
  payload?: unknown;
  /** The acting user; the platform passes it as `principal.accountId`, never through the payload. */
  accountId?: string;
  /** Which UI module invokes; default the first module with a resolver in manifest.yml. */
  moduleKey?: string;
  /** Extra fields of the UI context (e.g. `extension`), as the bridge sends them. */
  context?: Record<string, unknown>;
  /** This call's time limit instead of the function's. */
  timeoutMs?: number;
}

/** The outcome of a resolver call as a value: what the bridge would resolve or reject with. */
export type ResolverOutcome = { ok: true; result: unknown } | { ok: false; error: { name: string; message: string } };

/** A resolver threw (or timed out); `invoke` in the UI rejects in that case. */
export class ResolverInvocationError extends Error {
  constructor(
    readonly key: string,
    readonly errorName: string,
    message: string,
  ) {
    super(message);
    this.name = 'ResolverInvocationError';
  }
}

/** Consumers, triggers and scheduled triggers: 55 s unless the function sets timeoutSeconds. */
const DEFAULT_CONSUMER_TIMEOUT_SECONDS = 55;
const DEFAULT_RESOLVER_TIMEOUT_MS = 25_000;
/**
 * Forge keeps retrying a failed async event for 24 h. @forge/manifest 13.7's consumer schema has no
 * setting for it (additionalProperties: false), so every queue gets the platform's window.
 */
const ASYNC_EVENT_RETENTION_MS = 24 * 3_600_000;

const jsonRoundTrip = (value: unknown): unknown =>
  value === undefined ? undefined : JSON.parse(JSON.stringify(value));

export class LocalForge implements ForgeHost {
  readonly manifest: AppManifest;
  readonly identity: AppIdentity;
  readonly egress: readonly string[];
  readonly kvs: LocalKvs;
  readonly queue: DeliveryQueue;
  readonly jira: JiraProxy;
  /**
   * Deliveries of product events to triggers (queue name = trigger key): `.deliveries`, `.failures`.
   * Shares `queue.switches`, so the duplicate/reorder/delay switches apply to triggers too.
   */
  readonly triggerQueue: DeliveryQueue;
  private readonly productTriggers: ProductTriggers;
  private readonly scheduled: ScheduledTriggers;
  private readonly disconnects = new Set<() => void>();
  private readonly handlers: Map<string, Handler>;
  private readonly timeouts = new Map<string, number>();
  /** Invocations running now, so that `kill` can freeze them. */
  private readonly running = new Set<Invocation>();
  private readonly log: (message: string) => void;
  private closed = false;

  constructor(private readonly options: LocalForgeOptions) {
    const appDir = path.resolve(options.appDir);
    this.manifest = loadManifest(appDir, options.manifestText);
    this.egress = this.manifest.egress;
    this.log = options.log ?? ((m) => console.error(m));
    this.identity = {
      appId: this.manifest.appId,
      appVersion: '1.0.0',
      environmentId: '00000000-0000-4000-8000-00000000e1e1',
      environmentType: options.environmentType ?? 'DEVELOPMENT',
      installationId: '00000000-0000-4000-8000-0000000001a1',
      cloudId: options.cloudId ?? '00000000-0000-4000-8000-00000000c10d',
      scopes: this.manifest.scopes,
    };
    this.kvs = new LocalKvs({ file: options.kvsFile, entities: this.manifest.entities });
    const { duplicate, reorder, extraDelayMs, retentionWindowMs, ...tuning } = options.queue ?? {};
    const store = (channel: string): QueueStore | undefined =>
      options.queueFile === undefined ? undefined : new QueueStore(options.queueFile, channel);
    this.queue = new DeliveryQueue((event) => this.deliverEvent(event), {
      ...tuning,
      retentionWindowMs: retentionWindowMs ?? ASYNC_EVENT_RETENTION_MS,
      timeScale: options.timeScale,
      switches: { duplicate, reorder, extraDelayMs },
      store: store('queue'),
    });
    this.triggerQueue = new DeliveryQueue(
      (event) => this.productTriggers.handle(event, (t, e) => this.invokeTrigger(t, e)),
      {
        ...tuning,
        timeScale: options.timeScale,
        sharedSwitches: this.queue.switches,
        store: store('triggers'),
      },
    );
    this.productTriggers = new ProductTriggers(this.manifest.triggers, this.triggerQueue);
    this.scheduled = new ScheduledTriggers(
      this.manifest.scheduledTriggers,
      this.identity.cloudId,
      (t, r) => this.invokeScheduled(t, r),
      this.log,
    );
    for (const t of this.manifest.triggers) {
      if (t.expression)
        this.log(
          `[local-forge] trigger '${t.key}': filter.expression is not evaluated locally; every ${t.events.join(', ')} event is delivered`,
        );
    }
    const index = options.jiraScopes === false ? undefined : (options.jiraScopes ?? loadJiraScopes());
    if (!index && options.jiraScopes !== false)
      this.log(
        `[local-forge] Jira's OpenAPI documents are not in ${DEFAULT_OPENAPI_DIR} (set JIRA_OPENAPI_DIR): requests outside the manifest's scopes are not refused`,
      );
    this.jira = new JiraProxy(options.jiraBaseUrl, {
      scopes: this.manifest.scopes,
      impersonationScopes: this.manifest.impersonationScopes,
      index,
    });
    // Globals first: app modules may touch the SDK while they load.
    attachHost(this);
    try {
      this.handlers = loadHandlers(appDir, this.manifest);
    } catch (e) {
      this.shutdown();
      throw e;
    }
    if (options.jira) this.connectJira(options.jira);
    if (options.scheduledTriggers) this.scheduled.start(options.timeScale ?? 1);
  }

  // ---- triggers -----------------------------------------------------------------------------------------

  /**
   * Hands a product event (e.g. `avi:jira:updated:issue`) to every trigger of manifest.yml that lists its
   * type, as the platform does: later, each trigger in its own invocation as the app (no user), with
   * `(event, context)`, at least once. Returns at once with what it was queued for; `drain()` waits.
   */
  deliverProductEvent<E extends ProductEvent>(event: E): ProductEventDelivery {
    if (this.closed) throw new Error('The local Forge runtime is closed');
    return this.productTriggers.deliver(event);
  }

  /** Fires a scheduledTrigger now; resolves to its function's result, rejects when it throws. */
  runScheduledTrigger(key: string): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('The local Forge runtime is closed'));
    return this.scheduled.run(key);
  }

  /**
   * Delivers every event of a source — the Jira emulator (`connectJira(jira)`) or its `events` feed — to
   * the triggers from now on. Returns the function that disconnects it (close() does too).
   */
  connectJira(source: ProductEventSource | { events: ProductEventSource }): () => void {
    const feed = 'events' in source ? source.events : source;
    const unsubscribe = feed.subscribe((event) => {
      if (!this.closed) this.productTriggers.deliver(event);
    });
    const disconnect = (): void => {
      unsubscribe();
      this.disconnects.delete(disconnect);
    };
    this.disconnects.add(disconnect);
    return disconnect;
  }

  /**
   * Resolves once nothing is pending or running: queue events, trigger deliveries and scheduled runs,
   * including whatever those cause in turn (a consumer's Jira write → a trigger → a push ...).
   */
  async drain(options: { timeoutMs?: number } = {}): Promise<void> {
    const deadline = options.timeoutMs === undefined ? undefined : Date.now() + options.timeoutMs;
    const left = (): number | undefined => (deadline === undefined ? undefined : Math.max(1, deadline - Date.now()));
    while (!(this.queue.idle && this.triggerQueue.idle && !this.scheduled.busy)) {
      await this.scheduled.settle();
      await this.triggerQueue.drain({ timeoutMs: left() });
      await this.queue.drain({ timeoutMs: left() });
    }
  }

  private invokeTrigger(trigger: TriggerDefinition, event: Record<string, unknown>): Promise<unknown> {
    return this.invokeFunction(trigger.functionKey, [event, this.installationContext()], {
      moduleKey: trigger.key,
      moduleType: 'core:trigger',
    }).catch((e: unknown) => {
      if (!this.closed)
        this.log(
          `[local-forge] trigger '${trigger.key}' failed on ${String(event.eventType)}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
      throw e;
    });
  }

  private invokeScheduled(trigger: ScheduledTriggerDefinition, request: Record<string, unknown>): Promise<unknown> {
    return this.invokeFunction(trigger.functionKey, [request, this.installationContext()], {
      moduleKey: trigger.key,
      moduleType: 'core:scheduledTrigger',
    });
  }

  // ---- invoking functions -----------------------------------------------------------------------------

  /** Calls a resolver as the bridge would and returns its (JSON) result; rejects when it throws. */
  async invokeResolver(call: ResolverCall): Promise<unknown> {
    const outcome = await this.tryInvokeResolver(call);
    if (!outcome.ok) throw new ResolverInvocationError(call.key, outcome.error.name, outcome.error.message);
    return outcome.result;
  }

  /** Like invokeResolver, but a failure is a value (what the dev server sends back as a JSON error body). */
  async tryInvokeResolver(call: ResolverCall): Promise<ResolverOutcome> {
    const module = call.moduleKey
      ? this.manifest.uiModules.find((m) => m.moduleKey === call.moduleKey)
      : this.manifest.uiModules[0];
    if (!module)
      return {
        ok: false,
        error: {
          name: 'Error',
          message: `No UI module with a resolver${call.moduleKey ? ` has key '${call.moduleKey}'` : ''} in manifest.yml`,
        },
      };
    const platformContext = {
      localId: `${module.moduleKey}-local`,
      cloudId: this.identity.cloudId,
      moduleKey: module.moduleKey,
      siteUrl: this.options.siteUrl ?? 'http://localhost',
      environmentId: this.identity.environmentId,
      environmentType: this.identity.environmentType,
      extension: { type: module.moduleType },
      ...call.context,
    };
    // The request crosses the network in Forge: the payload arrives as parsed JSON.
    const request = { call: { functionKey: call.key, payload: jsonRoundTrip(call.payload) }, context: platformContext };
    const runtimePayload = {
      ...this.installationContext(),
      ...(call.accountId ? { principal: { accountId: call.accountId } } : {}),
    };
    try {
      const result = await this.invokeFunction(module.functionKey, [request, runtimePayload], {
        accountId: call.accountId,
        moduleKey: module.moduleKey,
        moduleType: module.moduleType,
        timeoutMs:
          call.timeoutMs ??
          this.timeouts.get(module.functionKey) ??
          this.options.resolverTimeoutMs ??
          DEFAULT_RESOLVER_TIMEOUT_MS,
      });
      return { ok: true, result: jsonRoundTrip(result) };
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      return { ok: false, error: { name: error.name, message: error.message } };
    }
  }

  /**
   * Runs any function of the manifest with the given arguments inside an invocation (own accountId and
   * clock). The building block of resolver calls and queue deliveries.
   */
  async invokeFunction(
    functionKey: string,
    args: unknown[],
    options: { accountId?: string; moduleKey?: string; moduleType?: string; timeoutMs?: number } = {},
  ): Promise<unknown> {
    if (this.closed) throw new Error('The local Forge runtime is closed');
    const handler = this.handlers.get(functionKey);
    if (!handler) throw new Error(`manifest.yml has no function '${functionKey}'`);
    const timeoutMs = options.timeoutMs ?? this.functionTimeoutMs(functionKey);
    const invocation: Invocation<LocalForge> = newInvocation({
      host: this,
      functionKey,
      moduleKey: options.moduleKey ?? functionKey,
      moduleType: options.moduleType ?? 'function',
      accountId: options.accountId,
      deadline: Date.now() + timeoutMs,
    });
    let timer: NodeJS.Timeout | undefined;
    const expiry = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // From here on the function counts as frozen: its later SDK calls fail (see globals.ts).
        invocation.expired = true;
        reject(new InvocationTimeoutError(invocation, timeoutMs));
      }, timeoutMs);
    });
    this.running.add(invocation);
    try {
      return await Promise.race([runInInvocation(invocation, async () => handler(...args)), expiry]);
    } finally {
      clearTimeout(timer);
      this.running.delete(invocation);
    }
  }

  /** Sets the time limit of a function's invocations (undefined restores the manifest's). */
  setInvocationTimeout(functionKey: string, ms: number | undefined): void {
    if (ms === undefined) this.timeouts.delete(functionKey);
    else this.timeouts.set(functionKey, ms);
  }

  private functionTimeoutMs(functionKey: string): number {
    const override = this.timeouts.get(functionKey);
    if (override !== undefined) return override;
    const seconds = this.manifest.functions.get(functionKey)?.timeoutSeconds;
    if (seconds !== undefined) return seconds * 1000;
    const isBackground =
      this.manifest.consumers.some((c) => c.functionKey === functionKey) ||
      this.manifest.triggers.some((t) => t.functionKey === functionKey) ||
      this.manifest.scheduledTriggers.some((t) => t.functionKey === functionKey);
    return isBackground
      ? DEFAULT_CONSUMER_TIMEOUT_SECONDS * 1000
      : (this.options.resolverTimeoutMs ?? DEFAULT_RESOLVER_TIMEOUT_MS);
  }

  private installationContext(): Record<string, unknown> {
    return {
      installContext: `ari:cloud:jira::site/${this.identity.cloudId}`,
      installation: {
        ari: `ari:cloud:ecosystem::installation/${this.identity.installationId}`,
        contexts: [`ari:cloud:jira::site/${this.identity.cloudId}`],
      },
    };
  }

  /** Queue delivery: the consumer function runs as the app (no principal), like a Forge event handler. */
  private async deliverEvent(event: DeliveredEvent): Promise<unknown> {
    const consumer = this.manifest.consumers.find((c) => c.queue === event.queueName);
    if (!consumer) throw new Error(`No consumer for queue '${event.queueName}' in manifest.yml`);
    try {
      return await this.invokeFunction(consumer.functionKey, [event, this.installationContext()], {
        moduleKey: consumer.key,
        moduleType: 'core:consumer',
      });
    } catch (e) {
      if (!this.closed)
        this.log(
          `[local-forge] consumer '${consumer.functionKey}' failed on event ${event.eventId}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
      throw e;
    }
  }

  // ---- the platform side of __forge_fetch__ -----------------------------------------------------------

  async handleFetch(
    args: ForgeFetchArgs,
    path: string,
    init: RequestInit | undefined,
    invocation: Invocation | undefined,
  ): Promise<Response> {
    if (args.type === 'kvs') return handleKvsRequest(this.kvs.service, path, init);
    if (args.type === 'fpp' && args.remote === 'stargate' && isQueuePath(path)) {
      return handleQueueRequest(
        this.queue,
        {
          consumerTimeoutSeconds: (queueName) => {
            const consumer = this.manifest.consumers.find((c) => c.queue === queueName);
            if (!consumer) return undefined;
            return (
              this.manifest.functions.get(consumer.functionKey)?.timeoutSeconds ?? DEFAULT_CONSUMER_TIMEOUT_SECONDS
            );
          },
        },
        path,
        init,
      );
    }
    if (args.type === 'fpp' && args.remote === 'jira') return this.jira.request(args, path, init, invocation);
    throw new Error(`The local Forge runtime does not emulate ${args.type}/${args.remote ?? '-'} requests (${path})`);
  }

  /** Stops the queue, closes the KVS and removes the globals (when no other runtime is running). */
  async close(): Promise<void> {
    this.shutdown();
  }

  /**
   * Stops the runtime as `kill -9` stops its process: every invocation running now is frozen where it is
   * (its next SDK call fails, so it writes nothing more), and nothing is tidied up. With `queueFile`, the
   * events still owed — those attempts included — wait in the file for the next runtime.
   */
  kill(): void {
    for (const invocation of this.running) invocation.expired = true;
    this.shutdown();
  }

  private shutdown(): void {
    if (this.closed) return;
    this.closed = true;
    for (const disconnect of [...this.disconnects]) disconnect();
    this.scheduled.stop();
    this.queue.close();
    this.triggerQueue.close();
    detachHost(this);
    this.kvs.close();
  }
}
