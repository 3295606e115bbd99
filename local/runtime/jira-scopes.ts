// Which OAuth scopes Jira requires for each REST operation, read from Atlassian's OpenAPI documents
// (../shared/jira-openapi): the runtime refuses a request the app's scopes do not cover, as Jira does, and
// `npm run manifest:check` checks the app's operation table against the same index.
//
// An operation lists alternatives; any one of them, complete, is enough. The platform spec states them in
// `x-atlassian-oauth2-scopes` (state "Current" = the classic scopes, "Beta" = the granular ones); the
// software spec only in `security`. Basic auth and the anonymous `{}` entry do not apply to a Forge app.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ScopeAlternative {
  scopes: string[];
  /** A classic scope set (read:jira-work, ...), which the app prefers where the spec offers one. */
  classic: boolean;
}

export interface JiraOperationScopes {
  method: string;
  /** The path template as the spec writes it, e.g. /rest/api/3/filter/{id}. */
  template: string;
  alternatives: ScopeAlternative[];
}

export interface JiraScopeIndex {
  /** The operation of a template exactly as written in the spec. */
  operation(method: string, template: string): JiraOperationScopes | undefined;
  /** The operation a concrete request path (query allowed) goes to; literal segments win over parameters. */
  match(method: string, requestPath: string): JiraOperationScopes | undefined;
}

/** Where the OpenAPI documents are: JIRA_OPENAPI_DIR, else the workspace's shared copy beside the repository. */
export const DEFAULT_OPENAPI_DIR =
  process.env.JIRA_OPENAPI_DIR ?? path.join(__dirname, '..', '..', '..', 'shared', 'jira-openapi');

const SPEC_FILES = ['platform.v3.json', 'software.v3.json'];
const METHODS = ['get', 'post', 'put', 'delete', 'patch'];

interface SpecOperation {
  security?: Array<Record<string, string[]>>;
  'x-atlassian-oauth2-scopes'?: Array<{ scheme?: string; scopes?: string[]; state?: string }>;
}

function alternativesOf(op: SpecOperation): ScopeAlternative[] {
  const declared = op['x-atlassian-oauth2-scopes'];
  if (Array.isArray(declared) && declared.length > 0) {
    return declared
      .filter((d) => d.scheme === undefined || d.scheme === 'OAuth2')
      .map((d) => ({ scopes: [...(d.scopes ?? [])], classic: d.state === 'Current' }));
  }
  return (op.security ?? [])
    .filter((s) => 'OAuth2' in s)
    .map((s) => ({ scopes: [...s.OAuth2], classic: s.OAuth2.every((x) => !/:jira(-software)?$/.test(x)) }));
}

interface Entry extends JiraOperationScopes {
  pattern: RegExp;
  parameters: number;
}

const cache = new Map<string, JiraScopeIndex>();

/** The index of the documents in `dir`, or undefined when they are not there. Parsed once per process. */
export function loadJiraScopes(dir: string = DEFAULT_OPENAPI_DIR): JiraScopeIndex | undefined {
  const found = cache.get(dir);
  if (found) return found;
  if (!SPEC_FILES.every((f) => existsSync(path.join(dir, f)))) return undefined;
  const entries: Entry[] = [];
  for (const file of SPEC_FILES) {
    const doc = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as {
      paths: Record<string, Record<string, SpecOperation>>;
    };
    for (const [template, item] of Object.entries(doc.paths)) {
      const source = template
        .split('/')
        .map((segment) => (/^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/');
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        entries.push({
          method: method.toUpperCase(),
          template,
          alternatives: alternativesOf(op),
          pattern: new RegExp(`^${source}/?$`),
          parameters: (template.match(/\{/g) ?? []).length,
        });
      }
    }
  }
  const byTemplate = new Map(entries.map((e) => [`${e.method} ${e.template}`, e]));
  const index: JiraScopeIndex = {
    operation: (method, template) => byTemplate.get(`${method.toUpperCase()} ${template}`),
    match: (method, requestPath) => {
      const pathOnly = requestPath.split('?')[0];
      const upper = method.toUpperCase();
      return entries
        .filter((e) => e.method === upper && e.pattern.test(pathOnly))
        .sort((a, b) => a.parameters - b.parameters)[0];
    },
  };
  cache.set(dir, index);
  return index;
}

/** The first alternative whose every scope is in `granted`, or undefined. */
export function satisfiedBy(op: JiraOperationScopes, granted: ReadonlySet<string>): ScopeAlternative | undefined {
  return op.alternatives.find((a) => a.scopes.every((s) => granted.has(s)));
}
