// Earlier versions of a forest, while they can be rebuilt. Keeping every version would cost a copy of
// the forest per change; instead the current base and its edits give every version since that base
// (the first k edits), and the same holds for the version kept for undo of the last import.
import type { Forest } from '../../domain/forest';
import type { ForestHeader } from '../../storage';
import { AppError } from '../errors';
import { forestOfVersion, forestsOf } from '../forest-store';
import type { Invocation } from '../invocation';

/** Whether `version` can still be rebuilt. */
export function isStored(inv: Invocation, header: ForestHeader, version: number): boolean {
  return forestsOf(inv)
    .storedVersions(header)
    .some(([from, to]) => version >= from && version <= to);
}

/** The forest `version` was; refuses, saying which versions can be, when it can no longer be rebuilt. */
export async function forestAtVersion(inv: Invocation, header: ForestHeader, version: number): Promise<Forest> {
  const stored = version > header.version ? undefined : await forestsOf(inv).readVersion(header, version);
  if (!stored) throw notStored(inv, header, version);
  return forestOfVersion(stored);
}

function notStored(inv: Invocation, header: ForestHeader, version: number): AppError {
  const ranges = forestsOf(inv)
    .storedVersions(header)
    .map(([from, to]) => (from === to ? `${from}` : `${from} to ${to}`));
  if (version > header.version)
    return new AppError(
      'VERSION_NOT_STORED',
      `The structure has no version ${version} yet: it is at version ${header.version}.`,
      {
        field: 'version',
      },
    );
  return new AppError(
    'VERSION_NOT_STORED',
    `Version ${version} of the structure is no longer stored, so it cannot be shown or restored. Versions that can: ${[...new Set(ranges)].join(', ')}.`,
    { field: 'version' },
  );
}
