// A small reader for the JSON Schema that `listSynchronizers` sends as `paramsSchema` (zod's
// toJSONSchema output): objects, discriminated unions (oneOf/anyOf with a `const` tag), strings,
// numbers, booleans and enums. Enough to generate the parameter form and to check it before the
// server does; the server's validation stays the authority.

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
}

export type ParamValues = Record<string, unknown>;
/** Field errors keyed by dotted path inside the parameters, e.g. "source.jql". */
export type FieldErrors = Record<string, string>;

export function asSchema(value: unknown): JsonSchema {
  return value && typeof value === 'object' ? (value as JsonSchema) : {};
}

export function variantsOf(schema: JsonSchema): JsonSchema[] | undefined {
  const list = schema.oneOf ?? schema.anyOf;
  return list && list.length > 0 ? list : undefined;
}

/** The property whose `const` tells the variants of a union apart (e.g. `type`). */
export function discriminatorOf(variants: JsonSchema[]): string | undefined {
  const first = variants[0]?.properties ?? {};
  return Object.keys(first).find((name) => variants.every((v) => v.properties?.[name]?.const !== undefined));
}

export function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  if (schema.enum) return typeof schema.enum[0];
  if (schema.const !== undefined) return typeof schema.const;
  return undefined;
}

/** A complete starting value: schema defaults, then the synchronizer's `defaults`, then empty values. */
export function initialValue(schema: JsonSchema, given?: unknown): unknown {
  if (given !== undefined && !(typeOf(schema) === 'object' && typeof given === 'object')) return given;
  const variants = variantsOf(schema);
  if (variants) {
    const tag = discriminatorOf(variants);
    const givenObj = (given ?? schema.default) as ParamValues | undefined;
    const chosen =
      (tag ? variants.find((v) => v.properties?.[tag]?.const === givenObj?.[tag]) : undefined) ?? variants[0]!;
    return initialValue(chosen, givenObj);
  }
  if (schema.const !== undefined) return schema.const;
  const base = given ?? schema.default;
  switch (typeOf(schema)) {
    case 'object': {
      const out: ParamValues = {};
      const givenObj = (base ?? {}) as ParamValues;
      for (const [name, prop] of Object.entries(schema.properties ?? {}))
        out[name] = initialValue(prop, givenObj[name]);
      return out;
    }
    case 'boolean':
      return base ?? false;
    case 'array':
      return base ?? [];
    case 'string':
      return base ?? (schema.enum ? schema.enum[0] : '');
    default:
      return base;
  }
}

const LABELS: Record<string, string> = {
  source: 'Filter',
  jql: 'JQL',
  filterId: 'Favourite filter',
  placement: 'Add new issues',
  issueKey: 'Parent issue key',
  underIssueKey: 'Parent issue key',
  parentIssueKey: 'Parent issue key',
  parentKey: 'Parent issue key',
  add: 'Add new issues',
  allowMove: 'Allow move',
  remove: 'Remove',
  removeOnlyWhereAdded: 'Remove only where added',
  removeOnlyWherePlaced: 'Remove only where added',
  doubleCheckSubIssues: 'Double-check sub-issues',
  doubleCheck: 'Double-check sub-issues',
  // Sub-tasks, Links, Agile, Hierarchy
  addMissing: 'Add missing sub-tasks',
  linkTypeId: 'Link type',
  parentEnd: 'Parent is',
  parentJql: 'Parent filter (JQL)',
  childJql: 'Sub-issue filter (JQL)',
  scope: 'Scope',
  levels: 'Levels',
  removeUnlinked: 'Remove sub-issues whose link is gone',
  boardId: 'Board',
  projectKeys: 'Projects',
  rankFieldId: 'Rank field',
  subtasks: 'Sub-tasks under their parents',
  roots: 'Roots',
  order: 'Order siblings',
};

/** Unions named by the variants they offer, where one name (e.g. `source`) means different things. */
const UNION_LABELS: Record<string, string> = {
  'board|custom': 'Issues from',
  'highestLevel|jql': 'Roots',
};

/** Labels of enum values, by parameter name. */
const ENUM_LABELS: Record<string, Record<string, string>> = {
  parentEnd: {
    inward: 'The inward issue (in “A blocks B”, A is the parent)',
    outward: 'The outward issue (in “A blocks B”, B is the parent)',
  },
  scope: {
    structure: 'Issues already in the structure',
    expand: 'Expand: add linked issues below the structure’s issues',
    all: 'All issues matching the parent filter',
  },
  order: { rank: 'By rank', key: 'By key (PROJ-9 before PROJ-10)' },
};

export function enumLabel(name: string, value: unknown): string {
  return ENUM_LABELS[name]?.[String(value)] ?? String(value);
}

