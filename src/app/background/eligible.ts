import type { InstalledSynchronizer } from '../../domain/installed';
import { findModule } from '../../synchronizers';

/**
 * Which way an installed synchronizer runs in the background: an import (Jira changed, so the structure
 * follows) when it imports; an export only for a synchronizer made to (Status Rollup: a child's status
 * changed, so its parents follow), whose runs read only what changed since the last one.
 */
export function backgroundDirection(s: InstalledSynchronizer): 'import' | 'export' | undefined {
  const module = findModule(s.synchronizerKey);
  if (module?.synchronizer.directions.includes('import')) return 'import';
  if (module?.backgroundExport === true && module.export?.incremental === true) return 'export';
  return undefined;
}

export function syncsInBackground(s: InstalledSynchronizer): boolean {
  return backgroundDirection(s) !== undefined;
}
