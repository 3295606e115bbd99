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

const builder = new JastBuilder();

/** Parses a query or throws a JqlError carrying Jira's "Error in the JQL Query" message. */
export function parseJql(text: string): AstQuery {
  const jast = builder.build(text);
  if (jast.errors.length > 0 || !jast.query) {
    const first = jast.errors[0] as { description?: string; message?: string; line?: number; charPositionInLine?: number } | undefined;
    const description = first?.description ?? first?.message ?? 'The query could not be parsed.';
    throw new JqlError([jqlErrors.syntax(description, first?.line ?? 1, first?.charPositionInLine ?? 0)]);
  }
  return jast.query as unknown as AstQuery;
}
