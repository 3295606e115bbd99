// Every resolver, fed odd ids, cursors and strings (from a generator, plus the ones seen breaking things
// before), answers a typed error a person can act on or succeeds — never INTERNAL. Names and
// descriptions keep no control characters, NUL bytes or broken characters.
import fc from 'fast-check';
import type { PayloadIn, ResolverKey } from '../../src/contract';
import { data, givenStructure, useSite } from './support/site';

const local = useSite();

const odd = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', '!!!', 'A'.repeat(2000), '\u202e\u0000💥', '../x', 'a b', ' ', '\ud800'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 120 }),
  fc.base64String({ maxLength: 60 }),
);

type Templates = { [K in ResolverKey]: (v: string, structureId: string) => PayloadIn<K> };
/** Each resolver with the odd value where an id, a cursor or a text goes (and a real structure beside it). */
const templates: Templates = {
  listStructures: () => ({}),
  getStructure: (v) => ({ structureId: v }),
  createStructure: (v) => ({ name: v, description: v }),
  updateStructure: (v, s) => ({ structureId: s, name: v, description: v }),
  deleteStructure: (v) => ({ structureId: v }),
  setPermissions: (v, s) => ({ structureId: s, rules: [{ subject: { type: 'user', accountId: v }, level: 'view' }] }),
  getForest: (v, s) => ({ structureId: s, cursor: v }),
  editStructure: (v, s) => ({ structureId: s, version: 0, actions: [{ kind: 'add', issueKeys: [v] }] }),
  pasteRows: (v, s) => ({ structureId: s, version: 0, from: { structureId: v, rowIds: [1] } }),
  listStructureHistory: (v, s) => ({ structureId: s, cursor: v }),
  getForestAt: (v, s) => ({ structureId: s, version: 0, cursor: v }),
  restoreVersion: (v) => ({ structureId: v, version: 0 }),
  undoEdit: (v) => ({ structureId: v, version: 1 }),
  getStructureColumns: (v) => ({ structureId: v }),
  setStructureColumns: (v, s) => ({
    structureId: s,
    columns: [
      { kind: 'field', field: 'key' },
      { kind: 'field', field: v },
    ],
  }),
  listSynchronizers: () => ({}),
  previewImport: (v, s) => ({ structureId: s, synchronizer: v, params: {} }),
  startImport: (v) => ({ structureId: v, synchronizer: 'filter', params: {} }),
  getJob: (v) => ({ jobId: v }),
  listJobs: (v, s) => ({ structureId: s, cursor: v }),
  cancelJob: (v) => ({ jobId: v }),
  previewUndo: (v) => ({ jobId: v }),
  undoImport: (v) => ({ jobId: v }),
  getSettings: () => ({}),
  setSettings: () => ({ synchronizersEnabled: true }),
  installSynchronizer: (v, s) => ({ structureId: s, synchronizer: v, params: {} }),
  listInstalledSynchronizers: (v) => ({ structureId: v }),
  updateSynchronizer: (v, s) => ({ structureId: s, synchronizerId: v, params: {} }),
  removeSynchronizer: (v, s) => ({ structureId: s, synchronizerId: v }),
  setSynchronizerEnabled: (v, s) => ({ structureId: s, synchronizerId: v, enabled: false }),
  previewResync: (v, s) => ({ structureId: s, synchronizerId: v, direction: 'import' }),
  resync: (v, s) => ({ structureId: s, synchronizerId: v, direction: 'export' }),
  previewExport: (v, s) => ({ structureId: s, synchronizer: v, params: {} }),
  startExport: (v) => ({ structureId: v, synchronizer: 'agile', params: {} }),
  revertJob: (v) => ({ jobId: v }),
  listJobChanges: (v) => ({ jobId: v, cursor: v }),
};

it.each(Object.keys(templates) as ResolverKey[])(
  '%s never answers INTERNAL to odd ids, cursors and text',
  async (key) => {
    const structure = await givenStructure(local.site);
    const template = templates[key] as (v: string, s: string) => PayloadIn<typeof key>;
    await fc.assert(
      fc.asyncProperty(odd, async (v) => {
        const answer = await local.site.invokeAs('olivia', key, template(v, structure.id));
        if (!answer.ok) expect(answer.error.code).not.toBe('INTERNAL');
      }),
      { numRuns: 40 },
    );
  },
);

it('answers a listJobs cursor it never handed out as a bad payload, not as page 1', async () => {
  // given
  const structure = await givenStructure(local.site);
  const otherCursor = Buffer.from(JSON.stringify({ s: 'another', c: 'x' })).toString('base64url');
  // when
  const answers = await Promise.all(
    ['!!!', '__proto__', 'A'.repeat(2000), 'e30', otherCursor].map((cursor) =>
      local.site.invokeAs('olivia', 'listJobs', { structureId: structure.id, cursor }),
    ),
  );
  // then
  for (const answer of answers)
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', field: 'cursor' } });
});

it('stores names and descriptions without control characters, NUL bytes, bidi overrides or lone surrogates', async () => {
  // when
  const created = data(
    await local.site.invokeAs('olivia', 'createStructure', {
      name: ' Q3\u0000 plan\u202e\ud800 ',
      description: 'line 1\nline\u0007 2\t\udc00',
    }),
  );
  // then
  expect(created).toMatchObject({ name: 'Q3 plan', description: 'line 1\nline 2\t' });
  const onlyControls = await local.site.invokeAs('olivia', 'createStructure', { name: '\u0000\u0001' });
  expect(onlyControls).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', field: 'name' } });
});
