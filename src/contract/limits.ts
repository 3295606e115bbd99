// Limits the UI and the backend both enforce, so that the UI can refuse before sending what the
// backend would refuse anyway, with the same code and message.

/**
 * The largest resolver payload, as UTF-8 JSON: far above any legitimate one (the largest is 200
 * permission rules or a 10,000-character JQL) and under the 500 KB Forge allows an invoke request.
 */
export const MAX_PAYLOAD_BYTES = 256 * 1024;

/** What a person reads when a request is over `MAX_PAYLOAD_BYTES`; `bytes` is its size. */
export function payloadTooLargeMessage(bytes: number): string {
  return `The request is ${Math.ceil(bytes / 1024)} KB; at most ${MAX_PAYLOAD_BYTES / 1024} KB is accepted.`;
}
