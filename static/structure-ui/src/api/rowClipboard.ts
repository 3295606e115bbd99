// The rows a person copied or cut in the structure view, for this browser tab only (session state, like
// a clipboard): which structure, which version they saw, which rows. Kept outside React so it outlives
// the page, and a paste in another structure finds it. The server checks everything again on paste.
import { useSyncExternalStore } from 'react';

export interface RowClipboard {
  structureId: string;
  structureName: string;
  rowIds: number[];
  /** Rows in all, with the ones under them, as the person saw them. */
  rowCount: number;
  mode: 'copy' | 'cut';
}

let current: RowClipboard | undefined;
const listeners = new Set<() => void>();

export const rowClipboard = {
  get: (): RowClipboard | undefined => current,
  set(next: RowClipboard | undefined): void {
    current = next;
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
