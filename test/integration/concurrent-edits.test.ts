// Concurrent editors lose nothing: many seeded interleavings of random edits by two people, each based on
// a view that may be stale, sometimes two at once (racing to commit), with imports started, run later
// (after edits landed during them) and undone. Through the resolvers on the local runtime. Afterwards the
// whole chain of versions is checked against a model: every version is exactly one accepted change (an
// edit's result version, or an import's, or an undo's), an accepted edit's version is planEdit of its
// actions on the version before (so it was rebased, never dropped nor applied twice), an import only
// added rows, an undo brought back the forest before its import, and a row that left never came back.
import { pinPlaces, planEdit, type EditAction } from '../../src/domain/edit';
import type { Forest } from '../../src/domain/forest';
import { forestOfVersion } from '../../src/app/forest-store';
import { ForestRepository, KvsWriteMeter } from '../../src/storage';
import type { EditStructureResult } from '../../src/contract';
import { id } from './support/dataset';
import { data, givenStructure, useSite } from './support/site';

const local = useSite();
const RUNS = 200;
const STEPS = 7;
const KEYS = ['APP-1', 'APP-2', 'APP-3', 'APP-4', 'APP-5', 'APP-6', 'OPS-1', 'OPS-2', 'OPS-3', 'OPS-4'];
type Who = 'olivia' | 'ed';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const repo = new ForestRepository(new KvsWriteMeter());

async function current(structureId: string): Promise<{ version: number; forest: Forest }> {
  const stored = await repo.read(structureId);
  if (!stored) throw new Error('no forest');
  return { version: stored.header.version, forest: forestOfVersion(stored) };
}

type ActionIn =
  | { kind: 'add'; issueKeys: string[]; under?: number; after?: number }
  | { kind: 'add-folder'; name: string; under?: number; after?: number }
  | { kind: 'move'; rowIds: number[]; under?: number; after?: number }
  | { kind: 'indent' | 'outdent' | 'remove'; rowIds: number[] };

/** A random edit as someone looking at `view` would make it. */
function randomEdit(r: () => number, view: Forest): ActionIn[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const rows = Array.from({ length: view.size }, (_, i) => view.rowIdAt(i));
  const place = (): { under?: number; after?: number } => {
    const under = rows.length === 0 || r() < 0.4 ? 0 : pick(rows);
    const siblings = view.childrenOf(under);
    return siblings.length > 0 && r() < 0.5 ? { under, after: pick(siblings) } : { under };
  };
  const n = rows.length === 0 ? 0 : r();
  if (n < 0.27) return [{ kind: 'add', issueKeys: [pick(KEYS)], ...place() }];
  if (n < 0.35) return [{ kind: 'add-folder', name: `Folder ${Math.floor(r() * 100)}`, ...place() }];
  const rowId = pick(rows);
  if (n < 0.6) return [{ kind: 'move', rowIds: [rowId], ...place() }];
  if (n < 0.75) return [{ kind: 'remove', rowIds: [rowId] }];
  if (n < 0.88) return [{ kind: 'indent', rowIds: [rowId] }];
  return [{ kind: 'outdent', rowIds: [rowId] }];
}

const toDomain = (actions: ActionIn[]): EditAction[] =>
  actions.map((a): EditAction => {
    if (a.kind !== 'add') return a;
    const { issueKeys, ...place } = a;
    return { ...place, issueIds: issueKeys.map((k) => id(k)) };
  });

const rowsOf = (f: Forest): string[] => Array.from({ length: f.size }, (_, i) => `${f.rowIdAt(i)}@${f.depthAt(i)}`);

interface Accepted {
  version: number;
  actions: ActionIn[];
  /** The view the editor based it on. */
  view: { version: number; forest: Forest };
  result: EditStructureResult;
}

/** What the server plans for an edit based on `view` when the forest is at `version`: stale ones with pinned places. */
const meant = (view: { version: number; forest: Forest }, version: number, actions: ActionIn[]): EditAction[] =>
  view.version === version ? toDomain(actions) : pinPlaces(view.forest, toDomain(actions)).actions;

