// Turns a use case's outcome into the contract's envelope. Expected errors become values the UI can act
// on; anything else is logged with its stack here and answered as INTERNAL with a short message.
import type { ResolverAnswer } from '../contract';
import { AppError, jiraUnavailable } from '../app';
import { JiraError } from '../jira';

export function errorAnswer(error: unknown, key: string): ResolverAnswer<never> {
  if (error instanceof AppError) return { ok: false, error: error.toDto() };
  if (error instanceof JiraError) return { ok: false, error: jiraUnavailable(error).toDto() };
  console.error(`Resolver ${key} failed unexpectedly`, error);
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message: 'Something went wrong on our side. Try again; if it keeps happening, contact your Jira administrator.',
    },
  };
}
