// Turns a use case's outcome into the contract's envelope. Expected errors become values the UI can act
// on; anything else is logged with its stack here and answered as INTERNAL with a short message.
import type { ResolverAnswer } from '../contract';
import { expectedError } from '../app';

export function errorAnswer(error: unknown, key: string): ResolverAnswer<never> {
  const expected = expectedError(error);
  if (expected) return { ok: false, error: expected.toDto() };
  console.error(`Resolver ${key} failed unexpectedly`, error);
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message: 'Something went wrong on our side. Try again; if it keeps happening, contact your Jira administrator.',
    },
  };
}
