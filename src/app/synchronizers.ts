// The synchronizers the app offers: every registered module (src/synchronizers), each in the directions it runs.
import type { SynchronizerInfo } from '../contract';
import { describeSynchronizers, findSynchronizer } from '../synchronizers';
import type { Synchronizer } from '../domain/synchronizers/types';
import { AppError } from './errors';

export { validateParams } from './params';

export function listSynchronizers(): { synchronizers: SynchronizerInfo[] } {
  return {
    synchronizers: describeSynchronizers().map((s) => ({
      key: s.key,
      label: s.label,
      description: s.description,
      directions: [...s.directions],
      paramsSchema: s.parameterSchema,
      defaults: defaultsOf(s.parameterSchema),
    })),
  };
}

/** Top-level `default`s of the JSON Schema: what the form starts with. */
function defaultsOf(schema: Record<string, unknown>): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, { default?: unknown }>;
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties))
    if (property.default !== undefined) out[name] = property.default;
  return out;
}

export function synchronizerFor(key: string, direction: 'import' | 'export'): Synchronizer {
  const synchronizer = findSynchronizer(key);
  if (!synchronizer) {
    throw new AppError('UNKNOWN_SYNCHRONIZER', `There is no synchronizer "${key}" available.`, {
      field: 'synchronizer',
    });
  }
  if (!synchronizer.directions.includes(direction)) {
    const what = direction === 'import' ? 'import into a structure' : 'export to Jira';
    throw new AppError('DIRECTION_NOT_SUPPORTED', `The ${synchronizer.label} synchronizer does not ${what}.`, {
      field: 'synchronizer',
    });
  }
  return synchronizer;
}
