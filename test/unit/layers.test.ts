// The layer rules of DESIGN.md §3 (.dependency-cruiser.cjs), as dependency-cruiser's `cruise` applies them.
// Its API is ESM only, which Jest's CommonJS runtime cannot load, so each cruise runs in a child Node
// process: scripts/lint-layers.mjs --json, the same code `npm run lint:layers` runs.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

interface Violation {
  rule: string;
  severity: 'error' | 'warn' | 'info' | 'ignore';
  from: string;
  to: string;
}

interface Cruise {
  summary: { error: number; warn: number; totalCruised: number };
  violations: Violation[];
}

const root = join(__dirname, '../..');

function cruise(...paths: string[]): Cruise {
  const run = spawnSync(process.execPath, ['scripts/lint-layers.mjs', '--json', ...paths], {
    cwd: root,
    encoding: 'utf8',
  });
  // 0: no errors, 1: errors found; anything else means the cruise itself failed.
  if (run.status !== 0 && run.status !== 1) throw new Error(`lint-layers exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Cruise;
}

const FIXTURE = 'test/fixtures/layers/';
/** A fixture path as the fixture's own tree names it; an npm package as `node_modules/<package>`. */
const short = (path: string): string =>
  path.startsWith(FIXTURE)
    ? path.slice(FIXTURE.length)
    : path.replace(/^(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, '$1');

describe('layer rules on test/fixtures/layers, a tree that breaks each rule once', () => {
  let found: string[][];
  beforeAll(() => {
    const rows = cruise(FIXTURE).violations.map((v) => {
      const [from, to] = [short(v.from), short(v.to)];
      // A cycle may be reported from any of its edges, once or once per edge: name it by its ends, in order.
      return v.rule.endsWith('cycles') ? [v.rule, ...[from, to].sort()] : [v.rule, from, to];
    });
    found = [...new Set(rows.map((r) => JSON.stringify(r)))].map((r) => JSON.parse(r) as string[]);
  });

  const expected: [rule: string, from: string, to: string][] = [
    ['domain-only-domain', 'src/domain/reaches-storage.ts', 'src/storage/records.ts'],
    ['domain-only-domain', 'src/domain/reads-contract.ts', 'src/contract/types.ts'],
    ['domain-no-forge', 'src/domain/uses-kvs.ts', '@forge/kvs'],
    ['domain-no-node-builtins', 'src/domain/reads-files.ts', 'fs'],
    ['domain-only-zod', 'src/domain/uses-yaml.ts', 'yaml'],
    ['domain-no-cycles', 'src/domain/cycle-a.ts', 'src/domain/cycle-b.ts'],
    ['adapters-not-above', 'src/storage/records.ts', 'src/app/deep/helper.ts'],
    ['storage-not-jira', 'src/storage/records.ts', 'src/jira/transport.ts'],
    ['jira-not-storage', 'src/jira/client.ts', 'src/storage/keys.ts'],
    ['app-not-entry-points', 'src/app/deep/use-case.ts', 'src/worker/index.ts'],
    ['app-no-kvs-or-jira-sdk', 'src/app/deep/use-case.ts', '@forge/kvs'],
    ['entry-not-below-app', 'src/resolvers/handler.ts', 'src/storage/keys.ts'],
    ['entry-only-app-barrel', 'src/resolvers/handler.ts', 'src/app/deep/helper.ts'],
    ['synchronizer-planners-pure', 'src/synchronizers/demo/plan-import.ts', 'src/app/deep/use-case.ts'],
    ['generic-not-a-synchronizer', 'src/app/deep/names-a-synchronizer.ts', 'src/synchronizers/demo/index.ts'],
    ['contract-self-contained', 'src/contract/types.ts', 'src/domain/pure.ts'],
    ['ui-only-contract', 'static/structure-ui/src/page.ts', 'src/app/index.ts'],
    ['not-to-unresolvable', 'src/app/deep/typo.ts', './missing'],
  ];

  it.each(expected)('%s: %s → %s', (rule, from, to) => {
    expect(found).toContainEqual([rule, from, to]);
  });

  it('reports nothing else: the imports each file marks as allowed pass', () => {
    expect([...found].sort()).toEqual([...expected].sort());
  });
});

describe('layer rules on the real tree (src, static/structure-ui/src)', () => {
  it('break no rule of severity error', () => {
    // when
    const result = cruise();
    // then
    expect(result.violations.filter((v) => v.severity === 'error')).toEqual([]);
    expect(result.summary.totalCruised).toBeGreaterThan(200);
  });
});
