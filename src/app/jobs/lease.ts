// One invocation's lease on a job: the record as last committed, the cost accumulated so far, and
// conditional commits that advance `step`. A commit that loses (StaleJobStep) means another event — a
// duplicate, or a cancel — moved the job on; the invocation then stops without side effects. Only the
// job engine and its watchdog hold leases.
import type { JobCost } from '../../contract';
import { type JobRecord, type TxOp } from '../../storage';
import type { Invocation } from '../invocation';
import { jobsOf } from './read';

export class JobLease<J extends JobRecord = JobRecord> {
  private readonly baseCost: JobCost;

  /** `fresh`: the record is not stored yet (a job run at once, see runJobNow); its first commit creates it. */
  constructor(
    readonly inv: Invocation,
    public job: J,
    private fresh = false,
  ) {
    this.baseCost = { ...job.cost };
  }

  cost(): JobCost {
    const kvs = this.inv.kvsWrites;
    return {
      jiraCalls: this.baseCost.jiraCalls + this.inv.jira.cost.calls,
      jiraPoints: this.baseCost.jiraPoints + this.inv.jira.cost.points,
      kvsWrites: this.baseCost.kvsWrites + kvs.units,
      forestWrites: (this.baseCost.forestWrites ?? 0) + kvs.forestUnits,
    };
  }

  /**
   * The next record (step + 1, cost so far) and the operation that writes it only from the current step.
   * `pending`: writes the same transaction is about to make, so the record counts them too.
   */
  next(changes: Partial<J>, pending?: { kvsWrites: number; forestWrites: number }): { record: J; op: TxOp } {
    const cost = this.cost();
    if (pending) {
      cost.kvsWrites += pending.kvsWrites;
      cost.forestWrites = (cost.forestWrites ?? 0) + pending.forestWrites;
    }
    const record = { ...this.job, ...changes, step: this.job.step + 1, cost, checkpointAt: this.inv.now() };
    const jobs = jobsOf(this.inv);
    return { record, op: this.fresh ? jobs.createOp(record) : jobs.commitOp(record, this.job.step) };
  }

  async commit(changes: Partial<J>): Promise<J> {
    const { record } = this.next(changes);
    if (this.fresh) await jobsOf(this.inv).create(record);
    else await jobsOf(this.inv).commit(record, this.job.step);
    return this.committed(record);
  }

  /** After a transaction that included `next(...).op` succeeded. */
  committed(record: J): J {
    this.job = record;
    this.fresh = false;
    return record;
  }
}
