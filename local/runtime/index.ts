/**
 * Local Forge runtime ("Forge SDK shim"): runs the app's real, unmodified @forge/api 8, @forge/kvs 1.6,
 * @forge/events 3 and @forge/resolver 2 code on one machine by installing the `__forge_runtime__` and
 * `__forge_fetch__` globals those packages call.
 *
 *   const rt = await startLocalForge({ appDir, jiraBaseUrl, manifestText?, kvsFile?, queueFile?, timeScale?, queue?: { duplicate?, reorder?, extraDelayMs?, concurrency? } });
 *   await rt.invokeResolver({ key, payload, accountId });     // resolver result (JSON); throws ResolverInvocationError
 *   await rt.tryInvokeResolver({ key, payload, accountId });  // { ok: true, result } | { ok: false, error: { name, message } }
 *   await rt.queue.drain();                                   // until every published event (and follow-ups) is handled
 *   rt.queue.switches.duplicate = true; rt.queue.switches.reorder = 'reverse'; rt.queue.switches.extraDelayMs = 50;
 *   rt.queue.deliveries / rt.queue.failures                   // what was delivered, what was dropped
 *   rt.kvs.usage()  // { readUnits, writeUnits, ... } in 10 KB units;  rt.kvs.peek(key), rt.kvs.reset()
 *   rt.jira.calls                                             // every requestJira that reached the emulator
 *   rt.setInvocationTimeout(functionKey, ms);                 // shorten a function's clock
 *   rt.connectJira(jiraEmulator);                             // its change feed → the app's `trigger` modules
 *   rt.deliverProductEvent({ eventType: 'avi:jira:updated:issue', ... }); // → { jobId, triggers: [keys] }
 *   await rt.runScheduledTrigger('hourly-resync');            // fire a `scheduledTrigger` now
 *   await rt.drain();                                         // queue, trigger deliveries and scheduled runs all idle
 *   await rt.close();                                         // or rt.kill(): as kill -9, running invocations frozen
 *
 * - KVS: `/api/v1/*` on SQLite (better-sqlite3): plain keys, secrets, the entities of manifest.yml
 *   (`app.storage.entities`) with index queries, batches and transactions, with Forge's limits and error
 *   bodies (`{ code, message }`, which @forge/kvs raises as ForgeKvsAPIError).
 * - Queue: a push is delivered later to the consumer function of its queue as
 *   `handler({ body, queueName, jobId, eventId, retryContext? }, context)`, after `delayInSeconds` and within
 *   `concurrency: {key, limit}`; InvocationError results and thrown errors are retried; getStats/cancel
 *   answer like the platform. With `queueFile`, what the queues still owe is kept in that file and delivered
 *   by the next runtime on it (at least once across restarts); `rt.queue.losePending()` loses it instead.
 * - Triggers: product events go to every `trigger` module listing their type (`filter.ignoreSelf` honoured,
 *   `filter.expression` not evaluated), each as `handler(event, context)` in its own invocation as the app,
 *   through `rt.triggerQueue` (same switches, retries and `retryContext` as the queue). Scheduled triggers
 *   get `({ context: { cloudId, moduleKey }, contextToken }, context)`; with `scheduledTriggers: true` they
 *   also run every interval × timeScale.
 * - requestJira: sent over HTTP to `jiraBaseUrl` with `X-Forge-Account-Id` (as a user) or `X-Forge-As-App: true`,
 *   unless the platform refuses it: an operation outside the manifest's scopes (Jira's 401), offline
 *   `asUser(accountId)` without `allowImpersonation` (NeedsAuthenticationError). `fetch` reaches only the
 *   manifest's egress hosts (ExternalEndpointNotAllowedError).
 * - Invocations: each runs in an AsyncLocalStorage context with its accountId and deadline, which
 *   `getAppContext().invocationRemainingTimeInMillis()` reads; resolvers get `principal.accountId` from the
 *   platform side, never from the payload.
 *
 * Several runtimes may run in one process (SDK calls go to the runtime of the current invocation, or the
 * most recently started one outside invocations). See README.md in this folder.
 */
import { LocalForge, LocalForgeOptions } from './local-forge';

export async function startLocalForge(options: LocalForgeOptions): Promise<LocalForge> {
  return new LocalForge(options);
}

export { LocalForge, ResolverInvocationError } from './local-forge';
export type { LocalForgeOptions, ResolverCall, ResolverOutcome } from './local-forge';
export { KvsError } from './kvs/errors';
export type { KvsErrorCode } from './kvs/errors';
export { KVS_LIMITS } from './kvs/limits';
export type { KvsUsage } from './kvs/usage';
export type { LocalKvs } from './kvs/local-kvs';
export type { EntityDefinition, IndexDefinition, AttributeType } from './kvs/entities';
export type { DeliveryQueue } from './queue/delivery-queue';
export type {
  DeliveredEvent,
  DeliveryRecord,
  FailedEvent,
  JobStats,
  QueueOptions,
  QueueSwitches,
  RetryContext,
} from './queue/types';
export { ACCOUNT_HEADER, AS_APP_HEADER, SCOPE_MISMATCH_BODY } from './jira-proxy';
export type { JiraCall, JiraProxy } from './jira-proxy';
export { loadJiraScopes } from './jira-scopes';
export type { JiraScopeIndex } from './jira-scopes';
export type {
  AppManifest,
  FunctionDefinition,
  ConsumerDefinition,
  UiModuleDefinition,
  TriggerDefinition,
  ScheduledTriggerDefinition,
  ScheduleInterval,
} from './manifest';
export { SCHEDULE_INTERVALS } from './manifest';
export type { ProductEvent, ProductEventDelivery, ProductEventSource } from './triggers/product-triggers';
export { currentInvocation } from './invocation';
export type { Invocation } from './invocation';
