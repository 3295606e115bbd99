// The synchronizers whose import the worker can run. Adding one: a runner (src/app/import/), one entry here.
import { AppError } from './errors';
import { filterImportRunner } from './import/filter-import';
import type { ImportRunner } from './import-runner';
import { agileImportRunner } from './import/agile-import';
import { hierarchyImportRunner } from './import/hierarchy-import';
import { linksImportRunner } from './import/links-import';
import { subtasksImportRunner } from './import/subtasks-import';

const RUNNERS: ReadonlyMap<string, ImportRunner> = new Map(
  [filterImportRunner, subtasksImportRunner, linksImportRunner, agileImportRunner, hierarchyImportRunner].map((r) => [
    r.key,
    r,
  ]),
);

export function hasImportRunner(key: string): boolean {
  return RUNNERS.has(key);
}

export function importRunnerFor(key: string): ImportRunner {
  const runner = RUNNERS.get(key);
  if (!runner)
    throw new AppError('UNKNOWN_SYNCHRONIZER', `The ${key} synchronizer cannot import yet.`, { field: 'synchronizer' });
  return runner;
}
