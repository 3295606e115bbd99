// Where a queue keeps the deliveries it owes when the runtime is given a file: Forge's queue outlives any
// one invocation or host, so an event pushed before a crash (or a stop) is still delivered afterwards. A
// row is written when a delivery is scheduled, marked when it starts and removed when it ends (success,
// given up, cancelled, or replaced by its retry); whatever rows a runtime leaves behind, the next one
// on the same file delivers. One file may hold several queues, each under its own channel name.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DeliveredEvent, RetryContext } from './types';

/** One delivery the queue owes, as stored. */
export interface StoredDelivery {
  event: Omit<DeliveredEvent, 'retryContext'>;
  /** When the event was pushed, on the queue's clock, and as a date. */
  publishedAt: number;
  publishedOn: string;
  /** When it is due, on the queue's clock. */
  dueAt: number;
  duplicate: boolean;
  retryContext?: RetryContext;
  errorRetries: number;
  /** It had started when the runtime stopped: the invocation died with it. */
  started: boolean;
}

interface Row {
  id: number;
  data: string;
  started: number;
}

export class QueueStore {
  private readonly db: Database.Database;
  private readonly statements;
  private open = true;

  constructor(
    file: string,
    private readonly channel: string,
  ) {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // WAL with NORMAL survives a killed process (only an OS crash may lose the last commits).
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS deliveries (
      id INTEGER PRIMARY KEY AUTOINCREMENT, channel TEXT NOT NULL, data TEXT NOT NULL, started INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS clocks (channel TEXT PRIMARY KEY, skipped_ms INTEGER NOT NULL)`);
    this.statements = {
      all: this.db.prepare<[string], Row>('SELECT id, data, started FROM deliveries WHERE channel = ? ORDER BY id'),
      insert: this.db.prepare<[string, string]>('INSERT INTO deliveries (channel, data) VALUES (?, ?)'),
      start: this.db.prepare<[number]>('UPDATE deliveries SET started = 1 WHERE id = ?'),
      remove: this.db.prepare<[number]>('DELETE FROM deliveries WHERE id = ?'),
      skipped: this.db.prepare<[string], { skipped_ms: number }>('SELECT skipped_ms FROM clocks WHERE channel = ?'),
      setSkipped: this.db.prepare<[string, number]>(
        'INSERT INTO clocks (channel, skipped_ms) VALUES (?, ?) ON CONFLICT (channel) DO UPDATE SET skipped_ms = excluded.skipped_ms',
      ),
    };
  }

  /** The deliveries a previous runtime left, oldest first, each with the id later calls name it by. */
  load(): Array<{ id: number; delivery: StoredDelivery }> {
    return this.statements.all.all(this.channel).map((row) => ({
      id: row.id,
      delivery: { ...(JSON.parse(row.data) as Omit<StoredDelivery, 'started'>), started: row.started === 1 },
    }));
  }

  /** Stores a delivery; its id. Undefined once closed: a stopped runtime writes nothing more. */
  insert(delivery: Omit<StoredDelivery, 'started'>): number | undefined {
    if (!this.open) return undefined;
    return Number(this.statements.insert.run(this.channel, JSON.stringify(delivery)).lastInsertRowid);
  }

  markStarted(id: number | undefined): void {
    if (this.open && id !== undefined) this.statements.start.run(id);
  }

  remove(id: number | undefined): void {
    if (this.open && id !== undefined) this.statements.remove.run(id);
  }

  /** How far the queue's clock had been moved ahead of real time (`advance`), so its due times still hold. */
  skippedMs(): number {
    return this.statements.skipped.get(this.channel)?.skipped_ms ?? 0;
  }

  setSkippedMs(ms: number): void {
    if (this.open) this.statements.setSkipped.run(this.channel, Math.round(ms));
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    this.db.close();
  }
}
