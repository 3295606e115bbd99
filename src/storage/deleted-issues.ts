// Issues Jira said were deleted, one small record each, for two days. A deleted issue is never
// "updated", so an incremental import cannot learn from its searches that a member is gone; it asks
// these records instead (and confirms them with Jira). Two days outlast the daily full read, which
// catches whatever these miss (an event lost, a run older than the records).
import { kvs, WhereConditions, type Ttl } from '@forge/kvs';
import type { IssueId } from '../domain/forest';
import { keys } from './keys';
import { jsonBytes, type KvsWriteMeter } from './write-meter';

const KEPT: Ttl = { value: 2, unit: 'DAYS' };

interface DeletedIssue {
  issueId: IssueId;
  /** When the event came (ms). */
  at: number;
}

export class DeletedIssueRepository {
  constructor(private readonly meter: KvsWriteMeter) {}

  async record(issueId: IssueId, at: number): Promise<void> {
    const value: DeletedIssue = { issueId, at };
    await kvs.set(keys.deletedIssue(issueId), value, { ttl: KEPT });
    this.meter.add(jsonBytes(value));
  }

  /** Issues deleted at or after `since` (ms), as far as the records go. */
  async since(since: number): Promise<IssueId[]> {
    const out: IssueId[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(keys.deletedIssuePrefix)).limit(100);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany<DeletedIssue>();
      for (const r of page.results) if (r.value.at >= since) out.push(r.value.issueId);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }
}
