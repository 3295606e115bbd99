// History clauses over an issue's field changes (status, assignee, reporter, priority, resolution): `status WAS "In Review"`, `WAS IN (…)`, `WAS NOT`,
// and `status CHANGED FROM a TO b BY user AFTER d BEFORE d ON d DURING (d1, d2)`. A field's values
// over time are intervals: the value before its first change from creation, then each change's new
// value from when it was made (by whom) until the next change.
import type { EmulatorStore, StoredChange, StoredIssue } from '../store';
import type { Viewer } from '../visibility';
import type { AstOperand, AstTerminal } from './ast';
import { evalDateFunction, isDateFunction, parseDateValue } from './dates';
import { JqlError, jqlErrors } from './errors';

export type HistoryField = StoredChange['field'];

interface Ctx {
  store: EmulatorStore;
  viewer: Viewer;
  now: Date;
}

const DAY_MS = 24 * 3600 * 1000;
const WAS_PREDICATES = ['after', 'before', 'on', 'during', 'by'];
const CHANGED_PREDICATES = [...WAS_PREDICATES, 'from', 'to'];

interface Interval {
  value: string | null;
  start: number;
  end: number;
  /** Who set this value (undefined for the value the issue was created with). */
  by?: string;
}

function current(issue: StoredIssue, field: HistoryField): string | null {
  switch (field) {
    case 'status':
      return issue.status.name;
    case 'priority':
      return issue.priority ?? null;
    case 'resolution':
      return issue.resolution?.name ?? null;
    case 'reporter':
      return issue.reporter ?? null;
    default:
      return issue.assignee ?? null;
  }
}

const isUserField = (field: HistoryField): boolean => field === 'assignee' || field === 'reporter';

function intervals(issue: StoredIssue, field: HistoryField): Interval[] {
  const changes = issue.history.filter((h) => h.field === field);
  const out: Interval[] = [];
  let value = changes.length > 0 ? changes[0].from : current(issue, field);
  let start = issue.created;
  let by: string | undefined;
  for (const c of changes) {
    out.push({ value, start, end: c.at, by });
    value = c.to;
    start = c.at;
    by = c.by;
  }
  out.push({ value, start, end: Infinity, by });
  return out;
}

/** Compares values the way the field names them: status, priority and resolution by case-insensitive name, users by account id. */
function valueKey(field: HistoryField, value: string | null): string | null {
  return value === null || isUserField(field) ? value : value.toLowerCase();
}

function resolveValue(field: HistoryField, operand: AstOperand, fieldName: string, ctx: Ctx): (string | null)[] {
  if (operand.operandType === 'keyword') return [null];
  if (operand.operandType === 'list') return operand.values.flatMap((o) => resolveValue(field, o, fieldName, ctx));
  if (operand.operandType === 'function') {
    if (isUserField(field) && operand.function.value.toLowerCase() === 'currentuser') return [ctx.viewer.accountId];
    throw new JqlError([jqlErrors.functionNotForField(operand.function.value, fieldName)]);
  }
  const v = operand.value;
  if (field === 'status') {
    const s = ctx.store.findStatus(v);
    if (!s) throw new JqlError([jqlErrors.unknownValue(v, fieldName)]);
    return [s.name.toLowerCase()];
  }
  if (field === 'priority') {
    const p = ctx.store.priorities.find((x, n) => x.toLowerCase() === v.toLowerCase() || String(n + 1) === v);
    if (!p) throw new JqlError([jqlErrors.unknownValue(v, fieldName)]);
    return [p.toLowerCase()];
  }
  if (field === 'resolution') {
    // "Unresolved" names the empty value, as in `resolution = Unresolved`.
    if (v.toLowerCase() === 'unresolved') return [null];
    const r = ctx.store.findResolution(v);
    if (!r) throw new JqlError([jqlErrors.unknownValue(v, fieldName)]);
    return [r.name.toLowerCase()];
  }
  const u = ctx.store.findUser(v);
  if (!u) throw new JqlError([jqlErrors.unknownValue(v, fieldName)]);
  return [u.accountId];
}

function userOf(operand: AstOperand, ctx: Ctx): string {
  if (operand.operandType === 'function' && operand.function.value.toLowerCase() === 'currentuser')
    return ctx.viewer.accountId;
  if (operand.operandType !== 'value') throw new JqlError([jqlErrors.unsupportedOperator('by', 'by')]);
  const u = ctx.store.findUser(operand.value);
  if (!u) throw new JqlError([jqlErrors.unknownValue(operand.value, 'by')]);
  return u.accountId;
}

