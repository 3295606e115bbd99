import type { AppErrorDto } from '../../../../../src/contract';
import { renderedPaths, type JsonSchema } from './jsonSchema';

// Errors the server raises about a parameter it checked against Jira, by the parameter they are
// about when the server did not name it in `error.field`.
const FIELD_BY_CODE: Partial<Record<AppErrorDto['code'], RegExp>> = {
  JQL_INVALID: /(^|\.)jql$/i,
  FILTER_NOT_FOUND: /(^|\.)filterId$/i,
  PARENT_ISSUE_NOT_FOUND: /(^|\.)(issueKey|underIssueKey|parentIssueKey|parentKey|key)$/i,
};

/**
 * Finds the form field a server error belongs to: `error.field` without its `params.` prefix when
 * the form shows it (or its nearest shown ancestor), else the field the error code is about.
 * Undefined means the error is about the request as a whole.
 */
export function serverFieldPath(error: AppErrorDto, schema: JsonSchema, values: unknown): string | undefined {
  const shown = renderedPaths(schema, values).filter(Boolean);
  if (error.field) {
    let path = error.field.replace(/^params\.?/, '');
    while (path) {
      if (shown.includes(path)) return path;
      path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
    }
  }
  const pattern = FIELD_BY_CODE[error.code];
  return pattern ? shown.find((p) => pattern.test(p)) : undefined;
}
