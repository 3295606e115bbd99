// Durable rows behind the local KVS: one SQLite table keyed by (namespace, key). Plain keys, secrets and
// each custom entity live in separate namespaces, as they do in Forge (the same key can exist in each).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface StoredItem {
  key: string;
  /** JSON encoding of the value. */
  json: string;
  /** Seconds since the epoch, like the metadata fields of the Forge storage API. */
  createdAt: number;
  updatedAt: number;
  /** Milliseconds since the epoch, or null when the item never expires. */
  expireAt: number | null;
}

export const PLAIN_NAMESPACE = 'kvs';
export const SECRET_NAMESPACE = 'secret';
export const entityNamespace = (entityName: string): string => `entity:${entityName}`;

interface Row {
  key: string;
  value: string;
  created_at: number;
  updated_at: number;
  expire_at: number | null;
}

const toItem = (row: Row): StoredItem => ({
  key: row.key,
  json: row.value,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  expireAt: row.expire_at,
});

// Any UTF-8 key with a given prefix sorts below prefix + U+10FFFF, so a prefix scan is an index range.
const PREFIX_UPPER_BOUND = String.fromCodePoint(0x10ffff);

export class SqliteStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(
    file: string,
    private readonly now: () => number = Date.now,
  ) {
    // A fresh clone has no data directory yet; SQLite will not create one.
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    if (file !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS items (
      ns TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
      created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, expire_at INTEGER,
      PRIMARY KEY (ns, key)) WITHOUT ROWID`);
    this.statements = {
      get: this.db.prepare<[string, string, number], Row>(
        'SELECT key, value, created_at, updated_at, expire_at FROM items WHERE ns = ? AND key = ? AND (expire_at IS NULL OR expire_at > ?)',
      ),
      put: this.db.prepare(
        `INSERT INTO items (ns, key, value, created_at, updated_at, expire_at) VALUES (@ns, @key, @value, @createdAt, @updatedAt, @expireAt)
         ON CONFLICT (ns, key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at,
           updated_at = excluded.updated_at, expire_at = excluded.expire_at`,
      ),
      delete: this.db.prepare<[string, string]>('DELETE FROM items WHERE ns = ? AND key = ?'),
      scanPrefix: this.db.prepare<[string, string, string, string, number, number], Row>(
        `SELECT key, value, created_at, updated_at, expire_at FROM items
         WHERE ns = ? AND key >= ? AND key < ? AND key > ? AND (expire_at IS NULL OR expire_at > ?)
         ORDER BY key LIMIT ?`,
      ),
      scanAll: this.db.prepare<[string, number], Row>(
        'SELECT key, value, created_at, updated_at, expire_at FROM items WHERE ns = ? AND (expire_at IS NULL OR expire_at > ?) ORDER BY key',
      ),
      count: this.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM items'),
      clear: this.db.prepare('DELETE FROM items'),
    };
  }

  get(ns: string, key: string): StoredItem | undefined {
    const row = this.statements.get.get(ns, key, this.now());
    return row ? toItem(row) : undefined;
  }

  /** Writes a value, keeping the creation time of an item that already exists. Returns the stored item. */
  put(ns: string, key: string, json: string, ttlMs?: number): StoredItem {
    const nowMs = this.now();
    const nowSec = Math.floor(nowMs / 1000);
    const previous = this.get(ns, key);
    const item: StoredItem = {
      key,
      json,
      createdAt: previous?.createdAt ?? nowSec,
      updatedAt: nowSec,
      expireAt: ttlMs === undefined ? null : nowMs + ttlMs,
    };
    this.statements.put.run({
      ns,
      key,
      value: json,
      createdAt: item.createdAt,
      updatedAt: item.updatedAt,
      expireAt: item.expireAt,
    });
    return item;
  }

  delete(ns: string, key: string): boolean {
    return this.statements.delete.run(ns, key).changes > 0;
  }

  /** Up to `limit` items whose key starts with `prefix` and sorts after `afterKey`, in key order. */
  scanPrefix(ns: string, prefix: string, afterKey: string, limit: number): StoredItem[] {
    return this.statements.scanPrefix
      .all(ns, prefix, prefix + PREFIX_UPPER_BOUND, afterKey, this.now(), limit)
      .map(toItem);
  }

  scanAll(ns: string): StoredItem[] {
    return this.statements.scanAll.all(ns, this.now()).map(toItem);
  }

  /** Runs `fn` atomically: if it throws, nothing it wrote is kept. */
  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  count(): number {
    return this.statements.count.get()?.n ?? 0;
  }

  clear(): void {
    this.statements.clear.run();
  }

  close(): void {
    this.db.close();
  }
}
