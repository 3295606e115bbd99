// The synchronizers the app offers, and validation of their parameters with each one's own schema.
import type { SynchronizerInfo } from '../contract';
import { describeSynchronizers, findSynchronizer } from '../domain/synchronizers/registry';
import type { Synchronizer } from '../domain/synchronizers/types';
import { AppError } from './errors';

/**
 * Synchronizers whose import the job runner can run (it fetches each one's own Jira data). The domain may
 * describe more; they are offered once a runner for them lands here, so the UI never lists what fails.
 */
export const RUNNABLE_IMPORTS: ReadonlySet<string> = new Set(['filter']);

export function listSynchronizers(): { synchronizers: SynchronizerInfo[] } {
  return {
    synchronizers: describeSynchronizers().filter((s) => RUNNABLE_IMPORTS.has(s.key)).map((s) => ({
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
  for (const [name, property] of Object.entries(properties)) if (property.default !== undefined) out[name] = property.default;
  return out;
}

export function synchronizerFor(key: string, direction: 'import' | 'export'): Synchronizer {
  const synchronizer = findSynchronizer(key);
  if (!synchronizer || (direction === 'import' && !RUNNABLE_IMPORTS.has(synchronizer.key))) {
    throw new AppError('UNKNOWN_SYNCHRONIZER', `There is no synchronizer "${key}" available.`, { field: 'synchronizer' });
  }
  if (!synchronizer.directions.includes(direction)) {
    throw new AppError('UNKNOWN_SYNCHRONIZER', `The ${synchronizer.label} synchronizer cannot ${direction}.`, { field: 'synchronizer' });
  }
  return synchronizer;
}

/** Parses parameters with the synchronizer's schema; the first problem names its field as `params.<path>`. */
export function validateParams<P>(synchronizer: Synchronizer<P>, params: unknown): P {
  const parsed = synchronizer.params.safeParse(params);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = ['params', ...issue.path.map(String)].join('.');
  throw new AppError('INVALID_PARAMS', `${field}: ${issue.message}`, { field });
}
