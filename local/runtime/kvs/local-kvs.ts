// The local KVS as the runtime and tests see it: the service behind `__forge_fetch__({type:'kvs'})` plus
// inspection helpers (usage meter, raw reads, reset) that tests and benchmarks need and Forge lacks.
import { EntityDefinition, EntityRegistry } from './entities';
import type { UndocumentedAnswer, UndocumentedRefusal } from './errors';
import { KvsService } from './service';
import { entityNamespace, PLAIN_NAMESPACE, SECRET_NAMESPACE, SqliteStore } from './sqlite-store';
import { KvsUsage, UsageMeter } from './usage';

export interface LocalKvsOptions {
  /** SQLite file; ':memory:' (the default) keeps everything in memory. */
  file?: string;
  entities?: EntityDefinition[];
  now?: () => number;
}

export class LocalKvs {
  readonly service: KvsService;
  private readonly store: SqliteStore;
  private readonly meter = new UsageMeter();

  constructor(options: LocalKvsOptions = {}) {
    this.store = new SqliteStore(options.file ?? ':memory:', options.now);
    this.service = new KvsService(this.store, new EntityRegistry(options.entities ?? []), this.meter);
  }

  /**
   * How the refusals whose real answer Forge does not publish are answered (a failed transaction
   * condition, too many operations, ...): change one to prove an app does not depend on it, e.g.
   * `rt.kvs.undocumented.conditionFailed = { status: 400, code: 'SOMETHING_ELSE' }`.
   */
  get undocumented(): Record<UndocumentedRefusal, UndocumentedAnswer> {
    return this.service.undocumented;
  }

  /** Requests and 10 KB units read and written since start (or the last `resetUsage()`). */
  usage(): KvsUsage {
    return this.meter.snapshot();
  }

  resetUsage(): void {
    this.meter.reset();
  }

  /** A stored plain value, read without metering (undefined when absent). */
  peek(key: string): unknown {
    const item = this.store.get(PLAIN_NAMESPACE, key);
    return item ? JSON.parse(item.json) : undefined;
  }

  peekSecret(key: string): unknown {
    const item = this.store.get(SECRET_NAMESPACE, key);
    return item ? JSON.parse(item.json) : undefined;
  }

  peekEntity(entityName: string, key: string): unknown {
    const item = this.store.get(entityNamespace(entityName), key);
    return item ? JSON.parse(item.json) : undefined;
  }

  /** All plain keys, in key order. */
  keys(): string[] {
    return this.store.scanAll(PLAIN_NAMESPACE).map((i) => i.key);
  }

  /** Number of stored items of every kind. */
  size(): number {
    return this.store.count();
  }

  /** Removes every item and zeroes the usage meter. */
  reset(): void {
    this.store.clear();
    this.meter.reset();
  }

  close(): void {
    this.store.close();
  }
}
