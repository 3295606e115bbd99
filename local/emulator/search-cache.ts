// Caches the ordered result of a query per (caller, data version, JQL) so that paging through
// 100k issues costs one evaluation, not one per page. A page token names the data version it was
// cut from, so later pages stay consistent with the first even if the data changes in between
// (Jira's tokens behave like a snapshot too, within their 7-day lifetime).
export interface PageToken {
  version: number;
  offset: number;
  hash: string;
}

/** FNV-1a, enough to tell a token from another query apart. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function encodeToken(t: PageToken): string {
  return Buffer.from(`${t.version}:${t.offset}:${t.hash}`, 'utf8').toString('base64url');
}

export function decodeToken(token: string): PageToken | undefined {
  const m = /^(\d+):(\d+):([0-9a-z]+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m) return undefined;
  return { version: Number(m[1]), offset: Number(m[2]), hash: m[3] };
}

/** Results by key; each caller keeps its own key space (search answers with warnings, boards without). */
export class SearchCache {
  private readonly entries = new Map<string, unknown>();

  constructor(private readonly capacity = 32) {}

  get<T>(key: string, compute: () => T): T {
    const hit = this.entries.get(key) as T | undefined;
    if (hit) {
      // Refresh LRU position.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
