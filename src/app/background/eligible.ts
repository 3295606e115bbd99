import type { InstalledSynchronizer } from '../../domain/installed';
import { findSynchronizer } from '../../synchronizers';

/** Background sync runs imports: Jira changed, so the structure follows. Exports run only by hand. */
export function syncsInBackground(s: InstalledSynchronizer): boolean {
  return findSynchronizer(s.synchronizerKey)?.directions.includes('import') === true;
}
