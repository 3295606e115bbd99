// Installed synchronizers (small records under plain keys, listed by structure) and the background
// sync state: the pending debounced resyncs (one record for the site: a handful of entries at most) and
// each structure's cycle-guard state.
import { kvs, WhereConditions } from '@forge/kvs';
import type { InstalledSynchronizer } from '../domain/sync/installed';
import type { CycleGuardState } from '../domain/sync/cycle-guard';
import type { PendingResyncs } from '../domain/sync/debounce';
import { jsonBytes, type KvsWriteMeter } from './write-meter';

const PREFIX = 'installed:';
const installedKey = (structureId: string, id: string): string => `${PREFIX}${structureId}:${id}`;
const PENDING_KEY = 'syncstate:pending';
const guardKey = (structureId: string): string => `syncstate:guard:${structureId}`;

export class InstalledSynchronizerRepository {
  constructor(private readonly meter: KvsWriteMeter) {}

  get(structureId: string, id: string): Promise<InstalledSynchronizer | undefined> {
    return kvs.get<InstalledSynchronizer>(installedKey(structureId, id));
  }

  async put(s: InstalledSynchronizer): Promise<void> {
    await kvs.set(installedKey(s.structureId, s.id), s);
    this.meter.add(jsonBytes(s));
  }

  async delete(structureId: string, id: string): Promise<void> {
    await kvs.delete(installedKey(structureId, id));
    this.meter.add(0);
  }

  /** Those of one structure, or of every structure (background sync looks at all of them). */
  async list(structureId?: string): Promise<InstalledSynchronizer[]> {
    const prefix = structureId === undefined ? PREFIX : `${PREFIX}${structureId}:`;
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
    return (await kvs.get<PendingResyncs>(PENDING_KEY)) ?? {};
  }

  async putPending(pending: PendingResyncs): Promise<void> {
    await kvs.set(PENDING_KEY, pending);
    this.meter.add(jsonBytes(pending));
  }

  getGuard(structureId: string): Promise<CycleGuardState | undefined> {
    return kvs.get<CycleGuardState>(guardKey(structureId));
  }

  async putGuard(structureId: string, state: CycleGuardState): Promise<void> {
    await kvs.set(guardKey(structureId), state);
    this.meter.add(jsonBytes(state));
  }
}
