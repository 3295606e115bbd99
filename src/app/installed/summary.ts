// The parameters of an installed synchronizer in one readable line for the settings page, in the
// synchronizer's own words; a synchronizer that has none reads as "name: value" pairs.
import { findModule, type DisplayNames } from '../../synchronizers';
import type { Invocation } from '../invocation';

const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

export function paramsSummary(key: string, params: unknown, names: DisplayNames = {}): string {
  const module = findModule(key);
  if (module) return module.summary(obj(params), names);
  return Object.entries(obj(params))
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ');
}

/** The names a summary, preview or job log shows instead of ids, read as the viewer; never fails. */
export async function displayNamesOf(inv: Invocation, key: string, params: unknown): Promise<DisplayNames> {
  return (await findModule(key)?.names?.(inv, obj(params))) ?? {};
}
