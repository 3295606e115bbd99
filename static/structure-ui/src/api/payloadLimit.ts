// The UI's side of the one payload limit (src/contract/limits.ts): a request over it is answered
// here with the resolver's own PAYLOAD_TOO_LARGE, so the user reads the same message either way.
import { MAX_PAYLOAD_BYTES, payloadTooLargeMessage, type AppErrorDto } from '../../../../src/contract';

/** The PAYLOAD_TOO_LARGE error for a payload over the limit, or undefined when it may be sent. */
export function oversizedPayload(payload: unknown): AppErrorDto | undefined {
  const bytes = new TextEncoder().encode(JSON.stringify(payload ?? {}) ?? '').length;
  return bytes > MAX_PAYLOAD_BYTES ? { code: 'PAYLOAD_TOO_LARGE', message: payloadTooLargeMessage(bytes) } : undefined;
}
