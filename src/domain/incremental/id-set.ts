// A set of issue ids as the next run's base: sorted, each id stored as its gap to the previous one in a
// varint, so 100k ids of one site (dense ranges) take about 2 bytes each instead of JSON's 7.
import { ByteReader, ByteWriter } from '../forest/varint';
import type { IssueId } from '../forest';

/** Sorted, without repeats. */
export function sortedIdSet(ids: Iterable<IssueId>): IssueId[] {
  return [...new Set(ids)].sort((a, b) => a - b);
}

export function encodeIdSet(ids: Iterable<IssueId>): Uint8Array {
  const sorted = sortedIdSet(ids);
  const out = new ByteWriter(sorted.length * 2 + 8);
  out.unsigned(sorted.length);
  let previous = 0;
  for (const id of sorted) {
    out.unsigned(id - previous);
    previous = id;
  }
  return out.finish();
}

export function decodeIdSet(bytes: Uint8Array): IssueId[] {
  const input = new ByteReader(bytes);
  const count = input.unsigned();
  const ids = new Array<IssueId>(count);
  let previous = 0;
  for (let i = 0; i < count; i++) ids[i] = previous = previous + input.unsigned();
  if (!input.atEnd) throw new RangeError(`Id set has ${bytes.length - input.position} bytes after its last id`);
  return ids;
}
