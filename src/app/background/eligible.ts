import type { InstalledSynchronizer } from '../../domain/installed';
import { findSynchronizer } from '../../domain/synchronizers/registry';
import { hasImportRunner } from '../import-runners';

/** Background sync runs imports: Jira changed, so the structure follows. Exports run only by hand. */
export function syncsInBackground(s: InstalledSynchronizer): boolean {
  return (
    findSynchronizer(s.synchronizerKey)?.directions.includes('import') === true && hasImportRunner(s.synchronizerKey)
  );
}
