// Jira's JQL error messages. Each names the clause part that failed, because the app shows them
// to the user and they must be able to find the mistake in their query.

export class JqlError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join(' '));
  }
}

export const jqlErrors = {
  unbounded: () => 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
  syntax: (description: string, line: number, char: number) =>
    `Error in the JQL Query: ${description} (line ${line}, character ${char + 1})`,
  unknownField: (field: string) => `Field '${field}' does not exist or you do not have permission to view it.`,
  unsupportedOperator: (op: string, field: string) => `The operator '${op}' is not supported by the '${field}' field.`,
  unknownValue: (value: string, field: string) => `The value '${value}' does not exist for the field '${field}'.`,
  unknownIssue: (value: string, field: string) => `An issue with key '${value}' does not exist for field '${field}'.`,
  unknownFunction: (name: string) => `Unable to find JQL function '${name}()'.`,
  functionNotForField: (name: string, field: string) =>
    `The function '${name}' is not supported by the '${field}' field.`,
  badDate: (value: string, field: string) =>
    `Date value '${value}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  notSortable: (field: string) => `Field '${field}' does not support sorting.`,
  tooManyOrderBy: () => "The 'ORDER BY' clause can contain a maximum of 7 fields.",
  history: (field: string) => `History searches are not supported for the '${field}' field.`,
  notAnEpic: (value: string) => `The issue '${value}' is not an epic, so no issue can have it as its 'Epic Link'.`,
  notANumber: (value: string, field: string) => `The value '${value}' for the field '${field}' is not a valid number.`,
  unsupportedPredicate: (predicate: string, field: string) =>
    `The predicate '${predicate.toUpperCase()}' is not supported for history searches of the '${field}' field.`,
  duringNeedsTwoDates: (field: string) =>
    `The 'DURING' predicate of the '${field}' history search takes two dates, e.g. DURING ("2026-01-01", "2026-01-31").`,
  filterCycle: (value: string) =>
    `The filter '${value}' refers to itself: filters cannot reference each other in a cycle.`,
};

/** Jira's experimental search `warnings` (jira.js 6.2 `SearchWarning`): the search ran, with a caveat. */
export interface SearchWarning {
  type: string;
  message: string;
  details?: { clause?: string; arguments?: string; limit?: number; actual?: number };
}

/** Values one list clause may carry; beyond it Jira searches with the first ones and warns (CLAUSE_LIMIT_EXCEEDED). */
export const CLAUSE_VALUE_LIMIT = 1000;

export const jqlWarnings = {
  clauseLimit: (clause: string, actual: number): SearchWarning => ({
    type: 'CLAUSE_LIMIT_EXCEEDED',
    message: `The '${clause}' clause has ${actual} values, more than the maximum of ${CLAUSE_VALUE_LIMIT}: only the first ${CLAUSE_VALUE_LIMIT} were searched.`,
    details: { clause, limit: CLAUSE_VALUE_LIMIT, actual },
  }),
};