async function oneRun(seed: number): Promise<{ accepted: number; refused: number; rebased: number }> {
  const r = rng(seed);
  const structure = await givenStructure(local.site, 'olivia', `Run ${seed}`);
  const structureId = structure.id;
  data(
    await local.site.invokeAs('olivia', 'setPermissions', {
      structureId,
      rules: [{ subject: { type: 'group', groupName: 'editors' }, level: 'control' }],
    }),
  );
  const views: Record<Who, { version: number; forest: Forest }> = {
    olivia: await current(structureId),
    ed: await current(structureId),
  };
  const accepted: Accepted[] = [];
  let refused = 0;
  const imports: string[] = [];
  let importPending = false;

  const edit = async (
    who: Who,
  ): Promise<{ actions: ActionIn[]; ok: boolean; view: { version: number; forest: Forest } }> => {
    if (r() < 0.4) views[who] = await current(structureId);
    const view = views[who];
    const actions = randomEdit(r, view.forest);
    const answer = await local.site.invokeAs(who, 'editStructure', {
      structureId,
      version: view.version,
      actions,
    });
    if (answer.ok) {
      accepted.push({ version: answer.data.version, actions, view, result: answer.data });
    } else {
      expect(['CONFLICT', 'INVALID_EDIT']).toContain(answer.error.code);
      refused++;
    }
    return { actions, ok: answer.ok, view };
  };

  for (let step = 0; step < STEPS; step++) {
    const n = r();
    if (n < 0.45) {
      // Alone: a refusal must be one the forest as it is now would refuse too (nothing that fits is lost).
      const who: Who = r() < 0.5 ? 'olivia' : 'ed';
      const before = await current(structureId);
      const { actions, ok, view } = await edit(who);
      // A pending import may land meanwhile (the queue runs on its own too): then it was not alone.
      // Nor can the server pin a stale indent to a view it no longer stores: then refusing is right.
      const header = (await repo.getHeader(structureId))!;
      const viewKept = (await repo.readVersion(header, view.version)) !== undefined;
      if (!ok && viewKept && header.version === before.version) {
        const planned = planEdit({
          forest: before.forest,
          actions: meant(view, before.version, actions),
          visible: () => true,
        });
        expect(planned.ok).toBe(false);
      }
    } else if (n < 0.8) {
      // Both at once, racing to commit.
      await Promise.all([edit('olivia'), edit('ed')]);
    } else if (n < 0.9 && !importPending) {
      // An import starts; edits may land before it applies, and it computes from what is there then.
      const started = await local.site.invokeAs('olivia', 'startImport', {
        structureId,
        synchronizer: 'filter',
        params: { source: { kind: 'jql', jql: `key = ${KEYS[Math.floor(r() * 6)]}` }, add: { at: 'top' } },
      });
      imports.push(data(started).job.id);
      importPending = true;
    } else if (importPending) {
      await local.site.rt.queue.drain();
      importPending = false;
    } else if (imports.length > 0) {
      // Undo the last import: refused unless nothing changed since, which is right.
      await local.site.invokeAs('ed', 'undoImport', { jobId: imports[imports.length - 1]! });
    }
  }
  if (importPending) await local.site.rt.queue.drain();

  // The chain of versions, each against the one before.
  const header = (await repo.getHeader(structureId))!;
  const forests = new Map<number, Forest>();
  for (let v = 0; v <= header.version; v++) {
    const stored = await repo.readVersion(header, v);
    if (stored) forests.set(v, forestOfVersion(stored));
  }
  const history = data(await local.site.invokeAs('olivia', 'listStructureHistory', { structureId, limit: 100 }));
  const kinds = new Map(history.entries.map((e) => [e.version, e.kind]));
  const byVersion = new Map(accepted.map((a) => [a.version, a]));
  expect(byVersion.size).toBe(accepted.length);
  const gone = new Set<number>();
  for (let v = 1; v <= header.version; v++) {
    const kind = kinds.get(v);
    const edited = byVersion.get(v);
    expect([v, kind === 'edit']).toEqual([v, edited !== undefined]);
    const before = forests.get(v - 1);
    const after = forests.get(v);
    if (!before || !after) continue; // dropped by two replaces since: its neighbours are checked
    for (let i = 0; i < after.size; i++) expect(gone.has(after.rowIdAt(i))).toBe(false);
    for (let i = 0; i < before.size; i++) if (!after.has(before.rowIdAt(i))) gone.add(before.rowIdAt(i));
    if (edited) {
      const planned = planEdit({
        forest: before,
        actions: meant(edited.view, v - 1, edited.actions),
        visible: () => true,
      });
      expect(planned.ok).toBe(true);
      if (planned.ok) {
        expect(rowsOf(after)).toEqual(rowsOf(planned.forest));
        expect(planned.addedRowIds).toEqual(edited.result.addedRowIds);
      }
    } else if (kind === 'import') {
      expect(rowsOf(after).filter((x) => before.has(Number(x.split('@')[0])))).toEqual(rowsOf(before));
    } else if (kind === 'undo') {
      const beforeImport = forests.get(v - 2);
      if (beforeImport) expect(rowsOf(after)).toEqual(rowsOf(beforeImport));
    } else throw new Error(`version ${v} has no accepted change (${kind})`);
  }
  return {
    accepted: accepted.length,
    refused,
    rebased: accepted.filter((a) => a.result.rebasedFrom !== undefined).length,
  };
}

describe('concurrent editors', () => {
  it(`lose nothing over ${RUNS} seeded interleavings of stale and racing edits, imports and undos`, async () => {
    let accepted = 0;
    let refused = 0;
    let rebased = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      try {
        const run = await oneRun(seed);
        accepted += run.accepted;
        refused += run.refused;
        rebased += run.rebased;
      } catch (error) {
        throw new Error(`seed ${seed}: ${(error as Error).message}\n${(error as Error).stack ?? ''}`);
      }
    }
    // The runs exercise both outcomes in earnest.
    expect(accepted).toBeGreaterThan(RUNS * 2);
    expect(refused).toBeGreaterThan(RUNS / 4);
    expect(rebased).toBeGreaterThan(RUNS / 2);
  }, 120_000);
});
