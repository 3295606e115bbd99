// The parameters of an installed synchronizer in one readable line for the settings page, in the
// synchronizer's own words; a synchronizer that has none reads as "name: value" pairs.
import { findModule, looseRecord, type DisplayNames } from '../../synchronizers';
import type { Invocation } from '../invocation';

export function paramsSummary(key: string, params: unknown, names: DisplayNames = {}): string {
  const module = findModule(key);
  if (module) return module.summary(looseRecord(params), names);
  return Object.entries(looseRecord(params))
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ');
}

/** The names a summary, preview or job log shows instead of ids, read as the viewer; never fails. */
export async function displayNamesOf(inv: Invocation, key: string, params: unknown): Promise<DisplayNames> {
  return (await findModule(key)?.names?.(inv, looseRecord(params))) ?? {};
}
