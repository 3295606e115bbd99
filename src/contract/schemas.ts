// Payload schemas for every resolver. The server validates with these; the UI may reuse them for
// early feedback. Synchronizer parameters are validated separately by the synchronizer's own schema.
import { z } from 'zod';
import { structureColumnsSchema } from './columns';
import { PERMISSION_LEVELS } from './model';

/** Ids this app or Jira hands out (structure, job, synchronizer, account ids): they become storage keys. */
const id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/, 'is not an id this app or Jira hands out');
/** Cursors are opaque but printable: whatever the app handed out. */
const cursor = z
  .string()
  .min(1)
  .max(1000)
  .regex(/^[A-Za-z0-9._:=-]+$/, 'is not a cursor this app handed out')
  .optional();

// C0 and C1 controls (NUL included), bidirectional overrides (they can make a name read as another) and
// UTF-16 surrogates that are not part of a pair: never stored.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- as above
const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** A one-line text a person typed: controls and broken characters are dropped, spaces trimmed. */
const line = z.string().transform((s) => s.replace(CONTROLS, '').replace(LONE_SURROGATES, '').trim());
/** A multi-line text: line breaks and tabs stay. */
const text = z.string().transform((s) => s.replace(CONTROLS_BUT_LINES, '').replace(LONE_SURROGATES, ''));
/**
 * Chosen by the client once per start it means (a click): a repeat of the same start — a retry, a double
 * send — answers with the job the first one made instead of starting another.
 */
const requestId = id.optional();
const structureName = line.pipe(z.string().min(1, 'Name is required').max(255));

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

const rowId = z
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1);
/** Where edited rows go: `under` a row (0 or absent: the top level), after or before a sibling. */
const editPlace = {
  under: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  after: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  before: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
};
const rowIds = z.array(rowId).min(1).max(1000);
const issueKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]*-[0-9]+$/, 'is not an issue key like PROJ-123')
  .max(100);
const folderNameIn = z.string().max(1000);
export const editActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('add'), issueKeys: z.array(issueKey).min(1).max(100), ...editPlace }).strict(),
  z.object({ kind: z.literal('move'), rowIds, ...editPlace }).strict(),
  // The name's rules (trimmed, 1 to 255 characters) are checked with the edit, which says them in full.
  z.object({ kind: z.literal('add-folder'), name: folderNameIn, ...editPlace }).strict(),
  z.object({ kind: z.literal('rename'), rowId, name: folderNameIn }).strict(),
  z.object({ kind: z.literal('copy'), rowIds, ...editPlace }).strict(),
  z.object({ kind: z.literal('indent'), rowIds }).strict(),
  z.object({ kind: z.literal('outdent'), rowIds }).strict(),
  z.object({ kind: z.literal('remove'), rowIds }).strict(),
]);

export const payloadSchemas = {
  listStructures: z.object({ scope: z.enum(['mine', 'all']).default('all') }).default({ scope: 'all' }),
  getStructure: z.object({ structureId: id }),
  createStructure: z.object({
    name: structureName,
    description: text.pipe(z.string().max(2000)).default(''),
  }),
  updateStructure: z.object({
    structureId: id,
    name: structureName.optional(),
    description: text.pipe(z.string().max(2000)).optional(),
  }),
  deleteStructure: z.object({ structureId: id }),
  setPermissions: z.object({ structureId: id, rules: z.array(permissionRuleSchema).max(200) }),
  getForest: z.object({ structureId: id, cursor, limit: z.number().int().min(1).max(10000).default(5000) }),
  editStructure: z.object({
    structureId: id,
    version: z.number().int().min(0),
    actions: z.array(editActionSchema).min(1).max(100),
  }),
  pasteRows: z
    .object({
      structureId: id,
      version: z.number().int().min(0),
      from: z.object({ structureId: id, rowIds }).strict(),
      cut: z.boolean().default(false),
      ...editPlace,
    })
    .strict(),
  listStructureHistory: z.object({ structureId: id, cursor, limit: z.number().int().min(1).max(100).default(50) }),
  getForestAt: z.object({
    structureId: id,
    version: z.number().int().min(0),
    cursor,
    limit: z.number().int().min(1).max(10000).default(5000),
  }),
  restoreVersion: z.object({ structureId: id, version: z.number().int().min(0) }),
  undoEdit: z.object({ structureId: id, version: z.number().int().min(1) }),
  getStructureColumns: z.object({ structureId: id }),
  setStructureColumns: z.object({ structureId: id, columns: structureColumnsSchema }),
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
    requestId,
  }),
  getJob: z.object({ jobId: id }),
  listJobs: z.object({ structureId: id, cursor, limit: z.number().int().min(1).max(100).default(20) }),
  cancelJob: z.object({ jobId: id }),
  previewUndo: z.object({ jobId: id }),
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
  resync: z.object({ structureId: id, synchronizerId: id, direction: z.enum(['import', 'export']), requestId }),
  previewExport: z.object({
    structureId: id,
    synchronizer: z.string().min(1).max(50),
    params: z.record(z.string(), z.unknown()),
  }),
  startExport: z.object({
    structureId: id,
    synchronizer: z.string().min(1).max(50),
    params: z.record(z.string(), z.unknown()),
    requestId,
  }),
  revertJob: z.object({ jobId: id, requestId }),
  listJobChanges: z.object({ jobId: id, cursor, limit: z.number().int().min(1).max(500).default(100) }),
} as const;

export type ResolverKey = keyof typeof payloadSchemas;
/** What the UI sends (defaults may be omitted). */
export type PayloadIn<K extends ResolverKey> = z.input<(typeof payloadSchemas)[K]>;
/** What a resolver works with after validation. */
export type Payload<K extends ResolverKey> = z.output<(typeof payloadSchemas)[K]>;
