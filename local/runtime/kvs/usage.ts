// Metering of KVS traffic the way Forge bills and rate-limits it: every request is rounded up to 10 KB
// "request units" (a transaction counts as one write request), so benchmarks and the app can read the cost.
import { requestUnits } from './limits';

export interface KvsUsage {
  /** Read requests (get, batch get, query, entity query). */
  readRequests: number;
  /** Write requests (set, delete, batch set/delete, transaction). */
  writeRequests: number;
  /** Read requests in 10 KB units. */
  readUnits: number;
  /** Write requests in 10 KB units — "KVS writes" in benchmarks. */
  writeUnits: number;
  /** Bytes of values written and read. */
  bytesWritten: number;
  bytesRead: number;
}

export class UsageMeter {
  private usage: KvsUsage = UsageMeter.empty();

  private static empty(): KvsUsage {
    return { readRequests: 0, writeRequests: 0, readUnits: 0, writeUnits: 0, bytesWritten: 0, bytesRead: 0 };
  }

  read(bytes: number): void {
    this.usage.readRequests += 1;
    this.usage.readUnits += requestUnits(bytes);
    this.usage.bytesRead += bytes;
  }

  write(bytes: number): void {
    this.usage.writeRequests += 1;
    this.usage.writeUnits += requestUnits(bytes);
    this.usage.bytesWritten += bytes;
  }

  snapshot(): KvsUsage {
    return { ...this.usage };
  }

  reset(): void {
    this.usage = UsageMeter.empty();
  }
}
