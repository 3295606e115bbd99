import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EPOCH, TWO_YEARS_MS } from '../../local/dataset/catalog';
import { generateDataset, writeGeneratedDataset } from '../../local/dataset/generate';
import { validateDataset } from '../../local/dataset/load';
import type { Dataset, DatasetIssue } from '../../local/dataset/types';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'generate-test-'));
const write = (issues: number, seed: number | string, name: string): Buffer => {
  const file = path.join(tmp, name);
  writeGeneratedDataset({ issues, seed }, file);
  return readFileSync(file);
};

describe('generator determinism', () => {
  it('writes the same bytes for the same seed and size', () => {
    expect(write(1500, 42, 'a.json').equals(write(1500, 42, 'b.json'))).toBe(true);
  });

  it('writes different bytes for a different seed', () => {
    expect(write(1500, 42, 'c.json').equals(write(1500, 43, 'd.json'))).toBe(false);
  });

  it('returns in-process exactly what it writes to a file', () => {
    const fromFile = JSON.parse(write(1000, 'team-a', 'e.json').toString('utf8')) as Dataset;
    expect(generateDataset({ issues: 1000, seed: 'team-a' })).toEqual(fromFile);
  });

  it.each([10, 37, 999, 4321])('produces a valid dataset of exactly %p issues for several seeds', (issues) => {
    for (const seed of [1, 2, 'x'])
      expect(validateDataset(generateDataset({ issues, seed })).issues).toHaveLength(issues);
  });

  it.each([0, 9, 1.5, 2_000_000])('refuses %p issues', (issues) => {
    expect(() => generateDataset({ issues, seed: 1 })).toThrow(RangeError);
  });
});

