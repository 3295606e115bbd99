// listJobs' cursor: the storage's own cursor wrapped with the structure it pages, so a cursor of another
// structure, one the app never handed out, or one storage refuses is answered as a bad payload — never
// silently as page 1, never as an internal error.
import { AppError } from '../errors';

const bad = (): AppError =>
  new AppError('INVALID_PAYLOAD', 'cursor: is not a cursor this app handed out for this structure', {
    field: 'cursor',
  });

export function encodeJobsCursor(structureId: string, storageCursor: string): string {
  return Buffer.from(JSON.stringify({ s: structureId, c: storageCursor }), 'utf8').toString('base64url');
}

export function decodeJobsCursor(structureId: string, cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const { s, c } = (typeof decoded === 'object' && decoded !== null ? decoded : {}) as { s?: unknown; c?: unknown };
  if (s !== structureId || typeof c !== 'string' || c === '') throw bad();
  return c;
}

/** A storage cursor that decoded as ours but that storage refuses (it expired, or was forged). */
export function refusedCursor(error: unknown): AppError | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /CURSOR/i.test(code) ? bad() : undefined;
}
