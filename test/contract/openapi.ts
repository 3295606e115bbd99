// Checks JSON bodies against Atlassian's OpenAPI documents (../shared/jira-openapi). OpenAPI 3.0
// schemas are turned into JSON Schema here (nullable, component $refs, vendor keywords) and
// compiled with ajv. Used for the emulator's responses and, later, for the app's request bodies.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const SPEC_DIR = process.env.JIRA_OPENAPI_DIR ?? join(__dirname, '../../../shared/jira-openapi');

type Json = Record<string, unknown>;
type DocId = 'platform' | 'software';

interface OpenApiDoc {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json> };
}

const readDoc = (file: string): OpenApiDoc => JSON.parse(readFileSync(file, 'utf8')) as OpenApiDoc;

/** Operations newer than the stored copies (see each file's `info.source`), merged into their document. */
function withSupplement(doc: OpenApiDoc, file: string): OpenApiDoc {
  const extra = readDoc(join(__dirname, 'openapi-supplement', file));
  return {
    ...doc,
    paths: { ...doc.paths, ...extra.paths },
    components: { ...doc.components, schemas: { ...doc.components.schemas, ...extra.components.schemas } },
  };
}

const docs: Record<DocId, OpenApiDoc> = {
  platform: withSupplement(readDoc(join(SPEC_DIR, 'platform.v3.json')), 'platform-search-warnings.json'),
  software: withSupplement(readDoc(join(SPEC_DIR, 'software.v3.json')), 'software-enhanced-board-issues.json'),
};

const DROP = new Set(['example', 'examples', 'xml', 'externalDocs', 'discriminator', 'deprecated']);

/** OpenAPI 3.0 schema → JSON Schema (draft-07 as ajv reads it). */
export function toJsonSchema(schema: unknown, doc: DocId): unknown {
  if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s, doc));
  if (typeof schema !== 'object' || schema === null) return schema;
  const src = schema as Json;
  const out: Json = {};
  for (const [k, v] of Object.entries(src)) {
    if (DROP.has(k) || k.startsWith('x-') || k === 'nullable') continue;
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/')) out.$ref = `${doc}.json${v}`;
    else if (k === 'properties' || k === 'patternProperties') {
      out[k] = Object.fromEntries(Object.entries(v as Json).map(([p, s]) => [p, toJsonSchema(s, doc)]));
    } else out[k] = toJsonSchema(v, doc);
  }
  if (src.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
    } else return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
for (const id of Object.keys(docs) as DocId[]) {
  const converted = Object.fromEntries(
    Object.entries(docs[id].components.schemas).map(([n, s]) => [n, toJsonSchema(s, id)]),
  );
  ajv.addSchema({ $id: `${id}.json`, components: { schemas: converted } });
}

const compiled = new Map<string, ValidateFunction>();
function validator(key: string, schema: () => unknown): ValidateFunction {
  let v = compiled.get(key);
  if (!v) {
    v = ajv.compile(schema() as Json);
    compiled.set(key, v);
  }
  return v;
}

const componentValidator = (doc: DocId, name: string): ValidateFunction => {
  if (!docs[doc].components.schemas[name]) throw new Error(`No schema ${name} in ${doc}`);
  return validator(`${doc}#${name}`, () => ({ $ref: `${doc}.json#/components/schemas/${name}` }));
};

export interface Operation {
  doc: DocId;
  template: string;
  method: string;
  op: Json;
}

/** The operation documented for a concrete path; literal segments win over `{param}` ones. */
export function findOperation(method: string, path: string): Operation {
  const clean = path.split('?')[0].replace(/\/$/, '');
  const candidates: (Operation & { params: number })[] = [];
  for (const doc of Object.keys(docs) as DocId[]) {
    for (const [template, ops] of Object.entries(docs[doc].paths)) {
      const op = ops[method.toLowerCase()];
      if (!op) continue;
      const source = template
        .split(/(\{[^}]+\})/)
        .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
        .join('');
      const re = new RegExp(`^${source}$`);
      if (re.test(clean))
        candidates.push({
          doc,
          template,
          method: method.toUpperCase(),
          op,
          params: (template.match(/\{/g) ?? []).length,
        });
    }
  }
  if (candidates.length === 0) throw new Error(`No operation ${method} ${clean} in the OpenAPI documents`);
  candidates.sort((a, b) => a.params - b.params);
  return candidates[0];
}

/**
 * Responses the documents leave without a schema but whose shape is known: Jira's ErrorCollection
 * for errors, and the rank endpoint's partial success.
 */
const RESPONSE_OVERRIDES: Record<string, { doc: DocId; schema: string }> = {
  'PUT /rest/agile/1.0/issue/rank 207': { doc: 'software', schema: 'PartialSuccessBean' },
};

/** Field values inside IssueBean.fields, which the documents leave open (`additionalProperties: {}`). */
const ISSUE_FIELD_SCHEMAS: Record<string, { schema: string; nullable?: boolean; array?: boolean }> = {
  issuetype: { schema: 'IssueTypeDetails' },
  status: { schema: 'StatusDetails' },
  project: { schema: 'ProjectDetails' },
  assignee: { schema: 'UserDetails', nullable: true },
  reporter: { schema: 'UserDetails', nullable: true },
  priority: { schema: 'Priority', nullable: true },
  parent: { schema: 'LinkedIssue' },
  subtasks: { schema: 'LinkedIssue', array: true },
  issuelinks: { schema: 'IssueLinkInIssue', array: true },
  security: { schema: 'SecurityLevel', nullable: true },
  resolution: { schema: 'Resolution', nullable: true },
  fixVersions: { schema: 'Version', array: true },
  versions: { schema: 'Version', array: true },
  components: { schema: 'ProjectComponent', array: true },
  comment: { schema: 'PageOfComments' },
  watches: { schema: 'Watchers' },
};

