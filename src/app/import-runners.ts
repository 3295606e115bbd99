// The synchronizers whose import the worker can run. Adding one: a runner next to filter-import.ts, one line here.
import { AppError } from './errors';
import { filterImportRunner } from './filter-import';
import type { ImportRunner } from './import-runner';

const RUNNERS: ReadonlyMap<string, ImportRunner> = new Map([[filterImportRunner.key, filterImportRunner]]);

export function hasImportRunner(key: string): boolean {
  return RUNNERS.has(key);
}

export function importRunnerFor(key: string): ImportRunner {
  const runner = RUNNERS.get(key);
  if (!runner) throw new AppError('UNKNOWN_SYNCHRONIZER', `The ${key} synchronizer cannot import yet.`, { field: 'synchronizer' });
  return runner;
}
