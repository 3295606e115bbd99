// Every synchronizer the app offers, one module each (src/synchronizers/<key>/). Adding one: its folder
// and one line in BUILT_IN. Tests may register more (registerSynchronizer) to prove the generic code
// needs nothing else.
import type { SyncInterest } from '../domain/background/relevance';
import type { ParameterSchema, Synchronizer, SyncDirection } from '../domain/synchronizers/types';
import { agileModule } from './agile';
import { filterModule } from './filter';
import { hierarchyModule } from './hierarchy';
import { linksModule } from './links';
import { looseRecord, type SynchronizerModule } from './module';
import { statusRollupModule } from './status-rollup';
import { subtasksModule } from './subtasks';

const BUILT_IN: readonly SynchronizerModule[] = [
  filterModule,
  subtasksModule,
  linksModule,
  agileModule,
  hierarchyModule,
  statusRollupModule,
];

/** A module offers a direction exactly when it says how to run it. */
function checked(module: SynchronizerModule): SynchronizerModule {
  const { key, directions } = module.synchronizer;
  for (const direction of ['import', 'export'] as const) {
    if (directions.includes(direction) !== (module[direction] !== undefined))
      throw new RangeError(
        `Synchronizer "${key}" ${directions.includes(direction) ? 'lists' : 'does not list'} the ${direction} direction but ${module[direction] ? 'has' : 'has no'} ${direction} spec`,
      );
  }
  return module;
}

const modules = new Map<string, SynchronizerModule>(BUILT_IN.map((m) => [m.synchronizer.key, checked(m)]));

/** Adds a synchronizer; returns the function that removes it again. */
export function registerSynchronizer(module: SynchronizerModule): () => void {
  const key = module.synchronizer.key;
  if (modules.has(key)) throw new RangeError(`A synchronizer "${key}" is registered already`);
  modules.set(key, checked(module));
  return () => void modules.delete(key);
}

export function allModules(): SynchronizerModule[] {
  return [...modules.values()];
}

export function findModule(key: string): SynchronizerModule | undefined {
  return modules.get(key);
}

export function findSynchronizer(key: string): Synchronizer | undefined {
  return modules.get(key)?.synchronizer;
}

export function getSynchronizer(key: string): Synchronizer {
  const s = findSynchronizer(key);
  if (s === undefined)
    throw new RangeError(`Unknown synchronizer ${JSON.stringify(key)}; known: ${[...modules.keys()].join(', ')}`);
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
  return allModules().map(({ synchronizer: { key, label, description, directions, parameterSchema } }) => ({
    key,
    label,
    description,
    directions,
    parameterSchema,
  }));
}

/**
 * Which product events may change what an installed synchronizer would do. Its parameters are read
 * loosely: anything unreadable makes the interest wider, never narrower; an unknown key, every event.
 */
export function interestOf(key: string, params: unknown, projects?: ReadonlySet<string>): SyncInterest {
  return findModule(key)?.interest(looseRecord(params), projects) ?? { on: 'anything' };
}
