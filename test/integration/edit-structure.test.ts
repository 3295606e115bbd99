// Editing a structure by hand through the editStructure resolver: add by key, move, indent, outdent,
// remove, in batches based on the version the editor saw, all or nothing, and never touching a row of
// an issue the editor cannot see.
import { id } from './support/dataset';
import { data, givenForest, givenStructure, runImport, shape, useSite } from './support/site';

const local = useSite();
const row = (depth: number, key: string): string => `${depth}:${id(key)}`;

async function versionOf(who: 'olivia' | 'ed' | 'pat', structureId: string): Promise<number> {
  return data(await local.site.invokeAs(who, 'getForest', { structureId })).version;
}

/** A structure of olivia's with these rows, where ed (group editors) and pat (partners) may edit. */
async function givenEditable(...rows: Array<[number, string]>): Promise<string> {
  const structure = await givenStructure(local.site, 'olivia', 'Hand-made plan');
  if (rows.length > 0)
    await givenForest(
      structure.id,
      rows.map(([depth, key]) => [depth, id(key)]),
    );
  data(
    await local.site.invokeAs('olivia', 'setPermissions', {
      structureId: structure.id,
      rules: [
        { subject: { type: 'group', groupName: 'editors' }, level: 'edit' },
        { subject: { type: 'group', groupName: 'partners' }, level: 'edit' },
      ],
    }),
  );
  return structure.id;
}

async function rowIdOf(structureId: string, key: string): Promise<number> {
  const page = data(await local.site.invokeAs('olivia', 'getForest', { structureId }));
  const index = page.issueIds.indexOf(String(id(key)));
  if (index < 0) throw new Error(`${key} has no row`);
  return page.rowIds[index]!;
}

