// Thin resolvers, one per contract key: who is asking (only the platform's context.accountId) → validate
// the payload with the contract's schema → call the use case → answer the envelope.
import Resolver from '@forge/resolver';
import * as app from '../app';
import {
  payloadSchemas,
  type Payload,
  type ResolverAnswerOf,
  type ResolverKey,
  type ResolverResults,
} from '../contract';
import { AppError, createInvocation, type Invocation } from '../app';
import { errorAnswer } from './answer';
import { validatePayload } from './validate';

type UseCase<K extends ResolverKey> = (
  inv: Invocation,
  payload: Payload<K>,
) => Promise<ResolverResults[K]> | ResolverResults[K];

const useCases: { [K in ResolverKey]: UseCase<K> } = {
  listStructures: (inv, p) => app.listStructures(inv, p.scope),
  getStructure: (inv, p) => app.getStructure(inv, p.structureId),
  createStructure: (inv, p) => app.createStructure(inv, p),
  updateStructure: (inv, p) => app.updateStructure(inv, p),
  deleteStructure: (inv, p) => app.deleteStructure(inv, p.structureId),
  setPermissions: (inv, p) => app.setPermissions(inv, p),
  getForest: (inv, p) => app.getForest(inv, p),
  editStructure: (inv, p) => app.editStructure(inv, p),
  pasteRows: (inv, p) => app.pasteRows(inv, p),
  listStructureHistory: (inv, p) => app.listStructureHistory(inv, p),
  getForestAt: (inv, p) => app.getForestAt(inv, p),
  restoreVersion: (inv, p) => app.restoreVersion(inv, p),
  undoEdit: (inv, p) => app.undoEdit(inv, p),
  getStructureColumns: (inv, p) => app.getStructureColumns(inv, p.structureId),
  setStructureColumns: (inv, p) => app.setStructureColumns(inv, p),
  listSynchronizers: () => app.listSynchronizers(),
  previewImport: (inv, p) => app.previewImport(inv, p),
  startImport: (inv, p) => app.startImport(inv, p),
  getJob: (inv, p) => app.getJob(inv, p.jobId),
  listJobs: (inv, p) => app.listJobs(inv, p),
  cancelJob: (inv, p) => app.cancelJob(inv, p.jobId),
  previewUndo: (inv, p) => app.previewUndo(inv, p.jobId),
  undoImport: (inv, p) => app.undoImport(inv, p.jobId),
  getSettings: (inv) => app.getSettings(inv),
  setSettings: (inv, p) => app.setSettings(inv, p),
  installSynchronizer: (inv, p) => app.installSynchronizer(inv, p),
  listInstalledSynchronizers: (inv, p) => app.listInstalledSynchronizers(inv, p.structureId),
  updateSynchronizer: (inv, p) => app.updateSynchronizer(inv, p),
  removeSynchronizer: (inv, p) => app.removeSynchronizer(inv, p),
  setSynchronizerEnabled: (inv, p) => app.setSynchronizerEnabled(inv, p),
  previewResync: (inv, p) => app.previewResync(inv, p),
  resync: (inv, p) => app.resync(inv, p),
  previewExport: (inv, p) => app.previewExport(inv, p),
  startExport: (inv, p) => app.startExport(inv, p),
  revertJob: (inv, p) => app.revertJob(inv, p.jobId, undefined, p.requestId),
  listJobChanges: (inv, p) => app.listJobChanges(inv, p),
};

interface ResolverRequest {
  payload: unknown;
  context: { accountId?: string };
}

export async function answer<K extends ResolverKey>(key: K, request: ResolverRequest): Promise<ResolverAnswerOf<K>> {
  try {
    const accountId = request.context?.accountId;
    if (!accountId) throw new AppError('PERMISSION_LEVEL', 'Sign in to Jira to use Structure.', { needed: 'view' });
    const payload = validatePayload(payloadSchemas[key], request.payload) as Payload<K>;
    const data = await useCases[key](createInvocation(accountId), payload);
    return { ok: true, data };
  } catch (error) {
    return errorAnswer(error, key);
  }
}

const resolver = new Resolver();
for (const key of Object.keys(useCases) as ResolverKey[]) {
  resolver.define(key, (request) => answer(key, request as unknown as ResolverRequest));
}

export const handler = resolver.getDefinitions();
