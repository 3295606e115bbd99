// The route and scope check of `npm run manifest:check`. @forge/lint's permission linter cannot see
// through a variable path, so the app states every Jira request it makes in one table
// (src/jira/operations.ts) and this check holds both ends:
// - the table: every operation exists in Atlassian's OpenAPI documents, its scopes are one of the spec's
//   alternatives (the classic one where the spec offers it), and the manifest declares them, with
//   allowImpersonation when the call runs as a user through asUser(accountId); no scope is declared that
//   no operation needs (storage:app is for KVS);
// - the code: no `route`, `requestJira`, `asUser` or `asApp` outside the few files of src/jira that build
//   calls from the table, and every `/rest/...` path the Custom UI requests is a frontend operation of it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';
import { DEFAULT_OPENAPI_DIR, loadJiraScopes, type JiraScopeIndex } from '../local/runtime/jira-scopes';
import { JIRA_OPERATIONS, type JiraOperation } from '../src/jira/operations';

/** Scopes the app needs for something else than a Jira operation. */
const NOT_FOR_JIRA = new Set(['storage:app']);

interface DeclaredScopes {
  scopes: Set<string>;
  impersonation: Set<string>;
}

function declaredScopes(manifestText: string): DeclaredScopes {
  const doc = (parse(manifestText) ?? {}) as { permissions?: { scopes?: unknown } };
  const raw = doc.permissions?.scopes;
  if (Array.isArray(raw)) return { scopes: new Set(raw.map(String)), impersonation: new Set() };
  const entries = Object.entries((raw ?? {}) as Record<string, { allowImpersonation?: boolean } | null>);
  return {
    scopes: new Set(entries.map(([k]) => k)),
    impersonation: new Set(entries.filter(([, v]) => v?.allowImpersonation === true).map(([k]) => k)),
  };
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

/** Problems of the operation table against the specs and the manifest; empty when all is well. */
export function checkOperationScopes(
  manifestText: string,
  operations: Record<string, JiraOperation> = JIRA_OPERATIONS,
  index: JiraScopeIndex | undefined = loadJiraScopes(),
): string[] {
  if (!index)
    return [
      `Atlassian's OpenAPI documents are not in ${DEFAULT_OPENAPI_DIR}; set JIRA_OPENAPI_DIR to the folder with platform.v3.json and software.v3.json`,
    ];
  const declared = declaredScopes(manifestText);
  const problems: string[] = [];
  const needed = new Set<string>();
  for (const [key, op] of Object.entries(operations)) {
    const where = `${op.method} ${op.path} (${key}, ${op.principal})`;
    const spec = index.operation(op.method, op.path);
    if (!spec) {
      problems.push(`${where}: not an operation of Atlassian's OpenAPI documents`);
      continue;
    }
    const alternative = spec.alternatives.find((a) => sameSet(a.scopes, op.scopes));
    const classic = spec.alternatives.find((a) => a.classic);
    if (!alternative) {
      const offered = spec.alternatives.map((a) => `[${a.scopes.join(', ')}]`).join(' or ');
      problems.push(
        `${where}: the table says [${op.scopes.join(', ')}], the spec requires ${offered || 'no OAuth scope'}`,
      );
      continue;
    }
    if (classic && !alternative.classic)
      problems.push(`${where}: the spec offers classic scopes [${classic.scopes.join(', ')}]; use them`);
    for (const scope of op.scopes) {
      needed.add(scope);
      if (!declared.scopes.has(scope)) problems.push(`${where}: manifest.yml does not declare ${scope}`);
      else if (op.principal === 'user' && !declared.impersonation.has(scope))
        problems.push(
          `${where}: runs through asUser(accountId), also offline (worker, background sync): ${scope} needs allowImpersonation: true`,
        );
    }
  }
  for (const scope of declared.scopes) {
    if (!needed.has(scope) && !NOT_FOR_JIRA.has(scope))
      problems.push(`manifest.yml declares ${scope}, which no operation of src/jira/operations.ts needs`);
  }
  return problems;
}

export interface SourceFile {
  /** Relative to the app directory, with forward slashes. */
  path: string;
  text: string;
}

/** Files of src/jira that may turn a table entry into a request. */
const MAY_BUILD_ROUTES = new Set(['src/jira/operations.ts']);
const MAY_REQUEST = new Set(['src/jira/forge-transport.ts', 'src/jira/forge-app-transport.ts']);
const ROUTE_BUILDERS = new Set(['route', 'assumeTrustedRoute', 'routeFromAbsolute']);
const REQUESTERS = new Set(['requestJira', 'asUser', 'asApp']);

function calleeName(node: ts.Expression): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return undefined;
}