function issueLinkInIssue(): ValidateFunction {
  // IssueLink requires both ends (it is also the request/GET-link shape); inside an issue's
  // `issuelinks` Jira sends exactly one of them.
  return validator('platform#IssueLinkInIssue', () => {
    const base = toJsonSchema(docs.platform.components.schemas.IssueLink, 'platform') as Json;
    return {
      ...base,
      required: ['id', 'type'],
      oneOf: [{ required: ['inwardIssue'] }, { required: ['outwardIssue'] }],
    };
  });
}

function format(errors: ValidateFunction['errors']): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('\n');
}

function check(v: ValidateFunction, value: unknown, what: string): void {
  if (!v(value))
    throw new Error(
      `${what} does not match the OpenAPI schema:\n${format(v.errors)}\nbody: ${JSON.stringify(value).slice(0, 2000)}`,
    );
}

export function expectIssueFieldsMatch(fields: Record<string, unknown>, what = 'issue fields'): void {
  for (const [name, value] of Object.entries(fields)) {
    const spec = ISSUE_FIELD_SCHEMAS[name];
    if (!spec || (value === null && spec.nullable)) continue;
    const v = spec.schema === 'IssueLinkInIssue' ? issueLinkInIssue() : componentValidator('platform', spec.schema);
    if (spec.array) {
      if (!Array.isArray(value)) throw new Error(`${what}.${name} must be an array`);
      value.forEach((item, n) => check(v, item, `${what}.${name}[${n}]`));
    } else check(v, value, `${what}.${name}`);
  }
  if ('summary' in fields && typeof fields.summary !== 'string') throw new Error(`${what}.summary must be a string`);
  if ('labels' in fields && !(Array.isArray(fields.labels) && fields.labels.every((l) => typeof l === 'string'))) {
    throw new Error(`${what}.labels must be an array of strings`);
  }
  if (fields.duedate != null && !/^\d{4}-\d\d-\d\d$/.test(String(fields.duedate)))
    throw new Error(`${what}.duedate is not a date: ${String(fields.duedate)}`);
  for (const date of ['created', 'updated', 'resolutiondate']) {
    if (
      date in fields &&
      fields[date] !== null &&
      !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4}$/.test(String(fields[date]))
    ) {
      throw new Error(`${what}.${date} is not in Jira's timestamp format: ${String(fields[date])}`);
    }
  }
}

function checkEmbeddedIssues(body: unknown, what: string): void {
  if (typeof body !== 'object' || body === null) return;
  const b = body as Json;
  if (Array.isArray(b.issues)) {
    b.issues.forEach((i, n) => {
      const fields = (i as Json).fields;
      if (fields) expectIssueFieldsMatch(fields as Json, `${what} issues[${n}].fields`);
    });
  }
  if (typeof b.fields === 'object' && b.fields !== null && typeof b.key === 'string')
    expectIssueFieldsMatch(b.fields as Json, `${what} fields`);
}

/** Throws unless `body` is what the documents allow for this operation and status. */
export function expectMatchesOperation(method: string, path: string, status: number, body: unknown): void {
  const op = findOperation(method, path);
  const what = `${op.method} ${op.template} ${status}`;
  const override = RESPONSE_OVERRIDES[`${op.method} ${op.template} ${status}`];
  const responses = op.op.responses as Record<string, Json>;
  const response = responses[String(status)];
  const content = response?.content as Record<string, { schema?: unknown }> | undefined;
  const schema = content?.['application/json']?.schema ?? Object.values(content ?? {})[0]?.schema;

  if (override) return check(componentValidator(override.doc, override.schema), body, what);
  if (status >= 400) {
    // Jira answers every error with an ErrorCollection; many operations document the status
    // without a schema, and some statuses (410 on the removed search) are not documented at all.
    if (schema)
      check(
        validator(`${what}`, () => toJsonSchema(schema, op.doc)),
        body,
        what,
      );
    return check(componentValidator('platform', 'ErrorCollection'), body, `${what} (ErrorCollection)`);
  }
  if (!response)
    throw new Error(`${what} is not a documented response (documented: ${Object.keys(responses).join(', ')})`);
  if (status === 204 || (status === 201 && !schema) || (schema && Object.keys(schema as Json).length === 0)) {
    if (body !== undefined && body !== '')
      throw new Error(`${what} must have an empty body, got ${JSON.stringify(body)}`);
    return;
  }
  if (!schema) throw new Error(`${what} has no documented schema`);
  check(
    validator(`${what}`, () => toJsonSchema(schema, op.doc)),
    body,
    what,
  );
  checkEmbeddedIssues(body, what);
}

/** Throws unless `body` matches the operation's documented request body schema. */
export function expectRequestMatches(method: string, path: string, body: unknown): void {
  const op = findOperation(method, path);
  const what = `${op.method} ${op.template} request`;
  const rb = op.op.requestBody as Json | undefined;
  const content = rb?.content as Record<string, { schema?: unknown }> | undefined;
  const schema = content?.['application/json']?.schema;
  if (!schema) throw new Error(`${what}: no documented JSON request body`);
  check(
    validator(what, () => toJsonSchema(schema, op.doc)),
    body,
    what,
  );
}
