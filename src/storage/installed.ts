// Installed synchronizers (small records under plain keys, listed by structure) and the background
// sync state: the pending debounced resyncs (one key per synchronizer, so trigger invocations running at
// the same time for different synchronizers never overwrite each other) and each structure's cycle guard.
import { kvs, WhereConditions } from '@forge/kvs';
import type { InstalledSynchronizer } from '../domain/installed';
import type { CycleGuardState } from '../domain/background/cycle-guard';
import type { PendingResync, PendingResyncs } from '../domain/background/debounce';
import { keys } from './keys';
import { jsonBytes, type KvsWriteMeter } from './write-meter';

export class InstalledSynchronizerRepository {
  constructor(private readonly meter: KvsWriteMeter) {}

  get(structureId: string, id: string): Promise<InstalledSynchronizer | undefined> {
    return kvs.get<InstalledSynchronizer>(keys.installed(structureId, id));
  }

  async put(s: InstalledSynchronizer): Promise<void> {
    await kvs.set(keys.installed(s.structureId, s.id), s);
    this.meter.add(jsonBytes(s));
  }

  async delete(structureId: string, id: string): Promise<void> {
    await kvs.delete(keys.installed(structureId, id));
    this.meter.add(0);
  }

  /** Those of one structure, or of every structure (background sync looks at all of them). */
  async list(structureId?: string): Promise<InstalledSynchronizer[]> {
    const prefix = keys.installedPrefix(structureId);
    const out: InstalledSynchronizer[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(100);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany<InstalledSynchronizer>();
      out.push(...page.results.map((r) => r.value));
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }

  async getPending(): Promise<PendingResyncs> {
    const out: Record<string, PendingResync> = {};
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(keys.pendingResyncPrefix)).limit(100);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany<PendingResync>();
      for (const r of page.results) out[r.value.synchronizerId] = r.value;
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }

  /** One synchronizer's pending entry, read and written alone. */
  getPendingOf(synchronizerId: string): Promise<PendingResync | undefined> {
    return kvs.get<PendingResync>(keys.pendingResync(synchronizerId));
  }

  async putPendingOf(entry: PendingResync): Promise<void> {
    await kvs.set(keys.pendingResync(entry.synchronizerId), entry);
    this.meter.add(jsonBytes(entry));
  }

  async deletePendingOf(synchronizerId: string): Promise<void> {
    await kvs.delete(keys.pendingResync(synchronizerId));
    this.meter.add(0);
  }

  getGuard(structureId: string): Promise<CycleGuardState | undefined> {
    return kvs.get<CycleGuardState>(keys.cycleGuard(structureId));
  }

  async putGuard(structureId: string, state: CycleGuardState): Promise<void> {
    await kvs.set(keys.cycleGuard(structureId), state);
    this.meter.add(jsonBytes(state));
  }

  getActorKind(accountId: string): Promise<ActorKind | undefined> {
    return kvs.get<ActorKind>(keys.actorKind(accountId));
  }

  async putActorKind(accountId: string, kind: ActorKind): Promise<void> {
    await kvs.set(keys.actorKind(accountId), kind);
    this.meter.add(jsonBytes(kind));
  }
}

/** A Jira account that changed issues, as the cycle guard counts it; an account's type never changes. */
export interface ActorKind {
  readonly kind: 'person' | 'app';
  readonly name: string;
}
