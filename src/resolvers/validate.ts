// Payload checks at the boundary: size first (cheap, and the platform caps invoke requests at 500 KB),
// then the contract's zod schema. The first problem names its field.
import type { z } from 'zod';
import { AppError } from '../app';
import { MAX_PAYLOAD_BYTES, payloadTooLargeMessage } from '../contract/limits';

export function validatePayload<S extends z.ZodType>(schema: S, payload: unknown): z.output<S> {
  const size = Buffer.byteLength(JSON.stringify(payload ?? {}) ?? '', 'utf8');
  if (size > MAX_PAYLOAD_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', payloadTooLargeMessage(size));
  }
  const parsed = schema.safeParse(payload ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.map(String).join('.') || '(payload)';
  throw new AppError('INVALID_PAYLOAD', `${field}: ${issue.message}`, { field });
}
