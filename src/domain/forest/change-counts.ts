import { diffForests } from './diff';
import type { Forest } from './forest';

/** How going from one forest to another changes rows (matched by rowId): what a confirmation tells a person. */
export interface ForestChangeCounts {
  /** Rows of `from` that `to` does not have. */
  readonly removed: number;
  /** Rows of `to` that `from` does not have. */
  readonly added: number;
  /** Rows of both whose parent or place among their siblings changes (a row that only shifts is not counted). */
  readonly moved: number;
}

/** `to` must be a later forest than `from` (its new rows above `from`'s high-water mark), as `diffForests` needs. */
export function forestChangeCounts(from: Forest, to: Forest): ForestChangeCounts {
  if (from === to) return { removed: 0, added: 0, moved: 0 };
  let removed = 0;
  let added = 0;
  let moved = 0;
  for (let i = 0; i < from.size; i++) if (!to.has(from.rowIdAt(i))) removed++;
  for (let j = 0; j < to.size; j++) if (!from.has(to.rowIdAt(j))) added++;
  for (const action of diffForests(from, to)) if (action.kind === 'move') moved++;
  return { removed, added, moved };
}
