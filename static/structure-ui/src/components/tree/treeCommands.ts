// Keys of the structure view that act on the active or selected rows beyond moving them: copy, cut and
// paste rows (Ctrl/⌘+C, X, V, as in Structure and in file managers) and renaming a folder (F2).
import type { KeyboardEvent } from 'react';

export type TreeCommand = 'copy' | 'cut' | 'paste' | 'rename';

export function commandOfKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>) {
  if (e.key === 'F2' && !e.ctrlKey && !e.metaKey && !e.altKey) return 'rename' as const;
  if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey) return undefined;
  return ({ c: 'copy', x: 'cut', v: 'paste' } as const)[e.key.toLowerCase() as 'c'];
}