const HELP: Record<string, string> = {
  add: 'Every issue that matches and is not in the structure yet is added here, at the end.',
  placement: 'Every issue that matches and is not in the structure yet is added here, at the end.',
  allowMove: 'Move matching issues that are elsewhere in the structure to the place where issues are added.',
  remove: 'Remove rows of issues that no longer match; a row is kept while it has children that stay.',
  removeOnlyWhereAdded: 'Remove only rows at the place where the synchronizer adds issues.',
  removeOnlyWherePlaced: 'Remove only rows at the place where the synchronizer adds issues.',
  doubleCheckSubIssues: 'When a row is removed, remove its whole branch unless a child matches on its own.',
  doubleCheck: 'When a row is removed, remove its whole branch unless a child matches on its own.',
  addMissing:
    'Sub-tasks that are not in the structure yet are added under every row of their parent; off: only those already in it are moved there.',
  parentJql: 'Only links whose parent matches count. Leave empty to accept every issue.',
  childJql: 'Only links whose sub-issue matches count. Leave empty to accept every issue.',
  levels: 'How many levels to place below an issue (1: only its direct children).',
  removeUnlinked:
    'Remove a row from under its parent when the link between them is gone (only where this synchronizer places sub-issues).',
  subtasks: 'Place the board’s sub-tasks under their parent issues; off: sub-tasks are left alone.',
  rankFieldId: 'The issues are listed in the order of this field.',
};

/** What a value of a well-known parameter looks like, when it does not match the schema's pattern. */
const PATTERN_HINTS: Record<string, string> = {
  issueKey: 'An issue key looks like PROJ-123',
  underIssueKey: 'An issue key looks like PROJ-123',
  parentIssueKey: 'An issue key looks like PROJ-123',
  parentKey: 'An issue key looks like PROJ-123',
  filterId: 'Choose one of your favourite filters',
};

/**
 * Options that only mean something with another one (Structure's Filter synchronizer: Allow move
 * only with "under an issue"; the Remove sub-options only with Remove). The server refuses them
 * otherwise, so the form switches them off and says why. Keyed by top-level parameter name.
 */
export const DEPENDENCIES: Record<string, { when: (values: ParamValues) => boolean; why: string }> = {
  allowMove: {
    when: (v) =>
      ['under', 'underIssue'].includes(
        String((v.add as ParamValues | undefined)?.at ?? (v.placement as ParamValues | undefined)?.type ?? ''),
      ),
    why: 'Only with new issues added under an issue.',
  },
  removeOnlyWhereAdded: { when: (v) => v.remove === true, why: 'Only with Remove.' },
  removeOnlyWherePlaced: { when: (v) => v.remove === true, why: 'Only with Remove.' },
  doubleCheckSubIssues: { when: (v) => v.remove === true, why: 'Only with Remove.' },
};

/** Values with every option whose condition does not hold switched off. */
export function applyDependencies(schema: JsonSchema, values: ParamValues): ParamValues {
  let out = values;
  for (const [name, dep] of Object.entries(DEPENDENCIES)) {
    if (schema.properties?.[name] && out[name] === true && !dep.when(out)) out = { ...out, [name]: false };
  }
  return out;
}

/** Paths of the options that are off limits for these values, with the reason. */
export function unavailable(schema: JsonSchema, values: ParamValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, dep] of Object.entries(DEPENDENCIES))
    if (schema.properties?.[name] && !dep.when(values)) out[name] = dep.why;
  return out;
}

const VARIANT_LABELS: Record<string, string> = {
  jql: 'JQL query',
  filter: 'Saved filter',
  savedFilter: 'Saved filter',
  top: 'At the top level',
  topLevel: 'At the top level',
  under: 'Under an issue',
  underIssue: 'Under an issue',
  board: 'A board',
  custom: 'Projects, in rank order',
  highestLevel: 'The highest level in projects',
};

function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function labelOf(name: string, schema: JsonSchema): string {
  const variants = variantsOf(schema);
  const tag = variants && discriminatorOf(variants);
  const union = tag
    ? UNION_LABELS[
        variants
          .map((v) => String(v.properties?.[tag]?.const))
          .sort()
          .join('|')
      ]
    : undefined;
  return schema.title ?? union ?? LABELS[name] ?? humanize(name);
}

export function helpOf(name: string, schema: JsonSchema): string | undefined {
  return schema.description ?? HELP[name];
}

export function variantLabel(variant: JsonSchema, tag: string): string {
  const value = String(variant.properties?.[tag]?.const);
  return variant.title ?? VARIANT_LABELS[value] ?? humanize(value);
}

