// KVS writes are billed and rate-limited in 10 KB request units (every request rounded up). Jobs report
// their KVS cost from this meter, so it counts what the app asks for, not what the backend stores.

export const KVS_UNIT_BYTES = 10 * 1024;

export function requestUnits(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / KVS_UNIT_BYTES));
}

export class KvsWriteMeter {
  units = 0;
  /** Writes of forest data (chunks and header) only: a no-op import must leave this at 0. */
  forestUnits = 0;

  add(bytes: number, forest = false): void {
    const units = requestUnits(bytes);
    this.units += units;
    if (forest) this.forestUnits += units;
  }
}

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}
