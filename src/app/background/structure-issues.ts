// Which issues a structure holds, for the relevance of links and sub-tasks synchronizers, which care only
// about events of their structure's issues. A trigger reads the forests of just the structures an event
// could resync that way (one KVS read of the header and its chunks each, ~2.3 bytes a row) — far cheaper
// than the needless resync, a whole import job, it saves. A forest it cannot read answers "maybe".
import type { IssueId } from '../../domain/forest';
import { forestOfVersion } from '../forest-store';
import type { InStructure } from '../../domain/background/relevance';
import { ForestRepository, KvsWriteMeter } from '../../storage';

export async function structureIssuesOf(structureIds: Iterable<string>): Promise<InStructure> {
  const forests = new ForestRepository(new KvsWriteMeter());
  const holds = new Map<string, (issueId: IssueId) => boolean>();
  for (const structureId of new Set(structureIds)) {
    try {
      const stored = await forests.read(structureId);
      if (!stored) continue;
      const forest = forestOfVersion(stored);
      holds.set(structureId, (issueId) => forest.rowsOfIssue(issueId).length > 0);
    } catch {
      // Unreadable now (a replace in flight, a KVS hiccup): leave it unknown, so the event counts.
    }
  }
  return (structureId, issueId) => holds.get(structureId)?.(issueId);
}