/** Checks a value against the schema; answers the first problem of each field, keyed by path. */
export function validate(
  schema: JsonSchema,
  value: unknown,
  path = '',
  name = '',
  errors: FieldErrors = {},
): FieldErrors {
  const variants = variantsOf(schema);
  if (variants) {
    const tag = discriminatorOf(variants);
    const obj = (value ?? {}) as ParamValues;
    const chosen = tag ? variants.find((v) => v.properties?.[tag]?.const === obj[tag]) : variants[0];
    if (!chosen) errors[path] = `Choose an option for ${labelOf(name, schema)}`;
    else validate(chosen, value, path, name, errors);
    return errors;
  }
  const label = labelOf(name, schema);
  switch (typeOf(schema)) {
    case 'object': {
      const obj = (value ?? {}) as ParamValues;
      for (const [prop, propSchema] of Object.entries(schema.properties ?? {})) {
        const propPath = path ? `${path}.${prop}` : prop;
        const v = obj[prop];
        const empty = v === undefined || v === null || v === '';
        if (empty) {
          if (schema.required?.includes(prop) && propSchema.const === undefined)
            errors[propPath] = `${labelOf(prop, propSchema)} is required`;
          continue;
        }
        validate(propSchema, v, propPath, prop, errors);
      }
      return errors;
    }
    case 'string': {
      const s = String(value ?? '');
      if (schema.minLength !== undefined && s.trim().length < schema.minLength) errors[path] = `${label} is required`;
      else if (schema.maxLength !== undefined && s.length > schema.maxLength)
        errors[path] = `${label} is longer than ${schema.maxLength} characters`;
      else if (schema.pattern && !new RegExp(schema.pattern, 'u').test(s.trim()))
        errors[path] = PATTERN_HINTS[name] ?? `${label} has the wrong format`;
      return errors;
    }
    case 'array': {
      const list = Array.isArray(value) ? value : [];
      if (schema.minItems !== undefined && list.length < schema.minItems)
        errors[path] = `Choose at least ${schema.minItems === 1 ? 'one' : schema.minItems}`;
      else if (schema.maxItems !== undefined && list.length > schema.maxItems)
        errors[path] = `Choose at most ${schema.maxItems}`;
      return errors;
    }
    case 'integer':
    case 'number': {
      const n = Number(value);
      if (!Number.isFinite(n)) errors[path] = `${label} must be a number`;
      else if (schema.exclusiveMinimum !== undefined && n <= schema.exclusiveMinimum)
        errors[path] = `Choose a ${label.toLowerCase()}`;
      else if (schema.minimum !== undefined && n < schema.minimum)
        errors[path] = `${label} must be at least ${schema.minimum}`;
      else if (schema.maximum !== undefined && n > schema.maximum)
        errors[path] = `${label} must be at most ${schema.maximum}`;
      return errors;
    }
    default:
      return errors;
  }
}

/** Every path the form shows for this value, so a server error on an unknown path still gets shown. */
export function renderedPaths(schema: JsonSchema, value: unknown, path = '', out: string[] = []): string[] {
  const variants = variantsOf(schema);
  if (variants) {
    out.push(path);
    const tag = discriminatorOf(variants);
    const obj = (value ?? {}) as ParamValues;
    const chosen = tag ? variants.find((v) => v.properties?.[tag]?.const === obj[tag]) : variants[0];
    if (chosen)
      for (const [prop, s] of Object.entries(chosen.properties ?? {}))
        if (prop !== tag) renderedPaths(s, obj[prop], path ? `${path}.${prop}` : prop, out);
    return out;
  }
  if (typeOf(schema) === 'object') {
    if (path) out.push(path);
    const obj = (value ?? {}) as ParamValues;
    for (const [prop, s] of Object.entries(schema.properties ?? {}))
      renderedPaths(s, obj[prop], path ? `${path}.${prop}` : prop, out);
    return out;
  }
  out.push(path);
  return out;
}

/** The values to send: optional parameters left empty are left out (the server reads "absent" as "no filter", and refuses ""). */
export function compact(schema: JsonSchema, value: unknown): unknown {
  const variants = variantsOf(schema);
  const obj = value as ParamValues;
  if (variants) {
    const tag = discriminatorOf(variants);
    const chosen = tag ? variants.find((v) => v.properties?.[tag]?.const === obj?.[tag]) : undefined;
    return chosen ? compact(chosen, value) : value;
  }
  if (typeOf(schema) !== 'object' || !obj || typeof obj !== 'object') return value;
  const out: ParamValues = {};
  for (const [name, v] of Object.entries(obj)) {
    const prop = schema.properties?.[name];
    if ((v === '' || v === undefined) && !schema.required?.includes(name)) continue;
    out[name] = prop ? compact(prop, v) : v;
  }
  return out;
}

export function getAt(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as ParamValues)[key] : undefined), value);
}
