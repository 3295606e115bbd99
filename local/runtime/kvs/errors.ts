// Errors of the local KVS, shaped as the Forge storage service answers them: a non-2xx status and a JSON
// body `{ code, message }`. @forge/kvs turns exactly that body into a `ForgeKvsAPIError` (its `name` is
// 'ForgeKvsError') with the same `code` and `message`, `context` = the body's `context` plus any other body
// fields, and `responseDetails` { status, statusText, traceId, httpMethod: 'POST', httpPath: '/api/v1/…' };
// a body that is not `{code, message}` JSON becomes code UNKNOWN_ERROR (kvs/out/utils/error-handling.js).
// @forge/kvs itself only ever throws one error of its own: ForgeKvsError('Builder must have at least one
// condition set') for a transaction condition built from an empty Filter.
//
// Documented codes and messages, verbatim from Atlassian's "Error handling for the Key-Value Store" and
// "... for the Custom Entity Store" pages: KEY_TOO_SHORT (a plain key: "The provided key needs to be more
// than one character."), EMPTY_KEY (an entity key: "Key cannot be empty."), INVALID_KEY, KEY_TOO_LONG,
// MAX_SIZE, MAX_DEPTH, INVALID_ENTITY_TYPE, INVALID_ENTITY_VALUE, INVALID_ENTITY_INDEX,
// COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE, EMPTY_FILTER_OPERATOR, INVALID_FILTER_OPERATORS_COMBINATION,
// INSUFFICIENT_FILTER_VALUES; KEY_NOT_FOUND and BAD_REQUEST from the @forge/kvs test fixtures.
//
// NOT published anywhere (the transactions pages state the limits, not the answers): a failed transaction
// condition, too many operations, too large a payload, a key used twice, FAIL_IF_EXISTS on an existing key,
// too many batch items. The local KVS answers those with the stand-ins below, named in the same style; an
// app must not depend on them (this app does not: src/storage/errors.ts), and `LocalKvs.undocumented`
// changes them so that a test can prove it.

/** The documented codes (and INVALID_CURSOR, NOT_FOUND for what the local service adds). */
export type KvsErrorCode =
  | 'KEY_NOT_FOUND'
  | 'KEY_TOO_SHORT'
  | 'EMPTY_KEY'
  | 'INVALID_KEY'
  | 'KEY_TOO_LONG'
  | 'MAX_SIZE'
  | 'MAX_DEPTH'
  | 'INVALID_ENTITY_TYPE'
  | 'INVALID_ENTITY_VALUE'
  | 'INVALID_ENTITY_INDEX'
  | 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE'
  | 'EMPTY_FILTER_OPERATOR'
  | 'INVALID_FILTER_OPERATORS_COMBINATION'
  | 'INSUFFICIENT_FILTER_VALUES'
  | 'INVALID_CURSOR'
  | 'BAD_REQUEST'
  | 'NOT_FOUND';

export class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: KvsErrorCode | UndocumentedAnswer['code'],
    message: string,
    readonly context?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'KvsError';
  }

  /** The JSON body the storage service sends with this error. */
  toBody(): Record<string, unknown> {
    return { code: this.code, message: this.message, ...(this.context ? { context: this.context } : {}) };
  }
}

export const badRequest = (code: KvsErrorCode, message: string, context?: Record<string, unknown>): KvsError =>
  new KvsError(400, code, message, context);

export const keyNotFound = (): KvsError => new KvsError(404, 'KEY_NOT_FOUND', 'Provided key does not exist');

/** How the local KVS answers a refusal whose real status and code Forge does not publish. */
export interface UndocumentedAnswer {
  status: number;
  code: string;
}

export type UndocumentedRefusal =
  'conditionFailed' | 'keyExists' | 'tooManyOperations' | 'payloadTooLarge' | 'duplicateKeys' | 'tooManyBatchItems';

export const UNDOCUMENTED_ANSWERS: Readonly<Record<UndocumentedRefusal, UndocumentedAnswer>> = {
  conditionFailed: { status: 409, code: 'CONDITIONAL_CHECK_FAILED' },
  keyExists: { status: 409, code: 'KEY_ALREADY_EXISTS' },
  tooManyOperations: { status: 400, code: 'TRANSACTION_TOO_MANY_OPERATIONS' },
  payloadTooLarge: { status: 400, code: 'TRANSACTION_PAYLOAD_TOO_LARGE' },
  duplicateKeys: { status: 400, code: 'TRANSACTION_DUPLICATE_KEYS' },
  tooManyBatchItems: { status: 400, code: 'BATCH_TOO_MANY_ITEMS' },
};
