// A small seeded PRNG for the dataset generator. Math.random cannot be seeded, and the generator must
// produce byte-identical files for the same seed, so every random choice goes through this.
// Only integer arithmetic (Math.imul, shifts) and one division: results do not depend on the platform.

export interface Random {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks from a table of [value, weight] pairs; weights need not sum to 1. */
  weighted<T>(table: WeightedTable<T>): T;
  /** A 32-bit unsigned integer. */
  uint32(): number;
}

export type WeightedTable<T> = readonly (readonly [T, number])[];

/** Hashes a seed (number or string) to 32 bits so that "1" and 1 and "team-a" all work as seeds. */
export function seedHash(seed: number | string): number {
  const text = String(seed);
  // FNV-1a: tiny and good enough to spread nearby seeds apart.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: 32-bit state, passes the statistical tests that matter for synthetic data, and is fast. */
export function createRandom(seed: number | string): Random {
  let state = seedHash(seed);
  const uint32 = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => uint32() / 4294967296;
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    uint32,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('Cannot pick from an empty list');
      return items[int(0, items.length - 1)] as (typeof items)[number];
    },
    weighted: (table) => {
      let total = 0;
      for (const [, w] of table) total += w;
      let r = next() * total;
      for (const [value, w] of table) {
        r -= w;
        if (r < 0) return value;
      }
      const last = table[table.length - 1];
      if (!last) throw new RangeError('Cannot pick from an empty table');
      return last[0];
    },
  };
}
