// Navigation over a forest in pre-order without building node objects: 100k rows stay a few
// typed arrays, and every question the tree view asks is answered in O(1) after one O(n) pass.

export interface ForestRows {
  rowIds: number[];
  depths: number[];
  /**
   * Null for a placeholder row (an issue the viewer cannot see, with rows they can see under it) and for
   * a folder row, named in `folderNames`.
   */
  issueIds: Array<string | null>;
  /** Folder rows' names by row id (see folders.ts). */
  folderNames?: Record<string, string>;
}

export interface ForestIndex {
  size: number;
  /** Index just past the row's subtree. */
  subtreeEnd: Int32Array;
  /** Index of the parent row, -1 at the top level. */
  parent: Int32Array;
  maxDepth: number;
}

export function buildIndex(forest: ForestRows): ForestIndex {
  const n = forest.depths.length;
  const subtreeEnd = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  let maxDepth = 0;
  for (let i = 0; i < n; i++) {
    const d = forest.depths[i]!;
    if (d > maxDepth) maxDepth = d;
    while (stack.length > d) subtreeEnd[stack.pop()!] = i;
    if (d > 0 && stack.length > 0) parent[i] = stack[stack.length - 1]!;
    stack.push(i);
  }
  while (stack.length) subtreeEnd[stack.pop()!] = n;
  return { size: n, subtreeEnd, parent, maxDepth };
}

export const hasChildren = (index: ForestIndex, i: number) => index.subtreeEnd[i]! > i + 1;

/**
 * Which rows are expanded: every row above `level` depth (`Infinity` = expand all, 0 = collapse
 * all), except where the user toggled a row (`overrides`, by rowId so it survives reloads).
 */
export interface Expansion {
  level: number;
  overrides: ReadonlyMap<number, boolean>;
}

export function isExpanded(forest: ForestRows, expansion: Expansion, i: number): boolean {
  return expansion.overrides.get(forest.rowIds[i]!) ?? forest.depths[i]! < expansion.level;
}

/** The rows on show, in order, skipping the subtrees of collapsed rows. */
export function visibleRows(forest: ForestRows, index: ForestIndex, expansion: Expansion): Int32Array {
  const out = new Int32Array(index.size);
  let count = 0;
  let i = 0;
  while (i < index.size) {
    out[count++] = i;
    i = hasChildren(index, i) && !isExpanded(forest, expansion, i) ? index.subtreeEnd[i]! : i + 1;
  }
  return out.subarray(0, count);
}

/** Expansion with every ancestor of row `i` open, so the row is on show. */
export function reveal(forest: ForestRows, index: ForestIndex, expansion: Expansion, i: number): Expansion {
  const overrides = new Map(expansion.overrides);
  for (let p = index.parent[i]!; p >= 0; p = index.parent[p]!) {
    if (!isExpanded(forest, { ...expansion, overrides }, p)) overrides.set(forest.rowIds[p]!, true);
  }
  return overrides.size === expansion.overrides.size ? expansion : { ...expansion, overrides };
}

export function toggle(forest: ForestRows, expansion: Expansion, i: number, open?: boolean): Expansion {
  const overrides = new Map(expansion.overrides);
  overrides.set(forest.rowIds[i]!, open ?? !isExpanded(forest, expansion, i));
  return { ...expansion, overrides };
}

/**
 * The rows a filter keeps, in order: those whose issue matches and every ancestor of one (so a match
 * keeps its place in the hierarchy). One pass from the end: a kept row keeps its parent.
 */
export function keptRows(forest: ForestRows, index: ForestIndex, matches: (issueId: string) => boolean): Int32Array {
  const keep = new Uint8Array(index.size);
  for (let i = index.size - 1; i >= 0; i--) {
    const id = forest.issueIds[i];
    if (id !== null && id !== undefined && matches(id)) keep[i] = 1;
    if (keep[i] && index.parent[i]! >= 0) keep[index.parent[i]!] = 1;
  }
  const out = new Int32Array(index.size);
  let count = 0;
  for (let i = 0; i < index.size; i++) if (keep[i]) out[count++] = i;
  return out.subarray(0, count);
}
