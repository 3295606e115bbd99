// Expected failures of use cases: a code from the contract and a message a person can act on.
// Resolvers turn these into `{ ok: false, error }`; anything else is unexpected and answered as INTERNAL.
import type { AppErrorDto, ErrorCode } from '../contract';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { field?: string; needed?: string } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  toDto(): AppErrorDto {
    return { code: this.code, message: this.message, ...this.details };
  }
}

export const structureNotFound = (structureId: string): AppError =>
  new AppError('STRUCTURE_NOT_FOUND', `Structure ${structureId} does not exist, or was deleted.`);

export const jobNotFound = (jobId: string): AppError => new AppError('JOB_NOT_FOUND', `Job ${jobId} does not exist.`);
