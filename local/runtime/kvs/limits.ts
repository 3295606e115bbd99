// Forge KVS / Custom Entity Store limits (developer.atlassian.com/platform/forge/limits-kvs-ce and the
// transactions pages), enforced on every request so that code which passes here does not fail in the cloud.
import { badRequest } from './errors';

export const KVS_LIMITS = {
  maxKeyLength: 500,
  /** 240 KiB, measured on the JSON encoding of the value. */
  maxValueBytes: 240 * 1024,
  /** "maximum object depth (32)" — a scalar has depth 0, `{a:1}` depth 1. */
  maxValueDepth: 32,
  maxTransactionOperations: 25,
  maxTransactionBytes: 4 * 1024 * 1024,
  maxBatchItems: 25,
  maxQueryLimit: 100,
  defaultQueryLimit: 10,
  /** Reads and writes are metered in 10 KB request units, each request rounded up. */
  requestUnitBytes: 10 * 1024,
} as const;

const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/;

/** `store` picks the wording of the two documents: a plain key is "too short", an entity key "empty". */
export function validateKey(key: unknown, store: 'kvs' | 'entity' = 'kvs'): asserts key is string {
  if (typeof key !== 'string' || key.length === 0) {
    throw store === 'entity'
      ? badRequest('EMPTY_KEY', 'Key cannot be empty.')
      : badRequest('KEY_TOO_SHORT', 'The provided key needs to be more than one character.');
  }
  if (key.length > KVS_LIMITS.maxKeyLength) {
    throw badRequest(
      'KEY_TOO_LONG',
      `The provided key has exceeded the maximum ${KVS_LIMITS.maxKeyLength} characters.`,
    );
  }
  if (!KEY_PATTERN.test(key)) {
    throw badRequest('INVALID_KEY', `The provided key does not match the regex: ${KEY_PATTERN.toString()}`);
  }
}

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let max = 0;
  for (const child of Object.values(value)) max = Math.max(max, depthOf(child));
  return max + 1;
}

/** Validates a value and returns its JSON encoding (what is stored and what the size limit is about). */
export function encodeValue(value: unknown): string {
  if (value === undefined) throw badRequest('BAD_REQUEST', 'Provided request body is invalid: value is required');
  const json = JSON.stringify(value);
  const bytes = Buffer.byteLength(json);
  if (bytes > KVS_LIMITS.maxValueBytes) {
    throw badRequest('MAX_SIZE', 'The provided value has exceeded the maximum size limit.', {
      bytes,
      maxBytes: KVS_LIMITS.maxValueBytes,
    });
  }
  if (depthOf(value) > KVS_LIMITS.maxValueDepth) {
    throw badRequest(
      'MAX_DEPTH',
      `The provided value has exceeded the maximum object depth (${KVS_LIMITS.maxValueDepth}) limit.`,
    );
  }
  return json;
}

export function validatePageLimit(limit: unknown): number {
  if (limit === undefined || limit === null) return KVS_LIMITS.defaultQueryLimit;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > KVS_LIMITS.maxQueryLimit) {
    throw badRequest(
      'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE',
      `The page limit must be set between 1 and ${KVS_LIMITS.maxQueryLimit}.`,
    );
  }
  return limit;
}

export const requestUnits = (bytes: number): number => Math.max(1, Math.ceil(bytes / KVS_LIMITS.requestUnitBytes));
