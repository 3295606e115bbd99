// The import of a synchronizer, from its module (src/synchronizers/<key>/).
import { findModule } from '../../synchronizers';
import { AppError } from '../errors';
import type { ImportSpec } from './staged-import';

export function hasImport(key: string): boolean {
  return findModule(key)?.import !== undefined;
}

export function importSpecFor(key: string): ImportSpec<unknown, unknown> {
  const spec = findModule(key)?.import;
  if (!spec)
    throw new AppError('UNKNOWN_SYNCHRONIZER', `The ${key} synchronizer cannot import yet.`, { field: 'synchronizer' });
  return spec;
}
