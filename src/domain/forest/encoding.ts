import { Forest, ForestColumns } from './forest';
import { ByteReader, ByteWriter } from './varint';
import { crc32 } from './crc32';
import { MAX_DEPTH } from './types';

/**
 * Binary form of a forest, for storage:
 *
 *   magic 0x46 ('F'), format 1, varint row count, varint nextRowId, then per row
 *   - tag = zigzag(depth − previous depth) · 2 + (rowId is previous + 1 ? 0 : 1), as a varint;
 *   - if that low bit is set: zigzag(rowId − previous rowId − 1), as a varint;
 *   - zigzag(issueId − previous issueId), as a varint;
 *   and last the CRC-32 of everything before it, 4 bytes little-endian.
 *
 * Typical forests (rowIds handed out in order, depth changing by small steps, issue ids of one
 * project close together) take 1 byte of tag and 1–3 bytes of issue delta: about 3–4 bytes a row.
 */
const MAGIC = 0x46;
const FORMAT = 1;

export function encodeForest(forest: Forest): Uint8Array {
  const { rowIds, depths, issueIds } = forest.columns;
  const n = forest.size;
  const out = new ByteWriter(16 + n * 4);
  out.byte(MAGIC);
  out.byte(FORMAT);
  out.unsigned(n);
  out.unsigned(forest.nextRowId);
  let rowId = 0;
  let depth = 0;
  let issueId = 0;
  for (let i = 0; i < n; i++) {
    const sequential = rowIds[i] === rowId + 1;
    const dz = depths[i] - depth;
    out.unsigned((dz >= 0 ? dz * 2 : -dz * 2 - 1) * 2 + (sequential ? 0 : 1));
    if (!sequential) out.signed(rowIds[i] - rowId - 1);
    out.signed(issueIds[i] - issueId);
    rowId = rowIds[i];
    depth = depths[i];
    issueId = issueIds[i];
  }
  const body = out.finish();
  const bytes = new Uint8Array(body.length + 4);
  bytes.set(body);
  new DataView(bytes.buffer).setUint32(body.length, crc32(body), true);
  return bytes;
}

/** Decodes and fully validates (depth steps, unique rowIds, id ranges); throws RangeError on corrupt input. */
export function decodeForest(encoded: Uint8Array): Forest {
  if (encoded.length < 8) throw new RangeError(`Forest encoding of ${encoded.length} bytes is too short`);
  const end = encoded.length - 4;
  const stored = new DataView(encoded.buffer, encoded.byteOffset, encoded.byteLength).getUint32(end, true);
  if (crc32(encoded, end) !== stored) throw new RangeError('Forest encoding is corrupt: checksum mismatch');
  const bytes = encoded.subarray(0, end);
  const input = new ByteReader(bytes);
  const magic = input.byte();
  const format = input.byte();
  if (magic !== MAGIC || format !== FORMAT) {
    throw new RangeError(`Not a forest encoding: header ${magic}/${format}, expected ${MAGIC}/${FORMAT}`);
  }
  const n = input.unsigned();
  const nextRowId = input.unsigned();
  // Each row takes at least two bytes, so a count beyond that is corrupt, not a reason to allocate.
  if (n * 2 > bytes.length) throw new RangeError(`Forest encoding claims ${n} rows in ${bytes.length} bytes`);
  const cols: ForestColumns = {
    rowIds: new Int32Array(n),
    depths: new Uint16Array(n),
    issueIds: new Float64Array(n),
  };
  let rowId = 0;
  let depth = 0;
  let issueId = 0;
  for (let i = 0; i < n; i++) {
    const tag = input.unsigned();
    const dz = Math.floor(tag / 2);
    depth += dz % 2 === 0 ? dz / 2 : -(dz + 1) / 2;
    rowId += 1 + (tag % 2 === 1 ? input.signed() : 0);
    issueId += input.signed();
    if (depth < 0 || depth > MAX_DEPTH) throw new RangeError(`Row ${i} of the encoding has depth ${depth}`);
    cols.rowIds[i] = rowId;
    cols.depths[i] = depth;
    cols.issueIds[i] = issueId;
    if (cols.rowIds[i] !== rowId) throw new RangeError(`Row ${i} of the encoding has rowId ${rowId}, out of range`);
  }
  if (!input.atEnd)
    throw new RangeError(`Forest encoding has ${bytes.length - input.position} bytes after its last row`);
  return Forest.fromColumns(cols, nextRowId);
}

/** A KVS value is at most 240 KiB once serialized as JSON. */
export const KVS_VALUE_LIMIT = 240 * 1024;
/** Raw bytes per chunk such that its base64 string plus JSON quotes fits a KVS value. */
export const DEFAULT_CHUNK_BYTES = Math.floor((KVS_VALUE_LIMIT - 2) / 4) * 3;

/**
 * Splits bytes into base64 strings that each fit a KVS value (base64 needs no JSON escaping, so a
 * string's stored size is its length plus two quotes). An empty input still yields one chunk, so
 * "no chunks" can only mean "nothing stored".
 */
export function splitIntoChunks(bytes: Uint8Array, maxChunkBytes: number = DEFAULT_CHUNK_BYTES): string[] {
  if (!Number.isInteger(maxChunkBytes) || maxChunkBytes < 3 || maxChunkBytes > DEFAULT_CHUNK_BYTES) {
    throw new RangeError(`Chunk size ${maxChunkBytes} must be an integer from 3 to ${DEFAULT_CHUNK_BYTES} bytes`);
  }
  const chunks: string[] = [];
  for (let at = 0; at < bytes.length || chunks.length === 0; at += maxChunkBytes) {
    const part = bytes.subarray(at, at + maxChunkBytes);
    chunks.push(Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('base64'));
  }
  return chunks;
}

export function joinChunks(chunks: readonly string[]): Uint8Array {
  const parts = chunks.map((chunk, i) => {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(chunk) || chunk.length % 4 !== 0) {
      throw new RangeError(`Chunk ${i} is not base64`);
    }
    return Buffer.from(chunk, 'base64');
  });
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function forestToChunks(forest: Forest, maxChunkBytes?: number): string[] {
  return splitIntoChunks(encodeForest(forest), maxChunkBytes);
}

export function forestFromChunks(chunks: readonly string[]): Forest {
  return decodeForest(joinChunks(chunks));
}
