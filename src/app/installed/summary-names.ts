// The names a parameter summary shows instead of ids, read as the viewer (link types once per call).
import type { InstalledSynchronizer } from '../../domain/installed';
import type { Invocation } from '../invocation';
import { linkTypeNameOfParams } from '../names/link-type-name';
import type { SummaryNames } from './summary';

export async function summaryNamesOf(inv: Invocation, s: InstalledSynchronizer): Promise<SummaryNames> {
  const linkTypeName = await linkTypeNameOfParams(inv, s.synchronizerKey, s.params);
  return linkTypeName !== undefined ? { linkTypeName } : {};
}
