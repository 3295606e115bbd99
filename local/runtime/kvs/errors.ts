// Errors of the local KVS, shaped as the Forge storage service answers them: a non-2xx status and a JSON
// body `{ code, message }`. @forge/kvs turns exactly that body into a `ForgeKvsAPIError` with the same
// `code` and `message` (see node_modules/@forge/kvs/out/utils/error-handling.js).
//
// Codes taken from Atlassian's "Error handling for the Custom Entity Store" page and the @forge/kvs test
// fixtures: KEY_NOT_FOUND, EMPTY_KEY, INVALID_KEY, KEY_TOO_LONG, MAX_SIZE, MAX_DEPTH, INVALID_ENTITY_TYPE,
// INVALID_ENTITY_VALUE, INVALID_ENTITY_INDEX, COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE, EMPTY_FILTER_OPERATOR,
// INVALID_FILTER_OPERATORS_COMBINATION, INSUFFICIENT_FILTER_VALUES, BAD_REQUEST.
// Not documented publicly, so named here in the same style: KEY_ALREADY_EXISTS (FAIL_IF_EXISTS),
// the TRANSACTION_* limit codes and CONDITIONAL_CHECK_FAILED (a transaction condition did not hold).

export type KvsErrorCode =
  | 'KEY_NOT_FOUND'
  | 'KEY_ALREADY_EXISTS'
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
  | 'TRANSACTION_TOO_MANY_OPERATIONS'
  | 'TRANSACTION_PAYLOAD_TOO_LARGE'
  | 'TRANSACTION_DUPLICATE_KEYS'
  | 'CONDITIONAL_CHECK_FAILED'
  | 'BATCH_TOO_MANY_ITEMS'
  | 'BAD_REQUEST'
  | 'NOT_FOUND';

export class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: KvsErrorCode,
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
