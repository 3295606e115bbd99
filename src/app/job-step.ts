// One worker invocation's hold on a job: the record as last committed, the cost accumulated so far, and
// conditional commits that advance `step`. A commit that loses (StaleJobStep) means another event — a
// duplicate, or a cancel — moved the job on; the invocation then stops without side effects.
import type { JobCost, JobLogEntry } from '../contract';
import type { JobRecord, TxOp } from '../storage';
import type { Invocation } from './invocation';
import { jobsOf, logEntry } from './jobs';

export class JobStep {
  private readonly baseCost: JobCost;

  constructor(
    readonly inv: Invocation,
    public job: JobRecord,
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

  log(level: JobLogEntry['level'], message: string): JobLogEntry[] {
    return [...this.job.log, logEntry(this.inv, level, message)];
  }

  /** The next record (step + 1, cost so far) and the operation that writes it only from the current step. */
  /** `pending`: writes the same transaction is about to make, so the record counts them too. */
  next(
    changes: Partial<JobRecord>,
    pending?: { kvsWrites: number; forestWrites: number },
  ): { record: JobRecord; op: TxOp } {
    const cost = this.cost();
    if (pending) {
      cost.kvsWrites += pending.kvsWrites;
      cost.forestWrites = (cost.forestWrites ?? 0) + pending.forestWrites;
    }
    const record: JobRecord = { ...this.job, ...changes, step: this.job.step + 1, cost, checkpointAt: this.inv.now() };
    return { record, op: jobsOf(this.inv).commitOp(record, this.job.step) };
  }

  async commit(changes: Partial<JobRecord>): Promise<JobRecord> {
    const { record } = this.next(changes);
    this.job = await jobsOf(this.inv).commit(record, this.job.step);
    return this.job;
  }

  /** After a transaction that included `next(...).op` succeeded. */
  committed(record: JobRecord): JobRecord {
    this.job = record;
    return record;
  }
}
