import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { issueIdFromJira, issueIdToJira } from '../../../src/domain/forest';

const root = join(__dirname, '../../../src/domain');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('src/domain', () => {
  it('imports nothing but itself and zod: no Forge, HTTP, storage or Node I/O', () => {
    const offending = files(root).flatMap((path) =>
      [
        ...readFileSync(path, 'utf8').matchAll(
          /^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm,
        ),
      ]
        .map((m) => m[1] ?? m[2] ?? m[3])
        .filter((spec) => !spec.startsWith('.') && spec !== 'zod')
        .map((spec) => `${relative(root, path)} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});

describe('issue ids at the Jira boundary', () => {
  it('converts numeric strings both ways', () => {
    expect(issueIdFromJira('10042')).toBe(10042);
    expect(issueIdToJira(10042)).toBe('10042');
  });

  it.each(['', 'ABC-1', '0', '-5', '1e3', '012'])('refuses %j', (id) => {
    expect(() => issueIdFromJira(id)).toThrow(RangeError);
  });
});