/** Jira requests in app code that do not go through the operation table. */
export function checkAppSources(files: SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      const name = ts.isTaggedTemplateExpression(node)
        ? calleeName(node.tag)
        : ts.isCallExpression(node)
          ? calleeName(node.expression)
          : undefined;
      const line = (): number => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      if (name && ROUTE_BUILDERS.has(name) && !MAY_BUILD_ROUTES.has(file.path))
        problems.push(
          `${file.path}:${line()}: ${name}\`…\` outside src/jira/operations.ts; add the operation to JIRA_OPERATIONS and call it through JiraClient`,
        );
      if (name && REQUESTERS.has(name) && !MAY_REQUEST.has(file.path))
        problems.push(
          `${file.path}:${line()}: ${name}(…) outside the transports of src/jira; call Jira through JiraClient and an operation of JIRA_OPERATIONS`,
        );
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return problems;
}

/** `/rest/...` paths the Custom UI writes, with each `${…}` as `{}`, and where. */
function uiPaths(file: SourceFile): Array<{ path: string; line: number }> {
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true);
  const found: Array<{ path: string; line: number }> = [];
  const visit = (node: ts.Node): void => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node))
      text = node.head.text + node.templateSpans.map((s) => `{}${s.literal.text}`).join('');
    if (text?.startsWith('/rest/')) {
      found.push({ path: text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Whether a UI path (placeholders `{}`, maybe a query) can be a request to this operation's template. */
function uiPathMatches(uiPath: string, template: string): boolean {
  const pathOnly = uiPath.split('?')[0];
  const pattern = template
    .split('/')
    .map((s) => (/^\{[^}]+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${pattern}/?$`).test(pathOnly);
}

/** Jira paths in the Custom UI that no frontend operation of the table covers. */
export function checkUiSources(
  files: SourceFile[],
  operations: Record<string, JiraOperation> = JIRA_OPERATIONS,
): string[] {
  const frontend = Object.values(operations).filter((o) => o.principal === 'frontend');
  return files.flatMap((file) =>
    uiPaths(file)
      .filter((p) => !frontend.some((o) => uiPathMatches(p.path, o.path)))
      .map(
        (p) =>
          `${file.path}:${p.line}: the UI requests ${p.path.split('?')[0]}, which no frontend operation of JIRA_OPERATIONS covers`,
      ),
  );
}

function readSources(appDir: string, dir: string): SourceFile[] {
  const full = path.join(appDir, dir);
  let names: string[];
  try {
    names = readdirSync(full);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(appDir, rel)).isDirectory()) return readSources(appDir, rel);
    return /\.(ts|tsx)$/.test(name) && !/\.d\.ts$/.test(name)
      ? [{ path: rel, text: readFileSync(path.join(appDir, rel), 'utf8') }]
      : [];
  });
}

/** The whole check on an app directory: its manifest, src and Custom UI sources. */
export function checkRoutesAndScopes(appDir: string, manifestText?: string): string[] {
  const text = manifestText ?? readFileSync(path.join(appDir, 'manifest.yml'), 'utf8');
  return [
    ...checkOperationScopes(text),
    ...checkAppSources(readSources(appDir, 'src')),
    ...checkUiSources(readSources(appDir, 'static/structure-ui/src')),
  ];
}
