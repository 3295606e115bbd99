// getForestAt: a page of an earlier version of the forest, as getForest pages the current one — the
// caller sees only the rows Jira lets them see, asked now, as them.
import type { ForestPage } from '../../contract';
import { requireLevel } from '../access';
import { structureNotFound } from '../errors';
import { forestsOf } from '../forest-store';
import { pageOf } from '../forest-view';
import type { Invocation } from '../invocation';
import { findStructure } from '../structures';
import { forestAtVersion } from './stored-version';

export async function getForestAt(
  inv: Invocation,
  input: { structureId: string; version: number; cursor?: string; limit: number },
): Promise<ForestPage> {
  await requireLevel(inv, await findStructure(inv, input.structureId), 'view');
  const header = await forestsOf(inv).getHeader(input.structureId);
  if (!header) throw structureNotFound(input.structureId);
  const forest = await forestAtVersion(inv, header, input.version);
  return pageOf(inv, input, input.version, forest);
}
