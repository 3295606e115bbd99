// Placeholders so the contract of issue 5 compiles while its use cases are written; replaced file by file.
import type { Payload, ResolverResults } from '../contract';
import { AppError } from './errors';
import type { Invocation } from './invocation';

const notYet = (): never => {
  throw new AppError('INTERNAL', 'This operation is not available yet.');
};

export const installSynchronizer = (_inv: Invocation, _p: Payload<'installSynchronizer'>): Promise<ResolverResults['installSynchronizer']> => notYet();
export const listInstalledSynchronizers = (_inv: Invocation, _structureId: string): Promise<ResolverResults['listInstalledSynchronizers']> => notYet();
export const updateSynchronizer = (_inv: Invocation, _p: Payload<'updateSynchronizer'>): Promise<ResolverResults['updateSynchronizer']> => notYet();
export const removeSynchronizer = (_inv: Invocation, _p: Payload<'removeSynchronizer'>): Promise<ResolverResults['removeSynchronizer']> => notYet();
export const setSynchronizerEnabled = (_inv: Invocation, _p: Payload<'setSynchronizerEnabled'>): Promise<ResolverResults['setSynchronizerEnabled']> => notYet();
export const previewResync = (_inv: Invocation, _p: Payload<'previewResync'>): Promise<ResolverResults['previewResync']> => notYet();
export const resync = (_inv: Invocation, _p: Payload<'resync'>): Promise<ResolverResults['resync']> => notYet();
export const previewExport = (_inv: Invocation, _p: Payload<'previewExport'>): Promise<ResolverResults['previewExport']> => notYet();
export const startExport = (_inv: Invocation, _p: Payload<'startExport'>): Promise<ResolverResults['startExport']> => notYet();
export const revertJob = (_inv: Invocation, _jobId: string): Promise<ResolverResults['revertJob']> => notYet();
