// Parses JQL with Atlassian's own grammar (@atlaskit/jql-ast) and narrows the result to the node
// shapes the compiler reads. The library's types are richer than we need; these mirror its JSON.
import { JastBuilder } from '@atlaskit/jql-ast';
import { JqlError, jqlErrors } from './errors';

export interface AstValueOperand {
  operandType: 'value';
  value: string;
  text: string;
}
export interface AstKeywordOperand {
  operandType: 'keyword';
  value: string;
}
export interface AstFunctionOperand {
  operandType: 'function';
  function: { value: string; text: string };
  arguments: { value: string; text: string }[];
}
export interface AstListOperand {
  operandType: 'list';
  values: AstOperand[];
}
export type AstOperand = AstValueOperand | AstKeywordOperand | AstFunctionOperand | AstListOperand;

export interface AstTerminal {
  clauseType: 'terminal';
  field: { value: string; text: string; property?: unknown[]; properties?: unknown[] };
  operator?: { value: string };
  operand?: AstOperand;
  predicates: unknown[];
}
export interface AstCompound {
  clauseType: 'compound';
  operator: { value: 'and' | 'or' };
  clauses: AstClause[];
}
export interface AstNot {
  clauseType: 'not';
  clause: AstClause;
}
export type AstClause = AstTerminal | AstCompound | AstNot;

export interface AstOrderByField {
  field: { value: string; text: string };
  direction?: { value: string };
}
export interface AstQuery {
  where?: AstClause;
  orderBy?: { fields: AstOrderByField[] };
}

/** Parsed queries by text; ASTs are never mutated, so sharing them is safe. */
const parsed = new Map<string, AstQuery | JqlError>();
const MAX_PARSED = 500;

/** Parses a query or throws a JqlError carrying Jira's "Error in the JQL Query" message. */
export function parseJql(text: string): AstQuery {
  let result = parsed.get(text);
  if (!result) {
    result = parseUncached(text);
    if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value as string);
    parsed.set(text, result);
  }
  if (result instanceof JqlError) throw result;
  return result;
}

function parseUncached(text: string): AstQuery | JqlError {
  // A fresh builder each time: a reused JastBuilder returns an empty query when it is given the
  // same text twice in a row (memoised token stream, already consumed).
  const jast = new JastBuilder().build(text);
  if (jast.errors.length > 0 || !jast.query) {
    const first = jast.errors[0] as
      { description?: string; message?: string; line?: number; charPositionInLine?: number } | undefined;
    const description = first?.description ?? first?.message ?? 'The query could not be parsed.';
    return new JqlError([jqlErrors.syntax(description, first?.line ?? 1, first?.charPositionInLine ?? 0)]);
  }
  return jast.query as unknown as AstQuery;
}
