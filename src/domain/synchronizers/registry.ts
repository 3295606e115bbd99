import { agileSynchronizer } from './agile';
import { filterSynchronizer } from './filter';
import { hierarchySynchronizer } from './hierarchy';
import { linksSynchronizer } from './links';
import { subtasksSynchronizer } from './subtasks';
import { Synchronizer, SyncDirection, ParameterSchema } from './types';

/**
 * Every synchronizer the app offers. A new one (subtasks, links, agile, hierarchy) is one folder
 * next to `filter/` exporting a descriptor, plus one line here.
 */
export const SYNCHRONIZERS: readonly Synchronizer[] = [
  filterSynchronizer as Synchronizer,
  subtasksSynchronizer as Synchronizer,
  linksSynchronizer as Synchronizer,
  agileSynchronizer as Synchronizer,
  hierarchySynchronizer as Synchronizer,
];

export function findSynchronizer(key: string): Synchronizer | undefined {
  return SYNCHRONIZERS.find((s) => s.key === key);
}

export function getSynchronizer(key: string): Synchronizer {
  const s = findSynchronizer(key);
  if (s === undefined)
    throw new RangeError(
      `Unknown synchronizer ${JSON.stringify(key)}; known: ${SYNCHRONIZERS.map((x) => x.key).join(', ')}`,
    );
  return s;
}

/** What `listSynchronizers` shows: no functions, only data. */
export interface SynchronizerSummary {
  readonly key: string;
  readonly label: string;
  readonly description: string;
  readonly directions: readonly SyncDirection[];
  readonly parameterSchema: ParameterSchema;
}

export function describeSynchronizers(): SynchronizerSummary[] {
  return SYNCHRONIZERS.map(({ key, label, description, directions, parameterSchema }) => ({
    key,
    label,
    description,
    directions,
    parameterSchema,
  }));
}
