// The workflows datasets come with: every project has one, issues sit in its statuses and their histories
// follow its transitions, one transition needs a resolution, one status is reached only through another,
// and somebody browses without transitioning — read through the emulator over HTTP where it matters.
import { DEMO_FILE, DEMO_USERS } from '../../local/dataset/build-demo';
import { statusIn, workflowPath } from '../../local/dataset/catalog';
import { generateDataset } from '../../local/dataset/generate';
import { loadDataset } from '../../local/dataset/load';
import type { Dataset, DatasetWorkflow } from '../../local/dataset/types';
import { startEmulator, type Running } from '../emulator/helpers';

const generated = generateDataset({ issues: 1200, seed: 'workflows' });
const demo = loadDataset(DEMO_FILE);

const workflowOf = (ds: Dataset, key: string): DatasetWorkflow => {
  const project = ds.projects.find((p) => p.key === key.slice(0, key.lastIndexOf('-')))!;
  return ds.workflows!.find((w) => w.name === project.workflow)!;
};

/** Statuses of the workflow that some status of it cannot reach in one transition. */
const indirect = (w: DatasetWorkflow): string[] =>
  w.statuses.filter((target) =>
    w.statuses.some(
      (from) => from !== target && !w.transitions.some((t) => t.to === target && (t.from ?? w.statuses).includes(from)),
    ),
  );

describe.each([
  ['a generated dataset', generated],
  ['the demo', demo],
])('workflows of %s', (_, ds) => {
  it('gives every project a workflow and keeps each issue in its statuses, moving only along transitions', () => {
    for (const p of ds.projects) expect(ds.workflows?.map((w) => w.name)).toContain(p.workflow);
    for (const issue of ds.issues) {
      const w = workflowOf(ds, issue.key);
      expect(w.statuses).toContain(issue.status);
      for (const change of issue.history ?? []) {
        if (change.field !== 'status') continue;
        const move = w.transitions.find((t) => t.to === change.to && (t.from ?? w.statuses).includes(change.from!));
        expect({ issue: issue.key, change, move: move?.name }).toEqual(
          expect.objectContaining({ move: expect.any(String) }),
        );
      }
    }
  });

  it('has a transition whose screen requires a resolution, and a status reached only from another one', () => {
    const used = new Set(ds.projects.map((p) => p.workflow));
    const workflows = ds.workflows!.filter((w) => used.has(w.name));
    const resolve = workflows.flatMap((w) => w.transitions).find((t) => t.resolutionScreen?.required);
    expect(resolve).toMatchObject({ name: 'Resolve Issue', to: 'Resolved' });
    const classic = workflows.find((w) => w.name === 'Issue tracking')!;
    expect(indirect(classic)).toContain('Closed');
    expect(classic.transitions.filter((t) => t.to === 'Closed').map((t) => t.from)).toEqual([['Resolved']]);
  });
});

describe('generated workflows', () => {
  it('are the same for the same seed and size', () => {
    const again = generateDataset({ issues: 1200, seed: 'workflows' });
    expect(again.workflows).toEqual(generated.workflows);
    expect(again.projects.map((p) => p.workflow)).toEqual(generated.projects.map((p) => p.workflow));
    expect(again.issues.map((i) => i.status)).toEqual(generated.issues.map((i) => i.status));
  });

  it('use all three workflows even in the smallest dataset, with issues in statuses of every category', () => {
    const small = generateDataset({ issues: 300, seed: 3 });
    expect(small.projects.map((p) => [p.key, p.workflow])).toEqual([
      ['PLAT', 'Software development'],
      ['MOB', 'Software development'],
      ['WEB', 'Basic'],
      ['SEC', 'Issue tracking'],
    ]);
    const sec = new Set(small.issues.filter((i) => i.key.startsWith('SEC-')).map((i) => i.status));
    expect([...sec].sort()).toEqual(['Closed', 'In Progress', 'Resolved', 'To Do']);
  });

  it('settle a catalog status on the workflow status of its category, and paths go through work in progress', () => {
    const classic = generated.workflows!.find((w) => w.name === 'Issue tracking')!;
    expect([statusIn(classic, 'Done', 0), statusIn(classic, 'Done', 1)]).toEqual(['Resolved', 'Closed']);
    expect(statusIn(classic, 'Backlog', 7)).toBe('To Do');
    expect(workflowPath(classic, 'Closed')).toEqual(['To Do', 'In Progress', 'Resolved', 'Closed']);
  });
});

describe('who may transition, in the emulator', () => {
  const call = (em: Running, accountId: string, path: string, body?: unknown) =>
    em.call({ accountId }, body === undefined ? 'GET' : 'POST', path, body);

  it('lets the generated MOB team transition while contractors only browse', async () => {
    const em = await startEmulator(generated);
    try {
      // given a MOB issue, a contractor and a MOB developer
      const issue = generated.issues.find((i) => i.key.startsWith('MOB-') && i.status === 'To Do')!;
      const contractor = generated.users.find((u) => u.groups.includes('contractors'))!;
      const developer = generated.users.find((u) => u.groups.includes('team-mob'))!;
      const path = `/rest/api/3/issue/${issue.key}/transitions`;
      // when / then
      expect((await call(em, contractor.accountId, `/rest/api/3/issue/${issue.key}`)).status).toBe(200);
      expect((await call(em, contractor.accountId, path)).body.transitions).toEqual([]);
      const offered = (await call(em, developer.accountId, path)).body.transitions as { id: string; name: string }[];
      expect(offered.map((t) => t.name)).toEqual(['Start progress', "Won't do"]);
      expect((await call(em, contractor.accountId, path, { transition: { id: offered[0]!.id } })).status).toBe(400);
      expect((await call(em, developer.accountId, path, { transition: { id: offered[0]!.id } })).status).toBe(204);
    } finally {
      await em.close();
    }
  });

  it("offers the demo's SEC lead the Resolve screen and refuses Carla a transition in MOB", async () => {
    const em = await startEmulator(demo);
    try {
      const open = demo.issues.find((i) => i.key.startsWith('SEC-') && i.status === 'In Progress')!;
      const list = await call(
        em,
        DEMO_USERS.priya.accountId,
        `/rest/api/3/issue/${open.key}/transitions?expand=transitions.fields`,
      );
      const resolve = (list.body.transitions as { name: string; fields: Record<string, { required: boolean }> }[]).find(
        (t) => t.name === 'Resolve Issue',
      );
      expect(resolve?.fields.resolution?.required).toBe(true);
      const mob = demo.issues.find((i) => i.key.startsWith('MOB-') && i.status === 'To Do')!;
      const refused = await call(em, DEMO_USERS.carla.accountId, `/rest/api/3/issue/${mob.key}/transitions`, {
        transition: { id: '21' },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errorMessages).toEqual(["You don't have permission to transition this issue."]);
    } finally {
      await em.close();
    }
  });
});
