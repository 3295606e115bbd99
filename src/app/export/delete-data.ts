// Deleting an export or revert job's data with its structure: every value its checkpoint names (gathered
// pages, operations, orders, failures, the change log and its keys). The TTLs would remove them in the
// end, but the change log lives for the whole revert window — too long to leave behind a deleted structure.
import { JobDataRepository, type JobRecord, type KvsWriteMeter } from '../../storage';
import { FAIL, PAGE } from './names';

export async function deleteExportData(meter: KvsWriteMeter, job: JobRecord): Promise<void> {
  if (job.kind !== 'export' && job.kind !== 'revert') return;
  const s = job.checkpoint;
  const p = s.pieces;
  const named: Array<[string, number | undefined]> = [
    ['log', p?.log],
    ['keys', p?.keys],
    ['rankops', p?.rankOps],
    ['otherops', p?.otherOps],
    ['order', p?.order],
    ['sorder', p?.structureOrder],
  ];
  const values = [
    ...named.filter((v): v is [string, number] => (v[1] ?? 0) > 0).map(([name, pieces]) => ({ name, pieces })),
    ...(s.pagePieces ?? []).map((pieces, i) => ({ name: PAGE(i), pieces })),
    ...(s.failPieces ?? []).map((pieces, i) => ({ name: FAIL(i), pieces })),
  ];
  await new JobDataRepository(meter).delete(job.id, 0, values);
}
