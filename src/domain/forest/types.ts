/**
 * Coordinates of a forest. Kept as plain numbers, named consistently:
 * - `RowId`: identity of a row, positive, unique within a forest and never reused. 0 means "none"
 *   (the invisible root in `under`, "first" in `after`, "last" in `before`), as in Structure's REST API.
 * - `index`: position of a row in pre-order, 0-based. Never mixed with a RowId.
 * - `depth`: 0 = top level.
 *
 * Issue ids are numbers: Jira issue ids are numeric strings ("10042"); the forest keeps them as
 * numbers so they fit a typed array and encode as small deltas. Callers convert at the Jira boundary.
 */
export type RowId = number;
export type IssueId = number;

/** One row of a forest, as callers see it. */
export interface Row {
  readonly rowId: RowId;
  readonly depth: number;
  readonly issueId: IssueId;
}

/** rowIds live in an Int32Array. */
export const MAX_ROW_ID = 0x7fffffff;
/** depths live in a Uint16Array. */
export const MAX_DEPTH = 0xffff;
/**
 * Issue ids live in a Float64Array. The bound keeps zigzag deltas of two ids exact in doubles
 * (the encoding relies on it); Jira Cloud issue ids are far below 2^31.
 */
export const MAX_ISSUE_ID = 2 ** 48 - 1;

export function checkIssueId(issueId: number): void {
  if (!Number.isInteger(issueId) || issueId < 1 || issueId > MAX_ISSUE_ID) {
    throw new RangeError(`Issue id ${issueId} is not a positive integer up to ${MAX_ISSUE_ID}`);
  }
}

/** What a row's issue slot may hold: an issue id, or a folder as a negative row id (see folders.ts). */
export function checkItemId(itemId: number): void {
  if (Number.isInteger(itemId) && itemId < 0 && itemId >= -MAX_ROW_ID) return;
  checkIssueId(itemId);
}

export function checkRowId(rowId: number): void {
  if (!Number.isInteger(rowId) || rowId < 1 || rowId > MAX_ROW_ID) {
    throw new RangeError(`Row id ${rowId} is not a positive integer up to ${MAX_ROW_ID}`);
  }
}

/** Jira sends issue ids as numeric strings; this is the one place they become forest issue ids. */
export function issueIdFromJira(id: string): IssueId {
  if (!/^[1-9][0-9]*$/.test(id)) throw new RangeError(`Issue id ${JSON.stringify(id)} is not a Jira issue id`);
  const issueId = Number(id);
  checkIssueId(issueId);
  return issueId;
}

export function issueIdToJira(issueId: IssueId): string {
  checkIssueId(issueId);
  return String(issueId);
}
