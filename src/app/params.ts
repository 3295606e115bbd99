// Synchronizer parameters are validated with each synchronizer's own schema; the first problem names its field.
import type { Synchronizer } from '../domain/synchronizers/types';
import { AppError } from './errors';

/** Parses parameters with the synchronizer's schema; the first problem names its field as `params.<path>`. */
export function validateParams<P>(synchronizer: Pick<Synchronizer<P>, 'params'>, params: unknown): P {
  const parsed = synchronizer.params.safeParse(params);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = ['params', ...issue.path.map(String)].join('.');
  throw new AppError('INVALID_PARAMS', `${field}: ${issue.message}`, { field });
}
