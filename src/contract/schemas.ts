// Payload schemas for every resolver. The server validates with these; the UI may reuse them for
// early feedback. Synchronizer parameters are validated separately by the synchronizer's own schema.
import { z } from 'zod';
import { PERMISSION_LEVELS } from './model';

const id = z.string().min(1).max(100);
const cursor = z.string().max(2000).optional();

export const permissionSubjectSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user'), accountId: id }),
  z.object({ type: z.literal('group'), groupName: z.string().min(1).max(255) }),
  z.object({
    type: z.literal('projectRole'),
    projectKey: z.string().min(1).max(50),
    roleName: z.string().min(1).max(255),
  }),
  z.object({ type: z.literal('anyone') }),
]);

export const permissionRuleSchema = z.object({
  subject: permissionSubjectSchema,
  level: z.enum(PERMISSION_LEVELS),
});

export const payloadSchemas = {
  listStructures: z.object({ scope: z.enum(['mine', 'all']).default('all') }).default({ scope: 'all' }),
  getStructure: z.object({ structureId: id }),
  createStructure: z.object({
    name: z.string().trim().min(1, 'Name is required').max(255),
    description: z.string().max(2000).default(''),
  }),
  updateStructure: z.object({
    structureId: id,
    name: z.string().trim().min(1, 'Name is required').max(255).optional(),
    description: z.string().max(2000).optional(),
  }),
  deleteStructure: z.object({ structureId: id }),
  setPermissions: z.object({ structureId: id, rules: z.array(permissionRuleSchema).max(200) }),
  getForest: z.object({ structureId: id, cursor, limit: z.number().int().min(1).max(10000).default(5000) }),
  listSynchronizers: z.object({}).default({}),
  previewImport: z.object({
    structureId: id,
    synchronizer: z.string().min(1).max(50),
    params: z.record(z.string(), z.unknown()),
  }),
  startImport: z.object({
    structureId: id,
    synchronizer: z.string().min(1).max(50),
    params: z.record(z.string(), z.unknown()),
  }),
  getJob: z.object({ jobId: id }),
  listJobs: z.object({ structureId: id, cursor, limit: z.number().int().min(1).max(100).default(20) }),
  cancelJob: z.object({ jobId: id }),
  undoImport: z.object({ jobId: id }),
  getSettings: z.object({}).default({}),
  setSettings: z.object({ synchronizersEnabled: z.boolean() }),
  // Installed synchronizers, export, revert (issue 5).
  installSynchronizer: z.object({
    structureId: id,
    synchronizer: z.string().min(1).max(50),
    params: z.record(z.string(), z.unknown()),
  }),
  listInstalledSynchronizers: z.object({ structureId: id }),
  updateSynchronizer: z.object({ structureId: id, synchronizerId: id, params: z.record(z.string(), z.unknown()) }),
  removeSynchronizer: z.object({ structureId: id, synchronizerId: id }),
  setSynchronizerEnabled: z.object({ structureId: id, synchronizerId: id, enabled: z.boolean() }),
  previewResync: z.object({ structureId: id, synchronizerId: id, direction: z.enum(['import', 'export']) }),
  resync: z.object({ structureId: id, synchronizerId: id, direction: z.enum(['import', 'export']) }),
  previewExport: z.object({
    structureId: id,
    synchronizer: z.string().min(1).max(50),
    params: z.record(z.string(), z.unknown()),
  }),
  startExport: z.object({
    structureId: id,
    synchronizer: z.string().min(1).max(50),
    params: z.record(z.string(), z.unknown()),
  }),
  revertJob: z.object({ jobId: id }),
  listJobChanges: z.object({ jobId: id, cursor, limit: z.number().int().min(1).max(500).default(100) }),
} as const;

export type ResolverKey = keyof typeof payloadSchemas;
/** What the UI sends (defaults may be omitted). */
export type PayloadIn<K extends ResolverKey> = z.input<(typeof payloadSchemas)[K]>;
/** What a resolver works with after validation. */
export type Payload<K extends ResolverKey> = z.output<(typeof payloadSchemas)[K]>;
