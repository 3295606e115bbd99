// What the runtime needs from manifest.yml: functions and their handlers, queue consumers, the functions
// UI modules call as resolvers, product-event and scheduled triggers, and the custom entities of the storage.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { AttributeType, EntityDefinition, IndexDefinition } from './kvs/entities';

export interface FunctionDefinition {
  key: string;
  /** As written in the manifest, e.g. "index.worker". */
  handler: string;
  /** Module path under src/ without extension ("index"), and the export name ("worker"). */
  file: string;
  exportName: string;
  timeoutSeconds?: number;
}

export interface ConsumerDefinition {
  key: string;
  queue: string;
  functionKey: string;
}

/** A `trigger` module: the function Forge calls with each product event of the listed types. */
export interface TriggerDefinition {
  key: string;
  functionKey: string;
  events: string[];
  /** `filter.ignoreSelf`: skip events the app caused itself (`selfGenerated: true`). */
  ignoreSelf: boolean;
  /** `filter.expression` (a Jira expression); not evaluated locally — every event is delivered. */
  expression?: string;
}

export const SCHEDULE_INTERVALS = { fiveMinute: 300, hour: 3600, day: 86_400, week: 604_800 } as const;
export type ScheduleInterval = keyof typeof SCHEDULE_INTERVALS;

/** A `scheduledTrigger` module: the function Forge calls once per interval. */
export interface ScheduledTriggerDefinition {
  key: string;
  functionKey: string;
  interval: ScheduleInterval;
}

export interface UiModuleDefinition {
  moduleType: string;
  moduleKey: string;
  /** The function its `resolver.function` names. */
  functionKey: string;
}

export interface AppManifest {
  /** The UUID at the end of app.id. */
  appId: string;
  runtimeName: string;
  functions: Map<string, FunctionDefinition>;
  consumers: ConsumerDefinition[];
  uiModules: UiModuleDefinition[];
  triggers: TriggerDefinition[];
  scheduledTriggers: ScheduledTriggerDefinition[];
  entities: EntityDefinition[];
  /** `permissions.scopes`, in either form (a list, or a map of scope → `{ allowImpersonation }`). */
  scopes: string[];
  /** The scopes declared with `allowImpersonation: true`: the only ones an offline `asUser(accountId)` gets. */
  impersonationScopes: string[];
  /** `permissions.external.fetch.backend`: the hosts a function may `fetch` (addresses as written). */
  egress: string[];
}

type Raw = Record<string, unknown>;
const asRecord = (v: unknown): Raw => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {});
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function parseIndex(raw: unknown): IndexDefinition {
  if (typeof raw === 'string') return { name: raw, partition: [], range: [raw] };
  const r = asRecord(raw);
  return { name: String(r.name), partition: asArray(r.partition).map(String), range: asArray(r.range).map(String) };
}

function parseEntity(raw: unknown): EntityDefinition {
  const r = asRecord(raw);
  const attributes: EntityDefinition['attributes'] = {};
  for (const [name, def] of Object.entries(asRecord(r.attributes))) {
    attributes[name] = { type: String(asRecord(def).type ?? 'any') as AttributeType };
  }
  return { name: String(r.name), attributes, indexes: asArray(r.indexes).map(parseIndex) };
}

function parseTrigger(raw: unknown): TriggerDefinition {
  const t = asRecord(raw);
  const filter = asRecord(t.filter);
  return {
    key: String(t.key),
    functionKey: String(t.function),
    events: asArray(t.events).map(String),
    ignoreSelf: filter.ignoreSelf === true,
    ...(typeof filter.expression === 'string' ? { expression: filter.expression } : {}),
  };
}

function parseScheduledTrigger(raw: unknown): ScheduledTriggerDefinition {
  const t = asRecord(raw);
  const interval = String(t.interval);
  if (!(interval in SCHEDULE_INTERVALS)) {
    throw new Error(
      `manifest.yml: scheduledTrigger '${String(t.key)}' has interval '${interval}', expected one of ${Object.keys(SCHEDULE_INTERVALS).join(', ')}`,
    );
  }
  return { key: String(t.key), functionKey: String(t.function), interval: interval as ScheduleInterval };
}

export function parseManifest(text: string): AppManifest {
  const doc = asRecord(parse(text));
  const app = asRecord(doc.app);
  const modules = asRecord(doc.modules);

  const functions = new Map<string, FunctionDefinition>();
  for (const raw of asArray(modules.function)) {
    const f = asRecord(raw);
    const handler = String(f.handler);
    const dot = handler.lastIndexOf('.');
    if (dot <= 0)
      throw new Error(`manifest.yml: function '${String(f.key)}' has handler '${handler}', expected "<file>.<export>"`);
    functions.set(String(f.key), {
      key: String(f.key),
      handler,
      file: handler.slice(0, dot),
      exportName: handler.slice(dot + 1),
      timeoutSeconds: typeof f.timeoutSeconds === 'number' ? f.timeoutSeconds : undefined,
    });
  }

  const consumers: ConsumerDefinition[] = [];
  const uiModules: UiModuleDefinition[] = [];
  for (const [moduleType, entries] of Object.entries(modules)) {
    if (moduleType === 'function') continue;
    for (const raw of asArray(entries)) {
      const m = asRecord(raw);
      if (moduleType === 'consumer' && typeof m.function === 'string') {
        consumers.push({ key: String(m.key), queue: String(m.queue), functionKey: m.function });
      }
      const resolverFn = asRecord(m.resolver).function;
      if (moduleType !== 'consumer' && typeof resolverFn === 'string') {
        uiModules.push({ moduleType, moduleKey: String(m.key), functionKey: resolverFn });
      }
    }
  }

  const appIdMatch = /app\/([^/]+)$/.exec(String(app.id ?? ''));
  const permissions = asRecord(doc.permissions);
  const rawScopes = permissions.scopes;
  const scopes = Array.isArray(rawScopes) ? rawScopes.map(String) : Object.keys(asRecord(rawScopes));
  const impersonationScopes = Array.isArray(rawScopes)
    ? []
    : Object.entries(asRecord(rawScopes))
        .filter(([, v]) => asRecord(v).allowImpersonation === true)
        .map(([k]) => k);
  const egress = asArray(asRecord(asRecord(permissions.external).fetch).backend).flatMap((e) => {
    if (typeof e === 'string') return [e];
    const address = asRecord(e).address;
    return typeof address === 'string' ? [address] : [];
  });
  return {
    appId: appIdMatch ? appIdMatch[1] : '00000000-0000-0000-0000-000000000000',
    runtimeName: String(asRecord(app.runtime).name ?? 'nodejs22.x'),
    functions,
    consumers,
    uiModules,
    triggers: asArray(modules.trigger).map(parseTrigger),
    scheduledTriggers: asArray(modules.scheduledTrigger).map(parseScheduledTrigger),
    entities: asArray(asRecord(app.storage).entities).map(parseEntity),
    scopes,
    impersonationScopes,
    egress,
  };
}

/** manifest.yml of `appDir`, or `text` instead of it (a test's variant of the manifest). */
export function loadManifest(appDir: string, text?: string): AppManifest {
  return parseManifest(text ?? readFileSync(path.join(appDir, 'manifest.yml'), 'utf8'));
}