describe('a generated dataset', () => {
  // 20k issues: enough for every rare feature (cycles, security levels) to appear at the fixed seed.
  const ds = validateDataset(generateDataset({ issues: 20_000, seed: 5 }));
  const byKey = new Map(ds.issues.map((i) => [i.key, i]));
  const levelOf = new Map(ds.issueTypes.map((t) => [t.name, t.hierarchyLevel]));
  const level = (i: DatasetIssue): number => levelOf.get(i.type) as number;
  const project = (key: string): string => key.slice(0, key.lastIndexOf('-'));

  it('has exactly the requested number of issues', () => {
    expect(ds.issues).toHaveLength(20_000);
  });

  it('builds initiative → epic → standard → sub-task, one level at a time', () => {
    const pairs = new Set<string>();
    for (const issue of ds.issues) {
      if (issue.parent) pairs.add(`${level(byKey.get(issue.parent) as DatasetIssue)}>${level(issue)}`);
      else expect(level(issue)).not.toBe(-1);
    }
    expect([...pairs].sort()).toEqual(['0>-1', '1>0', '2>1']);
  });

  it('leaves some standard issues and epics without a parent', () => {
    expect(ds.issues.some((i) => level(i) === 0 && !i.parent)).toBe(true);
    expect(ds.issues.some((i) => level(i) === 1 && !i.parent)).toBe(true);
  });

  it('uses every issue type and statuses of all three categories', () => {
    expect(new Set(ds.issues.map((i) => i.type))).toEqual(new Set(ds.issueTypes.map((t) => t.name)));
    const category = new Map(ds.statuses.map((s) => [s.name, s.category]));
    expect(new Set(ds.issues.map((i) => category.get(i.status)))).toEqual(new Set(['new', 'indeterminate', 'done']));
  });

  it('fans out unevenly: many small epics, a few large ones', () => {
    const children = new Map<string, number>();
    for (const i of ds.issues)
      if (i.parent && level(i) === 0) children.set(i.parent, (children.get(i.parent) ?? 0) + 1);
    const sizes = [...children.values()];
    expect(Math.min(...sizes)).toBeLessThanOrEqual(2);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(25);
  });

  it('sizes projects unevenly and restricts one of them to the security team', () => {
    const counts = new Map<string, number>();
    for (const i of ds.issues) counts.set(project(i.key), (counts.get(project(i.key)) ?? 0) + 1);
    expect(counts.size).toBe(ds.projects.length);
    expect(Math.max(...counts.values())).toBeGreaterThan(3 * Math.min(...counts.values()));
    const restricted = ds.projects.find((p) => p.key === 'SEC');
    expect(restricted?.permissions.BROWSE_PROJECTS).toEqual({ groups: ['security-team'] });
    expect(counts.get('SEC')).toBeGreaterThan(0);
  });

  it('links existing issues, across projects too, with a few Blocks cycles', () => {
    const links = ds.issues.flatMap((i) => (i.links ?? []).map((l) => ({ from: i.key, ...l })));
    expect(links.every((l) => byKey.has(l.to))).toBe(true);
    for (const type of ['Blocks', 'Relates']) {
      expect(links.some((l) => l.type === type && project(l.from) !== project(l.to))).toBe(true);
    }
    expect(new Set(links.map((l) => l.type))).toEqual(new Set(['Blocks', 'Relates', 'Duplicate', 'Cloners']));
    expect(links.length / ds.issues.length).toBeGreaterThan(0.1);
    expect(blocksCycles(ds)).toBeGreaterThan(0);
  });

  it("gives some issues a security level, and sub-tasks their parent's", () => {
    expect(ds.issues.filter((i) => i.security).length).toBeGreaterThan(10);
    for (const i of ds.issues) if (level(i) === -1) expect(i.security).toBe(byKey.get(i.parent as string)?.security);
  });

  it('ranks children after their parent and keeps ranks unique', () => {
    for (const i of ds.issues) if (i.parent) expect(i.rank > (byKey.get(i.parent) as DatasetIssue).rank).toBe(true);
    expect(new Set(ds.issues.map((i) => i.rank)).size).toBe(ds.issues.length);
  });

  it('ranks the backlog in an order other than creation order', () => {
    const byRank = [...ds.issues].sort((a, b) => (a.rank < b.rank ? -1 : 1)).map((i) => i.id);
    expect(byRank).not.toEqual(ds.issues.map((i) => i.id));
  });

  it('dates issues over the two years before the epoch, children after parents', () => {
    for (const i of ds.issues) {
      const created = Date.parse(i.created);
      expect(created).toBeGreaterThanOrEqual(EPOCH - TWO_YEARS_MS);
      expect(Date.parse(i.updated)).toBeLessThan(EPOCH);
      if (i.parent) expect(created).toBeGreaterThanOrEqual(Date.parse((byKey.get(i.parent) as DatasetIssue).created));
    }
  });

  it('spreads assignees over tens of users and gives every project a board and filters', () => {
    expect(ds.users.length).toBeGreaterThanOrEqual(16);
    expect(new Set(ds.issues.map((i) => i.assignee).filter(Boolean)).size).toBeGreaterThanOrEqual(10);
    for (const p of ds.projects) {
      expect(ds.boards.some((b) => b.projectKey === p.key)).toBe(true);
      expect(
        ds.filters.filter((f) => f.sharePermissions.some((s) => s.project === p.key)).length,
      ).toBeGreaterThanOrEqual(2);
    }
    expect(ds.filters.some((f) => f.sharePermissions.length === 0)).toBe(true);
    expect(new Set(ds.boards.map((b) => b.type))).toEqual(new Set(['scrum', 'kanban']));
  });
});

/** Number of Blocks edges that lie on a cycle (an edge u→v where v reaches u). */
function blocksCycles(ds: Dataset): number {
  const edges = new Map<string, string[]>();
  for (const i of ds.issues)
    for (const l of i.links ?? []) if (l.type === 'Blocks') edges.set(i.key, [...(edges.get(i.key) ?? []), l.to]);
  const reaches = (from: string, target: string): boolean => {
    const seen = new Set<string>([from]);
    const stack = [from];
    while (stack.length > 0) {
      const at = stack.pop() as string;
      for (const next of edges.get(at) ?? []) {
        if (next === target) return true;
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return false;
  };
  let onCycle = 0;
  for (const [from, tos] of edges) for (const to of tos) if (reaches(to, from)) onCycle++;
  return onCycle;
}
