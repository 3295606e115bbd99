// Payload checks at the boundary: size first (cheap, and the platform caps invoke requests at 500 KB),
// then the contract's zod schema. The first problem names its field.
import type { z } from 'zod';
import { AppError } from '../app';

/** Far above any legitimate payload (the largest is 200 permission rules or a 10,000-character JQL). */
export const MAX_PAYLOAD_BYTES = 256 * 1024;

export function validatePayload<S extends z.ZodType>(schema: S, payload: unknown): z.output<S> {
  const size = Buffer.byteLength(JSON.stringify(payload ?? {}) ?? '', 'utf8');
  if (size > MAX_PAYLOAD_BYTES) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The request is ${Math.ceil(size / 1024)} KB; at most ${MAX_PAYLOAD_BYTES / 1024} KB is accepted.`,
    );
  }
  const parsed = schema.safeParse(payload ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.map(String).join('.') || '(payload)';
  throw new AppError('INVALID_PAYLOAD', `${field}: ${issue.message}`, { field });
}
