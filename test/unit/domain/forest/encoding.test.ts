import {
  DEFAULT_CHUNK_BYTES,
  decodeForest,
  encodeForest,
  Forest,
  forestFromChunks,
  forestToChunks,
  joinChunks,
  KVS_VALUE_LIMIT,
  MAX_ISSUE_ID,
  splitIntoChunks,
} from '../../../../src/domain/forest';
import { crc32 } from '../../../../src/domain/forest/crc32';
import { f, random, row } from '../builders';
import { randomForest } from './model';
import { realisticForest } from './realistic';

describe('forest encoding', () => {
  it.each(Array.from({ length: 30 }, (_, i) => i + 1))('round-trips random forest #%i', (seed) => {
    const rnd = random(seed);
    const forest = randomForest(rnd, rnd.int(200), 1 + rnd.int(100_000));
    const back = decodeForest(encodeForest(forest));
    expect(back.toString()).toBe(forest.toString());
    expect(back.nextRowId).toBe(forest.nextRowId);
  });

  it('round-trips extremes: empty, huge issue ids, rowIds out of order, deep rows', () => {
    const deep = Array.from({ length: 300 }, (_, d) => ({
      rowId: 300 - d,
      depth: d,
      issueId: d % 2 ? MAX_ISSUE_ID : 1,
    }));
    for (const forest of [Forest.EMPTY, Forest.fromRows(deep, 2 ** 31 - 1), f(row('A#2000000000', row('B#1')))]) {
      const back = decodeForest(encodeForest(forest));
      expect(back.toString()).toBe(forest.toString());
      expect(back.nextRowId).toBe(forest.nextRowId);
    }
  });

  it('takes at most 8 bytes a row for a realistic forest', () => {
    const forest = realisticForest(20_000);
    const bytes = encodeForest(forest);
    expect(bytes.length / forest.size).toBeLessThanOrEqual(8);
    expect(decodeForest(bytes).equals(forest)).toBe(true);
  });

  /** A body with a correct checksum, so the structural checks behind it are reached. */
  const sealed = (...body: number[]): Uint8Array => {
    const bytes = new Uint8Array(body.length + 4);
    bytes.set(body);
    new DataView(bytes.buffer).setUint32(body.length, crc32(Uint8Array.from(body)), true);
    return bytes;
  };
  function flipBit(bytes: Uint8Array, at: number): Uint8Array {
    bytes[at] ^= 1;
    return bytes;
  }
  const bodyOf = (bytes: Uint8Array): number[] => Array.from(bytes.subarray(0, bytes.length - 4));

  it.each([
    ['too few bytes', Uint8Array.of(0x46, 1, 0), 'Forest encoding of 3 bytes is too short'],
    ['a flipped bit', flipBit(encodeForest(f(row('A'), row('B'))), 4), 'checksum mismatch'],
    ['a wrong header', sealed(0x47, 1, 0, 1), 'Not a forest encoding: header 71/1, expected 70/1'],
    ['a truncated row', sealed(...bodyOf(encodeForest(f(row('A'), row('B')))).slice(0, 6)), 'ends early'],
    ['trailing bytes', sealed(...bodyOf(encodeForest(f(row('A')))), 0), 'bytes after its last row'],
    ['a row count beyond the bytes', sealed(0x46, 1, 100, 1), 'claims 100 rows in 4 bytes'],
    ['a depth jump', sealed(0x46, 1, 1, 2, 4, 2), 'deeper than 0'],
  ])('refuses %s', (_, bytes, message) => {
    expect(() => decodeForest(bytes)).toThrow(message);
  });

  it('refuses chunks of two different forests put together', () => {
    const a = forestToChunks(realisticForest(3_000, 1), 600);
    const b = forestToChunks(realisticForest(3_000, 2), 600);
    expect(() => forestFromChunks([...a.slice(0, 3), ...b.slice(3)])).toThrow(RangeError);
  });
});

describe('chunks', () => {
  it('splits into base64 strings that each fit a KVS value, and joins back', () => {
    // given
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37) % 256);
    // when
    const chunks = splitIntoChunks(bytes, 100);
    // then
    expect(chunks).toHaveLength(10);
    expect(Array.from(joinChunks(chunks))).toEqual(Array.from(bytes));
  });

  it('fills each default chunk close to, and never over, the KVS value limit after JSON', () => {
    const bytes = new Uint8Array(DEFAULT_CHUNK_BYTES * 2 + 5).fill(255);
    const chunks = splitIntoChunks(bytes);
    expect(chunks).toHaveLength(3);
    for (const c of chunks) expect(JSON.stringify(c).length).toBeLessThanOrEqual(KVS_VALUE_LIMIT);
    expect(JSON.stringify(chunks[0]).length).toBeGreaterThan(KVS_VALUE_LIMIT - 8);
  });

  it('keeps one chunk for an empty forest', () => {
    const chunks = forestToChunks(Forest.EMPTY);
    expect(chunks).toHaveLength(1);
    expect(forestFromChunks(chunks).size).toBe(0);
  });

  it('round-trips a forest through several chunks', () => {
    const forest = realisticForest(5_000);
    const chunks = forestToChunks(forest, 999);
    expect(chunks.length).toBeGreaterThan(5);
    expect(forestFromChunks(chunks).equals(forest)).toBe(true);
  });

  it.each([
    ['too big', DEFAULT_CHUNK_BYTES + 1],
    ['zero', 0],
  ])('refuses a chunk size that is %s', (_, size) => {
    expect(() => splitIntoChunks(new Uint8Array(1), size)).toThrow(`Chunk size ${size} must be an integer from 3`);
  });

  it('refuses a chunk that is not base64', () => {
    expect(() => joinChunks(['AAAA', 'not base64!'])).toThrow('Chunk 1 is not base64');
  });
});
