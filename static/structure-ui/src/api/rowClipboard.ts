// The rows a person copied or cut in the structure view, for this browser tab only (session state, like
// a clipboard): which structure and which rows. Kept outside React, and in the tab's sessionStorage when
// the host allows it, so a paste in another structure (even after a reload) finds it. The server checks
// everything again on paste.
import { useSyncExternalStore } from 'react';

export interface RowClipboard {
  structureId: string;
  structureName: string;
  rowIds: number[];
  /** Rows in all, with the ones under them, as the person saw them. */
  rowCount: number;
  mode: 'copy' | 'cut';
}

const KEY = 'structure-sync:row-clipboard';

function stored(): RowClipboard | undefined {
  try {
    const raw = globalThis.sessionStorage?.getItem(KEY);
    return raw ? (JSON.parse(raw) as RowClipboard) : undefined;
  } catch {
    // No storage in this frame (or not ours to read): the clipboard lives as long as the page.
    return undefined;
  }
}

let current: RowClipboard | undefined = stored();
const listeners = new Set<() => void>();

export const rowClipboard = {
  get: (): RowClipboard | undefined => current,
  set(next: RowClipboard | undefined): void {
    current = next;
    try {
      if (next) globalThis.sessionStorage?.setItem(KEY, JSON.stringify(next));
      else globalThis.sessionStorage?.removeItem(KEY);
    } catch {
      // As above: kept in memory only.
    }
    for (const l of listeners) l();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useRowClipboard(): RowClipboard | undefined {
  return useSyncExternalStore(rowClipboard.subscribe, rowClipboard.get);
}