describe('editStructure', () => {
  it('adds issues by key, moves, indents, outdents and removes rows, each batch a new version', async () => {
    // given
    const structureId = await givenEditable();
    const v0 = await versionOf('ed', structureId);
    // when: ed adds four issues at the top level
    const added = data(
      await local.site.invokeAs('ed', 'editStructure', {
        structureId,
        version: v0,
        actions: [{ kind: 'add', issueKeys: ['APP-1', 'app-4', 'OPS-1', 'APP-5'] }],
      }),
    );
    // then
    expect(added.counts).toEqual({ added: 4, moved: 0, removed: 0 });
    expect(added.version).toBe(v0 + 1);
    expect(await shape(structureId)).toEqual([row(0, 'APP-1'), row(0, 'APP-4'), row(0, 'OPS-1'), row(0, 'APP-5')]);
    const [app1, app4, ops1, app5] = added.addedRowIds;

    // when: one batch — indent APP-4 under APP-1, move APP-5 before APP-1, move OPS-1 under APP-4
    const edited = data(
      await local.site.invokeAs('ed', 'editStructure', {
        structureId,
        version: added.version,
        actions: [
          { kind: 'indent', rowIds: [app4!] },
          { kind: 'move', rowIds: [app5!], under: 0, before: app1 },
          { kind: 'move', rowIds: [ops1!], under: app4 },
        ],
      }),
    );
    // then
    expect(edited.counts).toEqual({ added: 0, moved: 3, removed: 0 });
    expect(await shape(structureId)).toEqual([row(0, 'APP-5'), row(0, 'APP-1'), row(1, 'APP-4'), row(2, 'OPS-1')]);

    // when: outdent APP-4, then remove APP-1
    const last = data(
      await local.site.invokeAs('ed', 'editStructure', {
        structureId,
        version: edited.version,
        actions: [
          { kind: 'outdent', rowIds: [app4!] },
          { kind: 'remove', rowIds: [app1!] },
        ],
      }),
    );
    // then: OPS-1 came along with APP-4; removing APP-1 touched no Jira issue
    expect(last.counts).toEqual({ added: 0, moved: 1, removed: 1 });
    expect(await shape(structureId)).toEqual([row(0, 'APP-5'), row(0, 'APP-4'), row(1, 'OPS-1')]);
  });

  it('rebases an edit based on an older version onto what landed since, keeping both', async () => {
    // given: an import adds APP-6 after ed loaded the structure
    const structureId = await givenEditable([0, 'APP-1'], [0, 'APP-2']);
    const [app1, app2] = await Promise.all(['APP-1', 'APP-2'].map((k) => rowIdOf(structureId, k)));
    const seen = await versionOf('ed', structureId);
    await runImport(local.site, 'olivia', structureId, {
      source: { kind: 'jql', jql: 'key = APP-6' },
      add: { at: 'top' },
    });
    // when: ed, on the old view, adds APP-4 under APP-1 and moves APP-2 before APP-1
    const answer = data(
      await local.site.invokeAs('ed', 'editStructure', {
        structureId,
        version: seen,
        actions: [
          { kind: 'add', issueKeys: ['APP-4'], under: app1 },
          { kind: 'move', rowIds: [app2!], under: 0, before: app1 },
        ],
      }),
    );
    // then: both the import's row and ed's edit are there
    expect(answer).toMatchObject({ version: seen + 2, rebasedFrom: seen, counts: { added: 1, moved: 1, removed: 0 } });
    expect(await shape(structureId)).toEqual([row(0, 'APP-2'), row(0, 'APP-1'), row(1, 'APP-4'), row(0, 'APP-6')]);
  });

  it('replays a stale indent under the row the editor saw above it, not one put there since', async () => {
    // given: APP-1, APP-2 at the top; pat adds APP-4 between them after ed loaded the structure
    const structureId = await givenEditable([0, 'APP-1'], [0, 'APP-2']);
    const [app1, app2] = await Promise.all(['APP-1', 'APP-2'].map((k) => rowIdOf(structureId, k)));
    const seen = await versionOf('ed', structureId);
    data(
      await local.site.invokeAs('pat', 'editStructure', {
        structureId,
        version: seen,
        actions: [{ kind: 'add', issueKeys: ['APP-4'], under: 0, after: app1 }],
      }),
    );
    // when: ed indents APP-2, meaning under APP-1
    data(
      await local.site.invokeAs('ed', 'editStructure', {
        structureId,
        version: seen,
        actions: [{ kind: 'indent', rowIds: [app2!] }],
      }),
    );
    // then
    expect(await shape(structureId)).toEqual([row(0, 'APP-1'), row(1, 'APP-2'), row(0, 'APP-4')]);
  });

  it('follows the row a stale indent meant to go under when that row moved since', async () => {
    // given: APP-1, APP-2, APP-5 at the top; pat moves APP-1 under APP-5 after ed loaded the structure
    const structureId = await givenEditable([0, 'APP-1'], [0, 'APP-2'], [0, 'APP-5']);
    const [app1, app2, app5] = await Promise.all(['APP-1', 'APP-2', 'APP-5'].map((k) => rowIdOf(structureId, k)));
    const seen = await versionOf('ed', structureId);
    data(
      await local.site.invokeAs('pat', 'editStructure', {
        structureId,
        version: seen,
        actions: [{ kind: 'move', rowIds: [app1!], under: app5 }],
      }),
    );
    // when: ed indents APP-2, meaning under APP-1
    const answer = await local.site.invokeAs('ed', 'editStructure', {
      structureId,
      version: seen,
      actions: [{ kind: 'indent', rowIds: [app2!] }],
    });
    // then
    expect(answer).toMatchObject({ ok: true, data: { rebasedFrom: seen } });
    expect(await shape(structureId)).toEqual([row(0, 'APP-5'), row(1, 'APP-1'), row(2, 'APP-2')]);
  });

  it('refuses a stale edit that no longer fits, saying the view was refreshed and why, and changes nothing', async () => {
    // given: pat removes APP-2 after ed loaded the structure
    const structureId = await givenEditable([0, 'APP-1'], [0, 'APP-2']);
    const app2 = await rowIdOf(structureId, 'APP-2');
    const seen = await versionOf('ed', structureId);
    data(
      await local.site.invokeAs('pat', 'editStructure', {
        structureId,
        version: seen,
        actions: [{ kind: 'remove', rowIds: [app2] }],
      }),
    );
    const before = await shape(structureId);
    // when: ed, on the old view, adds APP-4 under APP-2
    const answer = await local.site.invokeAs('ed', 'editStructure', {
      structureId,
      version: seen,
      actions: [{ kind: 'add', issueKeys: ['APP-4'], under: app2 }],
    });
    // then
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: `The structure changed since you loaded it and your change no longer fits: your view was refreshed. Row ${app2} is not in the structure any more.`,
        field: 'actions.0.under',
      },
    });
    expect(await shape(structureId)).toEqual(before);
  });

  it('names issue keys that do not exist or that the editor cannot see', async () => {
    // given
    const structureId = await givenEditable();
    const version = await versionOf('pat', structureId);
    // when: pat cannot browse OPS
    const answer = await local.site.invokeAs('pat', 'editStructure', {
      structureId,
      version,
      actions: [
        { kind: 'add', issueKeys: ['APP-1'] },
        { kind: 'add', issueKeys: ['OPS-1', 'APP-99'] },
      ],
    });
    // then
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'ISSUE_NOT_FOUND',
        message: 'OPS-1, APP-99 do not exist, or you cannot see them in Jira.',
        field: 'actions.1.issueKeys',
      },
    });
    expect(await shape(structureId)).toEqual([]);
  });

  it('never lets a user move or remove a row they cannot see; hidden rows stay under their parent', async () => {
    // given: pat cannot see OPS-2, which sits under APP-1
    const structureId = await givenEditable([0, 'APP-1'], [1, 'OPS-2'], [1, 'APP-2'], [0, 'APP-5']);
    const [app1, ops2, app5] = await Promise.all(['APP-1', 'OPS-2', 'APP-5'].map((k) => rowIdOf(structureId, k)));
    let version = await versionOf('pat', structureId);
    // when: pat tries to move the hidden row, and to remove its visible parent
    const moveHidden = await local.site.invokeAs('pat', 'editStructure', {
      structureId,
      version,
      actions: [{ kind: 'move', rowIds: [ops2], under: app5 }],
    });
    const removeParent = await local.site.invokeAs('pat', 'editStructure', {
      structureId,
      version,
      actions: [{ kind: 'remove', rowIds: [app1] }],
    });
    // then
    expect(moveHidden).toEqual({
      ok: false,
      error: {
        code: 'INVALID_EDIT',
        message: `Row ${ops2} holds an issue you cannot see: you cannot move it.`,
        field: 'actions.0.rowIds.0',
      },
    });
    expect(removeParent).toMatchObject({
      ok: false,
      error: { code: 'INVALID_EDIT', field: 'actions.0.rowIds.0' },
    });
    expect(!removeParent.ok && removeParent.error.message).toContain('hold issues you cannot see');
    // when: pat moves the visible parent; the hidden row goes with it, still under APP-1
    const moved = data(
      await local.site.invokeAs('pat', 'editStructure', {
        structureId,
        version,
        actions: [{ kind: 'move', rowIds: [app1], under: app5 }],
      }),
    );
    version = moved.version;
    // then
    expect(await shape(structureId)).toEqual([row(0, 'APP-5'), row(1, 'APP-1'), row(2, 'OPS-2'), row(2, 'APP-2')]);
    expect(version).toBeGreaterThan(0);
  });

  it('needs edit on the structure: a viewer is refused, and the forest is unchanged', async () => {
    // given
    const structure = await givenStructure(local.site, 'olivia', 'View only');
    data(
      await local.site.invokeAs('olivia', 'setPermissions', {
        structureId: structure.id,
        rules: [{ subject: { type: 'anyone' }, level: 'view' }],
      }),
    );
    // when
    const answer = await local.site.invokeAs('pat', 'editStructure', {
      structureId: structure.id,
      version: 0,
      actions: [{ kind: 'add', issueKeys: ['APP-1'] }],
    });
    // then
    expect(answer).toMatchObject({ ok: false, error: { code: 'PERMISSION_LEVEL', needed: 'edit' } });
    expect(await shape(structure.id)).toEqual([]);
  });

  it.each([
    [{ kind: 'move', rowIds: [] }, 'actions.0.rowIds'],
    [{ kind: 'move', rowIds: [1], under: -1 }, 'actions.0.under'],
    [{ kind: 'add', issueKeys: ['not a key'] }, 'actions.0.issueKeys.0'],
    [{ kind: 'delete', rowIds: [1] }, 'actions.0.kind'],
  ])('answers %j with INVALID_PAYLOAD naming %s', async (action, field) => {
    // given
    const structureId = await givenEditable([0, 'APP-1']);
    // when
    const answer = await local.site.invokeAs('ed', 'editStructure', {
      structureId,
      version: 0,
      actions: [action as never],
    });
    // then
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', field } });
  });
});
