import { readFileSync } from 'node:fs';
import { buildDemo, DEMO_FILE, DEMO_USERS } from '../../local/dataset/build-demo';
import { loadDataset } from '../../local/dataset/load';
import { datasetToText } from '../../local/dataset/serialize';
import type { Dataset, Grant } from '../../local/dataset/types';

const demo = loadDataset(DEMO_FILE);
const { alice, priya, dan, carla } = DEMO_USERS;

/** Whether a user is in a grant, ignoring roles (the demo grants browse to groups only). */
function granted(grant: Grant, user: { accountId: string; groups: string[] }): boolean {
  return Boolean(
    grant.anyone || grant.users?.includes(user.accountId) || grant.groups?.some((g) => user.groups.includes(g)),
  );
}
const browsable = (ds: Dataset, user: { accountId: string; groups: string[] }): string[] =>
  ds.projects.filter((p) => granted(p.permissions.BROWSE_PROJECTS, user)).map((p) => p.key);

describe('the demo dataset', () => {
  it('is what build-demo.ts produces (edit the outline, then re-run the script)', () => {
    expect(readFileSync(DEMO_FILE, 'utf8')).toBe(datasetToText(buildDemo()));
  });

  it('has three projects and about 150 issues from initiatives to sub-tasks', () => {
    expect(demo.projects.map((p) => p.key)).toEqual(['PLAT', 'MOB', 'SEC']);
    expect(demo.issues.length).toBeGreaterThanOrEqual(140);
    expect(demo.issues.length).toBeLessThanOrEqual(160);
    expect(new Set(demo.issues.map((i) => i.type))).toEqual(
      new Set(['Initiative', 'Epic', 'Story', 'Task', 'Bug', 'Sub-task']),
    );
  });

  it('gives its four users four different views', () => {
    expect(alice.siteAdmin).toBe(true);
    expect([priya, dan, carla].every((u) => !u.siteAdmin)).toBe(true);
    expect(browsable(demo, alice)).toEqual(['PLAT', 'MOB', 'SEC']);
    expect(browsable(demo, priya)).toEqual(['PLAT', 'MOB', 'SEC']);
    expect(browsable(demo, dan)).toEqual(['PLAT', 'MOB']);
    expect(browsable(demo, carla)).toEqual(['MOB']);
  });

  it('assigns issues only to people who can browse them', () => {
    const users = Object.values(DEMO_USERS);
    for (const issue of demo.issues.filter((i) => i.assignee)) {
      const assignee = users.find((u) => u.accountId === issue.assignee);
      expect(assignee && browsable(demo, assignee)).toContain(issue.key.split('-')[0]);
    }
  });

  it('restricts one project to a single group', () => {
    const sec = demo.projects.find((p) => p.key === 'SEC');
    expect(sec?.permissions.BROWSE_PROJECTS).toEqual({ groups: ['security-team'] });
  });

  it('hides one issue behind a security level that the developer is not in', () => {
    const secured = demo.issues.filter((i) => i.security);
    expect(secured).toHaveLength(1);
    const level = demo.securityLevels?.find((l) => l.name === secured[0]?.security);
    expect(level && granted(level.members, priya)).toBe(true);
    expect(level && granted(level.members, dan)).toBe(false);
  });

  it('links issues across projects with Blocks and Relates', () => {
    const project = (key: string): string => key.split('-')[0] as string;
    const cross = demo.issues.flatMap((i) =>
      (i.links ?? []).filter((l) => project(l.to) !== project(i.key)).map((l) => l.type),
    );
    expect(cross).toEqual(expect.arrayContaining(['Blocks', 'Relates']));
    const types = new Set(demo.issues.flatMap((i) => i.links ?? []).map((l) => l.type));
    expect(types).toEqual(new Set(['Blocks', 'Relates', 'Cloners', 'Duplicate']));
  });

  it('has a scrum and a kanban board with a sub-query, and shared, private and favourite filters', () => {
    expect(demo.boards.map((b) => b.type).sort()).toEqual(['kanban', 'scrum']);
    expect(demo.boards.find((b) => b.type === 'kanban')?.subQuery).toBeTruthy();
    expect(demo.filters.some((f) => f.sharePermissions.some((s) => s.type === 'global'))).toBe(true);
    expect(demo.filters.some((f) => f.sharePermissions.length === 0)).toBe(true);
    expect(demo.filters.filter((f) => (f.favouritedBy ?? []).length > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('uses statuses of all three categories and has project roles', () => {
    const category = new Map(demo.statuses.map((s) => [s.name, s.category]));
    expect(new Set(demo.issues.map((i) => category.get(i.status)))).toEqual(new Set(['new', 'indeterminate', 'done']));
    for (const p of demo.projects) expect(Object.keys(p.roles ?? {}).sort()).toEqual(['Administrators', 'Developers']);
  });
});
