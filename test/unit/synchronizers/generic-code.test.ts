// Generic code never names a synchronizer: a synchronizer's key appears only in its own module
// (src/synchronizers/<key>/). Every string literal of the generic folders is read with TypeScript's own
// parser (comments and identifiers do not count) and compared with the keys the registry lists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { allModules } from '../../../src/synchronizers';

const SRC = join(__dirname, '../../../src');
const GENERIC = ['app', 'background', 'contract', 'domain', 'jira', 'resolvers', 'storage', 'worker', 'index.ts'];

/** English words that happen to spell a key, each with the reason it is not one. */
const WORDS: Record<string, string[]> = {
  'domain/export/preflight.ts': ['links'], // the plural of "link" in a permission message
  'domain/export/links.ts': ['links'], // the same, in a warning
};

function filesUnder(path: string): string[] {
  if (statSync(path).isFile()) return path.endsWith('.ts') ? [path] : [];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

function stringLiterals(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

it('no generic file names a synchronizer key', () => {
  // given
  const keys = new Set(allModules().map((m) => m.synchronizer.key));
  const files = GENERIC.flatMap((folder) => filesUnder(join(SRC, folder)));
  // when
  const named = files.flatMap((file) => {
    const path = relative(SRC, file);
    const words = new Set(WORDS[path] ?? []);
    return stringLiterals(file)
      .filter((text) => keys.has(text) && !words.has(text))
      .map((text) => `${path}: '${text}'`);
  });
  // then
  expect(keys.size).toBeGreaterThanOrEqual(5);
  expect(files.length).toBeGreaterThan(100);
  expect(named).toEqual([]);
});

it('catches a key compared in code, not one in a comment or a name (the check can fail)', () => {
  const code = `// the links synchronizer\nconst linksLabel = 1;\nif (key === 'links') run(\`agile\`);`;
  expect(stringLiterals('example.ts', code)).toEqual(['links', 'agile']);
});
