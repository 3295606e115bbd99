// The synchronizers whose import the engine can run, by key. Adding one: its spec (this folder), one entry here.
import { AppError } from '../errors';
import { agileImport } from './agile-import';
import { filterImport } from './filter-import';
import { hierarchyImport } from './hierarchy-import';
import { linksImport } from './links-import';
import type { ImportSpec } from './staged-import';
import { subtasksImport } from './subtasks-import';

// Each spec is typed by its own parameters and data; generic code sees them as one kind.
const SPECS: ReadonlyMap<string, ImportSpec<unknown, unknown>> = new Map(
  [filterImport, subtasksImport, linksImport, agileImport, hierarchyImport].map((spec) => [
    spec.synchronizer.key,
    spec as unknown as ImportSpec<unknown, unknown>,
  ]),
);

export function hasImport(key: string): boolean {
  return SPECS.has(key);
}

export function importSpecFor(key: string): ImportSpec<unknown, unknown> {
  const spec = SPECS.get(key);
  if (!spec)
    throw new AppError('UNKNOWN_SYNCHRONIZER', `The ${key} synchronizer cannot import yet.`, { field: 'synchronizer' });
  return spec;
}