function dateOf(operand: AstOperand, predicate: string, fieldName: string, ctx: Ctx): number {
  let at: number | undefined;
  if (operand.operandType === 'value') at = parseDateValue(operand.value, ctx.now);
  else if (operand.operandType === 'function' && isDateFunction(operand.function.value))
    at = evalDateFunction(
      operand.function.value,
      operand.arguments.map((a) => a.value),
      ctx.now,
    );
  if (at === undefined) {
    const text = operand.operandType === 'value' ? operand.value : predicate;
    throw new JqlError([jqlErrors.badDate(text, fieldName)]);
  }
  return at;
}

/** A predicate as a time window and/or actor and/or values a change must satisfy. */
interface Window {
  after?: number;
  before?: number;
  from?: number;
  to?: number;
  by?: string;
  fromValues?: (string | null)[];
  toValues?: (string | null)[];
}

interface AstPredicate {
  operator: { value: string };
  operand: AstOperand;
}

function windowOf(clause: AstTerminal, allowed: string[], field: HistoryField, fieldName: string, ctx: Ctx): Window {
  const w: Window = {};
  for (const p of clause.predicates as AstPredicate[]) {
    const name = p.operator.value.toLowerCase();
    if (!allowed.includes(name)) throw new JqlError([jqlErrors.unsupportedPredicate(name, fieldName)]);
    switch (name) {
      case 'after':
        w.after = dateOf(p.operand, name, fieldName, ctx);
        break;
      case 'before':
        w.before = dateOf(p.operand, name, fieldName, ctx);
        break;
      case 'on': {
        const day = dateOf(p.operand, name, fieldName, ctx);
        w.from = Math.floor(day / DAY_MS) * DAY_MS;
        w.to = w.from + DAY_MS - 1;
        break;
      }
      case 'during': {
        if (p.operand.operandType !== 'list' || p.operand.values.length !== 2)
          throw new JqlError([jqlErrors.duringNeedsTwoDates(fieldName)]);
        w.from = dateOf(p.operand.values[0], name, fieldName, ctx);
        w.to = dateOf(p.operand.values[1], name, fieldName, ctx);
        break;
      }
      case 'by':
        w.by = userOf(p.operand, ctx);
        break;
      case 'from':
        w.fromValues = resolveValue(field, p.operand, fieldName, ctx);
        break;
      default:
        w.toValues = resolveValue(field, p.operand, fieldName, ctx);
    }
  }
  return w;
}

/** `field WAS [NOT] [IN] value(s) [predicates]`. */
export function wasTest(
  clause: AstTerminal,
  op: string,
  field: HistoryField,
  fieldName: string,
  ctx: Ctx,
): (issue: StoredIssue) => boolean {
  const operand = clause.operand;
  if (!operand) throw new JqlError([jqlErrors.unsupportedOperator(op, fieldName)]);
  const list = op === 'was in' || op === 'was not in';
  if (list !== (operand.operandType === 'list')) throw new JqlError([jqlErrors.unsupportedOperator(op, fieldName)]);
  const wanted = new Set(resolveValue(field, operand, fieldName, ctx));
  const w = windowOf(clause, WAS_PREDICATES, field, fieldName, ctx);
  const matches = (i: StoredIssue): boolean =>
    intervals(i, field).some(
      (iv) =>
        wanted.has(valueKey(field, iv.value)) &&
        (w.after === undefined || iv.end > w.after) &&
        (w.before === undefined || iv.start < w.before) &&
        (w.from === undefined || (iv.start <= (w.to as number) && iv.end > w.from)) &&
        (w.by === undefined || iv.by === w.by),
    );
  return op.startsWith('was not') ? (i) => !matches(i) : matches;
}

/** `field CHANGED [FROM a] [TO b] [BY u] [AFTER d] [BEFORE d] [ON d] [DURING (d1, d2)]`. */
export function changedTest(
  clause: AstTerminal,
  field: HistoryField,
  fieldName: string,
  ctx: Ctx,
): (issue: StoredIssue) => boolean {
  if (clause.operand) throw new JqlError([jqlErrors.unsupportedOperator('changed', fieldName)]);
  const w = windowOf(clause, CHANGED_PREDICATES, field, fieldName, ctx);
  const from = w.fromValues && new Set(w.fromValues);
  const to = w.toValues && new Set(w.toValues);
  return (i) =>
    i.history.some(
      (c) =>
        c.field === field &&
        (!from || from.has(valueKey(field, c.from))) &&
        (!to || to.has(valueKey(field, c.to))) &&
        (w.by === undefined || c.by === w.by) &&
        (w.after === undefined || c.at > w.after) &&
        (w.before === undefined || c.at < w.before) &&
        (w.from === undefined || (c.at >= w.from && c.at <= (w.to as number))),
    );
}
