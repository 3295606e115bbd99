// Evaluates the condition clauses @forge/kvs sends (`WhereConditions`, `FilterConditions`, transaction
// conditions) against stored values, with the ordering the storage service uses for index ranges.
import { badRequest } from './errors';

export type ConditionName =
  | 'BEGINS_WITH'
  | 'BETWEEN'
  | 'CONTAINS'
  | 'NOT_CONTAINS'
  | 'EQUAL_TO'
  | 'NOT_EQUAL_TO'
  | 'EXISTS'
  | 'NOT_EXISTS'
  | 'GREATER_THAN'
  | 'GREATER_THAN_EQUAL_TO'
  | 'LESS_THAN'
  | 'LESS_THAN_EQUAL_TO';

export interface Clause {
  condition: ConditionName;
  values: unknown[];
}

export interface PropertyClause extends Clause {
  property: string;
}

/** `{ and: [...] }` or `{ or: [...] }`, exactly one of them, as @forge/kvs builds it from a Filter. */
export interface FilterGroup {
  and?: PropertyClause[];
  or?: PropertyClause[];
}

const RANGE_CONDITIONS: ReadonlySet<string> = new Set([
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
]);
const ALL_CONDITIONS: ReadonlySet<string> = new Set([
  ...RANGE_CONDITIONS,
  'CONTAINS',
  'NOT_CONTAINS',
  'NOT_EQUAL_TO',
  'EXISTS',
  'NOT_EXISTS',
]);

const typeRank = (v: unknown): number =>
  typeof v === 'boolean' ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : 3;

/** Total order over indexable values: booleans < numbers < strings; numbers numerically, strings by code unit. */
export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const sa = typeof a === 'string' ? a : JSON.stringify(a);
  const sb = typeof b === 'string' ? b : JSON.stringify(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function sameType(a: unknown, b: unknown): boolean {
  return typeRank(a) === typeRank(b);
}

export function validateClause(clause: Clause, allowed: 'range' | 'filter'): void {
  const names = allowed === 'range' ? RANGE_CONDITIONS : ALL_CONDITIONS;
  if (!clause || typeof clause.condition !== 'string' || !names.has(clause.condition)) {
    throw badRequest(
      'BAD_REQUEST',
      `Provided request body is invalid: unsupported condition '${String(clause?.condition)}'`,
    );
  }
  if (!Array.isArray(clause.values) || clause.values.length === 0) {
    throw badRequest('BAD_REQUEST', `Provided request body is invalid: condition '${clause.condition}' needs a value`);
  }
  if (clause.condition === 'BETWEEN' && clause.values.length < 2) {
    throw badRequest('INSUFFICIENT_FILTER_VALUES', 'The specified condition needs at least two values.');
  }
}

/** Whether `actual` (undefined when the attribute is absent) satisfies the clause. */
export function matches(actual: unknown, clause: Clause): boolean {
  const [first, second] = clause.values;
  switch (clause.condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'NOT_EQUAL_TO':
      return actual === undefined || JSON.stringify(actual) !== JSON.stringify(first);
    case 'NOT_CONTAINS':
      return !contains(actual, first);
    case 'CONTAINS':
      return contains(actual, first);
    default:
      break;
  }
  if (actual === undefined) return false;
  switch (clause.condition) {
    case 'EQUAL_TO':
      return JSON.stringify(actual) === JSON.stringify(first);
    case 'BEGINS_WITH':
      return typeof actual === 'string' && actual.startsWith(String(first));
    case 'BETWEEN':
      return sameType(actual, first) && compareValues(actual, first) >= 0 && compareValues(actual, second) <= 0;
    case 'GREATER_THAN':
      return sameType(actual, first) && compareValues(actual, first) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return sameType(actual, first) && compareValues(actual, first) >= 0;
    case 'LESS_THAN':
      return sameType(actual, first) && compareValues(actual, first) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return sameType(actual, first) && compareValues(actual, first) <= 0;
    default:
      return false;
  }
}

function contains(actual: unknown, needle: unknown): boolean {
  if (typeof actual === 'string') return actual.includes(String(needle));
  if (Array.isArray(actual)) return actual.some((item) => JSON.stringify(item) === JSON.stringify(needle));
  return false;
}

/** Checks the shape of a filter group and returns its operator and clauses. */
export function parseFilterGroup(group: FilterGroup): { operator: 'and' | 'or'; clauses: PropertyClause[] } {
  const hasAnd = group.and !== undefined;
  const hasOr = group.or !== undefined;
  if (hasAnd && hasOr) {
    throw badRequest(
      'INVALID_FILTER_OPERATORS_COMBINATION',
      'Filter operators "and" and "or" cannot be present at the same level.',
    );
  }
  const operator = hasOr ? 'or' : 'and';
  const clauses = (hasOr ? group.or : group.and) ?? [];
  if (!Array.isArray(clauses) || clauses.length === 0) {
    throw badRequest('EMPTY_FILTER_OPERATOR', 'Filter operators "and" and "or" cannot be empty.');
  }
  for (const clause of clauses) {
    if (typeof clause.property !== 'string' || clause.property === '') {
      throw badRequest('BAD_REQUEST', 'Provided request body is invalid: a filter needs a property');
    }
    validateClause(clause, 'filter');
  }
  return { operator, clauses };
}

/** Evaluates a filter group against an entity value (undefined when the item does not exist). */
export function matchesFilterGroup(value: Record<string, unknown> | undefined, group: FilterGroup): boolean {
  const { operator, clauses } = parseFilterGroup(group);
  const test = (c: PropertyClause): boolean => matches(value?.[c.property], c);
  return operator === 'and' ? clauses.every(test) : clauses.some(test);
}
